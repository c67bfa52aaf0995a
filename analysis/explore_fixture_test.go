package analysis_test

import (
	"compress/gzip"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// asOf is the fixed reference date of these tests.
var asOf = time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)

// exploreDB writes a shop with every kind Explore shows: money with
// negatives and a far outlier, categoricals, booleans, dates, date-times,
// free text, and an identifier with duplicates.
func exploreDB(t testing.TB, n int) (*model.Dataset, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "explore.db")
	w := openRW(t, path)
	defer w.Close()
	exec(t, w, `CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, code TEXT, zone TEXT, spend REAL,
		children INTEGER, birth_date TEXT, signup_at TEXT, newsletter TEXT, note TEXT)`)
	r := rand.New(rand.NewPCG(11, 5))
	zones := []string{"north", "south", "east", "west", "centre"}
	notes := []string{"call back", "vip", "prefers post", "moved", "complaint about delivery", "no note"}
	tx, _ := w.Begin()
	ins, _ := tx.Prepare(`INSERT INTO customers VALUES (?,?,?,?,?,?,?,?,?)`)
	for i := 1; i <= n; i++ {
		var zone, spend, birth, note any
		if r.IntN(12) > 0 {
			zone = zones[r.IntN(len(zones))]
		}
		if r.IntN(9) > 0 {
			spend = math.Round(math.Exp(4+1.2*r.NormFloat64())*100) / 100
			if r.IntN(60) == 0 {
				spend = -spend.(float64)
			}
		}
		if i == 7 {
			spend = 9.5e6 // a typing slip: far outside the rest
		}
		if r.IntN(15) > 0 {
			birth = time.Date(1935+r.IntN(75), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		}
		signup := time.Date(2014+r.IntN(12), time.Month(1+r.IntN(12)), 1+r.IntN(28), r.IntN(24), r.IntN(60), 0, 0, time.UTC).Format("2006-01-02 15:04:05")
		if r.IntN(3) > 0 {
			note = notes[r.IntN(len(notes))] + fmt.Sprintf(" #%d", r.IntN(n/3+1))
		}
		code := fmt.Sprintf("C%06d", i)
		if i%97 == 0 {
			code = fmt.Sprintf("C%06d", i-1) // duplicated identifiers
		}
		yn := []string{"yes", "no"}[r.IntN(2)]
		if _, err := ins.Exec(i, code, zone, spend, r.IntN(4), birth, signup, yn, note); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return loadAll(t, path, "customers")
}

func openRW(t testing.TB, path string) *sql.DB {
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func exec(t testing.TB, db *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := db.Exec(q, args...); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}

// loadAll opens path read-only and loads table as the interface does.
func loadAll(t testing.TB, path, table string) (*model.Dataset, *sql.DB) {
	t.Helper()
	d, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	ctx := context.Background()
	ti, err := d.Table(ctx, table)
	if err != nil {
		t.Fatal(err)
	}
	cols, err := d.Profile(ctx, ti, nil)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := d.Load(ctx, ti, cols, nil)
	if err != nil {
		t.Fatal(err)
	}
	analysis.Derive(ds, asOf)
	return ds, d.SQL()
}

// csvDB copies a CSV file into a SQLite table with untyped columns, storing
// each field as an integer, a real or text as it reads, so SQL compares
// numbers as numbers. It stands in for the importer, which is not needed to
// check statistics.
func csvDB(t testing.TB, file string, sep rune, table string) string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var in io.Reader = f
	if strings.HasSuffix(file, ".gz") {
		if in, err = gzip.NewReader(f); err != nil {
			t.Fatal(err)
		}
	}
	cr := csv.NewReader(in)
	cr.Comma = sep
	head, err := cr.Read()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), table+".db")
	w := openRW(t, path)
	defer w.Close()
	cols := make([]string, len(head))
	for i, h := range head {
		cols[i] = strconv.Quote(h)
	}
	exec(t, w, fmt.Sprintf("CREATE TABLE %s (%s)", table, strings.Join(cols, ", ")))
	tx, _ := w.Begin()
	ins, err := tx.Prepare(fmt.Sprintf("INSERT INTO %s VALUES (%s)", table, strings.TrimSuffix(strings.Repeat("?,", len(head)), ",")))
	if err != nil {
		t.Fatal(err)
	}
	vals := make([]any, len(head))
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		for i, s := range rec {
			vals[i] = typed(s)
		}
		if _, err := ins.Exec(vals...); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return path
}

func typed(s string) any {
	if s == "" {
		return nil
	}
	if len(s) > 1 && s[0] == '0' && !strings.Contains(s, ".") {
		return s // a code such as 0001 keeps its zeros, as an importer keeps them
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return f
	}
	return s
}
