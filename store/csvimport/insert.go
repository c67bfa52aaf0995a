package csvimport

import (
	"context"
	"database/sql/driver"
	"errors"
	"strings"
)

// batchRows is how many rows one INSERT carries: multi-row statements cut
// the per-call cost of the driver, which dominates here.
const batchRows = 64

// maxParams stays under SQLite's limit on bound parameters per statement.
const maxParams = 32766

// maxColumns is SQLite's limit on the columns of a table as modernc.org/sqlite
// is compiled (SQLITE_MAX_COLUMN; pragma compile_options says MAX_COLUMN=2000).
const maxColumns = 2000

// rowsPerBatch is batchRows, or fewer for very wide tables.
func rowsPerBatch(ncols int) int { return max(1, min(batchRows, maxParams/max(ncols, 1))) }

// insertSQL is a multi-row INSERT with a parameter for every value: values
// are always bound, never spliced into the SQL.
func insertSQL(table string, ncols, rows int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO ")
	b.WriteString(quoteIdent(table))
	b.WriteString(" VALUES ")
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", ncols), ",") + ")"
	for i := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(one)
	}
	return b.String()
}

// writeBatches executes every batch received on batches (ncols values per
// row) on the transaction's connection. It talks to the driver directly:
// database/sql's conversion and locking of each call's arguments cost a
// tenth of the writing time. After an error it calls stop and drains the
// channel, so that the sender never blocks. Each batch written is handed to
// done for reuse.
func (t *target) writeBatches(ctx context.Context, table string, ncols int, batches <-chan []any, done func([]any), stop func()) error {
	per := rowsPerBatch(ncols)
	err := t.conn.Raw(func(dc any) error {
		pc, ok := dc.(driver.ConnPrepareContext)
		if !ok {
			return errors.New("sqlite driver cannot prepare with a context")
		}
		var stmts = map[int]driver.Stmt{}
		defer func() {
			for _, s := range stmts {
				s.Close()
			}
		}()
		args := make([]driver.NamedValue, per*ncols)
		for i := range args {
			args[i].Ordinal = i + 1
		}
		for batch := range batches {
			rows := len(batch) / ncols
			st := stmts[rows]
			if st == nil {
				var err error
				if st, err = pc.PrepareContext(ctx, insertSQL(table, ncols, rows)); err != nil {
					return err
				}
				stmts[rows] = st
			}
			ex, ok := st.(driver.StmtExecContext)
			if !ok {
				return errors.New("sqlite driver cannot execute with a context")
			}
			for i, v := range batch {
				args[i].Value = v
			}
			if _, err := ex.ExecContext(ctx, args[:len(batch)]); err != nil {
				return err
			}
			done(batch) // the driver has copied the values
		}
		return nil
	})
	if err != nil {
		stop()
	}
	for range batches {
	}
	return err
}
