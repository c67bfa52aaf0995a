package server

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
)

// world is one demo shop loaded once for every test of the package, as
// `pulpero serve` loads it once for every session.
var world struct {
	once   sync.Once
	path   string
	shared *app.Session
	err    error
}

// testAsOf is after the demo's history.
var testAsOf = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func sharedSession(t testing.TB) *app.Session {
	t.Helper()
	world.once.Do(func() {
		dir, err := os.MkdirTemp("", "pulpero-serve-test-")
		if err != nil {
			world.err = err
			return
		}
		world.path = filepath.Join(dir, "shop.db")
		if world.err = app.GenerateSample(context.Background(), world.path, sample.Options{Customers: 2000, Seed: 3}, false); world.err != nil {
			return
		}
		db, err := app.Open(world.path, app.OpenOptions{DataDir: filepath.Join(dir, "data")})
		if err != nil {
			world.err = err
			return
		}
		world.shared, world.err = db.Load(context.Background(), app.LoadRequest{AsOf: testAsOf})
	})
	if world.err != nil {
		t.Fatal(world.err)
	}
	return world.shared
}

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) != "" {
		os.Exit(serveChild())
	}
	code := m.Run()
	if world.path != "" {
		os.RemoveAll(filepath.Dir(world.path))
	}
	os.Exit(code)
}

// env is a running server with five people: alice a viewer, bob an analyst
// (no role option), carol an admin, dora an analyst who reads Spanish
// (lang="es"), and eve, whose key is not listed.
type env struct {
	srv                    *Server
	addr, dir              string
	akPath                 string
	alice, bob, carol, eve gossh.Signer
	dora                   gossh.Signer
	logs                   *syncBuffer
	audit                  *syncBuffer
	hostKey                gossh.PublicKey
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newSigner(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func authLine(s gossh.Signer) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey())))
}

func (e *env) keysFile() string {
	return fmt.Sprintf("# pulpero users\n\nrole=\"viewer\" %s alice\n%s bob\nrole=\"admin\",restrict %s carol\nlang=\"es\" %s dora\n",
		authLine(e.alice), authLine(e.bob), authLine(e.carol), authLine(e.dora))
}

func startServer(t testing.TB, mod func(*Config)) *env {
	t.Helper()
	shared := sharedSession(t)
	e := &env{alice: newSigner(t), bob: newSigner(t), carol: newSigner(t), dora: newSigner(t), eve: newSigner(t), dir: t.TempDir(),
		logs: &syncBuffer{}, audit: &syncBuffer{}}
	e.akPath = filepath.Join(e.dir, "authorized_keys")
	if err := os.WriteFile(e.akPath, []byte(e.keysFile()), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := Config{HostKeyPath: filepath.Join(e.dir, "host_ed25519"), AuthorizedKeys: e.akPath,
		ExportsDir: filepath.Join(e.dir, "exports"), Log: slog.New(slog.NewTextHandler(e.logs, nil)), Audit: e.audit}
	if mod != nil {
		mod(&cfg)
	}
	srv, err := New(cfg, shared)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	signer, err := EnsureHostKey(cfg.HostKeyPath)
	if err != nil {
		t.Fatal(err)
	}
	e.srv, e.addr, e.hostKey = srv, ln.Addr().String(), signer.PublicKey()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	t.Cleanup(func() {
		_ = srv.Close()
		if err := <-done; !errors.Is(err, ErrServerClosed) {
			t.Errorf("Serve: %v", err)
		}
	})
	return e
}

func (e *env) dial(t testing.TB, user string, auth ...gossh.AuthMethod) (*gossh.Client, []string, error) {
	t.Helper()
	var mu sync.Mutex
	var banners []string
	c, err := gossh.Dial("tcp", e.addr, &gossh.ClientConfig{
		User: user, Auth: auth, HostKeyCallback: gossh.FixedHostKey(e.hostKey), Timeout: 10 * time.Second,
		BannerCallback: func(m string) error { mu.Lock(); banners = append(banners, m); mu.Unlock(); return nil },
	})
	mu.Lock()
	defer mu.Unlock()
	return c, banners, err
}

// term is one interactive session as its client sees it.
type term struct {
	client *gossh.Client
	sess   *gossh.Session
	in     io.WriteCloser
	mu     sync.Mutex
	out    bytes.Buffer
	done   chan error
}

func (e *env) openTerm(t testing.TB, signer gossh.Signer, rows, cols int, env ...string) *term {
	t.Helper()
	c, _, err := e.dial(t, "someone", gossh.PublicKeys(signer))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(env); i += 2 {
		if err := s.Setenv(env[i], env[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.RequestPty("xterm-256color", rows, cols, gossh.TerminalModes{gossh.ECHO: 0}); err != nil {
		t.Fatal(err)
	}
	tm := &term{client: c, sess: s, done: make(chan error, 1)}
	tm.in, _ = s.StdinPipe()
	s.Stdout, s.Stderr = tm, tm
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		err := s.Wait()
		c.Close() // as OpenSSH does when the session ends
		tm.done <- err
	}()
	return tm
}

func (tm *term) Write(p []byte) (int, error) {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.Write(p)
}

// text is everything the session printed, without escape sequences.
func (tm *term) text() string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.Strip(tm.out.String())
}

// mark returns how much was printed so far, for since.
func (tm *term) mark() int {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return tm.out.Len()
}

func (tm *term) since(at int) string {
	tm.mu.Lock()
	defer tm.mu.Unlock()
	return ansi.Strip(tm.out.String()[at:])
}

func (tm *term) waitFor(t testing.TB, want string) {
	t.Helper()
	tm.waitSince(t, 0, want)
}

func (tm *term) waitSince(t testing.TB, at int, want string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if strings.Contains(tm.since(at), want) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %q; screen so far:\n%s", want, tm.since(at))
}

func (tm *term) press(t testing.TB, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if _, err := io.WriteString(tm.in, k); err != nil {
			t.Fatal(err)
		}
		pause := 15 * time.Millisecond // keys one by one, as typed
		if k == "\x1b" {
			pause = 150 * time.Millisecond // a lone esc, not the start of alt+key
		}
		time.Sleep(pause)
	}
}

func (tm *term) waitExit(t testing.TB) error {
	t.Helper()
	select {
	case err := <-tm.done:
		return err
	case <-time.After(15 * time.Second):
		t.Fatal("session did not end")
		return nil
	}
}

// personal reads every value of the customers' personal columns, to check
// none reaches a viewer's screen or the audit log.
func personal(t testing.TB, col string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+world.path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT ` + col + ` FROM customers WHERE ` + col + ` IS NOT NULL AND length(` + col + `) > 6`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// tab presses the number of the tab with this title, as the tab bar shows
// it (screens are added over time: their numbers move).
func (tm *term) tab(t testing.TB, title string) {
	t.Helper()
	tm.waitFor(t, " "+title+" ")
	m := regexp.MustCompile(`(\d) ` + regexp.QuoteMeta(title) + ` `).FindStringSubmatch(tm.text())
	if m == nil {
		t.Fatalf("no tab %q in:\n%s", title, tm.text())
	}
	tm.press(t, m[1])
}
