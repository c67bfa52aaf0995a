package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Screen is what the root model needs of a screen. Screens keep their own
// concrete types internally; this small interface lets the root hold them in
// a list and switch between them with tab or their number key.
type Screen interface {
	Title() string // shown in the tab bar
	Init() tea.Cmd
	Update(msg tea.Msg) (Screen, tea.Cmd)
	View() string
	SetSize(width, height int)
	// Typing reports whether a text field has the keys, so global letters
	// (q, ?, tab) are typed into it instead of obeyed.
	Typing() bool
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// Messages screens send each other through the root, which forwards every
// non-key message to all screens.
type (
	// AddConditionMsg asks the segment being built to add a condition, in
	// the segment language (from Explore: selected bars or a range).
	AddConditionMsg struct{ Expr string }
	// FocusMsg asks the root to show the screen with this title.
	FocusMsg struct{ Title string }
	// ReloadMsg asks the root to load the data again (after role corrections).
	ReloadMsg struct{}
	// StatusMsg shows a short message in the status line.
	StatusMsg struct {
		Text  string
		Error bool
	}
)

// Status is a Cmd that shows text in the status line (in red when isErr).
func Status(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text, Error: isErr} }
}

// ShownMsg is sent by the root to a screen when it becomes the focused one
// (by tab, its number, the palette or another screen's request), so a
// screen showing something outside pulpero (files in a folder) reads it
// again.
type ShownMsg struct{}

// SessionMsg asks the root to show this session in place of the loaded
// one, building the screens again over it as after a load (the Value
// screen's copy of the session with its attributes added: see
// app.Session.WithValue). The old session is not changed, so work in
// flight on it is undisturbed.
type SessionMsg struct{ Session *Session }

// GrewMsg is sent by the root to every screen when the customers' behaviour
// has been read after the screens opened on the customers alone (a load in
// stages: app.Database.LoadInStages). Session is now a copy whose data has
// the behaviour's columns added after the others, so a column's index is
// unchanged; a screen that keeps something computed from the columns (a
// list, an evaluator, a default choice) brings it up to date, and one that
// reads the session when it needs it has nothing to do.
type GrewMsg struct{}
