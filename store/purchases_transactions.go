package store

import (
	"context"
	"fmt"

	"github.com/pulpero/pulpero/model"
)

// TransactionsOnlyError says that a database has no customer table: its
// customers are the distinct keys of a table of transactions (one row per
// purchase line, like Online Retail's), which must never be taken for a
// table of customers. The application builds the customers from the keys
// (see LoadTransactions).
type TransactionsOnlyError struct {
	DB    string
	Table TableInfo
	Key   string // the customer key column
}

func (e *TransactionsOnlyError) Error() string {
	return fmt.Sprintf(errTransactionsOne, e.DB, e.Table.Name, e.Key)
}

// TransactionsKey returns the customer key column of t when t holds
// transactions rather than customers: a customer key that repeats, a date
// and a value (an amount, or quantity and unit price), all on t; "" when it
// does not. Names are checked first, so only likely tables are sampled and
// counted.
func (d *DB) TransactionsKey(ctx context.Context, t TableInfo) (string, error) {
	cust := false
	for _, c := range t.Columns {
		cust = cust || purchaseNameMatches(model.PurchaseCustomer, c.Name)
	}
	if !cust || !valueNames(t) || excludedFromPurchases(t.Name) {
		return "", nil
	}
	p, err := d.newProfileCache(ctx).get(t)
	if err != nil {
		return "", err
	}
	roles := findPurchaseRoles(p)
	key, ok := roles[model.PurchaseCustomer]
	_, dated := roles[model.PurchaseDate]
	if !ok || !dated || !hasValue(roles) || hasPK(t, key.Column) || d.isUnique(ctx, t.Name, key.Column) {
		return "", nil
	}
	return key.Column, nil
}

// transactionTables splits tables into those that may hold customers and
// those that hold transactions; trans describes the largest of the latter
// (nil when there are none).
func (d *DB) transactionTables(ctx context.Context, tables []TableInfo) (rest []TableInfo, trans *TransactionsOnlyError) {
	for _, t := range tables {
		key, err := d.TransactionsKey(ctx, t)
		if err != nil || key == "" {
			rest = append(rest, t) // unreadable: left to the usual rules, which will report it
			continue
		}
		if trans == nil || t.Rows > trans.Table.Rows {
			trans = &TransactionsOnlyError{DB: d.Name(), Table: t, Key: key}
		}
	}
	return rest, trans
}
