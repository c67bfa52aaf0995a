package segment

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/analysis"
	seg "github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/ui/common"
)

func addRule(m *Model, expr string) {
	press(m, "a")
	typeText(m, expr)
	press(m, "enter")
}

func view(m *Model) string { return ansi.Strip(m.View()) }

var threeRules = []string{`zone in ("north", "east")`, `monthly_income > 1200`, `newsletter = yes`}

// TestBuildSaveRestartUndo is the session of the issue: build a 3-rule
// segment, see the waterfall, save it, restart, see it listed; undo, redo.
func TestBuildSaveRestartUndo(t *testing.T) {
	path := shopPath(t, 400)
	s := session(t, path)
	m := newScreen(t, s, 100, 30)
	for _, r := range threeRules {
		addRule(m, r)
	}
	if len(m.rules) != 3 || m.mode != modeRules {
		t.Fatalf("rules %d, mode %d:\n%s", len(m.rules), m.mode, view(m))
	}
	tree, _ := seg.Parse(strings.Join(threeRules, " and "))
	steps, rows, err := analysis.NewEvaluator(s.Data, asOf, nil).Waterfall(tree)
	if err != nil {
		t.Fatal(err)
	}
	v := view(m)
	for _, st := range steps {
		if !strings.Contains(v, m.common.Int(st.Remaining)) || !strings.Contains(v, "-"+m.common.Int(st.Removed)) {
			t.Fatalf("waterfall step %+v not shown:\n%s", st, v)
		}
	}
	if !strings.Contains(v, m.common.Int(rows.Count())+" of 400 customers") {
		t.Fatalf("size %d not shown:\n%s", rows.Count(), v)
	}
	golden(t, "three_rules_100x30", m.View())

	press(m, "s")
	typeText(m, "North savers")
	msgs := press(m, "enter")
	if !hasStatus(msgs, "saved North savers version 1") {
		t.Fatalf("no saved status in %v", msgs)
	}

	// restart: a new screen over a new session of the same file
	m2 := newScreen(t, session(t, path), 100, 30)
	press(m2, "l")
	if v := view(m2); !strings.Contains(v, "North savers") || !strings.Contains(v, m2.common.Int(rows.Count())) {
		t.Fatalf("saved segment not listed after restart:\n%s", v)
	}
	press(m2, "h")
	if v := view(m2); !strings.Contains(v, "History of North savers") || !strings.Contains(v, "+ newsletter = \"yes\"") {
		t.Fatalf("history:\n%s", v)
	}
	press(m2, "esc", "D")
	m2.Update(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl})
	typeText(m2, "Copy")
	press(m2, "enter", "v")
	if v := view(m2); !strings.Contains(v, "#1 Copy") || !strings.Contains(v, "#2 North savers") || !strings.Contains(v, "100.0%") {
		t.Fatalf("overlap after duplicate:\n%s", v)
	}
	press(m2, "esc", "x", "x")
	if len(m2.saved) != 1 || m2.saved[0].Name != "North savers" {
		t.Fatalf("after delete: %+v", m2.saved)
	}
	press(m2, "enter")
	addRule(m2, `not in segment "north savers"`)
	press(m2, "s", "enter")
	if v := view(m2); len(m2.saved) != 1 || m2.saved[0].Versions != 1 {
		t.Fatalf("a segment that contains itself was saved:\n%s", v)
	}
	press(m2, "u")
	if m2.name != "North savers" || len(m2.rules) != 3 || m2.result.size != rows.Count() {
		t.Fatalf("opened %q with %d rules, size %d", m2.name, len(m2.rules), m2.result.size)
	}

	// undo and redo every kind of edit
	before := seg.Print(m.tree())
	press(m, "n") // negate the third rule
	if !strings.HasPrefix(seg.Print(m.rules[2]), "not ") {
		t.Fatalf("negate: %s", seg.Print(m.rules[2]))
	}
	press(m, "d", "K", "u", "u", "u")
	if got := seg.Print(m.tree()); got != before {
		t.Fatalf("after undo %s, want %s", got, before)
	}
	press(m, "r")
	if !strings.HasPrefix(seg.Print(m.rules[2]), "not ") {
		t.Fatalf("redo: %s", seg.Print(m.tree()))
	}
	press(m, "u")
	if m.result.size != rows.Count() {
		t.Fatalf("recount after undo: %d, want %d", m.result.size, rows.Count())
	}
}

func hasStatus(msgs []tea.Msg, prefix string) bool {
	for _, msg := range msgs {
		if s, ok := msg.(common.StatusMsg); ok && strings.HasPrefix(s.Text, prefix) {
			return true
		}
	}
	return false
}

func TestGolden80x24(t *testing.T) {
	m := newScreen(t, session(t, shopPath(t, 400)), 80, 24)
	golden(t, "empty_80x24", m.View())
	for _, r := range threeRules {
		addRule(m, r)
	}
	golden(t, "three_rules_80x24", m.View())
	press(m, "p")
	golden(t, "profile_80x24", m.View())
	press(m, " ")
	golden(t, "profile_page2_80x24", m.View())
	press(m, "esc")
	press(m, "a")
	typeText(m, "incme > 3")
	press(m, "enter")
	golden(t, "error_80x24", m.View())
	if !m.Typing() {
		t.Fatal("a rejected rule should stay in the input")
	}
}

func TestPreviewWhileTyping(t *testing.T) {
	m := newScreen(t, session(t, shopPath(t, 400)), 100, 30)
	addRule(m, threeRules[0])
	press(m, "a")
	typeText(m, "monthly_income >")
	if v := view(m); !strings.Contains(v, "expected a value after >") {
		t.Fatalf("incomplete rule:\n%s", v)
	}
	typeText(m, " 1200")
	if v := view(m); !strings.Contains(v, "with this rule: 113 of 400 customers (28.2%)") {
		t.Fatalf("preview:\n%s", v)
	}
	golden(t, "typing_100x30", m.View())
}

func TestAddConditionFromExplore(t *testing.T) {
	m := newScreen(t, session(t, shopPath(t, 200)), 100, 30)
	_, cmd := m.Update(common.AddConditionMsg{Expr: `zone in ("north", "south") and children >= 1`})
	msgs := runCmd(m, cmd)
	if len(m.rules) != 2 || !hasStatus(msgs, "added to the segment") {
		t.Fatalf("rules %d, msgs %v", len(m.rules), msgs)
	}
	_, cmd = m.Update(common.AddConditionMsg{Expr: `nope = 1`})
	if msgs := runCmd(m, cmd); len(m.rules) != 2 || !hasStatus(msgs, "cannot add") {
		t.Fatalf("bad condition: rules %d, msgs %v", len(m.rules), msgs)
	}
	press(m, "u")
	if len(m.rules) != 0 {
		t.Fatalf("undo of an added condition left %d rules", len(m.rules))
	}
}

// TestBackgroundPath drives the screen as on a big table: every count in a
// Cmd, stale replies dropped, the profile once everyone's side is ready.
func TestBackgroundPath(t *testing.T) {
	s := session(t, shopPath(t, 400))
	c := &common.Common{Width: 100, Height: 30, Styles: common.NewStyles(true), Session: s}
	m := newModel(c, 10)
	m.SetSize(100, 30)
	if v := view(m); !strings.Contains(v, "counting…") {
		t.Fatalf("before the first count:\n%s", v)
	}
	runCmd(m, m.Init())
	if m.base == nil || m.result.profile == nil || m.result.size != 400 {
		t.Fatalf("after Init: base %v, size %d", m.base != nil, m.result.size)
	}
	// two edits whose replies arrive out of order: only the newest counts
	press(m, "a")
	typeText(m, threeRules[0])
	_, first := m.Update(keyMsg("enter"))
	press(m, "a")
	typeText(m, threeRules[1])
	_, second := m.Update(keyMsg("enter"))
	runCmd(m, second)
	runCmd(m, first)
	if m.result.size != 113 || len(m.result.steps) != 2 {
		t.Fatalf("size %d with %d steps, want 113 after 2 rules", m.result.size, len(m.result.steps))
	}
	golden(t, "two_rules_background_100x30", m.View())
}

// TestFormGivesTheSameRules builds two rules with the form and compares
// them with the same rules typed.
func TestFormGivesTheSameRules(t *testing.T) {
	m := newScreen(t, session(t, shopPath(t, 400)), 80, 24)
	pick := func(want string) {
		t.Helper()
		for i := 0; i < 40; i++ {
			if items := m.formItems(); m.form.cursor < len(items) && strings.HasPrefix(items[m.form.cursor], want) {
				return
			}
			press(m, "down")
		}
		t.Fatalf("no %q in %v", want, m.formItems())
	}
	press(m, "f")
	pick("zone")
	press(m, "enter")
	pick("is one of")
	press(m, "enter")
	pick("north")
	press(m, "space")
	for _, k := range []string{"up", "up", "up"} { // back to the top, then find east
		press(m, k)
	}
	pick("east")
	press(m, "space")
	golden(t, "form_pick_80x24", m.View())
	press(m, "enter")
	press(m, "f")
	pick("monthly_income")
	press(m, "enter", "enter") // the first operator is >
	if !m.Typing() {
		t.Fatal("typing a value should hold the keys")
	}
	typeText(m, "1200")
	press(m, "enter")
	typed := newScreen(t, m.common.Session, 80, 24)
	addRule(typed, `zone in ("north", "east") and monthly_income > 1200`)
	if got, want := seg.Print(m.tree()), seg.Print(typed.tree()); got != want && seg.Print(m.tree()) != `zone in ("east", "north") and monthly_income > 1200` {
		t.Fatalf("form built %s, typed %s", got, want)
	}
	if m.result.size != typed.result.size || m.result.size != 113 {
		t.Fatalf("form segment %d customers, typed %d", m.result.size, typed.result.size)
	}
}
