package explore

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// TestSpanishUserReadsSpanish (issue 19): a Spanish user reads the status
// lines, the names of kinds and problems and the findings in Spanish, with
// numbers as Spain writes them; the kinds and problems underneath stay the
// canonical English names.
func TestSpanishUserReadsSpanish(t *testing.T) {
	es, _ := locale.Parse("es-ES")
	m := newScreenIn(t, session(t, shopPath(t, 1500)), 100, 30, es)

	moveTo(t, m, "signup_date")
	msgs := press(m, "+") // bins on a date: the status says why not
	if len(msgs) != 1 {
		t.Fatalf("+ on a date: %v", msgs)
	}
	st, _ := msgs[0].(common.StatusMsg)
	if want := "signup_date es de tipo fecha: las fechas se cuentan"; !strings.HasPrefix(st.Text, want) {
		t.Errorf("status %q, want it to start %q", st.Text, want)
	}

	if v := ansi.Strip(m.View()); !strings.Contains(v, "de 02/01/2016 a 28/12/2025") || !strings.Contains(v, "por año") {
		t.Errorf("the date pane does not write dates as Spain does:\n%s", v)
	}

	moveTo(t, m, "monthly_income")
	v := ansi.Strip(m.View())
	for _, want := range []string{"monthly_income · real", "valores 1.367 · faltantes 133 (8,9%)", "mediana 1.442", "media 1.641", "p25 1.047", "1.004–1.273", "intervalos · ancho igual"} {
		if !strings.Contains(v, want) {
			t.Errorf("the number pane lacks %q:\n%s", want, v)
		}
	}

	press(m, "Q")
	v = ansi.Strip(m.View())
	for _, want := range []string{"Calidad de datos", "atípicos", "por debajo de -2.019 o por encima de 5.135", "inutilizable", "sin valor"} {
		if !strings.Contains(v, want) {
			t.Errorf("the quality view lacks %q:\n%s", want, v)
		}
	}
	for _, p := range m.q.problems {
		if p.Kind == analysis.ProblemOutliers && !strings.HasPrefix(p.Detail.String(), "below -2019 or above 5135") {
			t.Errorf("the finding's English changed: %q", p.Detail)
		}
	}
}

// TestFindingsSayTheirFiguresInTheUsersFormat: a kind in a finding is
// named in the user's language, and a figure quoted to four digits takes
// the decimal comma and the region's grouping (review 11).
func TestFindingsSayTheirFiguresInTheUsersFormat(t *testing.T) {
	es, _ := locale.Parse("es-AR")
	m := &Model{common: &common.Common{Locale: es}}
	if got, want := m.say(model.Say(analysis.DetailOutliers, analysis.Approx(-12.5), analysis.Approx(1234.5))),
		"por debajo de -12,5 o por encima de 1.234 (3×RIC más allá de los cuartiles)"; got != want {
		t.Errorf("outliers: %q, want %q", got, want)
	}
	if got, want := m.say(model.Say(analysis.DetailInvalid, model.KindDate, "31/02")), "valor de tipo fecha no válido (p. ej. 31/02); se trata como faltante"; got != want {
		t.Errorf("invalid: %q, want %q", got, want)
	}
	en := &Model{common: &common.Common{}}
	if got, want := en.say(model.Say(analysis.DetailOutliers, analysis.Approx(-12.5), analysis.Approx(1234.5))), "below -12.5 or above 1234 (3×IQR beyond the quartiles)"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
}

// TestSpanishBarsMakeCanonicalRules: a Spanish user sees yes as "sí" and
// the generations and bands in Spanish, and the rule the marked bars make
// holds the stored value, so it counts the same in every language.
func TestSpanishBarsMakeCanonicalRules(t *testing.T) {
	es, _ := locale.Parse("es-ES")
	m := newScreenIn(t, session(t, shopPath(t, 300)), 100, 30, es)
	moveTo(t, m, "newsletter")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "sí ") {
		t.Fatalf("yes is not shown as sí:\n%s", v)
	}
	var rule string
	for i, r := range m.codedRows(m.current()) {
		if r.value == "yes" {
			for range i + 1 {
				press(m, "]")
			}
		}
	}
	for _, msg := range press(m, "S") {
		if c, ok := msg.(common.AddConditionMsg); ok {
			rule = c.Expr
		}
	}
	if !strings.Contains(rule, `"yes"`) || strings.Contains(rule, "sí") {
		t.Errorf("the rule from the bar sí is %q, want the stored value yes", rule)
	}
	moveTo(t, m, "income_band")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "medio-alto") {
		t.Errorf("the income bands are not in Spanish:\n%s", v)
	}
}

// TestSpanishExploreWritesFiguresAsSpainDoes (review 8, 9, 11): one screen,
// one number format: the unique counts, the summary figures and the bins
// are grouped as Spain groups them, months read 01/2016, and the rows show
// numbers with fractions and dates as Spain writes them. English keeps its
// figures as they were.
func TestSpanishExploreWritesFiguresAsSpainDoes(t *testing.T) {
	es, _ := locale.Parse("es-ES")
	s := session(t, shopPath(t, 1500))
	m := newScreenIn(t, s, 100, 30, es)
	moveTo(t, m, "monthly_income")
	v := ansi.Strip(m.View())
	for _, want := range []string{" 1.500 │", "media 1.641", "p25 1.047", "1.004–1.273"} {
		if !strings.Contains(v, want) {
			t.Errorf("Spanish Explore lacks %q:\n%s", want, v)
		}
	}
	moveTo(t, m, "signup_date")
	press(m, "d", "d") // year → quarter → month
	v = ansi.Strip(m.View())
	if !strings.Contains(v, "por mes") || !strings.Contains(v, "/2016") || strings.Contains(v, "2016-0") {
		t.Errorf("months are not written 01/2016:\n%s", v)
	}
	press(m, "r")
	v = ansi.Strip(m.View())
	if !strings.Contains(v, "/19") && !strings.Contains(v, "/20") || strings.ContainsAny(strings.Join(isoDays(v), ""), "-") {
		t.Errorf("the rows keep ISO dates: %v\n%s", isoDays(v), v)
	}
	if !hasDecimalComma(v) {
		t.Errorf("the rows show no number with a decimal comma:\n%s", v)
	}

	en := newScreenIn(t, s, 100, 30, locale.Default())
	moveTo(t, en, "monthly_income")
	if v := ansi.Strip(en.View()); !strings.Contains(v, "mean 1641") || !strings.Contains(v, " 1500 │") {
		t.Errorf("English figures changed:\n%s", v)
	}
}

// isoDays are the YYYY-MM-DD days in s.
func isoDays(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		if len(f) == 10 && f[4] == '-' && f[7] == '-' {
			out = append(out, f)
		}
	}
	return out
}

// hasDecimalComma reports a field of digits with a decimal comma (1.234,56).
func hasDecimalComma(s string) bool {
	for _, f := range strings.Fields(s) {
		whole, frac, ok := strings.Cut(f, ",")
		if ok && whole != "" && frac != "" && strings.Trim(whole, "0123456789.") == "" && strings.Trim(frac, "0123456789") == "" {
			return true
		}
	}
	return false
}

// TestYearsAreNotGrouped: Spain groups figures (1.641) but never years: a
// birth year's summary and bins, and a date cross-tab's years, read 1950
// and 2016 in Spanish too.
func TestYearsAreNotGrouped(t *testing.T) {
	es, _ := locale.Parse("es-ES")
	m := &Model{common: &common.Common{Locale: es}}
	year := &dist{kind: model.KindInteger, year: true}
	if got := m.figure(year, model.KindInteger, 1950); got != "1950" {
		t.Errorf("a birth year reads %q", got)
	}
	if got := m.figure(&dist{kind: model.KindInteger}, model.KindInteger, 1950); got != "1.950" {
		t.Errorf("a count reads %q", got)
	}
	date := &model.NumberColumn{ColumnMeta: model.ColumnMeta{Name: "signup_date", Kind: model.KindDate}}
	born := &model.NumberColumn{ColumnMeta: model.ColumnMeta{Name: "born", Kind: model.KindInteger, Role: model.RoleBirthYear}}
	income := &model.NumberColumn{ColumnMeta: model.ColumnMeta{Name: "income", Kind: model.KindReal}}
	if got := strings.Join(append(m.axisLabels(date, []string{"2016"}), append(m.axisLabels(born, []string{"1950–1959"}), m.axisLabels(income, []string{"[1046, 1255.5)"})...)...), " "); got != "2016 1950–1959 [1.046; 1.255,5)" {
		t.Errorf("cross-tab labels %q", got)
	}
}
