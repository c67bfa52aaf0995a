package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// LoadProgress reports how far a load is; Total is the table's row count.
type LoadProgress struct {
	Done, Total int64
}

// progressEvery is how many rows pass between progress reports.
const progressEvery = 25_000

// Load reads the analysable (non-personal) columns of table into the
// columnar copy, in one scan. Values that contradict the column's kind (text
// in a number column, impossible dates) become NULL and are counted in the
// column's Invalid, which the data-quality view shows. It stops with ctx.
func (d *DB) Load(ctx context.Context, table TableInfo, cols []ColumnProfile, progress func(LoadProgress)) (*model.Dataset, error) {
	var loaded []ColumnProfile
	for _, c := range cols {
		if !c.Personal {
			loaded = append(loaded, c)
		}
	}
	builders := make([]columnBuilder, len(loaded))
	infos := make([]ColumnInfo, len(loaded))
	for i, c := range loaded {
		builders[i] = newBuilder(c, int(table.Rows))
		infos[i] = ColumnInfo{Name: c.Name}
	}
	ds := &model.Dataset{Table: table.Name, RowIDs: make([]int64, 0, table.Rows)}
	list := "rowid"
	if len(infos) > 0 {
		list += ", " + selectList(infos)
	}
	rows, err := d.sql.QueryContext(ctx, fmt.Sprintf("SELECT %s FROM %s", list, QuoteIdent(table.Name)))
	if err != nil && strings.Contains(err.Error(), "rowid") {
		return nil, fmt.Errorf("%s: table %q has no rowid (WITHOUT ROWID tables are not supported yet); copy it into an ordinary table", d.Name(), table.Name)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: reading table %q: %s", d.Name(), table.Name, cleanSQLiteError(err))
	}
	defer rows.Close()
	vals := make([]any, len(loaded)+1)
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var n int64
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, fmt.Errorf("%s: reading table %q: %s", d.Name(), table.Name, cleanSQLiteError(err))
		}
		id, _ := vals[0].(int64)
		ds.RowIDs = append(ds.RowIDs, id)
		for i, b := range builders {
			b.add(vals[i+1])
		}
		n++
		if n%progressEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if progress != nil {
				progress(LoadProgress{Done: n, Total: table.Rows})
			}
		}
	}
	if err := rows.Err(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("%s: reading table %q: %s", d.Name(), table.Name, cleanSQLiteError(err))
	}
	for _, b := range builders {
		ds.Columns = append(ds.Columns, b.finish())
	}
	if progress != nil {
		progress(LoadProgress{Done: n, Total: max(n, table.Rows)})
	}
	return ds, nil
}
