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
	// the descriptions are catalogue sentences: the root says them in
	// the user's language
	b := func(keys ...string) key.BindingOpt { return key.WithKeys(keys...) }
	return keyMap{
		Up:       key.NewBinding(b("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(b("down", "j"), key.WithHelp("↓/j", "down")),
		MoveUp:   key.NewBinding(b("K", "shift+up"), key.WithHelp("K", "move rule up")),
		MoveDown: key.NewBinding(b("J", "shift+down"), key.WithHelp("J", "move rule down")),
		Add:      key.NewBinding(b("a"), key.WithHelp("a", "add rule")),
		Edit:     key.NewBinding(b("e", "enter"), key.WithHelp("e", "edit rule")),
		Delete:   key.NewBinding(b("d", "delete"), key.WithHelp("d", "delete rule")),
		Negate:   key.NewBinding(b("n"), key.WithHelp("n", "negate rule")),
		Group:    key.NewBinding(b("o"), key.WithHelp("o", "or with next rule")),
		Undo:     key.NewBinding(b("u", "ctrl+z"), key.WithHelp("u", "undo")),
		Redo:     key.NewBinding(b("r", "ctrl+y"), key.WithHelp("r", "redo")),
		Save:     key.NewBinding(b("s"), key.WithHelp("s", "save")),
		List:     key.NewBinding(b("l"), key.WithHelp("l", "saved segments")),
		New:      key.NewBinding(b("c"), key.WithHelp("c", "clear: new segment")),
		Apply:    key.NewBinding(b("enter"), key.WithHelp("enter", "open segment")),
		Accept:   key.NewBinding(b("enter"), key.WithHelp("enter", "accept")),
		Cancel:   key.NewBinding(b("esc"), key.WithHelp("esc", "cancel")),
		Form:     key.NewBinding(b("f"), key.WithHelp("f", "add rule from a form")),
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
