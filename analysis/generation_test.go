package analysis

import (
	"testing"
	"time"

	"github.com/pulpero/pulpero/model"
)

// TestGenerationsSayWhatTheCodeDoes: the buckets by birth year, including
// the ones past the four generations, and the data-quality finding for the
// birth years no customer can have.
func TestGenerationsSayWhatTheCodeDoes(t *testing.T) {
	asOf := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		born string
		want string
	}{
		{"1893-05-01", "birth year implausible"}, // before 1900
		{"1899-12-31", "birth year implausible"},
		{"1912-01-01", "birth year implausible"}, // 114 years old
		{"1916-01-01", "baby boomers"},           // 110
		{"1964-12-31", "baby boomers"},
		{"1965-01-01", "gen x"},
		{"1996-07-01", "millennials"},
		{"2010-12-31", "centennials"},
		{"2012-03-03", "born after 2010"},
		{"2031-01-01", "birth year implausible"}, // in the future
	}
	n := len(cases)
	ds := &model.Dataset{RowIDs: make([]int64, n)}
	born := model.NewNumberColumn(model.ColumnMeta{Name: "birth_date", Kind: model.KindDate, Role: model.RoleBirthDate}, n)
	for i, c := range cases {
		d, _ := time.Parse(time.DateOnly, c.born)
		born.SetValue(i, float64(d.Unix()/86400))
	}
	ds.Columns = []model.Column{born}
	Derive(ds, asOf)
	gen := ds.Column("generation").(*model.CodedColumn)
	implausible := 0
	for i, c := range cases {
		if got, _ := gen.Value(i); got != c.want {
			t.Errorf("born %s: %q, want %q", c.born, got, c.want)
		}
		if c.want == "birth year implausible" {
			implausible++
		}
	}
	found := false
	for _, p := range Quality(ds, float64(asOf.Unix()/86400)) {
		if p.Column == "birth_date" && p.Kind == ProblemImplausible {
			found = true
			if p.Count != implausible {
				t.Errorf("quality: %d implausible birth dates, want %d", p.Count, implausible)
			}
		}
	}
	if !found {
		t.Error("no data-quality finding for implausible birth years")
	}
}

// TestCivilMatchesTheTimePackage: the fast day-to-date conversion gives the
// time package's year, month and day for every day from 1800 to 2200.
func TestCivilMatchesTheTimePackage(t *testing.T) {
	start := time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400
	end := time.Date(2200, 12, 31, 0, 0, 0, 0, time.UTC).Unix() / 86400
	for d := start; d <= end; d++ {
		y, m, day := civil(d)
		want := time.Unix(d*86400, 0).UTC()
		if y != want.Year() || m != int(want.Month()) || day != want.Day() {
			t.Fatalf("day %d: %d-%d-%d, want %s", d, y, m, day, want.Format(time.DateOnly))
		}
	}
}

// TestDeriveSomeAddsOnlyWhatIsNamed: a lean load derives only the
// attributes its rule reads, and the same values as a full derive.
func TestDeriveSomeAddsOnlyWhatIsNamed(t *testing.T) {
	asOf := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	dataset := func() *model.Dataset {
		ds := &model.Dataset{RowIDs: make([]int64, 3)}
		born := model.NewNumberColumn(model.ColumnMeta{Name: "birth_date", Kind: model.KindDate, Role: model.RoleBirthDate}, 3)
		income := model.NewNumberColumn(model.ColumnMeta{Name: "income", Kind: model.KindReal, Role: model.RoleIncome}, 3)
		for i, y := range []int{1950, 1980, 2000} {
			born.SetValue(i, float64(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix()/86400))
			income.SetValue(i, float64(1000*(i+1)))
		}
		ds.Columns = []model.Column{born, income}
		return ds
	}
	full, some, none := dataset(), dataset(), dataset()
	Derive(full, asOf)
	DeriveSome(some, asOf, []string{"generation"})
	DeriveSome(none, asOf, []string{})
	if some.Column("generation") == nil || some.Column("age") != nil || some.Column("income_band") != nil {
		t.Fatalf("named generation, got columns %v", names(some))
	}
	for i := range 3 {
		a, _ := some.Column("generation").(*model.CodedColumn).Value(i)
		b, _ := full.Column("generation").(*model.CodedColumn).Value(i)
		if a != b {
			t.Fatalf("row %d: %s, full derive %s", i, a, b)
		}
	}
	if len(none.Columns) != 2 {
		t.Fatalf("named nothing, got columns %v", names(none))
	}
	if full.Column("income_band") == nil || full.Column("age") == nil {
		t.Fatalf("full derive: columns %v", names(full))
	}
}

func names(ds *model.Dataset) []string {
	var out []string
	for _, c := range ds.Columns {
		out = append(out, c.Meta().Name)
	}
	return out
}
