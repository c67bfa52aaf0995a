package analysis_test

// Benchmarks of the columnar engine against the same work in SQL through
// modernc.org/sqlite, on one database of a million customers. Run:
//
//	go test -bench . -run '^$' -benchtime 5x ./analysis/
//
// PULPERO_BENCH_DB=path uses an existing database (e.g. one made by
// `pulpero sample`) whose customer table has the columns named below;
// otherwise a synthetic one is generated once into a temporary folder.

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

const benchCustomers = 1_000_000

var bench struct {
	once sync.Once
	path string
	err  error
}

// benchDB returns the path of a database with benchCustomers customers.
func benchDB(b *testing.B) string {
	bench.once.Do(func() {
		if p := os.Getenv("PULPERO_BENCH_DB"); p != "" {
			bench.path = p
			return
		}
		dir, err := os.MkdirTemp("", "pulpero-bench-")
		if err != nil {
			bench.err = err
			return
		}
		bench.path = filepath.Join(dir, "bench.db")
		n := benchCustomers
		if v := os.Getenv("PULPERO_BENCH_CUSTOMERS"); v != "" { // e.g. 5000000: is the cost linear?
			if n, bench.err = strconv.Atoi(v); bench.err != nil {
				return
			}
		}
		bench.err = generateBenchDB(bench.path, n)
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.path
}

// generateBenchDB writes a customers table of 22 columns in one SQL
// statement (a recursive CTE), so the benchmark needs no other generator.
func generateBenchDB(path string, n int) error {
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(`PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
	CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, email TEXT, phone TEXT, address TEXT,
		gender TEXT, birth_date TEXT, marital_status TEXT, children INTEGER, monthly_income REAL,
		zone TEXT, neighbourhood TEXT, has_smartphone INTEGER, internet_user INTEGER, consent_email INTEGER,
		consent_sms INTEGER, consent_phone INTEGER, consent_post INTEGER, signup_date TEXT,
		acquisition_channel TEXT, preferred_channel TEXT, loyalty_member INTEGER, household_id INTEGER, score REAL);
	WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ` + strconv.Itoa(n) + `)
	INSERT INTO customers SELECT i, 'Name ' || i, 'c' || i || '@mail.example', '+34 600 ' || (100000 + i), 'Street ' || (i % 997),
		CASE abs(random()) % 2 WHEN 0 THEN 'female' ELSE 'male' END,
		date('1940-01-01', '+' || (abs(random()) % 25000) || ' days'),
		CASE abs(random()) % 4 WHEN 0 THEN 'single' WHEN 1 THEN 'married' WHEN 2 THEN 'divorced' ELSE 'widowed' END,
		abs(random()) % 4, round(800 + (abs(random()) % 600000) / 100.0, 2),
		'zone ' || (abs(random()) % 9), 'barrio ' || (abs(random()) % 50),
		abs(random()) % 2, abs(random()) % 2, abs(random()) % 2, abs(random()) % 2, abs(random()) % 2, abs(random()) % 2,
		date('2010-01-01', '+' || (abs(random()) % 5000) || ' days'),
		CASE abs(random()) % 3 WHEN 0 THEN 'web' WHEN 1 THEN 'store' ELSE 'referral' END,
		CASE abs(random()) % 3 WHEN 0 THEN 'email' WHEN 1 THEN 'sms' ELSE 'phone' END,
		abs(random()) % 2, i / 2, (abs(random()) % 1000) / 10.0
	FROM seq;`)
	return err
}

var loaded struct {
	once sync.Once
	ds   *model.Dataset
	db   *store.DB
	err  error
}

func benchData(b *testing.B) (*model.Dataset, *sql.DB) {
	path := benchDB(b)
	loaded.once.Do(func() {
		loaded.db, loaded.err = store.Open(path)
		if loaded.err == nil {
			loaded.ds, loaded.err = loadCustomers(loaded.db)
		}
	})
	if loaded.err != nil {
		b.Fatal(loaded.err)
	}
	return loaded.ds, loaded.db.SQL()
}

func loadCustomers(d *store.DB) (*model.Dataset, error) {
	ctx := context.Background()
	t, err := d.Table(ctx, "customers")
	if err != nil {
		return nil, err
	}
	cols, err := d.Profile(ctx, t, nil)
	if err != nil {
		return nil, err
	}
	ds, err := d.Load(ctx, t, cols, nil)
	if err != nil {
		return nil, err
	}
	analysis.Derive(ds, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	return ds, nil
}

func BenchmarkLoad(b *testing.B) {
	d, err := store.Open(benchDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	var ds *model.Dataset
	for b.Loop() {
		ds = nil // let the previous copy go before loading the next
		if ds, err = loadCustomers(d); err != nil {
			b.Fatal(err)
		}
		if ds.Rows() != benchCustomers && os.Getenv("PULPERO_BENCH_DB") == "" {
			b.Fatalf("%d rows", ds.Rows())
		}
	}
	// RSS with one copy alive, after the garbage of the loads is returned
	runtime.GC()
	debug.FreeOSMemory()
	b.ReportMetric(rssMB(), "MB-RSS")
	b.StopTimer()
	checkLoadedEqualsSQL(b, ds, d.SQL())
	runtime.KeepAlive(ds)
}

// checkLoadedEqualsSQL compares the loaded copy with SQL over the same table:
// the number of rows, and for every stored column its count of values and
// their sum (dates as days since 1970, date-times as unix seconds, yes/no as
// the count of yes), and for every category the count of each value.
func checkLoadedEqualsSQL(b *testing.B, ds *model.Dataset, db *sql.DB) {
	var rows int
	if err := db.QueryRow(`SELECT count(*) FROM ` + store.QuoteIdent(ds.Table)).Scan(&rows); err != nil || rows != ds.Rows() {
		b.Fatalf("loaded %d rows, SQL %d (%v)", ds.Rows(), rows, err)
	}
	checked := 0
	for _, c := range ds.Columns {
		m := c.Meta()
		if m.Derived {
			continue
		}
		q := store.QuoteIdent(m.Name)
		var sum string
		switch m.Kind {
		case model.KindDate:
			sum = `total(julianday(` + q + `) - 2440587.5)`
		case model.KindDateTime:
			sum = `total(CAST(strftime('%s', ` + q + `) AS INTEGER))`
		case model.KindBoolean:
			sum = `total(lower(` + q + `) IN ('1', 'yes', 'true', 'y', 't', 'sí', 'si', 's'))`
		case model.KindCategorical, model.KindText:
			sum = `0`
		default:
			sum = `total(` + q + `)`
		}
		var n int
		var want float64
		if err := db.QueryRow(`SELECT count(`+q+`), `+sum+` FROM `+store.QuoteIdent(ds.Table)).Scan(&n, &want); err != nil {
			b.Fatalf("%s: %v", m.Name, err)
		}
		got, values := loadedSum(c)
		if values != n || math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
			b.Fatalf("%s: loaded %d values summing to %v, SQL %d summing to %v", m.Name, values, got, n, want)
		}
		if cc, ok := c.(*model.CodedColumn); ok && m.Kind == model.KindCategorical {
			freq, _ := analysis.Frequency(cc, nil)
			r, err := db.Query(`SELECT ` + q + `, count(*) FROM ` + store.QuoteIdent(ds.Table) + ` WHERE ` + q + ` IS NOT NULL GROUP BY 1`)
			if err != nil {
				b.Fatal(err)
			}
			sqlFreq := map[string]int{}
			for r.Next() {
				var v string
				var k int
				r.Scan(&v, &k)
				sqlFreq[v] = k
			}
			r.Close()
			if len(freq) != len(sqlFreq) {
				b.Fatalf("%s: %d values loaded, SQL %d", m.Name, len(freq), len(sqlFreq))
			}
			for _, f := range freq {
				if sqlFreq[f.Value] != f.Count {
					b.Fatalf("%s = %q: %d loaded, SQL %d", m.Name, f.Value, f.Count, sqlFreq[f.Value])
				}
			}
		}
		checked++
	}
	if checked < 10 {
		b.Fatalf("only %d columns compared", checked)
	}
}

// loadedSum is a column's count of values and their sum, read row by row.
func loadedSum(c model.Column) (sum float64, n int) {
	switch x := c.(type) {
	case *model.NumberColumn:
		for i, v := range x.Values {
			if !x.IsNull(i) {
				sum += v
				n++
			}
		}
	case *model.CodedColumn:
		for _, code := range x.Codes {
			if code >= 0 {
				n++
				if x.Kind == model.KindBoolean && code == 1 {
					sum++
				}
			}
		}
	case *model.TextColumn:
		for i := range x.Values {
			if !x.Nulls.Has(i) {
				n++
			}
		}
	}
	return sum, n
}

// rssMB is the process's resident memory now, from /proc.
func rssMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

func BenchmarkCount3Conditions(b *testing.B) {
	ds, db := benchData(b)
	inc := ds.Column("monthly_income").(*model.NumberColumn)
	zone := ds.Column("zone").(*model.CodedColumn)
	kids := ds.Column("children").(*model.NumberColumn)
	codes := []int32{zone.Code("zone 1"), zone.Code("zone 2"), zone.Code("zone 3")}
	var got int
	b.Run("columnar", func(b *testing.B) {
		for b.Loop() {
			r := analysis.NumberCompare(inc, analysis.OpGt, 3000)
			r.And(analysis.CodesIn(zone, codes))
			r.And(analysis.NumberBetween(kids, 1, 2))
			got = r.Count()
		}
	})
	var want int
	b.Run("sql", func(b *testing.B) {
		for b.Loop() {
			db.QueryRow(`SELECT count(*) FROM customers WHERE monthly_income > 3000 AND zone IN ('zone 1','zone 2','zone 3') AND children BETWEEN 1 AND 2`).Scan(&want)
		}
	})
	if got != want {
		b.Fatalf("columnar %d, SQL %d", got, want)
	}
}

func BenchmarkFrequency50Values(b *testing.B) {
	ds, db := benchData(b)
	col := ds.Column("neighbourhood").(*model.CodedColumn)
	if len(col.Dict) != 50 && os.Getenv("PULPERO_BENCH_DB") == "" {
		b.Fatalf("%d values", len(col.Dict))
	}
	var got []analysis.ValueCount
	b.Run("columnar", func(b *testing.B) {
		for b.Loop() {
			got, _ = analysis.Frequency(col, nil)
		}
	})
	want := map[string]int{}
	b.Run("sql", func(b *testing.B) {
		for b.Loop() {
			rows, err := db.Query(`SELECT neighbourhood, count(*) FROM customers WHERE neighbourhood IS NOT NULL GROUP BY neighbourhood ORDER BY 2 DESC`)
			if err != nil {
				b.Fatal(err)
			}
			clear(want)
			for rows.Next() {
				var v string
				var n int
				rows.Scan(&v, &n)
				want[v] = n
			}
			rows.Close()
		}
	})
	// the whole table: every value's count, most frequent first
	if len(got) != len(want) || len(got) == 0 {
		b.Fatalf("columnar %d values, SQL %d", len(got), len(want))
	}
	for i, vc := range got {
		if want[vc.Value] != vc.Count || i > 0 && vc.Count > got[i-1].Count {
			b.Fatalf("%s: columnar %d (row %d), SQL %d", vc.Value, vc.Count, i, want[vc.Value])
		}
	}
}

func BenchmarkHistogram30Bins(b *testing.B) {
	ds, db := benchData(b)
	inc := ds.Column("monthly_income").(*model.NumberColumn)
	var h analysis.Histogram
	b.Run("columnar", func(b *testing.B) {
		for b.Loop() {
			h = analysis.EqualWidthHistogram(inc, nil, 30)
		}
	})
	lo, hi := h.Edges[0], h.Edges[30]
	b.Run("sql", func(b *testing.B) {
		for b.Loop() {
			rows, err := db.Query(fmt.Sprintf(`SELECT min(29, CAST((monthly_income - %[1]v) * 30 / (%[2]v - %[1]v) AS INTEGER)) AS bin, count(*)
				FROM customers WHERE monthly_income IS NOT NULL GROUP BY bin ORDER BY bin`, lo, hi))
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
				var bin, n int
				rows.Scan(&bin, &n)
			}
			rows.Close()
		}
	})
	// every bin, its bounds as SQL conditions (the last one closed), in one scan
	if len(h.Counts) != 30 {
		b.Fatalf("%d bins", len(h.Counts))
	}
	var sums []string
	var args []any
	for k := range h.Counts {
		op := "<"
		if k == len(h.Counts)-1 {
			op = "<="
		}
		sums = append(sums, "total(monthly_income >= ? AND monthly_income "+op+" ?)")
		args = append(args, h.Edges[k], h.Edges[k+1])
	}
	want := make([]float64, len(h.Counts))
	dest := make([]any, len(want))
	for k := range want {
		dest[k] = &want[k]
	}
	if err := db.QueryRow(`SELECT `+strings.Join(sums, ", ")+` FROM customers`, args...).Scan(dest...); err != nil {
		b.Fatal(err)
	}
	for k, n := range h.Counts {
		if float64(n) != want[k] {
			b.Fatalf("bin %d [%v, %v): columnar %d, SQL %v", k, h.Edges[k], h.Edges[k+1], n, want[k])
		}
	}
}
