package clusters

import "charm.land/bubbles/v2/key"

// keyMap holds the screen's keys, plain letters; the help line is built
// from them.
type keyMap struct {
	Up, Down, PageUp, PageDown, Toggle, Log, Missing, Run key.Binding
	Fewer, More, View, Edit, Save, Labels, Archetypes     key.Binding
	Accept, Cancel                                        key.Binding
}

func newKeyMap() keyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return keyMap{
		Up:         b([]string{"up", "k"}, "↑/k", "up"),
		Down:       b([]string{"down", "j"}, "↓/j", "down"),
		PageUp:     b([]string{"pgup"}, "pgup", "page up"),
		PageDown:   b([]string{"pgdown"}, "pgdn", "page down"),
		Toggle:     b([]string{"space"}, "space", "choose attribute"),
		Log:        b([]string{"l"}, "l", "log(1+x)"),
		Missing:    b([]string{"m"}, "m", "missing: median/leave out"),
		Run:        b([]string{"enter"}, "enter", "run"),
		Fewer:      b([]string{"left", "-"}, "←", "fewer clusters"),
		More:       b([]string{"right", "+"}, "→", "more clusters"),
		View:       b([]string{"v"}, "v", "table/profiles/rules/archetypes"),
		Edit:       b([]string{"e"}, "e", "edit attributes"),
		Save:       b([]string{"s"}, "s", "save rules as segments"),
		Labels:     b([]string{"w"}, "w", "save labels as attribute"),
		Archetypes: b([]string{"A"}, "A", "save archetype segments"),
		Accept:     b([]string{"enter"}, "enter", "save"),
		Cancel:     b([]string{"esc"}, "esc", "cancel"),
	}
}
