package store

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store/parse"
)

// sampleRows is how many rows Profile reads to decide kinds and roles. The
// loader corrects kinds that the whole column contradicts.
const sampleRows = 5000

// Profile decides the kind and role of every column of table from a sample
// of its rows, then applies the user's saved corrections.
func (d *DB) Profile(ctx context.Context, table TableInfo, overrides map[model.Role]string) ([]ColumnProfile, error) {
	cols := make([]ColumnProfile, len(table.Columns))
	for i, c := range table.Columns {
		cols[i] = ColumnProfile{Name: c.Name, DeclType: c.DeclType, PK: c.PK, sample: newSampleStats()}
	}
	// the sample is read first and judged after, a column per goroutine:
	// judging a value (numbers, dates, codes) costs more than reading it
	rows := make([][]any, len(cols))
	observe := func(offset int, vals []any) {
		for i, v := range vals {
			rows[offset+i] = append(rows[offset+i], v)
		}
	}
	if err := d.sampleRows(ctx, table, observe); err != nil {
		return nil, fmt.Errorf("%s: reading table %q: %s", d.Name(), table.Name, cleanSQLiteError(err))
	}
	var wg sync.WaitGroup
	next := make(chan int, len(cols))
	for i := range cols {
		next <- i
	}
	close(next)
	for range min(runtime.GOMAXPROCS(0), len(cols)) {
		wg.Go(func() {
			for i := range next {
				for _, v := range rows[i] {
					cols[i].sample.observe(v)
				}
				rows[i] = nil
			}
		})
	}
	wg.Wait()
	for i := range cols {
		c := &cols[i]
		c.Kind, c.KindWhy = inferKind(c.Name, &c.sample)
		c.SampledText, c.SampledInts = c.sample.strs > 0, c.sample.ints > 0
		if c.sample.orderVotes[parse.MonthFirst] > c.sample.orderVotes[parse.DayFirst] {
			c.DateOrder = parse.MonthFirst
		}
	}
	detectRoles(cols)
	if err := ApplyRoleOverrides(cols, overrides); err != nil {
		return nil, fmt.Errorf("saved role corrections for table %q: %w; fix them with `pulpero roles %s --set ROLE=COLUMN`", table.Name, err, d.Path)
	}
	return cols, nil
}

func selectList(cols []ColumnInfo) string {
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = QuoteIdent(c.Name)
	}
	return strings.Join(names, ", ")
}

// sampleBlocks is how many evenly spread blocks of rows the sample is read
// in: exports are often sorted (by date, by campaign), so the first rows
// alone would misjudge columns that change further down.
const sampleBlocks = 50

// sampleRows calls observe with about sampleRows rows spread over the table:
// blocks starting at evenly spaced rowids (each a quick B-tree seek), or the
// first rows of a table without rowids.
func (d *DB) sampleRows(ctx context.Context, table TableInfo, observe func(offset int, vals []any)) error {
	name := QuoteIdent(table.Name)
	lo, hi, err := d.rowidBounds(ctx, table.Name)
	for _, span := range columnGroups(len(table.Columns)) {
		group := table.Columns[span[0]:span[1]]
		list := selectList(group)
		see := func(vals []any) { observe(span[0], vals) }
		if err != nil || table.Rows <= sampleRows {
			if err := d.scanInto(ctx, fmt.Sprintf("SELECT %s FROM %s LIMIT %d", list, name, sampleRows), nil, len(group), see); err != nil {
				return err
			}
			continue
		}
		step := (hi - lo + 1) / sampleBlocks
		q := fmt.Sprintf("SELECT %s FROM %s WHERE rowid >= ? ORDER BY rowid LIMIT %d", list, name, sampleRows/sampleBlocks)
		for b := int64(0); b < sampleBlocks; b++ {
			if err := d.scanInto(ctx, q, []any{lo + b*step}, len(group), see); err != nil {
				return err
			}
		}
	}
	return nil
}

func (d *DB) scanInto(ctx context.Context, q string, args []any, ncols int, observe func([]any)) error {
	rows, err := d.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	vals := make([]any, ncols)
	ptrs := make([]any, ncols)
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		observe(vals)
	}
	return rows.Err()
}

// rowidBounds is the smallest and largest rowid of a table, each asked for
// alone: SQLite answers `SELECT min(rowid)` from the edge of the table's
// B-tree, but reads every row for `SELECT min(rowid), max(rowid)` or a
// min() inside another function (0.8 s over 10M invoice lines). An empty
// table or one WITHOUT ROWID is an error.
func (d *DB) rowidBounds(ctx context.Context, table string) (lo, hi int64, err error) {
	var bound [2]sql.NullInt64
	for i, f := range []string{"min", "max"} {
		if err := d.sql.QueryRowContext(ctx, "SELECT "+f+"(rowid) FROM "+QuoteIdent(table)).Scan(&bound[i]); err != nil {
			return 0, 0, err
		}
		if !bound[i].Valid {
			return 0, 0, fmt.Errorf("table %q has no rows", table)
		}
	}
	return bound[0].Int64, bound[1].Int64, nil
}
