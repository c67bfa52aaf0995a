package campaign

import "charm.land/bubbles/v2/key"

type keyMap struct {
	Up, Down, Edit, Toggle, Export, View, Cancel key.Binding
	PageDown, PageUp                             key.Binding
}

func newKeyMap() keyMap {
	b := func(help key.BindingOpt, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), help)
	}
	return keyMap{
		Up:     b(key.WithHelp("↑/k", "up"), "up", "k"),
		Down:   b(key.WithHelp("↓/j", "down"), "down", "j"),
		Edit:   b(key.WithHelp("enter", "change"), "enter"),
		Toggle: b(key.WithHelp("space", "pick"), "space"),
		Export: b(key.WithHelp("e", "export the list"), "e"),
		View:   b(key.WithHelp("v", "plan / reach / results"), "v"),
		Cancel: b(key.WithHelp("esc", "cancel"), "esc"),

		PageDown: b(key.WithHelp("pgdn", "more of the plan"), "pgdown", "ctrl+d"),
		PageUp:   b(key.WithHelp("pgup", "back up"), "pgup", "ctrl+u"),
	}
}
