package common

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func typed(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

// TestSelectAllReplacesOnTyping: a field opened on an old value replaces
// it with what is typed (Budget 0 → 60, not 060); an arrow, backspace or
// ctrl key first edits the old value instead.
func TestSelectAllReplacesOnTyping(t *testing.T) {
	cases := []struct {
		name string
		keys []tea.KeyPressMsg
		want string
	}{
		{"typing replaces", []tea.KeyPressMsg{typed('6'), typed('0')}, "60"},
		{"backspace edits", []tea.KeyPressMsg{{Code: tea.KeyBackspace}, typed('6')}, "0.06"},
		{"left edits", []tea.KeyPressMsg{{Code: tea.KeyLeft}, typed('1')}, "0.015"},
		{"home edits", []tea.KeyPressMsg{{Code: tea.KeyHome}, typed('1')}, "10.05"},
		{"ctrl+u clears before the cursor", []tea.KeyPressMsg{{Code: 'u', Mod: tea.ModCtrl}, typed('7')}, "7"},
		{"a paste replaces", []tea.KeyPressMsg{{Text: "0.3"}}, "0.3"},
	}
	for _, c := range cases {
		var in LineInput
		in.SetValue("0.05")
		in.SelectAll()
		in.Focus()
		if !in.Selected() {
			t.Fatalf("%s: not selected", c.name)
		}
		for _, k := range c.keys {
			in.Update(k)
		}
		if in.Value() != c.want || in.Selected() {
			t.Errorf("%s: %q (selected %v), want %q", c.name, in.Value(), in.Selected(), c.want)
		}
	}
	// an empty field has nothing to select; SetValue drops a selection
	var in LineInput
	in.SelectAll()
	if in.Selected() {
		t.Error("an empty value is selected")
	}
	in.SetValue("x")
	in.SelectAll()
	in.SetValue("y")
	if in.Selected() {
		t.Error("SetValue kept the selection")
	}
}

// TestSelectedValueIsDrawnSelected: the selected value is drawn with the
// select style, and the plain theme marks it with a character.
func TestSelectedValueIsDrawnSelected(t *testing.T) {
	in := LineInput{Prompt: "Budget: ", SelectStyle: NewPlainStyles().Selected}
	in.SetValue("0")
	in.SetWidth(30)
	in.Focus()
	in.SelectAll()
	if got := ansi.Strip(in.View()); got != "Budget: >0█" {
		t.Errorf("selected view %q", got)
	}
	in.Update(typed('6'))
	if got := ansi.Strip(in.View()); got != "Budget: 6█" {
		t.Errorf("after typing %q", got)
	}
}

// TestMarkSelectedKeepsTheWidth: the plain theme's mark takes the place of
// a space, so columns stay where they were.
func TestMarkSelectedKeepsTheWidth(t *testing.T) {
	for in, want := range map[string]string{
		" 1 Explore ":         ">1 Explore ",
		"gender          cat": ">gender         cat",
		"north   ":            ">north  ",
		"label ":              ">label",
		"x":                   ">x", // nothing to give: one cell wider
	} {
		if got := MarkSelected(in); got != want {
			t.Errorf("MarkSelected(%q) = %q, want %q", in, got, want)
		}
	}
	st := NewPlainStyles()
	if got := ansi.Strip(st.Selected.Render(" Budget    0 ")); got != ">Budget    0 " {
		t.Errorf("plain Selected renders %q", got)
	}
}
