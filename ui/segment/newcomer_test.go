package segment

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/ui/common"
)

// levenshtein is the edit distance, written here as the test's own
// oracle of which zone a typo is closest to.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

// TestATypoIsSuggestedWhileTypingAndAfter (issue 13, item 8): a value no
// customer has is named with the closest value while the rule is typed,
// before enter, and after it, as the command line does; the suggestion is
// wrapped, never cut, at 60 columns.
func TestATypoIsSuggestedWhileTypingAndAfter(t *testing.T) {
	closest, best := "", 1<<30
	for _, z := range []string{"north", "south", "east", "west"} { // the fixture's zones
		if d := levenshtein("nrth", z); d < best {
			closest, best = z, d
		}
	}
	for _, w := range []int{80, 60} {
		m := newScreen(t, session(t, shopPath(t, 200)), w, 24)
		press(m, "a")
		typeText(m, `zone = "nrth"`)
		flat := strings.Join(strings.Fields(view(m)), " ")
		want := `no customer has zone = "nrth"; did you mean "` + closest + `"`
		if !strings.Contains(flat, want) {
			t.Fatalf("%d columns, typing: no %q in\n%s", w, want, view(m))
		}
		press(m, "enter")
		flat = strings.Join(strings.Fields(view(m)), " ")
		if !strings.Contains(flat, want) {
			t.Fatalf("%d columns, accepted: no %q in\n%s", w, want, view(m))
		}
		for i, l := range strings.Split(m.View(), "\n") {
			if ansi.StringWidth(l) > w || strings.HasSuffix(ansi.Strip(l), "…") && strings.Contains(l, "did you mean") {
				t.Errorf("%d columns: line %d cut: %q", w, i+1, ansi.Strip(l))
			}
		}
	}
}

// TestWaterfallBarsAreOnTheScaleOfEveryone (item 15): each bar shows what
// is kept (█) and, after it, what the rule cut (░), both as shares of every
// customer, so kept plus cut is the step before.
func TestWaterfallBarsAreOnTheScaleOfEveryone(t *testing.T) {
	st := common.NewStyles(true)
	for _, c := range []struct{ remaining, removed, total, keptCells, cutCells int }{
		{100, 300, 400, 3, 9}, // 1/4 kept, 3/4 cut: the old bar drew only the quarter
		{0, 400, 400, 0, 12},
		{400, 0, 400, 12, 0},
		{200, 100, 400, 6, 3},
		{399, 1, 400, 11, 1}, // a cut too small for a cell still shows one
	} {
		bar := ansi.Strip(waterfallBar(st, c.remaining, c.removed, c.total, 12))
		kept := len([]rune(strings.ReplaceAll(bar, "░", "")))
		cut := strings.Count(bar, "░")
		if kept != c.keptCells || cut != c.cutCells {
			t.Errorf("%d kept, %d cut of %d: bar %q has %d kept and %d cut cells, want %d and %d",
				c.remaining, c.removed, c.total, bar, kept, cut, c.keptCells, c.cutCells)
		}
	}
}

// TestKeysThatDoNothingSayWhy (item 13): o on the last rule, J on the last,
// K on the first and e/d/n with no rules say why in the status line; the
// help line offers only the keys that apply; the saved list's delete key is
// written once.
func TestKeysThatDoNothingSayWhy(t *testing.T) {
	m := newScreen(t, session(t, shopPath(t, 200)), 80, 24)
	has := func(bs []key.Binding, k string) bool {
		for _, b := range bs {
			if b.Help().Key == k {
				return true
			}
		}
		return false
	}
	for _, k := range []string{"e", "d", "n", "o"} {
		if has(m.ShortHelp(), k) {
			t.Errorf("with no rules the help offers %s", k)
		}
		if !hasStatus(press(m, k), msgNoRulesYet) {
			t.Errorf("%s with no rules says nothing", k)
		}
	}
	addRule(m, `zone = "north"`)
	if has(m.ShortHelp(), "o") || !has(m.ShortHelp(), "e") {
		t.Errorf("one rule: help %v", m.ShortHelp())
	}
	if !hasStatus(press(m, "o"), msgGroupLast) || !hasStatus(press(m, "J"), msgLastRule) || !hasStatus(press(m, "K"), msgFirstRule) {
		t.Error("o, J or K on the only rule says nothing")
	}
	addRule(m, `children > 1`)
	press(m, "k")
	if !has(m.ShortHelp(), "o") {
		t.Error("o is not offered on a rule with one below it")
	}
	press(m, "l")
	for _, b := range m.ShortHelp() {
		if strings.Count(b.Help().Key, "x") > 1 {
			t.Errorf("the delete key reads %q %q", b.Help().Key, b.Help().Desc)
		}
	}
}
