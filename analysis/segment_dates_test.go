package analysis_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/store"
)

// calendarDB is one customer per day from 2023-01-01 to 2028-12-31: day
// holds the date, seen the same day as a date-time at some hour.
func calendarDB(t *testing.T) (*model.Dataset, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "calendar.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, day TEXT, seen TEXT)`); err != nil {
		t.Fatal(err)
	}
	tx, _ := w.Begin()
	i := 0
	for d := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2029; d = d.AddDate(0, 0, 1) {
		i++
		seen := d.Add(time.Duration(i%24)*time.Hour + 17*time.Minute).Format("2006-01-02 15:04:05")
		if _, err := tx.Exec(`INSERT INTO customers VALUES (?, ?, ?)`, i, d.Format(time.DateOnly), seen); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	d, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	c, err := d.LoadCustomers(context.Background(), nil, "customers", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if k := c.Data.Column("day").Meta().Kind; k != model.KindDate {
		t.Fatalf("day loaded as %s", k)
	}
	if k := c.Data.Column("seen").Meta().Kind; k != model.KindDateTime {
		t.Fatalf("seen loaded as %s", k)
	}
	return c.Data, d.SQL()
}

// daysOf evaluates expr on asOf and returns the days (column day) of the
// rows it selects, in order.
func daysOf(t *testing.T, ds *model.Dataset, asOf, expr string) []string {
	t.Helper()
	at, _ := time.Parse(time.DateOnly, asOf)
	tree, err := segment.Parse(expr)
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	rows, err := analysis.EvaluateSegment(ds, tree, at, nil)
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	day := ds.Column("day").(*model.NumberColumn)
	var out []string
	rows.ForEach(func(i int) { out = append(out, time.Unix(int64(day.Values[i])*86400, 0).UTC().Format(time.DateOnly)) })
	return out
}

// TestRelativeDatesExamples pins the meaning of relative dates with
// hand-written days, the examples README's segment language and `pulpero
// segment --help` give: "in the last N days" is the analysis day and the
// N−1 days before it; weeks start on Monday (ISO 8601).
func TestRelativeDatesExamples(t *testing.T) {
	ds, _ := calendarDB(t)
	for _, c := range []struct {
		asOf, expr, first, last string
		n                       int
	}{
		// 2026-06-15 is a Monday, 2026-06-14 a Sunday
		{"2026-06-15", "day in the last 7 days", "2026-06-09", "2026-06-15", 7},
		{"2026-06-15", "day in the last 1 days", "2026-06-15", "2026-06-15", 1},
		{"2026-06-15", "seen in the last 2 days", "2026-06-14", "2026-06-15", 2},
		{"2026-06-15", "day in the last 2 weeks", "2026-06-02", "2026-06-15", 14},
		{"2026-06-15", "day in this week", "2026-06-15", "2026-06-21", 7},
		{"2026-06-14", "day in this week", "2026-06-08", "2026-06-14", 7},
		{"2026-06-17", "seen in this week", "2026-06-15", "2026-06-21", 7},
		{"2026-06-15", "day in the last 1 months", "2026-05-16", "2026-06-15", 31},
		{"2026-06-15", "day in the last 1 years", "2025-06-16", "2026-06-15", 365},
		{"2026-06-15", "day in this month", "2026-06-01", "2026-06-30", 30},
		{"2024-02-10", "day in this month", "2024-02-01", "2024-02-29", 29},
		{"2026-06-15", "day in this year", "2026-01-01", "2026-12-31", 365},
		{"2024-12-30", "day in this week", "2024-12-30", "2025-01-05", 7}, // a week across new year
	} {
		got := daysOf(t, ds, c.asOf, c.expr)
		if len(got) != c.n || got[0] != c.first || got[len(got)-1] != c.last {
			t.Errorf("on %s, %q covers %d days %v, want %d from %s to %s", c.asOf, c.expr, len(got), ends(got), c.n, c.first, c.last)
		}
	}
}

func ends(days []string) string {
	if len(days) == 0 {
		return "(none)"
	}
	return days[0] + " … " + days[len(days)-1]
}

// TestRelativeDatesEqualSQLiteDates checks every relative rule on many
// reference days, one customer per calendar day, against SQLite's own date
// functions (the oracle's windows): any day too many or too few at either
// end shows.
func TestRelativeDatesEqualSQLiteDates(t *testing.T) {
	ds, db := calendarDB(t)
	asOfs := []string{"2024-02-29", "2024-03-31", "2025-01-01", "2025-12-31", "2026-03-01", "2026-05-31"}
	for d := time.Date(2026, 6, 8, 0, 0, 0, 0, time.UTC); d.Day() <= 14; d = d.AddDate(0, 0, 1) {
		asOfs = append(asOfs, d.Format(time.DateOnly)) // every weekday
	}
	rules := []string{"in this week", "in this month", "in this year"}
	for _, n := range []int{1, 2, 7, 30, 31, 365} {
		rules = append(rules, fmt.Sprintf("in the last %d days", n))
	}
	for _, n := range []int{1, 2, 4} {
		rules = append(rules, fmt.Sprintf("in the last %d weeks", n), fmt.Sprintf("in the last %d months", n), fmt.Sprintf("in the last %d years", n))
	}
	checked := 0
	for _, asOf := range asOfs {
		o := oracle{asOf: asOf}
		for _, col := range []string{"day", "seen"} {
			for _, rule := range rules {
				expr := col + " " + rule
				tree, err := segment.Parse(expr)
				if err != nil {
					t.Fatal(err)
				}
				got := daysOf(t, ds, asOf, expr)
				where, args := o.sqlWhere(tree, ds)
				var want []string
				rows, err := db.Query(`SELECT day FROM customers WHERE `+where+` ORDER BY day`, args...)
				if err != nil {
					t.Fatalf("%s: %v", where, err)
				}
				for rows.Next() {
					var d string
					rows.Scan(&d)
					want = append(want, d)
				}
				rows.Close()
				if len(want) == 0 || !slices.Equal(got, want) {
					t.Fatalf("on %s, %q: engine %d days %s, SQLite %d days %s", asOf, expr, len(got), ends(got), len(want), ends(want))
				}
				checked++
			}
		}
	}
	if want := len(asOfs) * 2 * len(rules); checked != want {
		t.Fatalf("checked %d rules of %d", checked, want)
	}
}
