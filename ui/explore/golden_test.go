package explore

import (
	"fmt"
	"testing"

	"github.com/pulpero/pulpero/app/locale"
)

var sizes = []struct{ w, h int }{{100, 30}, {80, 24}, {60, 15}}

// goldenScripts are the views the golden files hold: a name, the
// attribute to start on ("" = first) and the keys pressed there.
var goldenScripts = []struct {
	name string
	at   string
	keys []string
}{
	{"number", "monthly_income", nil},
	{"number_bins", "monthly_income", []string{"-", "-", "-", "-"}},
	{"number_quantile", "monthly_income", []string{"b"}},
	{"number_log", "monthly_income", []string{"l"}},
	{"categorical", "zone", nil},
	{"categorical_by_value", "zone", []string{"s"}},
	{"boolean", "newsletter", nil},
	{"date_year", "signup_date", nil},
	{"date_month", "signup_date", []string{"d", "d"}},
	{"date_weekday", "birth_date", []string{"d", "d", "d"}},
	{"text", "note", nil},
	{"derived", "generation", nil},
	{"pick", "zone", []string{"x", "j"}},
	{"crosstab", "zone", []string{"x", "j", "j", "j", "j", "j", "x"}},
	{"crosstab_number", "monthly_income", []string{"x", "k", "enter"}},
	{"crosstab_rowpct", "zone", []string{"x", "j", "j", "enter", "%"}},
	{"quality", "", []string{"Q"}},
	{"quality_rows", "", []string{"Q", "j", "j", "enter"}},
	{"rows", "", []string{"r", "n", "l", "l"}},
	{"rows_sorted", "", []string{"r", "l", "l", "l", "l", "s", "s"}},
}

// TestGoldenViews renders each view at both sizes after a key script.
func TestGoldenViews(t *testing.T) {
	s := session(t, shopPath(t, 1500))
	for _, sz := range sizes {
		for _, sc := range goldenScripts {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, sz.w, sz.h), func(t *testing.T) {
				m := newScreen(t, s, sz.w, sz.h)
				if sc.at != "" {
					moveTo(t, m, sc.at)
				}
				press(m, sc.keys...)
				golden(t, fmt.Sprintf("%s_%dx%d", sc.name, sz.w, sz.h), m.View())
			})
		}
	}
}

// TestSpanishGoldenViews (issue 19): every view in Spanish (es-ES) at
// 100×30 and 80×24: the sentences, the names of kinds and problems, the
// findings, and numbers and dates as Spain writes them (1.234,5 and
// 02/12/2026).
func TestSpanishGoldenViews(t *testing.T) {
	es, err := locale.Parse("es-ES")
	if err != nil {
		t.Fatal(err)
	}
	s := session(t, shopPath(t, 1500))
	for _, sz := range sizes[:2] {
		for _, sc := range goldenScripts {
			name := fmt.Sprintf("%s_es_%dx%d", sc.name, sz.w, sz.h)
			t.Run(name, func(t *testing.T) {
				m := newScreenIn(t, s, sz.w, sz.h, es)
				if sc.at != "" {
					moveTo(t, m, sc.at)
				}
				press(m, sc.keys...)
				golden(t, name, m.View())
			})
		}
	}
}
