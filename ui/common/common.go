package common

import (
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
)

// Session is the open database and what was loaded from it (app.Session).
// Screens read it; only the root model replaces it.
type Session = app.Session

// Common is the shared state passed to every screen's constructor.
type Common struct {
	Width, Height int
	Styles        *Styles
	Session       *Session
	// Policy is a remote user's (pulpero serve): what is offered, masking,
	// the export folder, who saves. nil for a local user: everything.
	// Screens save, export and read personal rows through its methods.
	Policy *app.Policy
	// Locale is the user's language: screens write their sentences with
	// Locale.T (the English sentence is the key).
	Locale locale.Locale
}

// T is the sentence key in the user's language (locale.Locale.T).
func (c *Common) T(key string, args ...any) string { return c.Locale.T(key, args...) }

// Amount writes money in a sentence as the user's region writes it, with
// the database's currency mark when one is set ("revenue 1.234 €"). Table
// cells use Money, unmarked, under a header that names what they hold.
func (c *Common) Amount(x float64) string {
	var cur locale.Currency
	if c.Session != nil {
		cur = c.Session.Currency
	}
	return cur.Mark(money(c.Locale, x))
}
