package server

import (
	"strings"

	"charm.land/ssh"

	"github.com/pulpero/pulpero/app/locale"
)

// The language of a session (issue 19), the first of:
//
//  1. the client's environment, when it sends one that names Spanish or
//     English: LC_ALL, else LC_MESSAGES, else LANG, the first that is set
//     (as POSIX orders them), sent with `ssh -o SendEnv=LANG` or
//     `-o SetEnv=LANG=es_ES.UTF-8` (OpenSSH's SendEnv LANG LC_* is the
//     default of many systems). C, POSIX or a language pulpero does not
//     speak say nothing of the user's, so the next choice decides;
//  2. the user's lang="es|en" option in authorized_keys;
//  3. the server's --lang (Config.Locale), else English.
//
// The locale keeps the region (es_AR → es-AR): the session's sentences
// write their numbers as it does.

// sessionLocale is the language of a session of u (known: u was found)
// whose client sent env.
func (srv *Server) sessionLocale(env []string, u User, known bool) locale.Locale {
	if l, ok := clientLocale(env); ok {
		return l
	}
	if known {
		if l, ok := speaks(u.Lang); ok {
			return l
		}
	}
	return srv.cfg.Locale
}

// localeOf is the language of s before the session is set up (to refuse
// it in the user's language).
func (srv *Server) localeOf(s ssh.Session) locale.Locale {
	var u User
	known := false
	if k := s.PublicKey(); k != nil {
		u, known = srv.users.Lookup(k)
	}
	return srv.sessionLocale(s.Environ(), u, known)
}

// clientLocale is the language the client's environment (NAME=value
// lines) names, if it names one pulpero speaks.
func clientLocale(env []string) (locale.Locale, bool) {
	vars := map[string]string{}
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok {
			vars[k] = v // a name sent twice: the last
		}
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := strings.TrimSpace(vars[name]); v != "" {
			return speaks(v)
		}
	}
	return locale.Locale{}, false
}

// speaks reads s ("es", "en", "es-AR", "es_AR.UTF-8") as a language
// pulpero speaks; "", C, POSIX, anything else and what is not a language
// are not.
func speaks(s string) (locale.Locale, bool) {
	name := strings.TrimSpace(s)
	if i := strings.IndexAny(name, ".@"); i >= 0 {
		name = name[:i]
	}
	switch name {
	case "", "C", "POSIX":
		return locale.Locale{}, false
	}
	base, _, _ := strings.Cut(strings.ReplaceAll(name, "_", "-"), "-")
	if b := strings.ToLower(base); b != "es" && b != "en" {
		return locale.Locale{}, false
	}
	l, err := locale.Parse(s)
	return l, err == nil
}
