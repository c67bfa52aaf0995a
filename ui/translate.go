package ui

import (
	"charm.land/bubbles/v2/key"

	"github.com/pulpero/pulpero/ui/common"
)

// translate gives key bindings their description in the user's language
// (the English description is the catalogue's key), and the keys named in
// words their name in it (space → espacio), for the help lines.
func (a *App) translate(bs []key.Binding) []key.Binding {
	out := make([]key.Binding, len(bs))
	for i, b := range bs {
		h := b.Help()
		nb := key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(common.KeyName(a.common.Locale, h.Key), a.common.T(h.Desc)))
		nb.SetEnabled(b.Enabled())
		out[i] = nb
	}
	return out
}

func (a *App) translateGroups(groups [][]key.Binding) [][]key.Binding {
	out := make([][]key.Binding, len(groups))
	for i, g := range groups {
		out[i] = a.translate(g)
	}
	return out
}
