package analysis_test

import (
	"database/sql"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/sample/publicdata"
	"github.com/pulpero/pulpero/store"
)

// sqlExpr is the SQL giving a column's values as the columnar copy holds
// them: dates as days since 1970-01-01, date-times as unix seconds.
func sqlExpr(c model.Column) string {
	q := store.QuoteIdent(c.Meta().Name)
	switch c.Meta().Kind {
	case model.KindDate:
		return "(julianday(" + q + ") - 2440587.5)"
	case model.KindDateTime:
		return "round((julianday(" + q + ") - 2440587.5) * 86400)"
	}
	return q
}

// checkAgainstSQL compares every statistic and every bar Explore shows for
// each stored column of ds with SQL over the same table.
func checkAgainstSQL(t *testing.T, ds *model.Dataset, db *sql.DB) {
	t.Helper()
	checked := 0
	for _, c := range ds.Columns {
		if c.Meta().Derived || c.Meta().Invalid > 0 {
			continue // derived: checked in sqlcheck_test; invalid: SQL sees what the copy holds as NULL
		}
		checked++
		t.Run(c.Meta().Name, func(t *testing.T) {
			switch x := c.(type) {
			case *model.NumberColumn:
				checkNumber(t, ds.Table, x, db)
			case *model.CodedColumn:
				checkCoded(t, ds.Table, x, db)
			case *model.TextColumn:
				checkText(t, ds.Table, x, db)
			}
		})
	}
	if checked == 0 {
		t.Fatal("no column was checked")
	}
}

func one[T any](t *testing.T, db *sql.DB, q string, args ...any) T {
	t.Helper()
	var v T
	if err := db.QueryRow(q, args...).Scan(&v); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return v
}

func checkNumber(t *testing.T, table string, c *model.NumberColumn, db *sql.DB) {
	e, tb := sqlExpr(c), store.QuoteIdent(table)
	s := analysis.Summarize(c, nil)
	if q := analysis.SummarizeQuick(c, nil); q.Count != s.Count || fmt.Sprint(q.Quantiles) != fmt.Sprint(s.Quantiles) || !near(q.Mean, s.Mean) || !(near(q.Std, s.Std) || s.Count < 2) {
		t.Errorf("SummarizeQuick %+v, Summarize %+v", q, s)
	}
	count := one[int](t, db, fmt.Sprintf("SELECT count(%s) FROM %s", e, tb))
	nulls := one[int](t, db, fmt.Sprintf("SELECT count(*) - count(%s) FROM %s", e, tb))
	if s.Count != count || s.Nulls != nulls {
		t.Fatalf("count %d nulls %d; SQL %d %d", s.Count, s.Nulls, count, nulls)
	}
	if count == 0 {
		return
	}
	lo := one[float64](t, db, fmt.Sprintf("SELECT min(%s) FROM %s", e, tb))
	hi := one[float64](t, db, fmt.Sprintf("SELECT max(%s) FROM %s", e, tb))
	mean := one[float64](t, db, fmt.Sprintf("SELECT avg(%s) FROM %s", e, tb))
	if s.Min != lo || s.Max != hi || !near(s.Mean, mean) {
		t.Errorf("min %v max %v mean %v; SQL %v %v %v", s.Min, s.Max, s.Mean, lo, hi, mean)
	}
	if count > 1 {
		std := math.Sqrt(one[float64](t, db, fmt.Sprintf("SELECT sum((%[1]s - %[3]v) * (%[1]s - %[3]v)) / (count(%[1]s) - 1) FROM %[2]s", e, tb, mean)))
		if !near(s.Std, std) {
			t.Errorf("std %v; SQL %v", s.Std, std)
		}
	}
	for i, p := range analysis.SummaryProbs {
		h := float64(count-1) * p
		k := int(math.Floor(h))
		ord := fmt.Sprintf("SELECT %[1]s FROM %[2]s WHERE %[1]s IS NOT NULL ORDER BY 1 LIMIT 1 OFFSET ?", e, tb)
		a, b := one[float64](t, db, ord, k), one[float64](t, db, ord, min(k+1, count-1))
		if want := a + (h-float64(k))*(b-a); !near(s.Quantiles[i], want) {
			t.Errorf("p%.0f %v; SQL order statistics %v", 100*p, s.Quantiles[i], want)
		}
	}
	bins := analysis.DefaultBins(count)
	for name, h := range map[string]analysis.Histogram{
		"equal":    analysis.EqualWidthHistogram(c, nil, bins),
		"quantile": analysis.QuantileHistogram(c, nil, bins),
		"log":      analysis.LogHistogram(c, nil, bins),
		"few":      analysis.QuantileHistogram(c, nil, 3),
	} {
		checkBins(t, name, h, e, tb, db, count)
	}
	if c.Kind == model.KindDate || c.Kind == model.KindDateTime {
		checkDates(t, c, e, tb, db)
	}
}

func checkBins(t *testing.T, name string, h analysis.Histogram, e, tb string, db *sql.DB, count int) {
	total := 0
	for b, n := range h.Counts {
		op := "<"
		if b == len(h.Counts)-1 {
			op = "<="
		}
		want := one[int](t, db, fmt.Sprintf("SELECT count(*) FROM %s WHERE %s >= ? AND %s %s ?", tb, e, e, op), h.Edges[b], h.Edges[b+1])
		if n != want {
			t.Errorf("%s bin %d [%v, %v]: %d, SQL %d", name, b, h.Edges[b], h.Edges[b+1], n, want)
		}
		total += n
	}
	if total != count {
		t.Errorf("%s bins hold %d of %d values", name, total, count)
	}
}

func checkDates(t *testing.T, c *model.NumberColumn, e, tb string, db *sql.DB) {
	day := "CAST(floor(" + e + ") AS INTEGER)"
	if c.Kind == model.KindDateTime {
		day = "CAST(floor(" + e + " / 86400) AS INTEGER)"
	}
	date := "date(" + day + " * 86400, 'unixepoch')"
	group := map[analysis.DateGrouping]string{
		analysis.ByYear:    "strftime('%Y', " + date + ")",
		analysis.ByQuarter: "strftime('%Y', " + date + ") || ' Q' || ((CAST(strftime('%m', " + date + ") AS INTEGER) + 2) / 3)",
		analysis.ByMonth:   "strftime('%Y-%m', " + date + ")",
		analysis.ByWeekday: "substr('SunMonTueWedThuFriSat', 1 + 3 * CAST(strftime('%w', " + date + ") AS INTEGER), 3)",
	}
	for g, expr := range group {
		groups, _ := analysis.DateCounts(c, nil, g)
		want := map[string]int{}
		rows, err := db.Query(fmt.Sprintf("SELECT %s, count(*) FROM %s WHERE %s IS NOT NULL GROUP BY 1", expr, tb, e))
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var k string
			var n int
			rows.Scan(&k, &n)
			want[k] = n
		}
		rows.Close()
		for _, lc := range groups {
			if lc.Count != want[lc.Label] {
				t.Errorf("by %s %s: %d, SQL %d", g, lc.Label, lc.Count, want[lc.Label])
			}
			delete(want, lc.Label)
		}
		if len(want) > 0 {
			t.Errorf("by %s: groups missing from Explore: %v", g, want)
		}
	}
}

// sqlValue maps a stored boolean to the yes/no the copy shows.
func sqlValue(c *model.CodedColumn, v string) string {
	if c.Kind != model.KindBoolean {
		return v
	}
	switch strings.ToLower(v) {
	case "1", "true", "yes", "y", "t", "si", "sí":
		return "yes"
	}
	return "no"
}

func checkCoded(t *testing.T, table string, c *model.CodedColumn, db *sql.DB) {
	q, tb := store.QuoteIdent(c.Name), store.QuoteIdent(table)
	counts, nulls := analysis.Frequency(c, nil)
	want := map[string]int{}
	rows, err := db.Query(fmt.Sprintf("SELECT trim(%s), count(*) FROM %s WHERE trim(%s) != '' GROUP BY 1", q, tb, q))
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var v string
		var n int
		rows.Scan(&v, &n)
		want[sqlValue(c, v)] += n
	}
	rows.Close()
	for _, vc := range counts {
		if vc.Count != want[vc.Value] {
			t.Errorf("%q: %d, SQL %d", vc.Value, vc.Count, want[vc.Value])
		}
		delete(want, vc.Value)
	}
	if len(want) > 0 {
		t.Errorf("values missing: %v", want)
	}
	if w := one[int](t, db, fmt.Sprintf("SELECT count(*) FROM %s WHERE %s IS NULL OR trim(%s) = ''", tb, q, q)); nulls != w {
		t.Errorf("nulls %d, SQL %d", nulls, w)
	}
}

func checkText(t *testing.T, table string, c *model.TextColumn, db *sql.DB) {
	q, tb := store.QuoteIdent(c.Name), store.QuoteIdent(table)
	s := analysis.SummarizeText(c, nil, 10)
	where := fmt.Sprintf("WHERE %s IS NOT NULL AND trim(%s) != ''", q, q)
	v := fmt.Sprintf("CAST(trim(%s) AS TEXT)", q)
	if w := one[int](t, db, fmt.Sprintf("SELECT count(DISTINCT %s) FROM %s %s", v, tb, where)); s.Distinct != w {
		t.Errorf("distinct %d, SQL %d", s.Distinct, w)
	}
	if w := one[int](t, db, fmt.Sprintf("SELECT count(*) FROM %s %s", tb, where)); s.Count != w {
		t.Errorf("count %d, SQL %d", s.Count, w)
	}
	if w := one[int](t, db, fmt.Sprintf("SELECT min(length(%s)) FROM %s %s", v, tb, where)); s.MinLen != w {
		t.Errorf("min length %d, SQL %d", s.MinLen, w)
	}
	if w := one[int](t, db, fmt.Sprintf("SELECT max(length(%s)) FROM %s %s", v, tb, where)); s.MaxLen != w {
		t.Errorf("max length %d, SQL %d", s.MaxLen, w)
	}
	if w := one[float64](t, db, fmt.Sprintf("SELECT avg(length(%s)) FROM %s %s", v, tb, where)); !near(s.MeanLen, w) {
		t.Errorf("mean length %v, SQL %v", s.MeanLen, w)
	}
	rows, err := db.Query(fmt.Sprintf("SELECT %s, count(*) FROM %s %s GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10", v, tb, where))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	i := 0
	for rows.Next() {
		var val string
		var n int
		rows.Scan(&val, &n)
		if i >= len(s.Top) || s.Top[i].Value != val || s.Top[i].Count != n {
			t.Errorf("top %d: SQL %q %d, Explore %+v", i, val, n, s.Top)
		}
		i++
	}
	if i != len(s.Top) {
		t.Errorf("top has %d values, SQL %d", len(s.Top), i)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestExploreStatisticsEqualSQL(t *testing.T) {
	ds, db := exploreDB(t, 3000)
	for _, k := range []string{"spend", "zone", "newsletter", "birth_date", "signup_at", "note", "code"} {
		if ds.Column(k) == nil {
			t.Fatalf("fixture has no column %s: %v", k, ds.Names())
		}
	}
	t.Logf("kinds: %v", kinds(ds))
	checkAgainstSQL(t, ds, db)
}

func TestExploreStatisticsEqualSQLOnRealData(t *testing.T) {
	for _, f := range []struct {
		file  string
		sep   rune
		table string
	}{
		{publicdata.MallCustomers, ',', "mall"},
		{publicdata.BankMarketing, ';', "bank"},
	} {
		t.Run(f.table, func(t *testing.T) {
			ds, db := loadAll(t, csvDB(t, publicdata.Path(t, f.file), f.sep, f.table), f.table)
			t.Logf("kinds: %v", kinds(ds))
			checkAgainstSQL(t, ds, db)
		})
	}
}

func kinds(ds *model.Dataset) string {
	var b []string
	for _, c := range ds.Columns {
		b = append(b, fmt.Sprintf("%s:%s", c.Meta().Name, c.Meta().Kind))
	}
	return strings.Join(b, " ")
}
