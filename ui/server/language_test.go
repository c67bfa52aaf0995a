package server

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/pulpero/pulpero/app/locale"
)

// The Segments tab as each language writes it (the tab bar of every role).
const (
	tabEnglish = "2 Segments"
	tabSpanish = "2 Segmentos"
)

// speaksSpanish waits for tm's screen in Spanish and checks it has no
// English tab.
func (tm *term) speaksSpanish(t *testing.T, who string) {
	t.Helper()
	tm.waitFor(t, tabSpanish)
	tm.waitFor(t, " Explorar ")
	if strings.Contains(tm.text(), tabEnglish) {
		t.Fatalf("%s: an English tab on a Spanish screen:\n%s", who, tm.text())
	}
}

func (tm *term) speaksEnglish(t *testing.T, who string) {
	t.Helper()
	tm.waitFor(t, tabEnglish)
	tm.waitFor(t, " Explore ")
	if strings.Contains(tm.text(), "Segmentos") {
		t.Fatalf("%s: a Spanish tab on an English screen:\n%s", who, tm.text())
	}
}

func (tm *term) quit(t *testing.T) {
	t.Helper()
	tm.press(t, ctrlC)
	if err := tm.waitExit(t); err != nil {
		t.Fatal(err)
	}
}

// TestSessionLanguage (issue 19): over a real SSH connection, the
// client's LANG (ssh -o SendEnv=LANG) chooses the language; else the
// user's lang="es" in authorized_keys; else the server's (English here).
// The client's environment wins over the key's option when it names a
// language pulpero speaks; LANG=C names none; LC_ALL comes before LANG.
func TestSessionLanguage(t *testing.T) {
	e := startServer(t, nil)
	for _, c := range []struct {
		name    string
		who     gossh.Signer
		env     []string
		spanish bool
	}{
		{"client LANG=es_ES.UTF-8", e.bob, []string{"LANG", "es_ES.UTF-8"}, true},
		{"lang=\"es\" in authorized_keys", e.dora, nil, true},
		{"neither", e.bob, nil, false},
		{"client LANG=en_US.UTF-8 over lang=\"es\"", e.dora, []string{"LANG", "en_US.UTF-8"}, false},
		{"client LANG=C.UTF-8: lang=\"es\" decides", e.dora, []string{"LANG", "C.UTF-8"}, true},
		{"client LANG=fr_FR.UTF-8, not spoken: the server's", e.bob, []string{"LANG", "fr_FR.UTF-8"}, false},
		{"LC_ALL before LANG", e.bob, []string{"LANG", "en_GB.UTF-8", "LC_ALL", "es_AR.UTF-8"}, true},
	} {
		tm := e.openTerm(t, c.who, 30, 120, c.env...)
		if c.spanish {
			tm.speaksSpanish(t, c.name)
		} else {
			tm.speaksEnglish(t, c.name)
		}
		tm.quit(t)
	}
	// the log says each session's language; the audit log stays English
	if logs := e.logs.String(); !strings.Contains(logs, "lang=es-ES") || !strings.Contains(logs, "lang=en") {
		t.Fatalf("the server log does not say the sessions' languages:\n%s", logs)
	}
	if audit := e.audit.String(); !strings.Contains(audit, `"event":"connected"`) || strings.Contains(audit, "conectado") {
		t.Fatalf("audit log:\n%s", audit)
	}
}

// TestTwoLanguagesAtOnce: two people at once, one whose client sends
// LANG=es_ES.UTF-8 and one who sends nothing, each read their own
// language all along, as they move between screens.
func TestTwoLanguagesAtOnce(t *testing.T) {
	e := startServer(t, nil)
	es := e.openTerm(t, e.bob, 30, 120, "LANG", "es_ES.UTF-8")
	en := e.openTerm(t, e.alice, 30, 120)
	es.speaksSpanish(t, "bob")
	en.speaksEnglish(t, "alice")
	esAt, enAt := es.mark(), en.mark()
	es.press(t, "2")
	en.press(t, "2")
	es.waitSince(t, esAt, "Segmentos")
	en.waitSince(t, enAt, "Segments")
	if strings.Contains(es.since(esAt), tabEnglish) || strings.Contains(en.since(enAt), "Segmentos") {
		t.Fatalf("one session took the other's language:\n%s\n----\n%s", es.since(esAt), en.since(enAt))
	}
	es.quit(t)
	en.quit(t)
}

// TestServerLanguage: with the server's --lang es (Config.Locale), a user
// whose client and key say nothing reads Spanish; a client that sends
// LANG=en_US.UTF-8 reads English. A refused key's banner (sent before any
// session, so before the client's environment) and the server's log are
// in the server's language; the audit log's fields stay English.
func TestServerLanguage(t *testing.T) {
	es, err := locale.Parse("es")
	if err != nil {
		t.Fatal(err)
	}
	e := startServer(t, func(c *Config) { c.Locale = es })
	b := e.openTerm(t, e.bob, 30, 120)
	b.speaksSpanish(t, "bob")
	b.quit(t)
	a := e.openTerm(t, e.alice, 30, 120, "LANG", "en_US.UTF-8")
	a.speaksEnglish(t, "alice")
	a.quit(t)

	_, banners, err := e.dial(t, "eve", gossh.PublicKeys(e.eve))
	if err == nil {
		t.Fatal("unknown key accepted")
	}
	if len(banners) == 0 || !strings.Contains(banners[0], "no está autorizada") {
		t.Fatalf("banners %q, want the Spanish refusal", banners)
	}
	logs := e.logs.String()
	for _, want := range []string{`msg="clave rechazada"`, "msg=conectado", "msg=desconectado"} {
		if !strings.Contains(logs, want) {
			t.Errorf("the log lacks %s:\n%s", want, logs)
		}
	}
	for _, want := range []string{`"event":"key_refused"`, `"event":"connected"`, `"event":"disconnected"`} {
		if !strings.Contains(e.audit.String(), want) {
			t.Errorf("the audit log lacks %s:\n%s", want, e.audit.String())
		}
	}
}

// TestRefusalsInTheUsersLanguage: what the server tells a user it turns
// away or disconnects is in that user's language: beyond the cap (client
// LANG, or lang="es"), without a terminal, and after the idle timeout.
func TestRefusalsInTheUsersLanguage(t *testing.T) {
	e := startServer(t, func(c *Config) { c.MaxSessions = 1; c.IdleTimeout = 1500 * time.Millisecond })
	b := e.openTerm(t, e.bob, 24, 80)
	b.waitFor(t, "Explore")
	for _, c := range []struct {
		who  gossh.Signer
		env  []string
		want string
	}{
		{e.alice, []string{"LANG", "es_MX.UTF-8"}, "el servidor ya tiene abierta su única sesión; inténtelo más tarde"},
		{e.dora, nil, "el servidor ya tiene abierta su única sesión"},
		{e.carol, nil, "the server has its one session open; try again later"},
	} {
		tm := e.openTerm(t, c.who, 24, 80, c.env...)
		tm.waitFor(t, c.want)
		var ee *gossh.ExitError
		if err := tm.waitExit(t); !errors.As(err, &ee) || ee.ExitStatus() != 1 {
			t.Fatalf("%q: %v", c.want, err)
		}
	}
	b.waitFor(t, "without a key") // bob's client sent nothing: English
	b.waitExit(t)

	d := e.openTerm(t, e.dora, 30, 120)
	d.speaksSpanish(t, "dora")
	d.waitFor(t, "pulpero: sesión cerrada tras 1.5s sin pulsar una tecla")
	d.waitExit(t)

	c, _, err := e.dial(t, "x", gossh.PublicKeys(e.bob))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Setenv("LC_MESSAGES", "es_CO.UTF-8"); err != nil {
		t.Fatal(err)
	}
	out, err := s.CombinedOutput("")
	if err == nil || !strings.Contains(string(out), "pulpero necesita una terminal: conéctese con ssh -t") {
		t.Fatalf("no pty, Spanish client: %v %q", err, out)
	}
}

// TestKeyLangOption: lang="es" (or a locale) is read from authorized_keys
// beside role=; a language pulpero does not speak is refused with its
// line named, and the refusal reads in Spanish for a Spanish operator,
// still naming the file and the line.
func TestKeyLangOption(t *testing.T) {
	a, b := newSigner(t), newSigner(t)
	users, err := ParseAuthorizedKeys("ak", []byte(fmt.Sprintf("role=\"viewer\",lang=\"es_AR.UTF-8\" %s ana\nlang=en %s ben\n", authLine(a), authLine(b))))
	if err != nil {
		t.Fatal(err)
	}
	if u := users[string(a.PublicKey().Marshal())]; u.Lang != "es_AR.UTF-8" || u.Role != "viewer" {
		t.Fatalf("ana: %+v", u)
	}
	if u := users[string(b.PublicKey().Marshal())]; u.Lang != "en" {
		t.Fatalf("ben: %+v", u)
	}
	_, err = ParseAuthorizedKeys("/etc/pulpero/keys", []byte(fmt.Sprintf("%s ana\nlang=\"fr\" %s ben\n", authLine(a), authLine(b))))
	if err == nil || err.Error() != `/etc/pulpero/keys:2: lang "fr": use es or en (or a locale such as es_AR)` {
		t.Fatalf("lang=fr: %v", err)
	}
	es, _ := locale.Parse("es")
	if got := es.Error(err); got != `/etc/pulpero/keys:2: lang "fr": use es o en (o un locale como es_AR)` {
		t.Fatalf("in Spanish: %q", got)
	}
	// an error that wraps another keeps it for errors.Is and still reads in Spanish
	_, err = ParseAuthorizedKeys("ak", []byte("ssh-ed25519 AAAA-not-a-key ana\n"))
	if got := es.Error(err); !strings.HasPrefix(got, "ak:1: no es una línea de clave pública (") {
		t.Fatalf("not a key, in Spanish: %q", got)
	}
}

func TestClientLocale(t *testing.T) {
	for _, c := range []struct {
		env  []string
		want string // the tag; "" when the environment names no language pulpero speaks
	}{
		{nil, ""},
		{[]string{"TERM=xterm", "LANG=es_ES.UTF-8"}, "es-ES"},
		{[]string{"LANG=es"}, "es"},
		{[]string{"LANG=en_US.UTF-8"}, "en-US"},
		{[]string{"LANG=C.UTF-8"}, ""},
		{[]string{"LANG=POSIX"}, ""},
		{[]string{"LANG=de_DE.UTF-8"}, ""},
		{[]string{"LANG=not a language"}, ""},
		{[]string{"LANG=es_AR.UTF-8", "LC_MESSAGES=en_GB.UTF-8"}, "en-GB"},
		{[]string{"LC_MESSAGES=en_GB.UTF-8", "LC_ALL=es_CO.UTF-8"}, "es-CO"},
		{[]string{"LC_ALL=C", "LANG=es_ES.UTF-8"}, ""}, // LC_ALL decides, and names none
		{[]string{"LC_ALL=", "LANG=es_ES.UTF-8"}, "es-ES"},
	} {
		l, ok := clientLocale(c.env)
		got := ""
		if ok {
			got = l.Tag.String()
		}
		if got != c.want {
			t.Errorf("%q: %q, want %q", c.env, got, c.want)
		}
	}
}

// TestNumbersInTheSessionsFormat: two people at once on one server, one
// reading Spanish and one English, each read the figures as their own
// region writes them, whatever the server's language: the header's 2,000
// customers are 2.000 clientes in Spain (where 2,000 is two), and a
// share of 51.5% is 51,5%. Once on an English server (the Spanish user's
// client sends LANG) and once on a Spanish one (the English user's does).
func TestNumbersInTheSessionsFormat(t *testing.T) {
	es, err := locale.Parse("es")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name         string
		server       locale.Locale
		esEnv, enEnv []string
	}{
		{"English server", locale.Default(), []string{"LANG", "es_ES.UTF-8"}, nil},
		{"Spanish server", es, nil, []string{"LANG", "en_US.UTF-8"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := startServer(t, func(cfg *Config) { cfg.Locale = c.server })
			spanish := e.openTerm(t, e.bob, 30, 120, c.esEnv...)
			english := e.openTerm(t, e.alice, 30, 120, c.enEnv...)
			spanish.speaksSpanish(t, "bob")
			english.speaksEnglish(t, "alice")
			// the gender pane, first on Explore: female 1,024 of 2,000
			spanish.waitFor(t, "2.000 clientes")
			spanish.waitFor(t, "51,5%")
			english.waitFor(t, "2,000 customers")
			english.waitFor(t, "51.5%")
			if s := spanish.text(); strings.Contains(s, "2,000") || strings.Contains(s, "51.5%") {
				t.Errorf("the Spanish session reads English figures:\n%s", s)
			}
			if s := english.text(); strings.Contains(s, "2.000") || strings.Contains(s, "51,5%") {
				t.Errorf("the English session reads Spanish figures:\n%s", s)
			}
			spanish.quit(t)
			english.quit(t)
		})
	}
}
