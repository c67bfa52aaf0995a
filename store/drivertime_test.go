package store

import (
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/pulpero/pulpero/model"
)

// TestTimeColumnsLoadAsTheDriverReadsThem: columns declared DATE, DATETIME
// or TIMESTAMP hold text the driver turns into times (SQLite's formats, and
// time.Time written by Go through the driver); the load reads the rows
// through the sink, which hands the text over raw, and must arrive at the
// same instants as rows.Scan into time.Time over the same file (the oracle).
func TestTimeColumnsLoadAsTheDriverReadsThem(t *testing.T) {
	path := filepath.Join(t.TempDir(), "times.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, seen DATETIME, born date, stamp TIMESTAMP)`); err != nil {
		t.Fatal(err)
	}
	base := time.Date(2024, 1, 1, 10, 0, 0, 0, time.FixedZone("CET", 3600))
	texts := []string{"2024-03-05 10:11:12", "2024-03-05T10:11:12Z", "2024-03-05 10:11:12+02:00", "2024-03-05 10:11",
		"2024-03-05", "2024-03-05T10:11:12.5"}
	for i := range 60 {
		// time.Time through the driver (its own text form), and SQLite's formats as text
		if _, err := w.Exec(`INSERT INTO customers VALUES (?, ?, ?, ?)`, i+1, base.Add(time.Duration(i)*97*time.Hour),
			texts[i%len(texts)][:10], texts[i%len(texts)]); err != nil {
			t.Fatal(err)
		}
	}
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	c, err := d.LoadCustomers(t.Context(), nil, "customers", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := w.Query(`SELECT seen, born, stamp FROM customers ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for r := 0; rows.Next(); r++ {
		var want [3]time.Time
		if err := rows.Scan(&want[0], &want[1], &want[2]); err != nil {
			t.Fatal(err)
		}
		for i, name := range []string{"seen", "born", "stamp"} {
			col, ok := c.Data.Column(name).(*model.NumberColumn)
			if !ok {
				t.Fatalf("%s is %T", name, c.Data.Column(name))
			}
			if col.Nulls.Has(r) {
				t.Fatalf("%s row %d: invalid (%v), the driver reads %v", name, r+1, col.Meta().Note, want[i])
			}
			got := col.Values[r]
			exp := float64(want[i].Unix())
			if col.Kind == model.KindDate {
				exp = float64(want[i].Unix() / 86400)
			}
			if got != exp {
				t.Errorf("%s row %d: %v, the driver reads %v (%s)", name, r+1, got, want[i], fmt.Sprint(col.Kind))
			}
		}
	}
}
