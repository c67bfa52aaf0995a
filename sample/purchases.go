package sample

import (
	"math"
	"math/rand/v2"
	"slices"
)

// invoice is one purchase occasion of a customer (its header).
type invoice struct {
	day, secs int
	online    bool
	payment   int // index into paymentMethods
}

var paymentMethods = []string{"card", "cash", "mobile_wallet", "paypal", "bank_transfer"}

// invoices regenerates p's purchase occasions in time order from p's own
// invoice stream, appending to buf[:0]. Every pass that needs them (invoices,
// invoice lines, touchpoints) gets the same list.
func invoices(r *rand.Rand, p *person, buf []invoice) []invoice {
	buf = buf[:0]
	b := &behaviours[p.btype]
	lo := max(p.signup, historyStart)
	hi := historyEnd
	if chance(r, 0.06) {
		return buf // dormant: on file, but no purchase in the recorded history
	}
	if chance(r, 0.12) {
		hi = between(r, lo, historyEnd) // lapsed part-way through
	}
	if hi <= lo {
		return buf
	}
	rate := b.invoicesPerYear * gamma2(r)
	if p.loyalty {
		rate *= 1.25
	}
	n := poisson(r, rate*float64(hi-lo+1)/365.25)
	for range n {
		var inv invoice
		inv.online = p.internet && chance(r, b.online)
		week := &storeWeekday
		if inv.online {
			week = &onlineWeekday
		}
		inv.day = seasonalDay(r, lo, hi, b.seasonality, week)
		inv.secs = invoiceTime(r, inv.online)
		inv.payment = paymentFor(r, p, inv.online)
		buf = append(buf, inv)
	}
	slices.SortFunc(buf, func(a, b invoice) int {
		if a.day != b.day {
			return a.day - b.day
		}
		return a.secs - b.secs
	})
	return buf
}

// invoiceTime: stores open 10:00–21:30 with lunch and after-work peaks;
// online orders come any time, mostly in the evening.
func invoiceTime(r *rand.Rand, online bool) int {
	var h int
	if online {
		h = pick(r, []float64{0.3, 0.1, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 1, 1, 1, 1.1, 1.2, 1.1, 1, 1, 1.1, 1.2, 1.4, 1.6, 2, 2.2, 1.8, 0.9})
	} else {
		h = 10 + pick(r, []float64{0.7, 0.9, 1.2, 1.3, 0.9, 0.8, 0.9, 1.1, 1.4, 1.5, 1.3, 0.6})
	}
	return h*3600 + r.IntN(3600)
}

func paymentFor(r *rand.Rand, p *person, online bool) int {
	if online {
		return []int{0, 3, 2, 4}[pick(r, []float64{0.62, 0.22, 0.1, 0.06})]
	}
	cash := map65(p.age, 0.12, 0.45)
	if p.btype == Traditional {
		cash *= 1.5
	}
	wallet := 0.0
	if p.smartphone {
		wallet = map65(p.age, 0.25, 0.04)
	}
	return []int{0, 1, 2}[pick(r, []float64{0.6, cash, wallet})]
}

// line is one invoice line.
type line struct {
	product  int // index into catalogue.products
	quantity int
	price    float64
	returned int
}

// basket regenerates the lines of each of p's invoices from p's own lines
// stream, calling fn once per invoice (in order) with its lines.
func (w *world) basket(r *rand.Rand, p *person, invs []invoice, fn func(i int, lines []line) error) error {
	b := &behaviours[p.btype]
	c := w.cat
	// Favourites: a handful of familiar-brand products the customer keeps
	// buying, drawn first so they stay the same whatever follows.
	var favs [6]int
	for i := range favs {
		ci := pick(r, b.catWeights)
		if len(c.familiar[ci]) == 0 {
			ci = 0
		}
		favs[i] = c.familiar[ci][r.IntN(len(c.familiar[ci]))]
	}
	weights := b.catWeights
	var lines []line
	for i, inv := range invs {
		lines = lines[:0]
		n := 1 + poisson(r, b.extraLines)
		for range n {
			var pi int
			ci := pick(r, weights)
			if ci == 3 && p.children == 0 && chance(r, 0.85) {
				ci = 0 // baby & kids mostly bought by parents
			}
			switch {
			case chance(r, b.luxury) && len(c.luxury[ci]) > 0:
				pi = c.luxury[ci][r.IntN(len(c.luxury[ci]))]
			case chance(r, b.favourite):
				pi = favs[r.IntN(len(favs))]
			default:
				list := c.byCat[ci]
				pi = list[r.IntN(len(list))]
				if p.btype == Researcher { // compares, then takes the better (pricier) one
					if q := list[r.IntN(len(list))]; c.products[q].price > c.products[pi].price {
						pi = q
					}
				}
			}
			pr := &c.products[pi]
			l := line{product: pi, quantity: 1, price: pr.price}
			if categories[pr.cat].bulk && p.btype == FrequentValue {
				l.quantity += poisson(r, 0.8)
			} else if chance(r, 0.08) {
				l.quantity = 2
			}
			if !pr.luxury && chance(r, b.discount) {
				l.price = round2(pr.price * (1 - 0.1*float64(between(r, 1, 3))))
			}
			ret := b.returns
			if inv.online {
				ret *= 3
			}
			if pr.cat == 4 || pr.cat == 5 {
				ret *= 2.5
			}
			if chance(r, math.Min(ret, 0.5)) {
				l.returned = l.quantity
				if l.quantity > 1 && chance(r, 0.3) {
					l.returned = 1
				}
			}
			lines = append(lines, l)
		}
		if err := fn(i, lines); err != nil {
			return err
		}
	}
	return nil
}
