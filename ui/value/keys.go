package value

import "charm.land/bubbles/v2/key"

type keyMap struct {
	Up, Down, Enter, View, Compute, Back, Horizon, Discount, CalEnd, Pareto, Add key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Up:       b([]string{"up", "k"}, "↑/k", "up"),
		Down:     b([]string{"down", "j"}, "↓/j", "down"),
		Enter:    b([]string{"enter"}, "enter", "band rule → Segments"),
		View:     b([]string{"v"}, "v", "next view"),
		Compute:  b([]string{"r"}, "r", "compute"),
		Back:     b([]string{"esc"}, "esc", "cancel/back"),
		Horizon:  b([]string{"h"}, "h", "horizon"),
		Discount: b([]string{"d"}, "d", "discount"),
		CalEnd:   b([]string{"e"}, "e", "calibration end"),
		Pareto:   b([]string{"p"}, "p", "Pareto/NBD on/off"),
		Add:      b([]string{"a"}, "a", "add to data"),
	}
}
