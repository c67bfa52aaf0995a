package store

import (
	"context"
	"fmt"
)

// Page is a run of a table's rows in rowid order, for browsing.
type Page struct {
	Columns []string
	Rows    []Row
	// More reports whether rows follow the last one.
	More bool
	// Hidden counts columns past what one query can return (SQLite's
	// limit of 2000 result columns), not shown.
	Hidden int
}

// ReadPage reads up to limit rows of table with rowid > after, in rowid
// order (keyset paging: each page is one B-tree seek, however deep into a
// table of millions the user has paged). Values come back as text.
func (d *DB) ReadPage(ctx context.Context, table TableInfo, after int64, limit int) (Page, error) {
	p := Page{}
	shown := table.Columns
	if len(shown) > groupSize {
		// one query returns at most SQLite's column limit; a page of the
		// first ones, and the header says how many are not shown
		shown, p.Hidden = shown[:groupSize], len(shown)-groupSize
	}
	for _, c := range shown {
		p.Columns = append(p.Columns, c.Name)
	}
	q := fmt.Sprintf("SELECT rowid, %s FROM %s WHERE rowid > ? ORDER BY rowid LIMIT ?", selectList(shown), QuoteIdent(table.Name))
	rows, err := d.sql.QueryContext(ctx, q, after, limit+1)
	if err != nil {
		return p, fmt.Errorf("%s: reading table %q: %s", d.Name(), table.Name, cleanSQLiteError(err))
	}
	defer rows.Close()
	vals := make([]any, len(p.Columns)+1)
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if len(p.Rows) == limit {
			p.More = true
			break
		}
		if err := rows.Scan(ptrs...); err != nil {
			return p, err
		}
		r := Row{Values: make([]string, len(p.Columns)), Nulls: make([]bool, len(p.Columns))}
		r.RowID, _ = vals[0].(int64)
		for i, v := range vals[1:] {
			r.Values[i], r.Nulls[i] = textOf(v)
		}
		p.Rows = append(p.Rows, r)
	}
	return p, rows.Err()
}
