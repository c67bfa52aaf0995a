package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// PurchaseSource finds the purchases of the database the way Load does,
// with the saved corrections, for the faces that show purchase roles
// (`pulpero roles`, `pulpero rfm`, the Roles screen) without loading the
// customers. customerTable "" means the detected one. It is nil, without
// error, when no table holds purchases.
func (d *Database) PurchaseSource(ctx context.Context, customerTable string) (*PurchaseSource, error) {
	tables, err := d.db.Tables(ctx)
	if err != nil {
		return nil, err
	}
	customer := ""
	if customerTable != "" {
		t, ok := store.FindTable(tables, customerTable)
		if !ok {
			_, _, err := d.db.ResolveCustomerTable(ctx, customerTable)
			return nil, err
		}
		key, err := d.db.TransactionsKey(ctx, t)
		if err != nil {
			return nil, err
		}
		if key == "" {
			customer = t.Name
		} else {
			tables = []TableInfo{t}
		}
	} else {
		choice, err := d.db.DetectCustomerTable(ctx, tables)
		var te *store.TransactionsOnlyError
		switch {
		case errors.As(err, &te):
			tables = []TableInfo{te.Table}
		case err != nil:
			return nil, err
		default:
			customer = choice.Table.Name
		}
	}
	overrides, err := d.ws.PurchaseOverrides(ctx)
	if err != nil {
		return nil, err
	}
	src, err := d.db.DetectPurchases(ctx, tables, customer, overrides)
	if src != nil {
		src.Transactions = customer == ""
	}
	return src, err
}

// SetPurchaseRole saves a purchase role correction: ref is TABLE.COLUMN
// (checked to exist), "" says no column has the role. A reload applies it.
func (d *Database) SetPurchaseRole(ctx context.Context, role model.PurchaseRole, ref string) error {
	if d.ws == nil {
		return ErrNoWorkspace
	}
	ref = strings.TrimSpace(ref)
	if ref != "" {
		table, column, err := store.SplitColumnRef(ref)
		if err != nil {
			return fmt.Errorf("%s: %w", role, err)
		}
		tables, err := d.db.Tables(ctx)
		if err != nil {
			return err
		}
		t, ok := store.FindTable(tables, table)
		if !ok {
			return fmt.Errorf("%s: no table %q", role, table)
		}
		found := ""
		names := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			names[i] = c.Name
			if strings.EqualFold(c.Name, column) {
				found = c.Name
			}
		}
		if found == "" {
			return fmt.Errorf("%s: table %q has no column %q; its columns are: %s", role, t.Name, column, strings.Join(names, ", "))
		}
		ref = t.Name + "." + found
	}
	return d.ws.SetPurchaseRole(ctx, role, ref)
}

// ParsePurchaseRoleSet reads a --set ROLE=TABLE.COLUMN whose ROLE is a
// purchase role; ok is false when ROLE is not one (it may be a customer
// role).
func ParsePurchaseRoleSet(s string) (role model.PurchaseRole, ref string, ok bool) {
	name, ref, found := strings.Cut(s, "=")
	if !found {
		return "", "", false
	}
	role, ok = model.ParsePurchaseRole(strings.TrimSpace(name))
	return role, strings.TrimSpace(ref), ok
}

// PurchaseRoleNames lists the purchase roles, for help texts.
func PurchaseRoleNames() string {
	var out []string
	for _, r := range model.AllPurchaseRoles() {
		out = append(out, string(r))
	}
	return strings.Join(out, ", ")
}
