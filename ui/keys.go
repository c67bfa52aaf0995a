package ui

import "charm.land/bubbles/v2/key"

// globalKeys work on every screen; the help line shows them after the
// focused screen's own keys. Built by a constructor: no mutable globals.
type globalKeys struct {
	Help   key.Binding
	Quit   key.Binding
	Cancel key.Binding
	Mouse  key.Binding
	// Palette opens the list of every action by name.
	Palette key.Binding
	// Retry loads again after esc cancelled the load or it failed.
	Retry key.Binding

	NextScreen, PrevScreen key.Binding
}

func newGlobalKeys() globalKeys {
	return globalKeys{
		Help:   key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "all keys")),
		Quit:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel loading")),
		Mouse:  key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "mouse on/off")),
		Retry:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "load again")),

		Palette: key.NewBinding(key.WithKeys(":", "ctrl+k"), key.WithHelp(":", "actions")),

		NextScreen: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab/1-9", "next screen")),
		PrevScreen: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous screen")),
	}
}

// short are the global keys the help line always shows, whatever the width:
// the way to every other key.
func (k globalKeys) short() []key.Binding { return []key.Binding{k.Help, k.Palette, k.Quit} }

// all are the global keys of a loaded database, for ? and the palette.
func (k globalKeys) all() []key.Binding {
	return []key.Binding{k.Palette, k.NextScreen, k.PrevScreen, k.Help, k.Mouse, k.Quit}
}
