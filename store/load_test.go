package store

import (
	"context"
	"slices"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// TestParallelLoadEqualsSQL loads a table large enough to be read as
// parallel rowid ranges (with gaps in the rowids) and checks the merged
// columns row by row against SQL.
func TestParallelLoadEqualsSQL(t *testing.T) {
	n := parallelFrom + 37_000
	path := makeDB(t, `CREATE TABLE people (id INTEGER PRIMARY KEY, zone TEXT, income REAL, member TEXT)`,
		`WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM s WHERE i < `+itoa(n)+`)
		 INSERT INTO people SELECT i * 3, CASE WHEN i % 11 = 0 THEN NULL ELSE 'z' || (i * 7 % 13) END,
		   CASE WHEN i % 5 = 0 THEN NULL WHEN i % 997 = 0 THEN 'n/a' ELSE i * 1.5 END,
		   CASE i % 3 WHEN 0 THEN 'yes' WHEN 1 THEN 'no' ELSE NULL END FROM s`)
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ctx := context.Background()
	table, _ := d.Table(ctx, "people")
	cols, err := d.Profile(ctx, table, nil)
	if err != nil {
		t.Fatal(err)
	}
	var reports int
	ds, err := d.Load(ctx, table, cols, func(LoadProgress) { reports++ })
	if err != nil {
		t.Fatal(err)
	}
	if ds.Rows() != n || reports < 2 {
		t.Fatalf("rows %d, progress reports %d", ds.Rows(), reports)
	}
	rows, err := d.SQL().Query(`SELECT rowid, zone, income, member FROM people ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	zone := ds.Column("zone").(*model.CodedColumn)
	income := ds.Column("income").(*model.NumberColumn)
	member := ds.Column("member").(*model.CodedColumn)
	i, invalid := 0, 0
	var invalidAt []int32
	for rows.Next() {
		var id int64
		var z, m *string
		var inc any
		rows.Scan(&id, &z, &inc, &m)
		if ds.RowIDs[i] != id {
			t.Fatalf("row %d: rowid %d, SQL %d", i, ds.RowIDs[i], id)
		}
		if got, ok := zone.Value(i); ok != (z != nil) || ok && got != *z {
			t.Fatalf("row %d zone %q, SQL %v", i, got, z)
		}
		switch v := inc.(type) {
		case float64:
			if income.IsNull(i) || income.Values[i] != v {
				t.Fatalf("row %d income %v, SQL %v", i, income.Values[i], v)
			}
		default: // NULL or the text "n/a": NULL in the copy
			if !income.IsNull(i) {
				t.Fatalf("row %d income %v, SQL %v", i, income.Values[i], v)
			}
			if v != nil {
				invalid++
				invalidAt = append(invalidAt, int32(i))
			}
		}
		if got, ok := member.Value(i); ok != (m != nil) || ok && got != *m {
			t.Fatalf("row %d member %q, SQL %v", i, got, m)
		}
		i++
	}
	if income.Invalid != invalid || invalid == 0 {
		t.Fatalf("invalid incomes %d, SQL finds %d", income.Invalid, invalid)
	}
	if !slices.Equal(income.InvalidRows, invalidAt) {
		t.Fatalf("invalid incomes at rows %v, SQL finds them at %v", income.InvalidRows, invalidAt)
	}
}
