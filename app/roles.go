package app

import (
	"context"

	"github.com/pulpero/pulpero/model"
)

// CustomerTable resolves a table the user named (ignoring case), or detects
// the customer table when name is "", saying why it chose it.
func (d *Database) CustomerTable(ctx context.Context, name string) (TableInfo, string, error) {
	return d.db.ResolveCustomerTable(ctx, name)
}

// Profile decides the kind and role of each column of t, with the role
// corrections saved in the workspace.
func (d *Database) Profile(ctx context.Context, t TableInfo) ([]ColumnProfile, error) {
	overrides, err := d.ws.RoleOverrides(ctx, t.Name)
	if err != nil {
		return nil, err
	}
	return d.db.Profile(ctx, t, overrides)
}

// SetRole saves a role correction for a table: column takes role ("" clears
// the role). It changes the workspace only; a reload applies it.
func (d *Database) SetRole(ctx context.Context, table string, role model.Role, column string) error {
	return d.ws.SetRole(ctx, table, role, column)
}
