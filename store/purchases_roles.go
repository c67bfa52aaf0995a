package store

import (
	"context"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// profiled is a table with the kinds and customer roles of its columns,
// decided from a sample of its rows.
type profiled struct {
	t    TableInfo
	cols []ColumnProfile
}

// profileCache profiles each table at most once during one detection.
type profileCache struct {
	d   *DB
	ctx context.Context
	m   map[string]*profiled
}

func (d *DB) newProfileCache(ctx context.Context) *profileCache {
	return &profileCache{d: d, ctx: ctx, m: map[string]*profiled{}}
}

func (pc *profileCache) get(t TableInfo) (*profiled, error) {
	if p, ok := pc.m[t.Name]; ok {
		return p, nil
	}
	cols, err := pc.d.Profile(pc.ctx, t, nil) // the purchases take no customer-role corrections
	if err != nil {
		return nil, err
	}
	p := &profiled{t: t, cols: cols}
	pc.m[t.Name] = p
	return p, nil
}

// findPurchaseRoles gives the columns of one table their purchase roles:
// by name (each column at most one role, each role at most one column),
// vetoed by kind and content; then a purchase date by content when no
// name says it: the table's only date column that is not a birth or
// sign-up date.
func findPurchaseRoles(p *profiled) map[model.PurchaseRole]PurchaseColumn {
	out := map[model.PurchaseRole]PurchaseColumn{}
	used := map[int]bool{}
	for _, r := range model.AllPurchaseRoles() {
		for i := range p.cols {
			c := &p.cols[i]
			if used[i] || !purchaseRoleFitsKind(r, c.Kind) || !purchaseNameMatches(r, c.Name) || !purchaseContentFits(r, c) {
				continue
			}
			out[r] = purchaseColumn(r, p, c, model.Say(whyName, c.Name))
			used[i] = true
			break
		}
	}
	if _, ok := out[model.PurchaseDate]; !ok {
		only := -1
		for i, c := range p.cols {
			if used[i] || (c.Kind != model.KindDate && c.Kind != model.KindDateTime) || c.Role == model.RoleBirthDate || c.Role == model.RoleSignupDate {
				continue
			}
			if only >= 0 {
				only = -2 // more than one: let the user say which
				break
			}
			only = i
		}
		if only >= 0 {
			out[model.PurchaseDate] = purchaseColumn(model.PurchaseDate, p, &p.cols[only], model.Say(whyOnlyDate))
		}
	}
	return out
}

// purchaseContentFits vetoes a name match the values contradict: a text
// column named "total" must hold amounts (currency symbols and decimal
// commas allowed), a quantity must be numbers.
func purchaseContentFits(r model.PurchaseRole, c *ColumnProfile) bool {
	switch r {
	case model.PurchaseAmount, model.PurchaseUnitPrice, model.PurchaseQuantity, model.PurchaseReturnedQuantity:
		if c.Kind == model.KindInteger || c.Kind == model.KindReal {
			return true
		}
		s := &c.sample
		if len(s.distinct) == 0 {
			return false
		}
		ok := 0
		for v := range s.distinct {
			if _, read := ParseMoney(v); read != moneyUnreadable {
				ok++
			}
		}
		return float64(ok) >= 0.8*float64(len(s.distinct))
	}
	return true
}

// hasValue reports whether roles give each line a value: an amount, or a
// quantity and a unit price.
func hasValue(roles map[model.PurchaseRole]PurchaseColumn) bool {
	if _, ok := roles[model.PurchaseAmount]; ok {
		return true
	}
	_, q := roles[model.PurchaseQuantity]
	_, p := roles[model.PurchaseUnitPrice]
	return q && p
}

// customerColumnTo finds p's column pointing at the customer table (a
// declared foreign key), or "" when none does.
func customerColumnTo(p *profiled, customer string) string {
	if customer == "" {
		return ""
	}
	for _, fk := range p.t.References {
		if strings.EqualFold(fk.Table, customer) {
			return fk.From
		}
	}
	return ""
}

// excludedFromPurchases: tables that hold customer-linked values that are
// not purchases (campaign responses and their revenue, touchpoints).
func excludedFromPurchases(table string) bool {
	n := normalizeName(table)
	return strings.HasPrefix(n, "campaign") || strings.HasPrefix(n, "campana") || tableNamed(table, touchTableWords)
}
