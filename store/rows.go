package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// Row is one row of a table as text, for display and export.
type Row struct {
	RowID  int64
	Values []string // "" for NULL
	Nulls  []bool
	raw    []any // the driver's values, for the export's last checks
}

// querier is a database or one connection of it (inside a transaction).
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// ReadRows reads the named columns of the rows with the given rowids, in the
// order of rowids. It is how personal data reaches the screen: only for the
// rows shown or exported, never the whole column. Large id lists are read in
// batches so the SQL stays within SQLite's parameter limit.
func (d *DB) ReadRows(ctx context.Context, table string, columns []string, rowids []int64) ([]Row, error) {
	return d.readRows(ctx, d.sql, table, columns, rowids)
}

func (d *DB) readRows(ctx context.Context, db querier, table string, columns []string, rowids []int64) ([]Row, error) {
	byID := make(map[int64]Row, len(rowids))
	const batch = 500
	list := "rowid"
	for _, c := range columns {
		list += ", " + QuoteIdent(c)
	}
	for start := 0; start < len(rowids); start += batch {
		ids := rowids[start:min(start+batch, len(rowids))]
		args := make([]any, len(ids))
		for i, id := range ids {
			args[i] = id
		}
		q := fmt.Sprintf("SELECT %s FROM %s WHERE rowid IN (%s)", list, QuoteIdent(table), strings.TrimSuffix(strings.Repeat("?,", len(ids)), ","))
		rows, err := db.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("%s: reading rows of %q: %s", d.Name(), table, cleanSQLiteError(err))
		}
		vals := make([]any, len(columns)+1)
		ptrs := make([]any, len(vals))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, err
			}
			r := Row{Values: make([]string, len(columns)), Nulls: make([]bool, len(columns)), raw: append([]any(nil), vals[1:]...)}
			r.RowID, _ = vals[0].(int64)
			for i, v := range vals[1:] {
				r.Values[i], r.Nulls[i] = textOf(v)
			}
			byID[r.RowID] = r
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	out := make([]Row, 0, len(rowids))
	for _, id := range rowids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}
