package store

import (
	"strings"

	"github.com/pulpero/pulpero/model"
)

// detectTouchpoints finds a table of contacts with customers: named like
// touchpoints (interactions, events, visits), with a customer key and a
// date; its kind and sentiment columns by name.
func (d *DB) detectTouchpoints(pc *profileCache, tables []TableInfo, customer string, src *PurchaseSource) (*TouchSource, error) {
	for _, t := range tables {
		if t.Name == src.Lines.Name || t.Name == src.Header || strings.EqualFold(t.Name, customer) || !tableNamed(t.Name, touchTableWords) {
			continue
		}
		p, err := pc.get(t)
		if err != nil {
			return nil, err
		}
		ts := &TouchSource{Table: t, Customer: customerColumnTo(p, customer)}
		for _, c := range p.cols {
			n := normalizeName(c.Name)
			switch {
			case ts.Customer == "" && purchaseNameMatches(model.PurchaseCustomer, c.Name) && purchaseRoleFitsKind(model.PurchaseCustomer, c.Kind):
				ts.Customer = c.Name
			case ts.Date == "" && (c.Kind == model.KindDate || c.Kind == model.KindDateTime) && nameMatchesRole(n, touchNames["date"]):
				ts.Date = c.Name
				ts.date = PurchaseColumn{Kind: c.Kind, order: c.DateOrder}
			case ts.Kind == "" && (c.Kind == model.KindCategorical || c.Kind == model.KindText) && nameMatchesRole(n, touchNames["kind"]):
				ts.Kind = c.Name
			case ts.Sentiment == "" && (c.Kind == model.KindReal || c.Kind == model.KindInteger) && nameMatchesRole(n, touchNames["sentiment"]):
				ts.Sentiment = c.Name
			}
		}
		if ts.Date == "" {
			for _, c := range p.cols {
				if c.Kind == model.KindDate || c.Kind == model.KindDateTime {
					ts.Date, ts.date = c.Name, PurchaseColumn{Kind: c.Kind, order: c.DateOrder}
					break
				}
			}
		}
		if ts.Customer != "" && ts.Date != "" {
			return ts, nil
		}
	}
	return nil, nil
}
