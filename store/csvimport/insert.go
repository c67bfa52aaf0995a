package csvimport

import (
	"context"
	"database/sql"
	"strings"
)

// batchRows is how many rows one INSERT carries: multi-row statements cut
// the per-call cost of database/sql and the driver, which dominates here.
const batchRows = 64

// maxParams stays under SQLite's limit on bound parameters per statement.
const maxParams = 32766

// inserter writes rows through prepared multi-row INSERTs. Values are
// always bound as parameters, never spliced into the SQL.
type inserter struct {
	ctx   context.Context
	tx    *sql.Tx
	table string
	ncols int
	per   int // rows per full batch
	full  *sql.Stmt
	args  []any
	rows  int
}

func newInserter(ctx context.Context, tx *sql.Tx, table string, ncols int) (*inserter, error) {
	per := max(1, min(batchRows, maxParams/max(ncols, 1)))
	ins := &inserter{ctx: ctx, tx: tx, table: table, ncols: ncols, per: per,
		args: make([]any, 0, per*ncols)}
	var err error
	ins.full, err = tx.PrepareContext(ctx, ins.sql(per))
	return ins, err
}

func (ins *inserter) sql(rows int) string {
	var b strings.Builder
	b.WriteString("INSERT INTO ")
	b.WriteString(quoteIdent(ins.table))
	b.WriteString(" VALUES ")
	one := "(" + strings.TrimSuffix(strings.Repeat("?,", ins.ncols), ",") + ")"
	for i := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(one)
	}
	return b.String()
}

// add queues one row's values (len ncols), writing a batch when full.
func (ins *inserter) add(vals []any) error {
	ins.args = append(ins.args, vals...)
	ins.rows++
	if ins.rows < ins.per {
		return nil
	}
	_, err := ins.full.ExecContext(ins.ctx, ins.args...)
	ins.args, ins.rows = ins.args[:0], 0
	return err
}

// flush writes the rows of an unfinished batch.
func (ins *inserter) flush() error {
	if ins.rows == 0 {
		return nil
	}
	_, err := ins.tx.ExecContext(ins.ctx, ins.sql(ins.rows), ins.args...)
	ins.args, ins.rows = ins.args[:0], 0
	return err
}

func (ins *inserter) close() {
	if ins.full != nil {
		ins.full.Close()
	}
}
