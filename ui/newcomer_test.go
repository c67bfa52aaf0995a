package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

// loaded is the program over the fit world at a size, loaded.
func loaded(t *testing.T, w, h int) *driver {
	t.Helper()
	d := &driver{t: t, a: New(Options{DB: fitWorld(t), AsOf: fitAsOf, IsDark: true})}
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.run(d.a.Init())
	if !d.a.ready {
		t.Fatalf("not loaded: %v", d.a.loadErr)
	}
	return d
}

func frame(d *driver) string { return ansi.Strip(d.a.View().Content) }

// TestHeaderAndHelpAtEachSize (issue 13, item 12): the header gives the
// customer count before anything long, the help line always ends with the
// ways to every other key (? and :) and q, and ? shows the global keys at
// 80 and 60 columns too.
func TestHeaderAndHelpAtEachSize(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 15}, {120, 30}} {
		d := loaded(t, size[0], size[1])
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		lines := strings.Split(frame(d), "\n")
		if !strings.Contains(lines[0], "300 customers") || strings.Contains(lines[0], "…") {
			t.Errorf("%s: header %q", name, lines[0])
		}
		last := lines[len(lines)-1]
		for _, k := range []string{"? all keys", ": actions", "q quit"} {
			if !strings.Contains(last, k) {
				t.Errorf("%s: the help line %q lacks %q", name, last, k)
			}
		}
		d.fits(name)
		screentest.Golden(t, "explore_"+name, frame(d), screentest.Updating())
		d.press("?")
		full := frame(d)
		for _, k := range []string{"mouse on/off", "previous screen", "actions", "quit", "cross-tab"} {
			if !strings.Contains(full, k) {
				t.Errorf("%s: ? does not show %q:\n%s", name, k, full)
			}
		}
		d.fits(name + " ?")
		screentest.Golden(t, "help_"+name, full, screentest.Updating())
	}
}

// TestPlainTerminalsMarkTheSelection (item 11): with no colours (TERM=dumb
// gives the NoTTY profile; NO_COLOR Ascii) the focused tab, the attribute
// under the cursor and the form field are marked with ">", and no line
// gets wider.
func TestPlainTerminalsMarkTheSelection(t *testing.T) {
	for _, p := range []colorprofile.Profile{colorprofile.NoTTY, colorprofile.ASCII} {
		d := loaded(t, 80, 24)
		d.send(tea.ColorProfileMsg{Profile: p})
		d.send(tea.BackgroundColorMsg{}) // a later answer about the background keeps the plain theme
		if !d.a.common.Styles.Plain {
			t.Fatalf("%v: not plain", p)
		}
		v := frame(d)
		lines := strings.Split(v, "\n")
		if !strings.HasPrefix(lines[0], ">1 Explore") {
			t.Errorf("%v: the focused tab is not marked: %q", p, lines[0])
		}
		cur := d.a.common.Session.Data.Columns[firstOf(d)].Meta().Name
		if !strings.Contains(v, "\n>"+cur) {
			t.Errorf("%v: the attribute under the cursor (%s) is not marked:\n%s", p, cur, v)
		}
		d.fits(p.String())
		if p == colorprofile.NoTTY {
			screentest.Golden(t, "plain_explore_80x24", v, screentest.Updating())
		}
		d.press("3")
		if v := frame(d); !strings.Contains(v, "\n>Include") {
			t.Errorf("%v: the campaign field is not marked:\n%s", p, v)
		} else if p == colorprofile.NoTTY {
			screentest.Golden(t, "plain_campaign_80x24", v, screentest.Updating())
		}
		d.fits(p.String() + " campaign")
	}
	// a colour terminal keeps the colours
	d := loaded(t, 80, 24)
	d.send(tea.ColorProfileMsg{Profile: colorprofile.ANSI256})
	if d.a.common.Styles.Plain || strings.HasPrefix(frame(d), ">") {
		t.Error("a 256-colour terminal got the plain theme")
	}
}

// firstOf is the attribute Explore is on.
func firstOf(d *driver) int {
	for i, c := range d.a.common.Session.Data.Columns {
		if strings.Contains(frame(d), c.Meta().Name+" · ") {
			return i
		}
	}
	return 0
}

// TestEscWhileLoadingSaysItCancelled (item 13): esc stops the load and
// says so instead of quitting; r loads again, q quits.
func TestEscWhileLoadingSaysItCancelled(t *testing.T) {
	d := &driver{t: t, a: New(Options{DB: fitWorld(t), AsOf: fitAsOf, IsDark: true})}
	d.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	load := d.a.Init() // starts the load; its messages are not run yet
	_, cmd := d.a.Update(keyMsg("esc"))
	if cmd != nil {
		if _, quit := cmd().(tea.QuitMsg); quit {
			t.Fatal("esc quit the program")
		}
	}
	d.run(load) // what the cancelled load sends is dropped
	if d.a.ready || !strings.Contains(frame(d), msgLoadCancelled) || !strings.Contains(frame(d), "r loads again") {
		t.Fatalf("after esc:\n%s", frame(d))
	}
	d.press("r")
	if !d.a.ready {
		t.Fatalf("r did not load again:\n%s", frame(d))
	}
	if _, cmd := d.a.Update(keyMsg("q")); cmd == nil {
		t.Fatal("q does nothing")
	} else if _, quit := cmd().(tea.QuitMsg); !quit {
		t.Fatal("q does not quit")
	}
}

// TestMouseKeySaysWhatItDid (item 13): M answers in the status line.
func TestMouseKeySaysWhatItDid(t *testing.T) {
	d := loaded(t, 80, 24)
	d.press("M")
	if last := lastLine(frame(d)); !strings.HasPrefix(last, msgMouseOff[:20]) || d.a.View().MouseMode != tea.MouseModeNone {
		t.Fatalf("M: %q", last)
	}
	d.press("M")
	if last := lastLine(frame(d)); !strings.HasPrefix(last, msgMouseOn[:20]) || d.a.View().MouseMode == tea.MouseModeNone {
		t.Fatalf("M again: %q", last)
	}
}

func lastLine(s string) string {
	lines := strings.Split(s, "\n")
	return lines[len(lines)-1]
}

// TestPaletteFindsEveryScreensActions (item 9): the palette lists the
// actions of every screen, each with its screen's name; choosing one on
// another screen switches to it and presses the key.
func TestPaletteFindsEveryScreensActions(t *testing.T) {
	d := loaded(t, 100, 30)
	d.press(":")
	items := d.a.palette.Matches()
	screens := map[string]bool{}
	for _, it := range items {
		screens[it.Screen] = true
	}
	for _, s := range d.a.screens {
		if !screens[s.Title()] {
			t.Errorf("no action of %s in the palette", s.Title())
		}
	}
	if !screens[""] {
		t.Error("the global keys are not in the palette")
	}
	for _, r := range "saved segments" {
		d.press(string(r))
	}
	if v := frame(d); !strings.Contains(v, "Segments") {
		t.Fatalf("the match does not name its screen:\n%s", v)
	}
	d.press("enter")
	if d.a.focused().Title() != "Segments" || !strings.Contains(frame(d), "Saved segments") {
		t.Fatalf("on %s:\n%s", d.a.focused().Title(), frame(d))
	}
}

var _ = common.ShownMsg{}
