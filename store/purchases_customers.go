package store

import (
	"context"

	"github.com/pulpero/pulpero/model"
)

// LoadCustomersOf loads a customer table already resolved (by
// ResolveCustomerTable, with why it was chosen) as LoadCustomers does, so
// the application can look at the database's tables once and then decide
// between a customer table and a table of transactions.
func (d *DB) LoadCustomersOf(ctx context.Context, ws *Workspace, t TableInfo, why string, stage func(string), progress func(LoadProgress)) (*Customers, error) {
	say := func(s string) {
		if stage != nil {
			stage(s)
		}
	}
	c := &Customers{Table: t, Why: why}
	say("deciding column kinds and roles")
	var overrides map[model.Role]string
	var err error
	if ws != nil {
		if overrides, err = ws.RoleOverrides(ctx, t.Name); err != nil {
			return nil, err
		}
	}
	if c.Profiles, err = d.Profile(ctx, t, overrides); err != nil {
		return nil, err
	}
	say("loading columns")
	if c.Data, err = d.Load(ctx, t, c.Profiles, progress); err != nil {
		return nil, err
	}
	return c, nil
}

// ProfileTransactions decides the kinds and customer roles of a
// transactions table's columns (with the user's corrections), for the
// customers built from it.
func (d *DB) ProfileTransactions(ctx context.Context, ws *Workspace, t TableInfo) ([]ColumnProfile, error) {
	var overrides map[model.Role]string
	var err error
	if ws != nil {
		if overrides, err = ws.RoleOverrides(ctx, t.Name); err != nil {
			return nil, err
		}
	}
	return d.Profile(ctx, t, overrides)
}
