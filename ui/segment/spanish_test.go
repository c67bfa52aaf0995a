package segment

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/ui/common"
)

// spanish builds the screen as the root does for a user whose language is
// es-ES: sentences from the catalogue, numbers written 1.234,5.
func spanish(t *testing.T, s *common.Session, w, h int) *Model {
	t.Helper()
	es, err := locale.Parse("es-ES")
	if err != nil {
		t.Fatal(err)
	}
	common.UseNumbers(es)
	t.Cleanup(func() { common.UseNumbers(locale.Default()) })
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Session: s, Locale: es}
	m := New(c)
	m.SetSize(w, h)
	runCmd(m, m.Init())
	return m
}

// savedAt hides when a segment was saved (the clock of the test run) in a
// golden view, keeping its width.
var savedAt = regexp.MustCompile(`\d\d/\d\d/\d{4} \d\d:\d\d`)

func stable(v string) string { return savedAt.ReplaceAllString(v, "dd/mm/aaaa hh:mm") }

// Spanish rules, each the same rule as its English one in threeRules.
var threeReglas = []string{`zone en ("north", "east")`, `monthly_income > 1200`, `newsletter = sí`}

// TestSpanishGoldens: every view of the screen in Spanish at 100×30 and
// 80×24, read whole (nothing wider than the window, nothing cut where it
// matters: the goldens were read).
func TestSpanishGoldens(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		path := shopPath(t, 400)
		w, h := size[0], size[1]
		name := func(view string) string { return view + "_es_" + itoa(w) + "x" + itoa(h) }
		check := func(view string, m *Model) {
			t.Helper()
			v := m.View()
			for i, l := range strings.Split(ansi.Strip(v), "\n") {
				if n := len([]rune(l)); n > w {
					t.Errorf("%s line %d is %d wide: %q", view, i+1, n, l)
				}
			}
			if n := strings.Count(v, "\n") + 1; n > h {
				t.Errorf("%s is %d lines tall", view, n)
			}
			golden(t, name(view), stable(ansi.Strip(v)))
		}
		m := spanish(t, session(t, path), w, h)
		check("empty", m)
		for _, r := range threeReglas {
			addRule(m, r)
		}
		check("three_rules", m)
		press(m, "p")
		check("profile", m)
		press(m, "esc", "a")
		typeText(m, "incme > 3")
		press(m, "enter")
		check("error", m)
		press(m, "esc", "a")
		typeText(m, "monthly_income >")
		check("typing_incomplete", m)
		typeText(m, " 1500")
		check("typing", m)
		press(m, "esc", "f")
		check("form_attribute", m)
		for m.form.cursor < len(m.formItems()) && !strings.HasPrefix(m.formItems()[m.form.cursor], "zone") {
			press(m, "down")
		}
		press(m, "enter")
		check("form_operator", m)
		press(m, "enter", "space")
		check("form_pick", m)
		press(m, "esc", "esc", "esc")
		press(m, "s")
		typeText(m, "Ahorradores del norte")
		press(m, "enter")
		m.Update(common.AddConditionMsg{Expr: `children >= 1`})
		press(m, "s", "enter") // a second version, one more rule
		press(m, "l")
		check("saved", m)
		press(m, "h")
		check("history", m)
		press(m, "esc", "v")
		check("overlap", m)
	}
}

