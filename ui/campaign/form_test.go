package campaign

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/ui/screentest"
)

// to moves the cursor to field i.
func to(m *Model, i int) {
	for m.cursor > i {
		screentest.Press(m, "k")
	}
	for m.cursor < i {
		screentest.Press(m, "j")
	}
}

// TestTypingReplacesTheOldValue (issue 13, item 5): opening a field selects
// its value, so typing 60 into Budget gives 60 (not 060) and the plan is
// for a budget of 60; backspace and arrows edit the old value instead.
func TestTypingReplacesTheOldValue(t *testing.T) {
	m, _ := screen(t, 100, 30)
	to(m, fBudget)
	screentest.Press(m, "enter", "6", "0", "enter")
	if got := m.form[fBudget].value; got != "60" {
		t.Fatalf("Budget after typing 60: %q", got)
	}
	if m.plan.plan == nil || m.plan.plan.Spec.Budget != 60 {
		t.Fatalf("the plan is not for a budget of 60: %+v", m.plan.plan)
	}
	if m.plan.summary.Cost > 60 {
		t.Errorf("a budget of 60 spends %.2f", m.plan.summary.Cost)
	}
	// backspace edits: 0.05 → 0.0 → 0.06
	to(m, fEmail)
	screentest.Press(m, "enter", "backspace", "6", "enter")
	if got := m.form[fEmail].value; got != "0.06" {
		t.Fatalf("E-mail cost after backspace and 6: %q", got)
	}
	// an arrow edits too: ← then 1 inserts before the last digit
	screentest.Press(m, "enter", "left", "1", "enter")
	if got := m.form[fEmail].value; got != "0.016" {
		t.Fatalf("E-mail cost after ← and 1: %q", got)
	}
	// esc keeps the old value
	screentest.Press(m, "enter", "9", "esc")
	if got := m.form[fEmail].value; got != "0.016" {
		t.Fatalf("esc changed the value to %q", got)
	}
}

// TestAnInvalidFieldMarksThePlan: a value that does not parse marks its
// field, says the plan is the last valid setup's and which field to fix,
// keeps that plan, and wraps the error inside the window.
func TestAnInvalidFieldMarksThePlan(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {60, 15}} {
		m, _ := screen(t, size[0], size[1])
		before := m.plan.summary
		to(m, fEmail)
		screentest.Press(m, "enter", "0", ".", "0", "5", "0", ".", "1", "enter")
		if got := m.form[fEmail].value; got != "0.050.1" {
			t.Fatalf("typed %q", got)
		}
		v := ansi.Strip(m.View())
		if m.errAt != fEmail || !strings.Contains(v, "fix E-mail cost") || !strings.Contains(v, "!E-mail cost") {
			t.Fatalf("%dx%d: the bad field is not named:\n%s", size[0], size[1], v)
		}
		if m.plan.summary != before {
			t.Fatal("a bad value changed the plan")
		}
		for i, l := range strings.Split(v, "\n") {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%dx%d: line %d is %d cells: %q", size[0], size[1], i+1, w, l)
			}
		}
		if h := strings.Count(v, "\n") + 1; h > m.height {
			t.Errorf("%dx%d: %d lines for %d", size[0], size[1], h, m.height)
		}
		suffix := "_" + itoa(size[0]) + "x" + itoa(size[1])
		screentest.Golden(t, "invalid"+suffix, v, screentest.Updating())
		// fixing it clears the mark and plans again
		screentest.Press(m, "enter", "ctrl+u", "0", ".", "1", "enter")
		if v := ansi.Strip(m.View()); m.errAt != -1 || strings.Contains(v, "last valid setup") || m.plan.plan == nil {
			t.Fatalf("after the fix:\n%s", v)
		}
	}
}

// TestShortWindowShowsTheFieldsAroundTheCursor: at 60×15 the form shows a
// window of its fields that follows the cursor, and the plan keeps room.
func TestShortWindowShowsTheFieldsAroundTheCursor(t *testing.T) {
	m, _ := screen(t, 60, 15)
	screentest.Golden(t, "plan_60x15", m.View(), screentest.Updating())
	to(m, fFatigue)
	v := ansi.Strip(m.View())
	if !strings.Contains(v, "Fatigue days") || strings.Contains(v, "Include") {
		t.Fatalf("the window does not follow the cursor:\n%s", v)
	}
	if !strings.Contains(v, "Who") {
		t.Fatalf("no room for the plan:\n%s", v)
	}
	if h := strings.Count(v, "\n") + 1; h > m.height {
		t.Errorf("%d lines for %d", h, m.height)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestNothingImportantIsCutBesideTheForm (item 12): from 110 columns the
// plan sits beside the form; its styled lines are cut by cells, not by
// runes (escape codes included), so the return on spend is whole.
func TestNothingImportantIsCutBesideTheForm(t *testing.T) {
	m, _ := screen(t, 112, 30)
	want := fmt.Sprintf("return on spend %.2f", m.plan.summary.ROI)
	if v := ansi.Strip(m.View()); !strings.Contains(v, want) {
		t.Fatalf("no %q:\n%s", want, v)
	}
}
