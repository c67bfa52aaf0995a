package analysis_test

import (
	"fmt"
	"testing"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
)

func TestCrossTabEqualsSQL(t *testing.T) {
	ds, db := exploreDB(t, 2500)
	zone, err := analysis.AxisOf(ds.Column("zone"), 6)
	if err != nil {
		t.Fatal(err)
	}
	spend, err := analysis.AxisOf(ds.Column("spend"), 6)
	if err != nil {
		t.Fatal(err)
	}
	news, _ := analysis.AxisOf(ds.Column("newsletter"), 6)
	tab := analysis.CrossTabulate(zone, news, nil)
	for r, zl := range tab.Rows.Labels {
		for c, nl := range tab.Cols.Labels {
			want := one[int](t, db, `SELECT count(*) FROM customers WHERE zone = ? AND newsletter = ?`, zl, nl)
			if tab.Counts[r][c] != want {
				t.Errorf("%s × %s: %d, SQL %d", zl, nl, tab.Counts[r][c], want)
			}
		}
	}
	if w := one[int](t, db, `SELECT count(*) FROM customers WHERE zone IS NULL OR newsletter IS NULL`); tab.Missing != w {
		t.Errorf("missing %d, SQL %d", tab.Missing, w)
	}
	// numbers are binned as the equal-width histogram bins them
	h := analysis.EqualWidthHistogram(ds.Column("spend").(*model.NumberColumn), nil, 6)
	tab = analysis.CrossTabulate(zone, spend, nil).DropEmpty()
	total := 0
	for r := range tab.Rows.Labels {
		total += tab.RowTotals[r]
	}
	if w := one[int](t, db, `SELECT count(*) FROM customers WHERE zone IS NOT NULL AND spend IS NOT NULL`); total != w || tab.Total != w {
		t.Errorf("total %d/%d, SQL %d", total, tab.Total, w)
	}
	full := analysis.CrossTabulate(zone, spend, nil)
	for r, zl := range full.Rows.Labels {
		for b := range h.Counts {
			op := "<"
			if b == len(h.Counts)-1 {
				op = "<="
			}
			want := one[int](t, db, fmt.Sprintf(`SELECT count(*) FROM customers WHERE zone = ? AND spend >= ? AND spend %s ?`, op), zl, h.Edges[b], h.Edges[b+1])
			if full.Counts[r][b] != want {
				t.Errorf("%s × %s: %d, SQL %d", zl, full.Cols.Labels[b], full.Counts[r][b], want)
			}
		}
	}
	// dates cross by year
	years, _ := analysis.AxisOf(ds.Column("signup_at"), 6)
	tab = analysis.CrossTabulate(years, news, nil)
	for r, y := range tab.Rows.Labels {
		want := one[int](t, db, `SELECT count(*) FROM customers WHERE strftime('%Y', signup_at) = ? AND newsletter = 'yes'`, y)
		if got := tab.Counts[r][1]; got != want {
			t.Errorf("%s × yes: %d, SQL %d", y, got, want)
		}
	}
	if _, err := analysis.AxisOf(ds.Column("note"), 6); err == nil {
		t.Error("free text crossed without complaint")
	}
}

func TestQualityEqualsSQL(t *testing.T) {
	ds, db := exploreDB(t, 2500)
	problems := analysis.Quality(ds, float64(asOf.Unix()/86400))
	found := map[string]analysis.Problem{}
	for _, p := range problems {
		found[p.Column+"/"+string(p.Kind)] = p
		if p.Rows != nil && p.Rows.Count() != p.Count {
			t.Errorf("%s %s: count %d but %d rows", p.Column, p.Kind, p.Count, p.Rows.Count())
		}
	}
	want := map[string]string{
		"zone/missing":       `SELECT count(*) FROM customers WHERE zone IS NULL`,
		"spend/missing":      `SELECT count(*) FROM customers WHERE spend IS NULL`,
		"spend/negative":     `SELECT count(*) FROM customers WHERE spend < 0`,
		"code/duplicates":    `SELECT count(*) FROM customers WHERE code IN (SELECT code FROM customers GROUP BY code HAVING count(*) > 1)`,
		"birth_date/missing": `SELECT count(*) FROM customers WHERE birth_date IS NULL`,
	}
	for k, q := range want {
		if got, w := found[k].Count, one[int](t, db, q); got != w {
			t.Errorf("%s: %d, SQL %d", k, got, w)
		}
	}
	out, ok := found["spend/outliers"]
	if !ok {
		t.Fatalf("the 9.5 million spend is not an outlier: %v", problems)
	}
	s := analysis.Summarize(ds.Column("spend").(*model.NumberColumn), nil)
	q1, q3 := s.Quantiles[1], s.Quantiles[3]
	lo, hi := q1-3*(q3-q1), q3+3*(q3-q1)
	if w := one[int](t, db, `SELECT count(*) FROM customers WHERE spend < ? OR spend > ?`, lo, hi); out.Count != w {
		t.Errorf("outliers %d, SQL %d", out.Count, w)
	}
	// the rows behind a problem are the customers SQL finds
	rows := found["code/duplicates"].Rows.Rows(-1)
	for _, i := range rows[:4] {
		id := ds.RowIDs[i]
		if n := one[int](t, db, `SELECT count(*) FROM customers WHERE code = (SELECT code FROM customers WHERE rowid = ?)`, id); n < 2 {
			t.Errorf("row %d is not a duplicate", id)
		}
	}
}

func TestDateGroupingLabels(t *testing.T) {
	c := model.NewNumberColumn(model.ColumnMeta{Name: "d", Kind: model.KindDate}, 4)
	for i, day := range []float64{-1, 0, 59, 20089} { // 1969-12-31, 1970-01-01 (Thu), 1970-03-01, 2025-01-01
		c.SetValue(i, day)
	}
	check := func(g analysis.DateGrouping, want string) {
		groups, _ := analysis.DateCounts(c, nil, g)
		got := ""
		for _, lc := range groups {
			got += fmt.Sprintf("%s=%d ", lc.Label, lc.Count)
		}
		if got != want {
			t.Errorf("by %s: %q, want %q", g, got, want)
		}
	}
	check(analysis.ByYear, "1969=1 1970=2 2025=1 ")
	check(analysis.ByQuarter, "1969 Q4=1 1970 Q1=2 2025 Q1=1 ")
	check(analysis.ByWeekday, "Mon=0 Tue=0 Wed=2 Thu=1 Fri=0 Sat=0 Sun=1 ")
}
