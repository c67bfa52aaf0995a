package sample

import "fmt"

// Activity says whether a customer bought throughout the recorded history
// (the truth behind "6% of customers are dormant and 12% lapse part-way",
// not stored in the database).
type Activity struct {
	Dormant bool   // on file, no purchase in the recorded history
	Lapsed  bool   // stopped buying part-way
	Until   string // a lapsed customer's last possible purchase day, YYYY-MM-DD
}

// Activities returns each customer's activity, indexed by customer_id-1,
// for the database Generate writes with the same Customers and Seed. It
// replays the first draws of each customer's invoice stream (invoices in
// purchases.go, which must draw them in this order); TestActivities
// checks it against the invoices generated.
func Activities(opt Options) ([]Activity, error) {
	if opt.Customers < 1 || opt.Customers > MaxCustomers {
		return nil, fmt.Errorf("customers must be between 1 and %d, not %d", MaxCustomers, opt.Customers)
	}
	s := newStreams(opt.Seed)
	out := make([]Activity, 0, opt.Customers)
	err := newPopulation(newWorld(opt.Seed), opt.Seed).each(opt.Customers, func(p *person) error {
		r := s.at(streamInvoices, uint64(p.id))
		var a Activity
		lo := max(p.signup, historyStart)
		switch {
		case chance(r, 0.06):
			a.Dormant = true
		case chance(r, 0.12):
			a.Lapsed, a.Until = true, formatDate(between(r, lo, historyEnd))
		}
		out = append(out, a)
		return nil
	})
	return out, err
}
