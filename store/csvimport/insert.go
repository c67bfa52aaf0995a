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
}

func newInserter(ctx context.Context, tx *sql.Tx, table string, ncols int) (*inserter, error) {
	per := max(1, min(batchRows, maxParams/max(ncols, 1)))
	ins := &inserter{ctx: ctx, tx: tx, table: table, ncols: ncols, per: per}
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

// exec writes the rows whose values (ncols per row) are in args.
func (ins *inserter) exec(args []any) error {
	if len(args) == ins.per*ins.ncols {
		_, err := ins.full.ExecContext(ins.ctx, args...)
		return err
	}
	_, err := ins.tx.ExecContext(ins.ctx, ins.sql(len(args)/ins.ncols), args...)
	return err
}

func (ins *inserter) close() {
	if ins.full != nil {
		ins.full.Close()
	}
}
