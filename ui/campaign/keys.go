package campaign

import "charm.land/bubbles/v2/key"

type keyMap struct {
	Up, Down, Edit, Toggle, Export, View, Cancel key.Binding
	PageDown, PageUp                             key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Up:     b([]string{"up", "k"}, "↑/k", "up"),
		Down:   b([]string{"down", "j"}, "↓/j", "down"),
		Edit:   b([]string{"enter"}, "enter", "change"),
		Toggle: b([]string{"space"}, "space", "pick"),
		Export: b([]string{"e"}, "e", "export the list"),
		View:   b([]string{"v"}, "v", "plan / reach / results"),
		Cancel: b([]string{"esc"}, "esc", "cancel"),

		PageDown: b([]string{"pgdown", "ctrl+d"}, "pgdn", "more of the plan"),
		PageUp:   b([]string{"pgup", "ctrl+u"}, "pgup", "back up"),
	}
}
