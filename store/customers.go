package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// Customers is the customer table of a database, as pulpero understands it:
// which table it is and why, what each column means, and the columnar copy.
type Customers struct {
	Table    TableInfo
	Why      string // why this table was taken as the customer table
	Profiles []ColumnProfile
	Data     *model.Dataset
}

// LoadCustomers finds the customer table (table, or detected when ""),
// decides its columns' kinds and roles with the workspace's corrections, and
// loads the columnar copy. stage and progress (either may be nil) report what
// it is doing, for a status line or a progress bar.
func (d *DB) LoadCustomers(ctx context.Context, ws *Workspace, table string, stage func(string), progress func(LoadProgress)) (*Customers, error) {
	say := func(s string) {
		if stage != nil {
			stage(s)
		}
	}
	say("reading tables")
	t, why, err := d.ResolveCustomerTable(ctx, table)
	if err != nil {
		return nil, err
	}
	c := &Customers{Table: t, Why: why}
	say("deciding column kinds and roles")
	var overrides map[model.Role]string
	if ws != nil {
		if overrides, err = ws.RoleOverrides(ctx, c.Table.Name); err != nil {
			return nil, err
		}
	}
	if c.Profiles, err = d.Profile(ctx, c.Table, overrides); err != nil {
		return nil, err
	}
	say("loading columns")
	if c.Data, err = d.Load(ctx, c.Table, c.Profiles, progress); err != nil {
		return nil, err
	}
	return c, nil
}

// ResolveCustomerTable finds the table a user named (ignoring case), or
// detects the customer table when name is "". It says why it chose it.
func (d *DB) ResolveCustomerTable(ctx context.Context, name string) (TableInfo, string, error) {
	tables, err := d.Tables(ctx)
	if err != nil {
		return TableInfo{}, "", err
	}
	if name != "" {
		t, ok := FindTable(tables, name)
		if !ok {
			names := make([]string, len(tables))
			for i, t := range tables {
				names[i] = t.Name
			}
			return t, "", fmt.Errorf("%s: no table named %q; the tables are: %s", d.Name(), name, strings.Join(names, ", "))
		}
		return t, "chosen with --table", nil
	}
	choice, err := d.DetectCustomerTable(ctx, tables)
	if err != nil {
		return TableInfo{}, "", fmt.Errorf("%s: %w", d.Name(), err)
	}
	return choice.Table, choice.Why, nil
}
