package behaviour

import "charm.land/bubbles/v2/key"

type keyMap struct {
	Up, Down, Left, Right, Other, Enter, Dist, Problems, Back, Date, Freeze, Unfreeze, Table, SaveSegs key.Binding
}

// newKeyMap: the descriptions are catalogue sentences, which the root
// says in the user's language.
func newKeyMap() keyMap {
	b := func(help key.BindingOpt, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), help)
	}
	return keyMap{
		Up:       b(key.WithHelp("↑/k", "up"), "up", "k"),
		Down:     b(key.WithHelp("↓/j", "down"), "down", "j"),
		Left:     b(key.WithHelp("←/h", "left"), "left", "h"),
		Right:    b(key.WithHelp("→/l", "right"), "right", "l"),
		Other:    b(key.WithHelp("o", "grid/segments"), "o"),
		Enter:    b(key.WithHelp("enter", "rule → Segments"), "enter"),
		Dist:     b(key.WithHelp("d", "distributions"), "d"),
		Problems: b(key.WithHelp("p", "sources & problems"), "p"),
		Back:     b(key.WithHelp("esc", "back"), "esc"),
		Date:     b(key.WithHelp("a", "analysis date"), "a"),
		Freeze:   b(key.WithHelp("F", "freeze cut-offs"), "F"),
		Unfreeze: b(key.WithHelp("u", "follow the data"), "u"),
		Table:    b(key.WithHelp("t", "segment table 0.3/0.2"), "t"),
		SaveSegs: b(key.WithHelp("S", "save segments"), "S"),
	}
}
