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
	return keyMap{
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:     key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:   key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		Toggle:     key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "choose attribute")),
		Log:        key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "log(1+x)")),
		Missing:    key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "missing: median/leave out")),
		Run:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "run")),
		Fewer:      key.NewBinding(key.WithKeys("left", "-"), key.WithHelp("←", "fewer clusters")),
		More:       key.NewBinding(key.WithKeys("right", "+"), key.WithHelp("→", "more clusters")),
		View:       key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "table/profiles/rules/archetypes")),
		Edit:       key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit attributes")),
		Save:       key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "save rules as segments")),
		Labels:     key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "save labels as attribute")),
		Archetypes: key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "save archetype segments")),
		Accept:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}
