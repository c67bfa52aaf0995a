package analysis

import (
	"testing"

	"github.com/pulpero/pulpero/model"
)

// TestSentinelsAreFoundOnlyWhereTheyStandApart: 999 after ages up to 98
// and -1 below counts that are never negative are stand-ins; a -1 among
// real negative values, a 999 among neighbouring values, or one held by
// fewer than 1% of rows, is not.
func TestSentinelsAreFoundOnlyWhereTheyStandApart(t *testing.T) {
	col := func(vals ...float64) *model.NumberColumn {
		c := model.NewNumberColumn(model.ColumnMeta{Name: "x", Kind: model.KindInteger}, len(vals))
		for i, v := range vals {
			c.SetValue(i, v)
		}
		return c
	}
	seq := func(from, n int, extra ...float64) []float64 {
		var out []float64
		for i := range n {
			out = append(out, float64(from+i))
		}
		return append(out, extra...)
	}
	cases := []struct {
		name string
		c    *model.NumberColumn
		want string
	}{
		{"ages then 999", col(seq(18, 80, 999, 999, 999)...), "999"},
		{"-1 below counts", col(seq(0, 50, -1, -1, -1, -1)...), "-1"},
		{"-1 among negatives", col(seq(-20, 60, -1)...), ""},
		{"999 among neighbours", col(seq(900, 120)...), ""},
		{"too rare", col(seq(18, 300, 999)...), ""},
	}
	for _, c := range cases {
		got := ""
		if p := Placeholders(c.c); len(p) > 0 {
			got = p[0].Value
		}
		if got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	words := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "job", Kind: model.KindCategorical},
		Dict: []string{"admin", "unknown", "Desconocido"}, Codes: []int32{0, 1, 1, 2, 0, -1}}
	p := Placeholders(words)
	if len(p) != 2 || p[0].Value != "unknown" || p[0].Count != 2 || p[1].Count != 1 {
		t.Fatalf("placeholder words: %+v", p)
	}
	if n := TreatAsMissing(words, "unknown"); n != 2 || words.Codes[1] != -1 || words.Codes[0] != 0 {
		t.Fatalf("treated %d as missing: %v", n, words.Codes)
	}
}
