package behaviour

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

func newScreenIn(t testing.TB, s *common.Session, loc locale.Locale, w, h int) *Model {
	t.Helper()
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Session: s, Locale: loc}
	m := New(c)
	m.SetSize(w, h)
	screentest.Run(m, m.Init())
	return m
}

// TestGoldenViewsInSpanish renders each view in Spanish (es-ES) at both
// sizes: *_es_100x30.golden and *_es_80x24.golden.
func TestGoldenViewsInSpanish(t *testing.T) {
	es := screentest.Spanish(t)
	s := screentest.Session(t, demo(t), "", today)
	scripts := []struct {
		name string
		keys []string
	}{
		{"overview", nil},
		{"segments", []string{"o", "down", "down"}},
		{"distributions", []string{"d"}},
		{"sources", []string{"p"}},
		{"date_field", []string{"a", "2"}},
		{"freeze_field", []string{"F"}},
	}
	for _, sz := range sizes {
		for _, sc := range scripts {
			name := fmt.Sprintf("%s_es_%dx%d", sc.name, sz.w, sz.h)
			t.Run(name, func(t *testing.T) {
				m := newScreenIn(t, s, es, sz.w, sz.h-chrome)
				screentest.Press(m, sc.keys...)
				got := m.View()
				checkFits(t, got, sz.w, sz.h-chrome)
				golden(t, name, got)
			})
		}
	}
}

// TestSpanishIsSpanish: a Spanish user reads the segment names, the
// return rule and the header in Spanish, numbers as 1.234,56 and dates as
// 01/01/2026; the rule sent to Segments keeps the English name.
func TestSpanishIsSpanish(t *testing.T) {
	es := screentest.Spanish(t)
	s := screentest.Session(t, demo(t), "", today)
	m := newScreenIn(t, s, es, 100, 27)
	view := ansi.Strip(m.View())
	for _, want := range []string{"al 01/01/2026 (día tras la última compra)", "Campeones", "Potencialmente leales", "No podemos perderlos",
		"Perdidos", "devoluciones: cantidad devuelta × precio", "clientes", "ingresos: el 1% mejor 9,3%"} {
		if !strings.Contains(view, want) {
			t.Errorf("no %q in the Spanish view:\n%s", want, view)
		}
	}
	for _, english := range []string{"Champions", "Lost", "as of", "customers", "revenue"} {
		if strings.Contains(view, english) {
			t.Errorf("%q in the Spanish view:\n%s", english, view)
		}
	}
	// the rules keep the canonical English values
	sg := s.Behaviour.RFM.Segments.Segments[1]
	screentest.Press(m, "o", "down")
	if line := ansi.Strip(m.detailLine(s.Behaviour.RFM)); !strings.Contains(line, es.Lookup(sg.Name)) || es.Lookup(sg.Name) == sg.Name {
		t.Errorf("the detail line does not name %s in Spanish: %q", sg.Name, line)
	}
	// a bad date is refused in Spanish
	for _, msg := range screentest.Press(m, "a", "2", "0", "1", "3", "-", "1", "3", "-", "4", "0", "enter") {
		if st, ok := msg.(common.StatusMsg); ok && (!st.Error || st.Text != `fecha de análisis "2013-13-40": se espera AAAA-MM-DD`) {
			t.Errorf("status %+v", st)
		}
	}
}

// TestGoldenSourcesInSpanish: a purchase table without a date (why there
// is no behaviour, in Spanish) and a transactions file with a data problem
// (the problem's sentence in Spanish); after freezing, the header says so
// in Spanish.
func TestGoldenSourcesInSpanish(t *testing.T) {
	es := screentest.Spanish(t)
	nodate := screentest.Session(t, noDateShop(t), "", today)
	sales := screentest.Session(t, salesShop(t), "", today)
	for _, sz := range sizes {
		m := newScreenIn(t, nodate, es, sz.w, sz.h-chrome)
		got := m.View()
		checkFits(t, got, sz.w, sz.h-chrome)
		golden(t, fmt.Sprintf("no_date_es_%dx%d", sz.w, sz.h), got)

		m = newScreenIn(t, sales, es, sz.w, sz.h-chrome)
		screentest.Press(m, "p")
		got = m.View()
		checkFits(t, got, sz.w, sz.h-chrome)
		golden(t, fmt.Sprintf("transactions_sources_es_%dx%d", sz.w, sz.h), got)
	}
	m := newScreenIn(t, sales, es, 100, 27)
	var st common.StatusMsg
	for _, msg := range screentest.Press(m, "F", "enter") {
		if s, ok := msg.(common.StatusMsg); ok {
			st = s
		}
	}
	if st.Error || !strings.HasPrefix(st.Text, `congelados como "rfm" versión 1: `) {
		t.Errorf("freeze: %+v", st)
	}
}

// TestSpanishRulesAndCounts: the rule enter would add is shown with the
// Spanish keywords, but sent to Segments in the canonical form; a data
// problem agrees with its count (1 valor negativo leído como devolución,
// 3 valores negativos leídos como devoluciones), in English too; the
// lines without a customer are counted before they are named.
func TestSpanishRulesAndCounts(t *testing.T) {
	es := screentest.Spanish(t)
	s := screentest.Session(t, demo(t), "", today)
	m := newScreenIn(t, s, es, 100, 27)
	if line := ansi.Strip(m.detailLine(s.Behaviour.RFM)); !strings.HasSuffix(line, "· enter: r_score = 5 y f_score = 5") {
		t.Errorf("the cell's rule is not in Spanish words: %q", line)
	}
	var sent string
	for _, msg := range screentest.Press(m, "enter") {
		if a, ok := msg.(common.AddConditionMsg); ok {
			sent = a.Expr
		}
	}
	if sent != "r_score = 5 and f_score = 5" {
		t.Errorf("sent %q to Segments, not the canonical rule", sent)
	}

	sales := screentest.Session(t, salesShop(t), "", today)
	m = newScreenIn(t, sales, es, 100, 27)
	screentest.Press(m, "p")
	view := ansi.Strip(m.View())
	for _, want := range []string{"1 valor negativo leído como devolución (sales.amount; rowids 101)",
		"0 líneas sin cliente conocido (0,0% de las ventas)"} {
		if !strings.Contains(view, want) {
			t.Errorf("no %q in:\n%s", want, view)
		}
	}
	p := sales.Behaviour.Problems[0]
	p.Count = 3
	if got := ansi.Strip(m.problemLine(p)); !strings.Contains(got, " 3 valores negativos leídos como devoluciones (") {
		t.Errorf("three problems: %q", got)
	}
	en := newScreenIn(t, sales, locale.Default(), 100, 27)
	if got := ansi.Strip(en.problemLine(p)); !strings.Contains(got, " 3 negative values read as returns (") {
		t.Errorf("three problems in English: %q", got)
	}
	p.Count = 1
	if got := ansi.Strip(en.problemLine(p)); !strings.Contains(got, " 1 negative value read as a return (") {
		t.Errorf("one problem in English: %q", got)
	}
}

// TestSpanishDatePromptLeavesRoomForTheDate: the Spanish prompt names both
// date forms (DD/MM/AAAA o AAAA-MM-DD); at 80 columns it is too long to
// share a line with the date, so it stands on its own line and the date
// typed is shown whole below it. The English prompt keeps its line.
func TestSpanishDatePromptLeavesRoomForTheDate(t *testing.T) {
	s := screentest.Session(t, demo(t), "", today)
	m := newScreenIn(t, s, screentest.Spanish(t), 80, 21)
	screentest.Press(m, "a", "2", "0", "2", "5", "-", "1", "2", "-", "3", "1")
	lines := strings.Split(ansi.Strip(m.View()), "\n")
	if len(lines) != 21 || !strings.HasPrefix(lines[19], "fecha de análisis (DD/MM/AAAA o AAAA-MM-DD, ") || lines[20] != "  2025-12-31█" {
		t.Errorf("the date field at 80 columns:\n%s", strings.Join(lines, "\n"))
	}
	en := newScreenIn(t, s, locale.Default(), 80, 21)
	screentest.Press(en, "a", "2")
	lines = strings.Split(ansi.Strip(en.View()), "\n")
	if last := lines[len(lines)-1]; last != "analysis date (YYYY-MM-DD, empty = day after the last purchase): 2█" {
		t.Errorf("the English field: %q", last)
	}
}
