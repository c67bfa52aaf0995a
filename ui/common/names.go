package common

import (
	"strings"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// RoleName is a column role as the user reads it: its canonical name in
// English ("consent_email"), its translation in Spanish ("consent. email").
// Rules, files and the command line keep the canonical name; only the
// screens show this one. The role of no column is "".
func (c *Common) RoleName(r model.Role) string {
	if r == model.RoleNone {
		return ""
	}
	return c.Locale.Lookup(string(r))
}

// KindName is a column kind as the user reads it ("categorical",
// "categórico"); model.Kind.String stays the canonical name.
func (c *Common) KindName(k model.Kind) string { return c.Locale.Lookup(k.String()) }

// keyNames are the keys whose names are words, as help, footers and the
// palette show them, and the arrows, shown as the keyboard draws them; the
// other keys (enter, esc, letters) are shown as the keyboard labels them.
var keyNames = map[string]string{"space": msgKeySpace, "home": msgKeyHome, "end": msgKeyEnd, "pgup": msgKeyPgUp,
	"pgdown": msgKeyPgDown, "pgdn": msgKeyPgDn, "up": "↑", "down": "↓", "left": "←", "right": "→"}

// KeyName is a key (or keys written "space/f") as the user reads it:
// "space" is "espacio" in Spanish.
func KeyName(l locale.Locale, k string) string {
	parts := strings.Split(k, "/")
	for i, p := range parts {
		if name, ok := keyNames[p]; ok {
			parts[i] = l.Lookup(name)
		}
	}
	return strings.Join(parts, "/")
}

// RuleText is a rule written in the segment language as the user reads it:
// with the Spanish keywords (y, o, no, entre, está vacío...) for a Spanish
// reader, else as written; as written too when it does not parse. What is
// saved and shared stays the canonical (English) form.
func (c *Common) RuleText(src string) string {
	if c.Locale.Lang != locale.Spanish {
		return src
	}
	n, err := segment.Parse(src)
	if err != nil {
		return src
	}
	return segment.PrintSpanish(n)
}
