package explore

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// TestOpensOnAnAttributeWorthLookingAt (issue 13, item 14): Explore opens
// on the first category, number or date with a role or values that vary,
// never on the customer id.
func TestOpensOnAnAttributeWorthLookingAt(t *testing.T) {
	m := newScreen(t, session(t, shopPath(t, 300)), 80, 24)
	// the fixture's columns: customer_id (the key), name and email
	// (personal, kept in SQLite), then zone, a category that varies
	if got := m.column().Meta().Name; got != "zone" {
		t.Fatalf("opens on %s, want zone", got)
	}
	if !strings.Contains(ansi.Strip(m.View()), "zone · categorical") {
		t.Fatalf("the pane is not zone's:\n%s", ansi.Strip(m.View()))
	}

	// hand-made columns: an id, a category with one value and no role, a
	// number with no role that varies
	id := model.NewNumberColumn(model.ColumnMeta{Name: "id", Kind: model.KindIdentifier}, 3)
	one := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "country", Kind: model.KindCategorical}, Codes: []int32{0, 0, -1}, Dict: []string{"es"}}
	spend := model.NewNumberColumn(model.ColumnMeta{Name: "spend", Kind: model.KindReal}, 3)
	for i, v := range []float64{1, 1, 2} {
		spend.SetValue(i, v)
	}
	ds := &model.Dataset{Columns: []model.Column{id, one, spend}}
	if got := firstAttribute(ds); got != 2 {
		t.Errorf("first attribute %d, want 2 (spend)", got)
	}
	// a role is enough: the one-valued category with a role comes first
	one.Role = model.RoleGender
	if got := firstAttribute(ds); got != 1 {
		t.Errorf("with a role: first attribute %d, want 1", got)
	}
	// nothing worth it: the first column
	if got := firstAttribute(&model.Dataset{Columns: []model.Column{id}}); got != 0 {
		t.Errorf("only an id: %d", got)
	}
}

func has(bs []key.Binding, k string) bool {
	for _, b := range bs {
		if b.Help().Key == k {
			return true
		}
	}
	return false
}

func status(msgs []tea.Msg) (string, bool) {
	for _, msg := range msgs {
		if s, ok := msg.(common.StatusMsg); ok {
			return s.Text, true
		}
	}
	return "", false
}

// TestKeysThatDoNotApplySayWhy (item 13): the help line offers bins for
// numbers, grouping for dates, sorting and marking for categories, and a
// key that does not apply to the attribute says why instead of nothing.
func TestKeysThatDoNotApplySayWhy(t *testing.T) {
	m := newScreen(t, session(t, shopPath(t, 300)), 80, 24)
	cases := []struct {
		attr      string
		offered   []string
		notOffer  []string
		silentNot []string // keys that must answer with a reason
	}{
		{"signup_date", []string{"d"}, []string{"+", "-", "b", "s", "space", "S"}, []string{"+", "-", "b", "l", "s", "]", "space"}},
		{"monthly_income", []string{"+", "-", "b", "space", "S", "x"}, []string{"d", "s"}, []string{"s", "d"}},
		{"zone", []string{"s", "space", "S", "x"}, []string{"+", "-", "b", "d"}, []string{"+", "b", "d"}},
		{"note", nil, []string{"+", "s", "d", "x", "space"}, []string{"+", "s", "d", "]"}},
	}
	for _, c := range cases {
		moveTo(t, m, c.attr)
		help := m.ShortHelp()
		for _, g := range m.FullHelp() {
			help = append(help, g...)
		}
		for _, k := range c.offered {
			if !has(m.ShortHelp(), k) {
				t.Errorf("%s: the help line does not offer %s", c.attr, k)
			}
		}
		for _, k := range c.notOffer {
			if has(help, k) {
				t.Errorf("%s: the help offers %s, which does nothing there", c.attr, k)
			}
		}
		for _, k := range c.silentNot {
			text, ok := status(press(m, k))
			if !ok || !strings.Contains(text, c.attr) && !strings.Contains(text, "bars") {
				t.Errorf("%s: %s says %q", c.attr, k, text)
			}
		}
	}
}

// TestCrossTabScrollsAndSaysSo (item 15): a cross-tab taller than the
// window says which rows are shown and pages with pgdn/pgup.
func TestCrossTabScrollsAndSaysSo(t *testing.T) {
	m := newScreen(t, session(t, shopPath(t, 1500)), 80, 10)
	moveTo(t, m, "monthly_income") // rows: its bins
	press(m, "x", "k", "x")        // by zone, the attribute above it
	if m.view != viewCrossTab {
		t.Fatalf("no cross-tab:\n%s", ansi.Strip(m.View()))
	}
	n := len(m.xt.tab.Rows.Labels)
	rows := m.crossTabRows()
	if n <= rows {
		t.Fatalf("%d rows fit in %d: the test needs a taller table", n, rows)
	}
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "rows 1–") || !strings.Contains(v, "pgdn") {
		t.Fatalf("no scroll hint:\n%s", v)
	}
	if !has(m.ShortHelp(), "n/pgdn") {
		t.Errorf("the help does not offer pgdn: %v", m.ShortHelp())
	}
	press(m, "pgdown")
	if m.xt.top != min(rows, n-rows) {
		t.Fatalf("pgdn moved to row %d, want %d", m.xt.top, min(rows, n-rows))
	}
	if h := strings.Count(m.View(), "\n") + 1; h > m.height {
		t.Errorf("%d lines for %d", h, m.height)
	}
	press(m, "pgup")
	if m.xt.top != 0 {
		t.Fatalf("pgup: row %d", m.xt.top)
	}
}
