package csvimport

import (
	"fmt"
	"strings"
	"testing"
)

// lateSurprises writes a file longer than the optimistic sample whose last
// lines change what the sample says: a real among integers, the first
// values of an empty column, a month-first date, a word among numbers, and
// a ragged line before all of them.
func lateSurprises() string {
	const n = optimisticRows + 20_000
	var b strings.Builder
	b.WriteString("id,n,late,d,code\n")
	for i := 1; i <= n; i++ {
		num, late, d, code := fmt.Sprint(i%100), "", fmt.Sprintf("%02d/%02d/2020", 1+i%12, 1+i%12), fmt.Sprint(i)
		switch i {
		case n - 10:
			num = "1.5"
		case n - 9:
			late = "7"
		case n - 8:
			d = "01/13/2020"
		case n - 7:
			code = "abc"
		}
		if i > n-9 && late == "" {
			late = "1"
		}
		fmt.Fprintf(&b, "%d,%s,%s,%s,%s\n", i, num, late, d, code)
		if i == 100 {
			b.WriteString("ragged\n")
		}
	}
	return b.String()
}

func TestLateValuesDecideTypes(t *testing.T) {
	const n = optimisticRows + 20_000
	res, db := mustImport(t, "late.csv", lateSurprises(), Options{SkipBad: true})
	if res.Rows != n || res.Rejected != 1 {
		t.Fatalf("rows %d rejected %d", res.Rows, res.Rejected)
	}
	for name, want := range map[string]string{"n": "REAL", "late": "INTEGER", "d": "TEXT", "code": "TEXT"} {
		if c := summaryOf(t, res, name); c.SQLType != want {
			t.Errorf("%s: %s, want %s", name, c.SQLType, want)
		}
	}
	if c := summaryOf(t, res, "d"); c.Kind.String() != "date" {
		t.Errorf("d kind %s", c.Kind)
	}
	if c := summaryOf(t, res, "code"); !strings.Contains(c.Note, `"abc"`) {
		t.Errorf("code note %q", c.Note)
	}
	wantRows(t, db, fmt.Sprintf(`SELECT n, late, d FROM late WHERE id IN (%d, %d, 5) ORDER BY id`, n-10, n-8), [][]any{
		{5.0, nil, "2020-06-06"}, {1.5, nil, d(n - 10)}, {float64((n - 8) % 100), int64(1), "2020-01-13"}})
	wantRows(t, db, `SELECT count(late), typeof(n) FROM late WHERE id > 1000 GROUP BY 2`, [][]any{{int64(10), "real"}})
}

// d is the date lateSurprises writes on line i, month-first.
func d(i int) string {
	m := 1 + i%12
	return fmt.Sprintf("2020-%02d-%02d", m, m)
}

func TestLateValuesWithoutSurprise(t *testing.T) {
	// A long file the sample describes well is written once, with the kinds
	// (0/1 flags, categories) learnt from every line.
	var b strings.Builder
	b.WriteString("id,flag,city\n")
	for i := range optimisticRows + 20_000 {
		fmt.Fprintf(&b, "%d,%d,%s\n", i, i%2, []string{"Lyon", "Roma"}[i%2])
	}
	res, _ := mustImport(t, "ok.csv", b.String(), Options{})
	if c := summaryOf(t, res, "flag"); c.SQLType != "INTEGER" || c.Kind.String() != "boolean" {
		t.Errorf("flag %+v", c)
	}
	if c := summaryOf(t, res, "city"); c.Kind.String() != "categorical" || c.Nulls != 0 {
		t.Errorf("city %+v", c)
	}
}
