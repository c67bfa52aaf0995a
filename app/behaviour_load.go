package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// loadCustomers is Load's first step: the customer table (named, or
// detected), or, when the database holds transactions and no customer
// table (Online Retail), customers built from the transactions' distinct
// keys (see transactionCustomers). It returns the request for Load's
// behaviour step. The tables are listed only when behaviour needs them.
func (d *Database) loadCustomers(ctx context.Context, r LoadRequest) (*store.Customers, *BehaviourRequest, error) {
	if r.Table != "" {
		// a transactions table named by the user is still transactions
		if t, err := d.db.Table(ctx, r.Table); err == nil {
			key, err := d.db.TransactionsKey(ctx, t)
			if err != nil {
				return nil, nil, err
			}
			if key != "" {
				return d.transactionCustomers(ctx, t, nil, r)
			}
		}
	}
	cust, err := d.db.LoadCustomersWith(ctx, d.ws, store.CustomersRequest{Table: r.Table, Stage: r.Stage, Progress: r.Progress,
		Columns: columnsFor(r.Attributes), Snapshots: d.snapshots})
	var te *store.TransactionsOnlyError
	if errors.As(err, &te) {
		return d.transactionCustomers(ctx, te.Table, nil, r)
	}
	if err != nil {
		return nil, nil, err
	}
	return cust, &BehaviourRequest{Table: cust.Table, Data: cust.Data, Today: r.AsOf, Options: r.Behaviour, Stage: r.Stage,
		Progress: r.Progress, cust: cust}, nil
}

// addBehaviour is Load's behaviour step, after the derived attributes:
// it computes the behaviour (ComputeBehaviour) and adds its columns to the
// customers' data. Only cancellation stops the load; a behaviour that
// cannot be computed says why in Behaviour.Err.
func (d *Database) addBehaviour(ctx context.Context, br *BehaviourRequest) (*Behaviour, error) {
	b, cols, err := d.ComputeBehaviour(ctx, *br)
	if err != nil {
		return nil, err
	}
	for _, c := range cols {
		br.Data.Add(c)
	}
	return b, nil
}

// keyColumn makes the customers' key column from the distinct keys of a
// transactions table: numbers when every key is a whole number, else text.
func keyColumn(name string, keys []any) model.Column {
	meta := model.ColumnMeta{Name: name, Kind: model.KindIdentifier, Role: model.RoleCustomerID,
		Note: "the distinct customer keys of the transactions"}
	numeric := true
	for _, k := range keys {
		if _, ok := k.(int64); !ok {
			numeric = false
			break
		}
	}
	if numeric {
		c := model.NewNumberColumn(meta, len(keys))
		for i, k := range keys {
			c.SetValue(i, float64(k.(int64)))
		}
		return c
	}
	c := &model.TextColumn{ColumnMeta: meta, Values: make([]string, len(keys)), Nulls: model.NewBitset(len(keys))}
	for i, k := range keys {
		c.Values[i] = fmt.Sprint(k)
	}
	return c
}
