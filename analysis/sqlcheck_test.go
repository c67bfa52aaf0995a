package analysis_test

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// shopDB writes a real SQLite file of n random customers and returns the
// loaded columnar copy with the read-only handle for SQL cross-checks.
func shopDB(t testing.TB, n int) (*model.Dataset, *sql.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	mustExec := func(q string, args ...any) {
		if _, err := w.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mustExec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, zone TEXT, monthly_income REAL,
		children INTEGER, birth_date TEXT, signup_date TEXT, consent_email INTEGER)`)
	r := rand.New(rand.NewPCG(7, 9))
	zones := []string{"north", "south", "east", "west", "centre", "north-east"}
	tx, _ := w.Begin()
	ins, _ := tx.Prepare(`INSERT INTO customers VALUES (?,?,?,?,?,?,?)`)
	for i := 1; i <= n; i++ {
		var zone, income, birth any
		if r.IntN(20) > 0 {
			zone = zones[r.IntN(len(zones))]
		}
		if r.IntN(10) > 0 {
			income = math.Round(math.Exp(7+0.6*r.NormFloat64())*100) / 100
		}
		if r.IntN(15) > 0 {
			birth = time.Date(1940+r.IntN(70), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		}
		signup := time.Date(2015+r.IntN(10), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		if _, err := ins.Exec(i, zone, income, r.IntN(4), birth, signup, r.IntN(2)); err != nil {
			t.Fatal(err)
		}
	}
	tx.Commit()
	d, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	ctx := context.Background()
	table, err := d.Table(ctx, "customers")
	if err != nil {
		t.Fatal(err)
	}
	cols, err := d.Profile(ctx, table, nil)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := d.Load(ctx, table, cols, nil)
	if err != nil {
		t.Fatal(err)
	}
	analysis.Derive(ds, time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC))
	return ds, d.SQL()
}

func TestSummaryEqualsSQL(t *testing.T) {
	ds, db := shopDB(t, 3001)
	inc := ds.Column("monthly_income").(*model.NumberColumn)
	s := analysis.Summarize(inc, nil)
	var count, nulls int
	var lo, hi, mean, std float64
	err := db.QueryRow(`SELECT count(monthly_income), sum(monthly_income IS NULL), min(monthly_income), max(monthly_income),
		avg(monthly_income),
		sqrt(sum((monthly_income - (SELECT avg(monthly_income) FROM customers)) * (monthly_income - (SELECT avg(monthly_income) FROM customers))) / (count(monthly_income) - 1))
		FROM customers`).Scan(&count, &nulls, &lo, &hi, &mean, &std)
	if err != nil {
		t.Fatal(err)
	}
	if s.Count != count || s.Nulls != nulls || s.Min != lo || s.Max != hi || !close(s.Mean, mean) || !close(s.Std, std) {
		t.Fatalf("summary %+v; SQL count %d nulls %d min %v max %v mean %v std %v", s, count, nulls, lo, hi, mean, std)
	}
	for i, p := range analysis.SummaryProbs {
		h := float64(count-1) * p
		k := int(math.Floor(h))
		var a, b float64
		db.QueryRow(`SELECT monthly_income FROM customers WHERE monthly_income IS NOT NULL ORDER BY monthly_income LIMIT 1 OFFSET ?`, k).Scan(&a)
		db.QueryRow(`SELECT monthly_income FROM customers WHERE monthly_income IS NOT NULL ORDER BY monthly_income LIMIT 1 OFFSET ?`, min(k+1, count-1)).Scan(&b)
		want := a + (h-float64(k))*(b-a)
		if !close(s.Quantiles[i], want) {
			t.Errorf("p%.0f = %v, SQL order statistics give %v", 100*p, s.Quantiles[i], want)
		}
	}
}

func TestHistogramEqualsSQL(t *testing.T) {
	ds, db := shopDB(t, 2500)
	inc := ds.Column("monthly_income").(*model.NumberColumn)
	for _, bins := range []int{1, 7, 30} {
		h := analysis.EqualWidthHistogram(inc, nil, bins)
		total := 0
		for b, n := range h.Counts {
			q := `SELECT count(*) FROM customers WHERE monthly_income >= ? AND monthly_income < ?`
			if b == len(h.Counts)-1 {
				q = `SELECT count(*) FROM customers WHERE monthly_income >= ? AND monthly_income <= ?`
			}
			var want int
			db.QueryRow(q, h.Edges[b], h.Edges[b+1]).Scan(&want)
			if n != want {
				t.Errorf("%d bins: bin %d [%v,%v) has %d, SQL %d", bins, b, h.Edges[b], h.Edges[b+1], n, want)
			}
			total += n
		}
		var all int
		db.QueryRow(`SELECT count(monthly_income) FROM customers`).Scan(&all)
		if total != all {
			t.Errorf("%d bins hold %d values, SQL %d", bins, total, all)
		}
	}
}

func TestFrequencyAndPredicatesEqualSQL(t *testing.T) {
	ds, db := shopDB(t, 2000)
	zone := ds.Column("zone").(*model.CodedColumn)
	counts, nulls := analysis.Frequency(zone, nil)
	rows, err := db.Query(`SELECT zone, count(*) FROM customers WHERE zone IS NOT NULL GROUP BY zone ORDER BY count(*) DESC, zone`)
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for rows.Next() {
		var v string
		var n int
		rows.Scan(&v, &n)
		if i >= len(counts) || counts[i].Value != v || counts[i].Count != n {
			t.Errorf("frequency row %d: %+v, SQL %s %d", i, counts, v, n)
		}
		i++
	}
	rows.Close()
	var sqlNulls int
	db.QueryRow(`SELECT count(*) FROM customers WHERE zone IS NULL`).Scan(&sqlNulls)
	if nulls != sqlNulls || i != len(counts) {
		t.Errorf("nulls %d vs %d, values %d vs %d", nulls, sqlNulls, len(counts), i)
	}

	// a 3-condition predicate
	inc := ds.Column("monthly_income").(*model.NumberColumn)
	kids := ds.Column("children").(*model.NumberColumn)
	north := zone.Code("north")
	got := analysis.NumberCompare(inc, analysis.OpGt, 1500)
	got.And(analysis.CodesIn(zone, []int32{north, zone.Code("south")}))
	got.And(analysis.NumberBetween(kids, 1, 2))
	var want int
	db.QueryRow(`SELECT count(*) FROM customers WHERE monthly_income > 1500 AND zone IN ('north','south') AND children BETWEEN 1 AND 2`).Scan(&want)
	if got.Count() != want {
		t.Errorf("3-condition count %d, SQL %d", got.Count(), want)
	}
	// NOT keeps SQL's rule that NULL matches neither a comparison nor its negation
	ne := analysis.NumberCompare(inc, analysis.OpNe, 1500)
	db.QueryRow(`SELECT count(*) FROM customers WHERE monthly_income != 1500`).Scan(&want)
	if ne.Count() != want {
		t.Errorf("!= count %d, SQL %d", ne.Count(), want)
	}
	for _, op := range []struct {
		op  analysis.CompareOp
		sql string
	}{{analysis.OpEq, "="}, {analysis.OpLt, "<"}, {analysis.OpLe, "<="}, {analysis.OpGe, ">="}} {
		c := analysis.NumberCompare(kids, op.op, 2).Count()
		db.QueryRow(fmt.Sprintf(`SELECT count(*) FROM customers WHERE children %s 2`, op.sql)).Scan(&want)
		if c != want {
			t.Errorf("children %s 2: %d, SQL %d", op.sql, c, want)
		}
	}
}

func TestDerivedAttributesEqualSQL(t *testing.T) {
	ds, db := shopDB(t, 2000)
	gen := ds.Column("generation").(*model.CodedColumn)
	counts, _ := analysis.Frequency(gen, nil)
	for _, vc := range counts {
		var want int
		db.QueryRow(`SELECT count(*) FROM customers WHERE CASE
			WHEN CAST(substr(birth_date,1,4) AS INT) <= 1964 THEN 'baby boomers'
			WHEN CAST(substr(birth_date,1,4) AS INT) <= 1978 THEN 'gen x'
			WHEN CAST(substr(birth_date,1,4) AS INT) <= 1996 THEN 'millennials'
			WHEN CAST(substr(birth_date,1,4) AS INT) <= 2010 THEN 'centennials' ELSE 'other' END = ?`, vc.Value).Scan(&want)
		if vc.Count != want {
			t.Errorf("generation %s: %d, SQL %d", vc.Value, vc.Count, want)
		}
	}
	age := ds.Column("age").(*model.NumberColumn)
	var ageSum float64
	for i, v := range age.Values {
		if !age.IsNull(i) {
			ageSum += v
		}
	}
	var want float64
	db.QueryRow(`SELECT total(2026 - CAST(substr(birth_date,1,4) AS INT) - (substr(birth_date,6,5) > '06-15')) FROM customers WHERE birth_date IS NOT NULL`).Scan(&want)
	if ageSum != want {
		t.Errorf("sum of ages %v, SQL %v", ageSum, want)
	}
	tenure := ds.Column("tenure_days").(*model.NumberColumn)
	var tSum float64
	for _, v := range tenure.Values {
		tSum += v
	}
	db.QueryRow(`SELECT total(julianday('2026-06-15') - julianday(signup_date)) FROM customers`).Scan(&want)
	if tSum != want {
		t.Errorf("sum of tenure %v, SQL %v", tSum, want)
	}
	kids := ds.Column("has_children").(*model.CodedColumn)
	var yes int
	for _, k := range kids.Codes {
		if k == 1 {
			yes++
		}
	}
	var wantYes int
	db.QueryRow(`SELECT count(*) FROM customers WHERE children > 0`).Scan(&wantYes)
	if yes != wantYes {
		t.Errorf("has_children %d, SQL %d", yes, wantYes)
	}
	if ds.Column("income_band") == nil {
		t.Error("no income_band")
	}
}

func close(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
