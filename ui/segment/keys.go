package segment

import "charm.land/bubbles/v2/key"

// keyMap holds the screen's keys: plain letters, because terminals swallow
// ctrl+enter and F-keys. The help line is built from these bindings.
type keyMap struct {
	Up, Down, MoveUp, MoveDown         key.Binding
	Add, Edit, Delete, Negate, Group   key.Binding
	Undo, Redo, Save, List, New, Apply key.Binding
	Accept, Cancel, Form               key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Up:       b([]string{"up", "k"}, "↑/k", "up"),
		Down:     b([]string{"down", "j"}, "↓/j", "down"),
		MoveUp:   b([]string{"K", "shift+up"}, "K", "move rule up"),
		MoveDown: b([]string{"J", "shift+down"}, "J", "move rule down"),
		Add:      b([]string{"a"}, "a", "add rule"),
		Edit:     b([]string{"e", "enter"}, "e", "edit rule"),
		Delete:   b([]string{"d", "delete"}, "d", "delete rule"),
		Negate:   b([]string{"n"}, "n", "negate rule"),
		Group:    b([]string{"o"}, "o", "or with next rule"),
		Undo:     b([]string{"u", "ctrl+z"}, "u", "undo"),
		Redo:     b([]string{"r", "ctrl+y"}, "r", "redo"),
		Save:     b([]string{"s"}, "s", "save"),
		List:     b([]string{"l"}, "l", "saved segments"),
		New:      b([]string{"c"}, "c", "clear: new segment"),
		Apply:    b([]string{"enter"}, "enter", "open segment"),
		Accept:   b([]string{"enter"}, "enter", "accept"),
		Cancel:   b([]string{"esc"}, "esc", "cancel"),
		Form:     b([]string{"f"}, "f", "add rule from a form"),
	}
}

func (k keyMap) short(m mode) []key.Binding {
	switch m {
	case modeEdit, modeName:
		return []key.Binding{k.Accept, k.Cancel}
	case modeList:
		return []key.Binding{k.Up, k.Down, k.Apply, k.Cancel}
	case modeHistory, modeOverlap:
		return []key.Binding{k.Cancel}
	}
	return []key.Binding{k.Add, k.Edit, k.Delete, k.Negate, k.Undo, k.Redo, k.Save, k.List}
}

func (k keyMap) full(m mode) [][]key.Binding {
	if m != modeRules {
		return [][]key.Binding{k.short(m)}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.MoveUp, k.MoveDown},
		{k.Add, k.Edit, k.Delete, k.Negate, k.Group},
		{k.Undo, k.Redo, k.Save, k.List, k.New},
	}
}
