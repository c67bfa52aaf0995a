package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/ui/common"
)

func bind(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }

// TestHelpNeverDropsTheGlobalKeys: the short line always ends with the
// global keys, whatever the width and however many the screen has; the
// full help shows every key of every group, wrapping instead of dropping.
func TestHelpNeverDropsTheGlobalKeys(t *testing.T) {
	st := help.DefaultStyles(true)
	global := newGlobalKeys()
	screen := []key.Binding{bind("up", "up"), bind("down", "down")}
	for _, d := range []string{"change", "export the list", "plan / reach / results", "more of the plan"} {
		screen = append(screen, bind(d[:1], d))
	}
	for _, w := range []int{40, 60, 80, 120, 200} {
		line := ansi.Strip(shortHelp(st, screen, global.short(), w))
		if ansi.StringWidth(line) > w || !strings.HasSuffix(line, "? all keys • : actions • q quit") {
			t.Errorf("%d: %q", w, line)
		}
		full := ansi.Strip(fullHelp(st, [][]key.Binding{screen[:3], screen[3:]}, global.all(), w, globalLabel))
		for _, b := range append(append([]key.Binding(nil), screen...), global.all()...) {
			if !strings.Contains(strings.Join(strings.Fields(full), " "), b.Help().Desc) {
				t.Errorf("%d: the full help lacks %q:\n%s", w, b.Help().Desc, full)
			}
		}
		for _, l := range strings.Split(full, "\n") {
			if ansi.StringWidth(l) > w {
				t.Errorf("%d: full help line %q is wider", w, l)
			}
		}
	}
	// the moves go first when the line is short: the actions stay
	line := ansi.Strip(shortHelp(st, screen, global.short(), 80))
	if strings.Contains(line, "up up") || !strings.Contains(line, "c change") {
		t.Errorf("80: %q", line)
	}
}

// TestHeaderKeepsTheCountBeforeTheReason: the count is never cut; the tabs
// shorten and the reason goes before it does.
func TestHeaderKeepsTheCountBeforeTheReason(t *testing.T) {
	st := common.NewStyles(true)
	titles := []string{"Explore", "Segments", "Campaign", "Tables", "Import", "Roles", "Behaviour"}
	parts := []headerPart{{text: "pulpero", rank: 3}, {text: "demo.db", rank: 1}, {text: "20,000 customers", rank: 0},
		{text: "table customers", rank: 2}, {text: "(other tables point at it (1 link))", rank: 4, glue: true}}
	for _, w := range []int{50, 60, 80, 100, 120, 200} {
		line := ansi.Strip(headerLine(st, titles, 2, parts, w))
		if ansi.StringWidth(line) > w || !strings.Contains(line, "20,000 customers") || !strings.Contains(line, " 3 Campaign ") {
			t.Errorf("%d: %q", w, line)
		}
		if strings.Contains(line, "…") {
			t.Errorf("%d: cut: %q", w, line)
		}
	}
	if line := ansi.Strip(headerLine(st, titles, 0, parts, 200)); !strings.Contains(line, "2 Segments") || !strings.Contains(line, "(other tables point at it (1 link))") {
		t.Errorf("200: %q", line)
	}
}
