package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"sync"

	"modernc.org/sqlite"
)

// The sink: reading millions of rows through rows.Next costs, in modernc's
// SQLite, a mutex round trip and a type switch per column of every row
// (measured: 10.1M invoice lines × 5 columns in 6.7 s on one core). An
// aggregate function receives a row's values in one call from inside the
// query instead (2.5 s for the same read), so large reads run as
//
//	SELECT pulpero_sink(TOKEN, col1, col2, ...) FROM t WHERE rowid BETWEEN ? AND ?
//
// where TOKEN names a Go callback that gets each row's values. Text and
// blob values are views into SQLite's memory, valid only during the call:
// a callback that keeps one must copy it (strings.Clone).

const sinkName = "pulpero_sink"

// sinkFunc receives one row's values (without the token).
type sinkFunc func(row []driver.Value) error

var sinks = struct {
	sync.Mutex
	next int64
	m    map[int64]sinkFunc
}{m: map[int64]sinkFunc{}}

func init() {
	// Registered before any connection opens: new connections get it.
	sqlite.MustRegisterFunction(sinkName, &sqlite.FunctionImpl{NArgs: -1, VolatileArgs: true,
		MakeAggregate: func(sqlite.FunctionContext) (sqlite.AggregateFunction, error) { return &sinkAgg{}, nil }})
}

// sinkAgg is one evaluation of pulpero_sink: it finds its callback from
// the token in the first row and counts the rows.
type sinkAgg struct {
	fn sinkFunc
	n  int64
}

var errNoSink = errors.New("pulpero_sink: unknown token")

func (a *sinkAgg) Step(_ *sqlite.FunctionContext, args []driver.Value) error {
	if a.fn == nil {
		tok, _ := args[0].(int64)
		sinks.Lock()
		a.fn = sinks.m[tok]
		sinks.Unlock()
		if a.fn == nil {
			return errNoSink
		}
	}
	a.n++
	return a.fn(args[1:])
}

func (a *sinkAgg) WindowInverse(*sqlite.FunctionContext, []driver.Value) error { return nil }
func (a *sinkAgg) WindowValue(*sqlite.FunctionContext) (driver.Value, error)   { return a.n, nil }
func (a *sinkAgg) Final(*sqlite.FunctionContext)                               {}

// sinkQuery runs SELECT pulpero_sink(token, list) FROM from [WHERE where]
// with args, calling fn with every row's values in the query's order, and
// returns the number of rows. An error from fn stops the query and is
// returned as it is (so errors.Is works on it).
func (d *DB) sinkQuery(ctx context.Context, list, from, where string, args []any, fn sinkFunc) (int64, error) {
	var fnErr error
	wrapped := func(row []driver.Value) error {
		if err := fn(row); err != nil {
			fnErr = err
			return err
		}
		return nil
	}
	sinks.Lock()
	sinks.next++
	tok := sinks.next
	sinks.m[tok] = wrapped
	sinks.Unlock()
	defer func() {
		sinks.Lock()
		delete(sinks.m, tok)
		sinks.Unlock()
	}()
	q := fmt.Sprintf("SELECT %s(%d, %s) FROM %s", sinkName, tok, list, from)
	if where != "" {
		q += " WHERE " + where
	}
	var n any
	err := d.sql.QueryRowContext(ctx, q, args...).Scan(&n)
	if fnErr != nil {
		return 0, fnErr
	}
	if err != nil {
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		return 0, err
	}
	rows, _ := n.(int64)
	return rows, nil
}
