package app

import (
	"context"
	"fmt"

	"github.com/pulpero/pulpero/analysis/behaviour"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// maxVaryingShare is the share of customers whose lines may disagree on a
// descriptive column for it still to be a customer attribute (their most
// frequent value is taken, and the column's note says how many): Online
// Retail lists 8 of its 4,372 customers under two countries.
const maxVaryingShare = 0.01

// maxLineAttributes caps the descriptive columns read per line.
const maxLineAttributes = 32

// transactionCustomers builds the customers of a database that holds
// transactions and no customer table. The customers are the distinct
// non-empty customer keys of table t, in the order of their first line;
// each customer's row id is the rowid of that first line (so reading "the
// customer's row" reads a real row of t, holding the key), its columns the
// key and the descriptive columns that do not vary within customers
// (Country). Lines without a key are counted and reported (how many, what
// share of sales), never customers. There are no contact columns, so
// nobody is reachable for a campaign.
func (d *Database) transactionCustomers(ctx context.Context, t TableInfo, tables []TableInfo, r LoadRequest) (*store.Customers, *BehaviourRequest, error) {
	if r.Stage != nil {
		r.Stage(StageTransactions)
	}
	overrides, err := d.ws.PurchaseOverrides(ctx)
	if err != nil {
		return nil, nil, err
	}
	src, err := d.db.DetectPurchases(ctx, []TableInfo{t}, "", overrides)
	if err != nil {
		return nil, nil, err
	}
	if src == nil {
		return nil, nil, model.Say(errNoPurchaseTable, d.Path())
	}
	if err := src.MissingError(d.Path()); err != nil {
		return nil, nil, err
	}
	profiles, err := d.db.ProfileTransactions(ctx, d.ws, t)
	if err != nil {
		return nil, nil, err
	}
	extra := descriptiveColumns(profiles, src)
	today := int32(1<<31 - 2)
	if !r.AsOf.IsZero() {
		today = dayOf(r.AsOf)
	}
	lines, err := d.db.LoadPurchases(ctx, src, nil, store.PurchaseLoadOptions{Today: today, Progress: r.Progress, Extra: extra})
	if err != nil {
		return nil, nil, err
	}
	key, _ := src.Column(model.PurchaseCustomer)
	n := len(lines.Keys)
	ds := &model.Dataset{Table: t.Name, RowIDs: lines.FirstRowID, Columns: []model.Column{keyColumn(key.Column, lines.Keys)}}
	kept := []ColumnProfile{{Name: key.Column, Kind: model.KindIdentifier, KindWhy: "the distinct customer keys", Role: model.RoleCustomerID}}
	for _, p := range profiles {
		if p.Name == key.Column {
			kept[0].DeclType = p.DeclType
		}
	}
	trans := &TransactionCustomers{Table: t.Name, Key: key.Column, Customers: n}
	attrs, err := behaviour.CustomerAttributes(lines.Extra, lines.Customer, n)
	if err != nil {
		return nil, nil, err
	}
	withLines := max(1, n)
	for i, a := range attrs {
		keep := float64(a.Varying) <= maxVaryingShare*float64(withLines)
		trans.Attributes = append(trans.Attributes, TransactionAttribute{Name: a.Name, Kept: keep, Varying: a.Varying})
		if !keep {
			continue
		}
		a.Column.Meta().Role = lines.Extra[i].Meta().Role
		ds.Columns = append(ds.Columns, a.Column)
		kept = append(kept, extra[i])
	}
	lines.Extra = nil
	cust := &store.Customers{Table: t, Why: fmt.Sprintf(WhyTransactions, commaInt(n), key.Column, t.Name), Profiles: kept, Data: ds}
	return cust, &BehaviourRequest{Table: t, Data: ds, Today: r.AsOf, Options: r.Behaviour, Stage: r.Stage,
		Progress: r.Progress, tables: tables, src: src, lines: lines, trans: trans}, nil
}

// descriptiveColumns are the columns of a transactions table that may be
// customer attributes: not a purchase role, not personal, and of a kind
// worth judging (categories, yes/no, numbers, dates; not free text nor
// codes like a product's description or stock code).
func descriptiveColumns(profiles []ColumnProfile, src *store.PurchaseSource) []ColumnProfile {
	roles := map[string]bool{}
	for _, c := range src.Columns {
		if c.Table == src.Lines.Name {
			roles[c.Column] = true
		}
	}
	var out []ColumnProfile
	for _, p := range profiles {
		if roles[p.Name] || p.Personal || len(out) == maxLineAttributes {
			continue
		}
		switch p.Kind {
		case model.KindCategorical, model.KindBoolean, model.KindInteger, model.KindReal, model.KindDate, model.KindDateTime:
			out = append(out, p)
		}
	}
	return out
}

// commaInt writes n with thousands separators.
func commaInt(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
