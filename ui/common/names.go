package common

import "github.com/pulpero/pulpero/model"

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
