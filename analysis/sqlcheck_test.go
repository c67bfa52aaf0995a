package analysis_test

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// deriveDay is the reference day shopDB derives ages and tenure on.
const deriveDay = "2026-06-15"

// shopDB writes a real SQLite file of n random customers and returns the
// loaded columnar copy, with the derived and reachability attributes, and
// the read-only handle for SQL cross-checks.
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
		children INTEGER, birth_date TEXT, signup_date TEXT, consent_email INTEGER,
		email TEXT, email_bounced INTEGER, unsubscribed INTEGER)`)
	r := rand.New(rand.NewPCG(7, 9))
	zones := []string{"north", "south", "east", "west", "centre", "north-east"}
	tx, _ := w.Begin()
	ins, _ := tx.Prepare(`INSERT INTO customers VALUES (?,?,?,?,?,?,?,?,?,?)`)
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
		consent := r.IntN(2)
		// contact data: well-formed, malformed or missing addresses; a few
		// bounces and opt-outs, some of them unknown
		var email, bounced, unsub any = fmt.Sprintf("c%d@shop.example", i), 0, 0
		switch r.IntN(8) {
		case 0:
			email = nil
		case 1:
			email = fmt.Sprintf("c%d.shop.example", i)
		}
		if r.IntN(12) == 0 {
			bounced = 1
		}
		switch r.IntN(12) {
		case 0:
			unsub = 1
		case 1:
			unsub = nil
		}
		if _, err := ins.Exec(i, zone, income, r.IntN(4), birth, signup, consent, email, bounced, unsub); err != nil {
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
	asOf, _ := time.Parse(time.DateOnly, deriveDay)
	analysis.Derive(ds, asOf)
	valid, err := d.ReadContactValidity(ctx, table, store.FindContactColumns(cols), ds.RowIDs)
	if err != nil {
		t.Fatal(err)
	}
	analysis.AddReachability(ds, analysis.ValidAddresses(valid))
	return ds, d.SQL()
}

// shopOracle writes shopDB's derived attributes as SQL over its stored
// columns, each from its documented definition: age in whole years on
// deriveDay; generation by birth year (boomers ≤1964, gen x 1965–78,
// millennials 1979–96, centennials 1997–2010, other); income_band the
// income's quintile, cut at the type-7 quantiles 0.2, 0.4, 0.6, 0.8 (read
// here as SQL order statistics) with a value on a cut in the band below;
// has_children children > 0; tenure_days the days from sign-up; and e-mail
// reachability: consent = 1, a well-formed address, not bounced, not
// unsubscribed (NULL there is no opt-out).
func shopOracle(t testing.TB, db *sql.DB) oracle {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT count(monthly_income) FROM customers`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	nth := func(k int) (v float64) {
		if err := db.QueryRow(`SELECT monthly_income FROM customers WHERE monthly_income IS NOT NULL
			ORDER BY monthly_income LIMIT 1 OFFSET ?`, k).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	var cuts [4]string
	for i, p := range []float64{0.2, 0.4, 0.6, 0.8} {
		h := float64(n-1) * p
		k := int(math.Floor(h))
		a, b := nth(k), nth(min(k+1, n-1))
		cuts[i] = strconv.FormatFloat(a+(h-float64(k))*(b-a), 'g', -1, 64)
	}
	year := `CAST(substr(birth_date, 1, 4) AS INTEGER)`
	email := `coalesce(consent_email = 1 AND email LIKE '_%@_%._%' AND email NOT LIKE '%@%@%'
		AND coalesce(email_bounced, 0) = 0 AND coalesce(unsubscribed, 0) = 0, 0)`
	return oracle{asOf: deriveDay, derived: map[string]string{
		"age": `CASE WHEN birth_date IS NOT NULL THEN CAST(strftime('%Y', '` + deriveDay + `') AS INTEGER) - ` + year + `
			- (strftime('%m-%d', birth_date) > strftime('%m-%d', '` + deriveDay + `')) END`,
		"generation": `CASE WHEN birth_date IS NULL THEN NULL WHEN ` + year + ` BETWEEN 1900 AND 1964 THEN 'baby boomers'
			WHEN ` + year + ` BETWEEN 1965 AND 1978 THEN 'gen x' WHEN ` + year + ` BETWEEN 1979 AND 1996 THEN 'millennials'
			WHEN ` + year + ` BETWEEN 1997 AND 2010 THEN 'centennials' ELSE 'other' END`,
		"income_band": `CASE WHEN monthly_income IS NULL THEN NULL WHEN monthly_income <= ` + cuts[0] + ` THEN 'low'
			WHEN monthly_income <= ` + cuts[1] + ` THEN 'lower-middle' WHEN monthly_income <= ` + cuts[2] + ` THEN 'middle'
			WHEN monthly_income <= ` + cuts[3] + ` THEN 'upper-middle' ELSE 'high' END`,
		"has_children":    `CASE WHEN children IS NULL THEN NULL WHEN children > 0 THEN 1 ELSE 0 END`,
		"tenure_days":     `CAST(julianday('` + deriveDay + `') - julianday(signup_date) AS INTEGER)`,
		"reachable_email": email,
		"digitally_valid": email, // e-mail is the only digital channel with a consent column here
	}}
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
	// every derived attribute, row by row, against its SQL definition
	o := shopOracle(t, db)
	for name, expr := range o.derived {
		col := ds.Column(name)
		if col == nil {
			t.Errorf("no derived attribute %s", name)
			continue
		}
		rows, err := db.Query(`SELECT rowid, ` + expr + ` FROM customers ORDER BY rowid`)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		i, nulls := 0, 0
		for ; rows.Next(); i++ {
			var id int64
			var v sql.NullString
			if err := rows.Scan(&id, &v); err != nil {
				t.Fatal(err)
			}
			if i >= ds.Rows() || ds.RowIDs[i] != id {
				t.Fatalf("%s: row %d is rowid %d in SQL", name, i, id)
			}
			got, ok := derivedText(col, i)
			if !v.Valid {
				nulls++
			}
			if ok != v.Valid || ok && got != v.String {
				t.Errorf("%s, rowid %d: %q (%v), SQL %q (%v)", name, id, got, ok, v.String, v.Valid)
			}
		}
		rows.Close()
		if i != ds.Rows() || nulls == i {
			t.Errorf("%s: %d rows compared of %d, %d of them empty", name, i, ds.Rows(), nulls)
		}
	}
	// quintiles: each band holds a fifth of the known incomes (incomes are
	// continuous here, so ties at a cut are rare)
	band := ds.Column("income_band").(*model.CodedColumn)
	bands, _ := analysis.Frequency(band, nil)
	var known int
	db.QueryRow(`SELECT count(monthly_income) FROM customers`).Scan(&known)
	total := 0
	for _, b := range bands {
		total += b.Count
		if math.Abs(float64(b.Count)-float64(known)/5) > 2 {
			t.Errorf("income band %s holds %d of %d incomes, not a fifth", b.Value, b.Count, known)
		}
	}
	if len(bands) != 5 || total != known {
		t.Errorf("%d income bands hold %d incomes, SQL %d", len(bands), total, known)
	}
}

// derivedText writes row i of a derived column as SQL returns its oracle
// expression: numbers as integers, categories by name, yes/no as 1/0.
func derivedText(c model.Column, i int) (string, bool) {
	switch c := c.(type) {
	case *model.NumberColumn:
		if c.IsNull(i) {
			return "", false
		}
		return strconv.FormatFloat(c.Values[i], 'f', -1, 64), true
	case *model.CodedColumn:
		v, ok := c.Value(i)
		if c.Kind == model.KindBoolean && ok {
			v = map[string]string{model.BoolDict[0]: "0", model.BoolDict[1]: "1"}[v]
		}
		return v, ok
	}
	return "", false
}

func close(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
