// Package server serves pulpero's interface over SSH (`pulpero serve`),
// with charm.land/wish/v2: one Bubble Tea program per session, each with
// its own screens, window size and colour profile, all on one customer
// session loaded once and shared read-only.
//
// Users log in with a public key listed in an OpenSSH authorized_keys file
// (Users): the key's comment names the user and a role="viewer|analyst|
// admin" option gives the role (analyst when absent). The role decides,
// through an app.Policy handed to ui.New, which screens exist (a viewer has
// no Campaign, Tables, Import or Roles screen), whether personal values are
// masked, where exports land (the user's own folder) and who saved each
// segment version. Each session speaks its user's language (language.go):
// the client's LANG when it sends one (ssh -o SendEnv=LANG), else a
// lang="es|en" option on the key's line, else the server's --lang. What
// users do goes to a JSON-lines audit log, never a personal value.
//
// Limits: a cap on sessions and on open connections (a flood of attempts
// is refused, never a crash), an idle timeout measured on the user's keys,
// and a shutdown that lets saves and exports in flight finish first.
package server
