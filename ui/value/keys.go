package value

import "charm.land/bubbles/v2/key"

type keyMap struct {
	Up, Down, Enter, View, Compute, Back, Horizon, Discount, CalEnd, Pareto, Add key.Binding
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
		Enter:    b(key.WithHelp("enter", "band rule → Segments"), "enter"),
		View:     b(key.WithHelp("v", "next view"), "v"),
		Compute:  b(key.WithHelp("r", "compute"), "r"),
		Back:     b(key.WithHelp("esc", "cancel/back"), "esc"),
		Horizon:  b(key.WithHelp("h", "horizon"), "h"),
		Discount: b(key.WithHelp("d", "discount"), "d"),
		CalEnd:   b(key.WithHelp("e", "calibration end"), "e"),
		Pareto:   b(key.WithHelp("p", "Pareto/NBD on/off"), "p"),
		Add:      b(key.WithHelp("a", "add to data"), "a"),
	}
}
