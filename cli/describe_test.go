package cli

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

// describeShop writes a small shop with a number, a categorical, a date
// and free text, and returns its path.
func describeShop(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "describe.db")
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, zone TEXT, spend REAL, signup_date TEXT, note TEXT)`); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	tx, _ := db.Begin()
	for i := 1; i <= 1200; i++ {
		var zone, spend, note any
		if r.IntN(10) > 0 {
			zone = []string{"north", "south", "east", "west"}[r.IntN(4)]
		}
		if r.IntN(8) > 0 {
			spend = math.Round(r.ExpFloat64()*30000) / 100
		}
		if r.IntN(2) == 0 {
			note = fmt.Sprintf("note %d", r.IntN(300))
		}
		signup := fmt.Sprintf("%d-%02d-%02d", 2015+r.IntN(10), 1+r.IntN(12), 1+r.IntN(28))
		if _, err := tx.Exec(`INSERT INTO customers VALUES (?,?,?,?,?)`, i, zone, spend, signup, note); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return path
}

func describeCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runDescribe(append(args, "--data-dir", t.TempDir(), "--as-of", "2026-06-15"), &out, &errb)
	return code, out.String(), errb.String()
}

func TestDescribeJSONEqualsSQL(t *testing.T) {
	path := describeShop(t)
	code, out, errs := describeCmd(t, path, "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Table   string
		Columns []descColumn
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	db, _ := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path, RawQuery: "mode=ro"}).String())
	defer db.Close()
	q := func(query string, args ...any) (v float64) {
		t.Helper()
		if err := db.QueryRow(query, args...).Scan(&v); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return v
	}
	byName := map[string]descColumn{}
	for _, c := range doc.Columns {
		byName[c.Name] = c
	}
	spend := byName["spend"]
	stats := map[string]float64{}
	for _, s := range spend.Stats {
		stats[s.Name] = s.Value
	}
	if spend.Count != int(q(`SELECT count(spend) FROM customers`)) || spend.Nulls != int(q(`SELECT count(*) FROM customers WHERE spend IS NULL`)) ||
		stats["min"] != q(`SELECT min(spend) FROM customers`) || stats["max"] != q(`SELECT max(spend) FROM customers`) ||
		math.Abs(stats["mean"]-q(`SELECT avg(spend) FROM customers`)) > 1e-9 ||
		spend.Distinct != int(q(`SELECT count(DISTINCT spend) FROM customers`)) {
		t.Errorf("spend %+v disagrees with SQL", spend)
	}
	// the bins and groups hold every value exactly once
	sum := func(counts ...int) (n int) {
		for _, c := range counts {
			n += c
		}
		return n
	}
	var bins, zones, years []int
	for _, b := range spend.Histogram {
		bins = append(bins, b.Count)
	}
	for _, g := range byName["zone"].Groups {
		zones = append(zones, g.Count)
	}
	for _, g := range byName["signup_date"].Groups {
		years = append(years, g.Count)
	}
	if len(bins) < 5 || sum(bins...) != int(q(`SELECT count(spend) FROM customers`)) {
		t.Errorf("%d spend bins hold %d values, SQL %v", len(bins), sum(bins...), q(`SELECT count(spend) FROM customers`))
	}
	if len(zones) != 4 || sum(zones...) != int(q(`SELECT count(zone) FROM customers`)) {
		t.Errorf("%d zones hold %d values, SQL %v", len(zones), sum(zones...), q(`SELECT count(zone) FROM customers`))
	}
	if len(years) != int(q(`SELECT count(DISTINCT substr(signup_date, 1, 4)) FROM customers`)) || sum(years...) != int(q(`SELECT count(signup_date) FROM customers`)) {
		t.Errorf("%d signup years hold %d values, SQL %v years, %v values", len(years), sum(years...),
			q(`SELECT count(DISTINCT substr(signup_date, 1, 4)) FROM customers`), q(`SELECT count(signup_date) FROM customers`))
	}
	for i, b := range spend.Histogram {
		op := "<"
		if i == len(spend.Histogram)-1 {
			op = "<="
		}
		if want := int(q(`SELECT count(*) FROM customers WHERE spend >= ? AND spend `+op+` ?`, b.Lo, b.Hi)); b.Count != want {
			t.Errorf("bin %d [%v, %v): %d, SQL %d", i, b.Lo, b.Hi, b.Count, want)
		}
	}
	for _, g := range byName["zone"].Groups {
		if want := int(q(`SELECT count(*) FROM customers WHERE zone = ?`, g.Label)); g.Count != want {
			t.Errorf("zone %s: %d, SQL %d", g.Label, g.Count, want)
		}
	}
	for _, g := range byName["signup_date"].Groups {
		if want := int(q(`SELECT count(*) FROM customers WHERE substr(signup_date, 1, 4) = ?`, g.Label)); g.Count != want {
			t.Errorf("signup year %s: %d, SQL %d", g.Label, g.Count, want)
		}
	}
	note := byName["note"]
	if note.Distinct != int(q(`SELECT count(DISTINCT note) FROM customers`)) || note.Count != int(q(`SELECT count(note) FROM customers`)) {
		t.Errorf("note %+v disagrees with SQL", note)
	}
	if len(spend.Histogram) == 0 || len(byName["zone"].Groups) != 4 || byName["tenure_days"].Name == "" {
		t.Errorf("missing parts: %d bins, %d zones, derived tenure %q", len(spend.Histogram), len(byName["zone"].Groups), byName["tenure_days"].Name)
	}
}

func TestDescribeTextAndCSV(t *testing.T) {
	path := describeShop(t)
	code, out, _ := describeCmd(t, path, "--column", "zone")
	if code != 0 || !strings.Contains(out, "customers.zone  categorical") || strings.Contains(out, "spend") {
		t.Errorf("text for one column (exit %d):\n%s", code, out)
	}
	code, out, _ = describeCmd(t, "--format", "csv", path, "--column", "spend", "--bins", "5")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil {
		t.Fatalf("csv (exit %d, %v):\n%s", code, err, out)
	}
	bins := 0
	for _, r := range rows {
		if r[2] == "bin" {
			bins++
		}
	}
	if bins != 5 || rows[0][0] != "column" {
		t.Errorf("csv has %d bins, header %v", bins, rows[0])
	}
	code, out, _ = describeCmd(t, path, "--column", "signup_date", "--dates", "weekday")
	if code != 0 || !strings.Contains(out, "Mon") || !strings.Contains(out, "Sun") {
		t.Errorf("weekdays (exit %d):\n%s", code, out)
	}
}

func TestDescribeErrors(t *testing.T) {
	path := describeShop(t)
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{}, 2, "usage: pulpero describe"},
		{[]string{path, "--format", "xml"}, 2, "--format"},
		{[]string{path, "--dates", "fortnight"}, 2, "--dates"},
		{[]string{path, "--column", "shoe_size"}, 1, `no attribute "shoe_size"`},
		{[]string{filepath.Join(t.TempDir(), "none.db")}, 1, "no such file"},
		{[]string{path, "--table", "orders"}, 1, `no table named "orders"`},
	} {
		code, _, errs := describeCmd(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.msg) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q on one line", c.args, code, errs, c.code, c.msg)
		}
	}
}
