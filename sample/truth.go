package sample

import "fmt"

// BuyerTypes returns each customer's true buyer type, indexed by customer_id-1,
// for the database Generate writes with the same Customers and Seed. The type
// is not stored in the database; tests use this to check that analyses
// recover it. It regenerates only the customers (fast: no purchases).
func BuyerTypes(opt Options) ([]BuyerType, error) {
	if opt.Customers < 1 || opt.Customers > MaxCustomers {
		return nil, fmt.Errorf("customers must be between 1 and %d, not %d", MaxCustomers, opt.Customers)
	}
	out := make([]BuyerType, 0, opt.Customers)
	err := newPopulation(newWorld(opt.Seed), opt.Seed).each(opt.Customers, func(p *person) error {
		out = append(out, p.btype)
		return nil
	})
	return out, err
}
