package sample

import (
	"context"
	"fmt"
	"math"
	"strconv"
)

// Generate writes the demo world for opt into sink: reference tables first,
// then one pass over the customers per large table, each followed by that
// table's indexes. Nothing grows with the number of customers except what the
// sink stores: every pass regenerates the customers from their own streams.
// The caller publishes or discards what the sink wrote.
func Generate(ctx context.Context, sink Sink, opt Options) error {
	if opt.Customers < 1 || opt.Customers > MaxCustomers {
		return fmt.Errorf("customers must be between 1 and %d, not %d", MaxCustomers, opt.Customers)
	}
	g := &generator{ctx: ctx, sink: sink, opt: opt, w: newWorld(opt.Seed)}
	for _, t := range Tables() {
		if err := sink.CreateTable(t); err != nil {
			return err
		}
	}
	if err := g.referenceTables(); err != nil {
		return err
	}
	done := 0.0 // share of the run finished before the current pass
	for _, ph := range g.phases() {
		if err := g.pass(ph, done); err != nil {
			return err
		}
		done += ph.weight
	}
	for _, kv := range [][2]string{{MetaVersionKey, Version}, {"sample_seed", strconv.FormatUint(opt.Seed, 10)},
		{"sample_customers", strconv.Itoa(opt.Customers)}, {"sample_reference_date", ReferenceDate}} {
		if err := sink.SetMeta(kv[0], kv[1]); err != nil {
			return err
		}
	}
	g.report("done", 0, 0, 1)
	return nil
}

type generator struct {
	ctx  context.Context
	sink Sink
	opt  Options
	w    *world
	// running ids, kept across customers within a pass
	invoiceID, lineID, touchID int64
}

// phase is one pass over all customers writing one table.
type phase struct {
	label  string
	table  string
	weight float64 // share of the run's time (measured at 200k customers)
	build  float64 // share of weight spent building the table's indexes
	each   func(p *person) error
}

func (g *generator) phases() []phase {
	s := newStreams(g.opt.Seed)  // purchases
	s2 := newStreams(g.opt.Seed) // lines, touchpoints, contacts
	row := make([]any, 0, len(customersTable.Columns))
	var invs []invoice
	var touches []touch
	var cts []contact
	return []phase{
		{"customers", "customers", 0.135, 0.02, func(p *person) error {
			row = row[:len(customersTable.Columns)]
			g.w.customerRow(p, row)
			return g.sink.Insert("customers", row)
		}},
		{"invoices", "invoices", 0.15, 0.13, func(p *person) error {
			invs = invoices(s.at(streamInvoices, uint64(p.id)), p, invs)
			for _, inv := range invs {
				g.invoiceID++
				row = append(row[:0], g.invoiceID, p.id, formatDateTime(inv.day, inv.secs),
					channelName(inv.online), paymentMethods[inv.payment])
				if err := g.sink.Insert("invoices", row); err != nil {
					return err
				}
			}
			return nil
		}},
		{"invoice lines", "invoice_lines", 0.41, 0.38, func(p *person) error {
			invs = invoices(s.at(streamInvoices, uint64(p.id)), p, invs)
			return g.w.basket(s2.at(streamLines, uint64(p.id)), p, invs, func(_ int, lines []line) error {
				g.invoiceID++
				for _, l := range lines {
					g.lineID++
					row = append(row[:0], g.lineID, g.invoiceID, g.w.cat.products[l.product].id,
						int64(l.quantity), l.price, int64(l.returned))
					if err := g.sink.Insert("invoice_lines", row); err != nil {
						return err
					}
				}
				return nil
			})
		}},
		{"touchpoints", "touchpoints", 0.235, 0.1, func(p *person) error {
			invs = invoices(s.at(streamInvoices, uint64(p.id)), p, invs)
			touches = touchpoints(s2.at(streamTouch, uint64(p.id)), p, invs, touches)
			for _, t := range touches {
				g.touchID++
				var sent any
				if !math.IsNaN(t.sentiment) {
					sent = t.sentiment
				}
				row = append(row[:0], g.touchID, p.id, formatDate(t.day), t.kind, t.channel, sent)
				if err := g.sink.Insert("touchpoints", row); err != nil {
					return err
				}
			}
			return nil
		}},
		{"campaign contacts", "campaign_contacts", 0.07, 0.1, func(p *person) error {
			cts = contacts(s2.at(streamCampaign, uint64(p.id)), p, cts)
			for _, c := range cts {
				row = append(row[:0], c.campaign, p.id, flag(c.control), flag(c.responded), c.revenue)
				if err := g.sink.Insert("campaign_contacts", row); err != nil {
					return err
				}
			}
			return nil
		}},
	}
}

func channelName(online bool) string {
	if online {
		return "online"
	}
	return "store"
}

// pass runs ph over every customer, then indexes its table.
func (g *generator) pass(ph phase, done float64) error {
	n := g.opt.Customers
	step := max(1, n/200)
	pop := newPopulation(g.w, g.opt.Seed)
	g.invoiceID = 0
	k := 0
	err := pop.each(n, func(p *person) error {
		if err := ph.each(p); err != nil {
			return err
		}
		k++
		if k%step == 0 || k == n {
			if err := g.ctx.Err(); err != nil {
				return err
			}
			g.report(ph.label, k, n, done+ph.weight*(1-ph.build)*float64(k)/float64(n))
		}
		return nil
	})
	if err != nil {
		return err
	}
	g.report("indexing "+ph.label, 0, 0, done+ph.weight*(1-ph.build))
	return g.sink.CreateIndexes(ph.table)
}

func (g *generator) report(phase string, done, total int, frac float64) {
	if g.opt.Progress != nil {
		g.opt.Progress(Progress{Phase: phase, Done: done, Total: total, Fraction: math.Min(frac, 1)})
	}
}

// referenceTables writes neighbourhoods, products and campaigns.
func (g *generator) referenceTables() error {
	w := g.w
	for _, nb := range w.neighbourhoods {
		row := []any{nb.id, nb.name, zones[nb.zone], nb.postcode, nb.income, bands[nb.band]}
		if err := g.sink.Insert("neighbourhoods", row); err != nil {
			return err
		}
	}
	for _, p := range w.cat.products {
		row := []any{p.id, p.name, categories[p.cat].name, p.brand, p.price, flag(p.luxury)}
		if err := g.sink.Insert("products", row); err != nil {
			return err
		}
	}
	for _, c := range w.campaigns {
		row := []any{c.id, c.name, contactChannels[c.channel], formatDate(c.day), c.cost, c.goal}
		if err := g.sink.Insert("campaigns", row); err != nil {
			return err
		}
	}
	for _, t := range []string{"neighbourhoods", "products", "campaigns"} {
		if err := g.sink.CreateIndexes(t); err != nil {
			return err
		}
	}
	return nil
}
