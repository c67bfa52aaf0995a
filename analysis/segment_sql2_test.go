package analysis_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// TestSegmentsEqualSQLTextAndInstants repeats the property test over the
// kinds shopDB lacks: free text, date-times (compared by day) and yes/no
// stored as text.
func TestSegmentsEqualSQLTextAndInstants(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, note TEXT, seen_at TEXT, newsletter TEXT)`); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(21, 22))
	tx, _ := w.Begin()
	for i := 1; i <= 1500; i++ {
		var note, seen, news any
		if r.IntN(12) > 0 {
			note = fmt.Sprintf("%s %d", []string{"note", "Note", "memo"}[r.IntN(3)], r.IntN(1200))
		}
		if r.IntN(10) > 0 {
			seen = time.Date(2018+r.IntN(9), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), r.IntN(60), r.IntN(60), 0, time.UTC).Format("2006-01-02 15:04:05")
		}
		if r.IntN(8) > 0 {
			news = []string{"yes", "no"}[r.IntN(2)]
		}
		if _, err := tx.Exec(`INSERT INTO customers VALUES (?,?,?,?)`, i, note, seen, news); err != nil {
			t.Fatal(err)
		}
	}
	tx.Commit()
	w.Close()
	d, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	c, err := d.LoadCustomers(context.Background(), nil, "customers", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]model.Kind{}
	for _, col := range c.Data.Columns {
		kinds[col.Meta().Name] = col.Meta().Kind
	}
	if kinds["note"] != model.KindText || kinds["seen_at"] != model.KindDateTime || kinds["newsletter"] != model.KindBoolean {
		t.Fatalf("the table did not load as intended: %v", kinds)
	}
	propertyTest(t, c.Data, d.SQL(), oracle{})
}
