package behaviour

import "charm.land/bubbles/v2/key"

type keyMap struct {
	Up, Down, Left, Right, Other, Enter, Dist, Problems, Back, Date, Freeze, Unfreeze, Table, SaveSegs key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Up:       b([]string{"up", "k"}, "↑/k", "up"),
		Down:     b([]string{"down", "j"}, "↓/j", "down"),
		Left:     b([]string{"left", "h"}, "←/h", "left"),
		Right:    b([]string{"right", "l"}, "→/l", "right"),
		Other:    b([]string{"o"}, "o", "grid/segments"),
		Enter:    b([]string{"enter"}, "enter", "rule → Segments"),
		Dist:     b([]string{"d"}, "d", "distributions"),
		Problems: b([]string{"p"}, "p", "sources & problems"),
		Back:     b([]string{"esc"}, "esc", "back"),
		Date:     b([]string{"a"}, "a", "analysis date"),
		Freeze:   b([]string{"F"}, "F", "freeze cut-offs"),
		Unfreeze: b([]string{"u"}, "u", "follow the data"),
		Table:    b([]string{"t"}, "t", "segment table 0.3/0.2"),
		SaveSegs: b([]string{"S"}, "S", "save segments"),
	}
}
