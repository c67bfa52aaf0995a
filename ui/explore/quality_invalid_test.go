package explore

import (
	"database/sql"
	"net/url"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pulpero/pulpero/analysis"
)

// TestInvalidValuesOpenTheirRows: text in a number column is held as
// missing, yet its data-quality finding opens exactly the rows SQL finds
// holding text there.
func TestInvalidValuesOpenTheirRows(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, zone TEXT, monthly_income REAL);
		WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 3000)
		INSERT INTO customers SELECT i, 'z' || (i % 4), CASE WHEN i % 97 = 0 THEN 'n/a' WHEN i % 13 = 0 THEN NULL ELSE i * 2.5 END FROM s`); err != nil {
		t.Fatal(err)
	}
	var want []int64
	rows, err := w.Query(`SELECT rowid FROM customers WHERE typeof(monthly_income) = 'text' ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		want = append(want, id)
	}
	rows.Close()
	w.Close()
	m := newScreen(t, session(t, path), 100, 30)
	press(m, "Q")
	at := slices.IndexFunc(m.q.problems, func(p analysis.Problem) bool {
		return p.Column == "monthly_income" && p.Kind == analysis.ProblemInvalid
	})
	if at < 0 || len(want) == 0 {
		t.Fatalf("no invalid finding on monthly_income (SQL finds %d): %+v", len(want), m.q.problems)
	}
	for range at {
		press(m, "j")
	}
	press(m, "enter")
	var got []int64
	for _, i := range m.rows.base {
		got = append(got, m.data().RowIDs[i])
	}
	if !slices.Equal(got, want) {
		t.Fatalf("opened rows %v, SQL finds the text at %v", got, want)
	}
}
