package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

// screenAction is what a screen does that a remote user's role may lack:
// a screen whose action is not allowed is not built into the tab bar, so
// neither its keys nor its palette entries exist in that session.
//
// The keys are the screens' titles (Title()), the same in every language:
// the tabs translate them where they are shown.
var screenAction = map[string]app.Action{
	"Campaign": app.ActExport, // writes lists (i18n: a screen's title, its key)
	"Tables":   app.ActTables, // raw rows, personal columns unmasked (i18n: a screen's title, its key)
	"Import":   app.ActImport, // writes into the database (i18n: a screen's title, its key)
	"Roles":    app.ActRoles,  // changes what columns mean (i18n: a screen's title, its key)
}

// offered keeps the screens the policy allows (all for a local user).
func offered(p *app.Policy, screens []common.Screen) []common.Screen {
	if p == nil {
		return screens
	}
	var out []common.Screen
	for _, s := range screens {
		if a, ok := screenAction[s.Title()]; ok && !p.Allows(a) {
			continue
		}
		out = append(out, s)
	}
	return out
}

// sharedLoaded delivers an already loaded session as the load would.
func sharedLoaded(s *app.Session) tea.Cmd {
	return func() tea.Msg { return loadedMsg{session: s} }
}
