package common

import "github.com/pulpero/pulpero/app"

// Session is the open database and what was loaded from it (app.Session).
// Screens read it; only the root model replaces it.
type Session = app.Session

// Common is the shared state passed to every screen's constructor.
type Common struct {
	Width, Height int
	Styles        *Styles
	Session       *Session
}
