package palette

import (
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

func TestFilterChooseAndKeys(t *testing.T) {
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	items := Items([][]key.Binding{{b("x", "cross-tab"), b("Q", "data quality"), b("down", "down")}, {b("shift+tab", "previous screen"), b("x", "cross-tab")}})
	if len(items) != 4 {
		t.Fatalf("items %v", items)
	}
	m := New(items)
	for _, r := range "qual" {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if ms := m.Matches(); len(ms) != 1 || ms[0].Key != "Q" {
		t.Fatalf("'qual' matches %v", ms)
	}
	m, res := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if it, ok := m.Chosen(); res != Run || !ok || it.Name != "data quality" {
		t.Fatalf("enter: %v %v", res, it)
	}
	for _, k := range []string{"Q", "j", "down", "shift+tab", "ctrl+k", "enter", "+"} {
		msg, ok := KeyMsg(k)
		if !ok || msg.String() != k {
			t.Errorf("KeyMsg(%q) = %q (%v)", k, msg.String(), ok)
		}
	}
	if _, res := New(items).Update(tea.KeyPressMsg{Code: tea.KeyEscape}); res != Cancel {
		t.Error("esc does not cancel")
	}
}
