package store

import (
	"context"
	"fmt"
	"strings"

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
		cols[i] = ColumnProfile{Name: c.Name, DeclType: c.DeclType, sample: newSampleStats()}
	}
	q := fmt.Sprintf("SELECT %s FROM %s LIMIT %d", selectList(table.Columns), QuoteIdent(table.Name), sampleRows)
	rows, err := d.sql.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("%s: reading table %q: %s", d.Name(), table.Name, cleanSQLiteError(err))
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			rows.Close()
			return nil, fmt.Errorf("%s: reading table %q: %s", d.Name(), table.Name, cleanSQLiteError(err))
		}
		for i, v := range vals {
			cols[i].sample.observe(v)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: reading table %q: %s", d.Name(), table.Name, cleanSQLiteError(err))
	}
	for i := range cols {
		c := &cols[i]
		c.Kind, c.KindWhy = inferKind(c.Name, &c.sample)
		if c.sample.orderVotes[parse.MonthFirst] > c.sample.orderVotes[parse.DayFirst] {
			c.DateOrder = parse.MonthFirst
		}
	}
	detectRoles(cols)
	if err := ApplyRoleOverrides(cols, overrides); err != nil {
		return nil, fmt.Errorf("saved role corrections for table %q: %v; fix them with `pulpero roles %s --set ROLE=COLUMN`", table.Name, err, d.Path)
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
