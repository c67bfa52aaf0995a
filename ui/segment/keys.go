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
	}
	return []key.Binding{k.Cancel} // history, overlap
}

// full is the help of the modes other than the rule list (see ruleKeys).
func (k keyMap) full(m mode) [][]key.Binding { return [][]key.Binding{k.short(m)} }

// ruleKeys are the keys of the rule list that do something now: editing
// keys once there is a rule, o when a rule is below the cursor, undo and
// redo when there is something to undo or redo.
func (m *Model) ruleKeys() (moves, edits, more []key.Binding) {
	k, n := m.keys, len(m.rules)
	if n > 1 {
		moves = []key.Binding{k.Up, k.Down}
		if m.cursor > 0 {
			moves = append(moves, k.MoveUp)
		}
		if m.cursor+1 < n {
			moves = append(moves, k.MoveDown)
		}
	}
	edits = []key.Binding{k.Add, k.Form}
	if n > 0 {
		edits = append(edits, k.Edit, k.Delete, k.Negate)
	}
	if m.cursor+1 < n {
		edits = append(edits, k.Group)
	}
	if len(m.undo) > 0 {
		more = append(more, k.Undo)
	}
	if len(m.redo) > 0 {
		more = append(more, k.Redo)
	}
	if n > 0 {
		more = append(more, k.Save)
	}
	more = append(more, k.List, m.pkeys.Open)
	if n > 0 || m.name != "" {
		more = append(more, k.New)
	}
	return moves, edits, more
}
