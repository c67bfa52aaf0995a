package app

import (
	"database/sql"
	"fmt"
	"math"
	"net/url"
	"sort"
	"strconv"
	"testing"

	"github.com/pulpero/pulpero/analysis/behaviour"
	"github.com/pulpero/pulpero/model"
)

// The independent oracle: every behaviour attribute computed by SQLite
// with GROUP BY over the same file, from a view of the lines each test
// writes in SQL for its shape of data:
//
//	l(c, inv, day, ch, cat, sale, ret)
//
// c the customer's key as text (NULL: none), inv a purchase id (distinct
// per invoice, or per line when lines stand alone), day the day number,
// ch the channel, cat the category, sale the line's sale value when > 0
// (else 0) and ret its returned value when > 0 (else 0). The definitions
// are those of analysis/behaviour's package documentation.

type oracleCustomer struct {
	freq, p90, p365, days int
	first, last           int
	gross, returned       float64
	hasFirst              bool
	channel               map[string]float64
	category              map[string]float64
	touches               map[string]int
	lastTouch             int
	hasTouch              bool
	sentSum               float64
	sentN                 int
	before30              int
}

func openRO(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path, RawQuery: "mode=ro"}).String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func queryRows(t testing.TB, db *sql.DB, q string, f func(r *sql.Rows) error) {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
	defer rows.Close()
	for rows.Next() {
		if err := f(rows); err != nil {
			t.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// oracleLines computes the purchase attributes of every customer key from
// the lines view, as of analysis day a.
func oracleLines(t testing.TB, db *sql.DB, lines string, a int32) map[string]*oracleCustomer {
	out := map[string]*oracleCustomer{}
	get := func(c string) *oracleCustomer {
		o := out[c]
		if o == nil {
			o = &oracleCustomer{channel: map[string]float64{}, category: map[string]float64{}, touches: map[string]int{}}
			out[c] = o
		}
		return o
	}
	with := fmt.Sprintf(`WITH l AS (%s),
		s AS (SELECT * FROM l WHERE c IS NOT NULL AND day IS NOT NULL AND day <= %d),
		p AS (SELECT c, inv, min(day) AS pday FROM s WHERE sale > 0 GROUP BY c, inv)`, lines, a)
	queryRows(t, db, with+` SELECT c, sum(sale), sum(ret) FROM s GROUP BY c`, func(r *sql.Rows) error {
		var c string
		o := &oracleCustomer{}
		if err := r.Scan(&c, &o.gross, &o.returned); err != nil {
			return err
		}
		g := get(c)
		g.gross, g.returned = o.gross, o.returned
		return nil
	})
	queryRows(t, db, with+fmt.Sprintf(` SELECT c, count(*), min(pday), max(pday), count(DISTINCT pday),
		sum(%[1]d - pday <= 90), sum(%[1]d - pday <= 365) FROM p GROUP BY c`, a), func(r *sql.Rows) error {
		var c string
		var o oracleCustomer
		if err := r.Scan(&c, &o.freq, &o.first, &o.last, &o.days, &o.p90, &o.p365); err != nil {
			return err
		}
		g := get(c)
		g.freq, g.first, g.last, g.days, g.p90, g.p365, g.hasFirst = o.freq, o.first, o.last, o.days, o.p90, o.p365, true
		return nil
	})
	queryRows(t, db, with+` SELECT c, ch, sum(sale) FROM s WHERE ch IS NOT NULL GROUP BY c, ch`, func(r *sql.Rows) error {
		var c, ch string
		var v float64
		if err := r.Scan(&c, &ch, &v); err != nil {
			return err
		}
		get(c).channel[ch] = v
		return nil
	})
	queryRows(t, db, with+` SELECT c, cat, sum(sale) FROM s WHERE cat IS NOT NULL AND sale > 0 GROUP BY c, cat`, func(r *sql.Rows) error {
		var c, cat string
		var v float64
		if err := r.Scan(&c, &cat, &v); err != nil {
			return err
		}
		get(c).category[cat] = v
		return nil
	})
	return out
}

// oracleTouches adds the touchpoint attributes from a view
// tp(c, day, kind, sentiment) and the purchase days of the lines view.
func oracleTouches(t testing.TB, db *sql.DB, out map[string]*oracleCustomer, lines, touches string, a int32) {
	get := func(c string) *oracleCustomer {
		o := out[c]
		if o == nil {
			o = &oracleCustomer{channel: map[string]float64{}, category: map[string]float64{}, touches: map[string]int{}}
			out[c] = o
		}
		return o
	}
	with := fmt.Sprintf(`WITH l AS (%s), tp AS (%s),
		s AS (SELECT * FROM l WHERE c IS NOT NULL AND day IS NOT NULL AND day <= %[3]d),
		pd AS MATERIALIZED (SELECT DISTINCT c, day FROM s WHERE sale > 0),
		t AS MATERIALIZED (SELECT row_number() OVER () AS rid, * FROM tp WHERE c IS NOT NULL AND day IS NOT NULL AND day <= %[3]d)`, lines, touches, a)
	queryRows(t, db, with+` SELECT c, kind, count(*) FROM t WHERE kind IS NOT NULL GROUP BY c, kind`, func(r *sql.Rows) error {
		var c, k string
		var n int
		if err := r.Scan(&c, &k, &n); err != nil {
			return err
		}
		get(c).touches[k] = n
		return nil
	})
	before := map[string]int{}
	queryRows(t, db, with+` SELECT t.c, count(DISTINCT t.rid) FROM t JOIN pd ON pd.c = t.c AND pd.day BETWEEN t.day + 1 AND t.day + 30
		GROUP BY t.c`, func(r *sql.Rows) error {
		var c string
		var n int
		if err := r.Scan(&c, &n); err != nil {
			return err
		}
		before[c] = n
		return nil
	})
	queryRows(t, db, with+` SELECT c, max(day), coalesce(sum(sentiment), 0), count(sentiment) FROM t GROUP BY c`, func(r *sql.Rows) error {
		var c string
		var o oracleCustomer
		if err := r.Scan(&c, &o.lastTouch, &o.sentSum, &o.sentN); err != nil {
			return err
		}
		o.before30 = before[c]
		g := get(c)
		g.lastTouch, g.sentSum, g.sentN, g.before30, g.hasTouch = o.lastTouch, o.sentSum, o.sentN, o.before30, true
		return nil
	})
}

// keyOf returns the text of each customer's key (the customer-id column).
func keyOf(t testing.TB, ds *model.Dataset) func(i int) string {
	switch c := ds.ByRole(model.RoleCustomerID).(type) {
	case *model.NumberColumn:
		return func(i int) string { return strconv.FormatFloat(c.Values[i], 'f', -1, 64) }
	case *model.TextColumn:
		return func(i int) string { return c.Values[i] }
	}
	t.Fatalf("no customer id column in %v", ds.Names())
	return nil
}

// compareBehaviour checks every behaviour attribute of every customer of
// ds against the oracle: counts and days exactly, money to the cent,
// rates to 1e-9. categoryOrder breaks ties of top_category as the
// dictionary does.
func compareBehaviour(t *testing.T, ds *model.Dataset, want map[string]*oracleCustomer, a int32, categoryOrder []string, touches bool) {
	t.Helper()
	key := keyOf(t, ds)
	num := func(name string) *model.NumberColumn {
		c, ok := ds.Column(name).(*model.NumberColumn)
		if !ok {
			t.Fatalf("no number column %s in %v", name, ds.Names())
		}
		return c
	}
	type check struct {
		name string
		want func(o *oracleCustomer) (float64, bool) // false: NULL
		tol  float64
	}
	div := func(a, b float64) (float64, bool) {
		if b == 0 {
			return 0, false
		}
		return a / b, true
	}
	checks := []check{
		{behaviour.ColFrequency, func(o *oracleCustomer) (float64, bool) { return float64(o.freq), true }, 0},
		{behaviour.ColMonetary, func(o *oracleCustomer) (float64, bool) { return o.gross - o.returned, true }, 0.005},
		{behaviour.ColReturnsValue, func(o *oracleCustomer) (float64, bool) { return o.returned, true }, 0.005},
		{behaviour.ColAvgTicket, func(o *oracleCustomer) (float64, bool) { return div(o.gross, float64(o.freq)) }, 0.005},
		{behaviour.ColReturnRate, func(o *oracleCustomer) (float64, bool) { return div(o.returned, o.gross) }, 1e-9},
		{behaviour.ColFirstPurchase, func(o *oracleCustomer) (float64, bool) { return float64(o.first), o.hasFirst }, 0},
		{behaviour.ColLastPurchase, func(o *oracleCustomer) (float64, bool) { return float64(o.last), o.hasFirst }, 0},
		{behaviour.ColRecencyDays, func(o *oracleCustomer) (float64, bool) { return float64(a) - float64(o.last), o.hasFirst }, 0},
		{ColDaysSinceFirstPurchase, func(o *oracleCustomer) (float64, bool) { return float64(a) - float64(o.first), o.hasFirst }, 0},
		{behaviour.ColMeanDaysBetween, func(o *oracleCustomer) (float64, bool) {
			if o.days < 2 {
				return 0, false
			}
			return div(float64(o.last-o.first), float64(o.days-1))
		}, 1e-9},
		{behaviour.ColPurchases90d, func(o *oracleCustomer) (float64, bool) { return float64(o.p90), true }, 0},
		{behaviour.ColPurchases365d, func(o *oracleCustomer) (float64, bool) { return float64(o.p365), true }, 0},
	}
	if touches {
		checks = append(checks,
			check{behaviour.ColLastContact, func(o *oracleCustomer) (float64, bool) { return float64(o.lastTouch), o.hasTouch }, 0},
			check{behaviour.ColMeanSentiment, func(o *oracleCustomer) (float64, bool) { return div(o.sentSum, float64(o.sentN)) }, 1e-9},
			check{behaviour.ColContactsBefore30d, func(o *oracleCustomer) (float64, bool) { return float64(o.before30), true }, 0})
	}
	empty := &oracleCustomer{}
	seen := 0
	for _, ck := range checks {
		col := num(ck.name)
		for i := 0; i < ds.Rows(); i++ {
			o := want[key(i)]
			if o == nil {
				o = empty
			} else {
				seen++
			}
			w, present := ck.want(o)
			got, null := col.Values[i], col.IsNull(i)
			if null != !present || present && !near(got, w, ck.tol) {
				t.Fatalf("customer %s %s = %v (NULL %v), SQL says %v (NULL %v)", key(i), ck.name, got, null, w, !present)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no customer of the data is in the oracle: the keys do not match")
	}
	compareShares(t, ds, want, key)
	compareTopCategory(t, ds, want, key, categoryOrder)
	if touches {
		compareContacts(t, ds, want, key)
	}
}

// near compares exactly (tol 0), to the cent (tol ≥ 0.001: money), or
// relatively (smaller tol: rates and means).
func near(got, want, tol float64) bool {
	switch {
	case tol == 0:
		return got == want
	case tol >= 0.001:
		return math.Abs(got-want) <= tol
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func compareShares(t *testing.T, ds *model.Dataset, want map[string]*oracleCustomer, key func(int) string) {
	t.Helper()
	for _, c := range ds.Columns {
		name := c.Meta().Name
		if len(name) <= len(behaviour.ColSharePrefix) || name[:len(behaviour.ColSharePrefix)] != behaviour.ColSharePrefix {
			continue
		}
		nc := c.(*model.NumberColumn)
		for i := 0; i < ds.Rows(); i++ {
			o := want[key(i)]
			if o == nil || o.gross == 0 {
				if !nc.IsNull(i) {
					t.Fatalf("customer %s %s = %v, want NULL (no sales)", key(i), name, nc.Values[i])
				}
				continue
			}
			var v float64
			for ch, s := range o.channel {
				if behaviour.ColumnName(behaviour.ColSharePrefix, ch) == name {
					v = s
				}
			}
			if math.Abs(nc.Values[i]-v/o.gross) > 1e-9 {
				t.Fatalf("customer %s %s = %v, SQL says %v", key(i), name, nc.Values[i], v/o.gross)
			}
		}
	}
}

func compareTopCategory(t *testing.T, ds *model.Dataset, want map[string]*oracleCustomer, key func(int) string, order []string) {
	t.Helper()
	c, ok := ds.Column(behaviour.ColTopCategory).(*model.CodedColumn)
	if !ok {
		if order != nil {
			t.Fatalf("no top_category in %v", ds.Names())
		}
		return
	}
	rank := map[string]int{}
	for i, v := range order {
		rank[v] = i
	}
	for i := 0; i < ds.Rows(); i++ {
		o := want[key(i)]
		wantCat := ""
		if o != nil {
			cats := make([]string, 0, len(o.category))
			for k := range o.category {
				cats = append(cats, k)
			}
			sort.Slice(cats, func(a, b int) bool {
				if o.category[cats[a]] != o.category[cats[b]] {
					return o.category[cats[a]] > o.category[cats[b]]
				}
				return rank[cats[a]] < rank[cats[b]]
			})
			if len(cats) > 0 {
				wantCat = cats[0]
			}
		}
		got, _ := c.Value(i)
		if got != wantCat {
			t.Fatalf("customer %s top_category = %q, SQL says %q (%v)", key(i), got, wantCat, o.category)
		}
	}
}

func compareContacts(t *testing.T, ds *model.Dataset, want map[string]*oracleCustomer, key func(int) string) {
	t.Helper()
	kinds := 0
	for _, c := range ds.Columns {
		name := c.Meta().Name
		if name == behaviour.ColContactsBefore30d || len(name) <= len(behaviour.ColContactsPrefix) || name[:len(behaviour.ColContactsPrefix)] != behaviour.ColContactsPrefix {
			continue
		}
		kinds++
		nc := c.(*model.NumberColumn)
		for i := 0; i < ds.Rows(); i++ {
			n := 0
			if o := want[key(i)]; o != nil {
				for k, v := range o.touches {
					if behaviour.ColumnName(behaviour.ColContactsPrefix, k) == name {
						n = v
					}
				}
			}
			if nc.IsNull(i) || nc.Values[i] != float64(n) {
				t.Fatalf("customer %s %s = %v, SQL says %d", key(i), name, nc.Values[i], n)
			}
		}
	}
	if kinds == 0 {
		t.Fatal("no contacts_ columns")
	}
}
