package server

import (
	"context"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
)

// Config is what `pulpero serve` hands the server. Zero fields take the
// documented defaults.
type Config struct {
	Addr           string // ":23234"
	HostKeyPath    string // DefaultHostKeyPath()
	AuthorizedKeys string // required
	ExportsDir     string // DataDir()/exports; each user exports into ExportsDir/NAME
	MaxSessions    int    // 20
	// MaxConns caps open connections, handshakes included (2×MaxSessions+8),
	// and MaxConnsPerIP those from one address (MaxSessions+4).
	MaxConns, MaxConnsPerIP int
	IdleTimeout             time.Duration // 30 minutes without a key
	HandshakeTimeout        time.Duration // 10 s to log in
	Log                     *slog.Logger  // the server's log; nil: none
	Audit                   io.Writer     // JSON lines; nil: none
	// Locale is the server's language (--lang): its log's, and a
	// session's when neither the client nor authorized_keys names one
	// (language.go). Zero: English.
	Locale locale.Locale
}

// Defaults of Config.
const (
	DefaultAddr        = ":23234"
	DefaultMaxSessions = 20
	DefaultIdleTimeout = 30 * time.Minute
)

func (c *Config) fill() {
	if c.Addr == "" {
		c.Addr = DefaultAddr
	}
	if c.HostKeyPath == "" {
		c.HostKeyPath = DefaultHostKeyPath()
	}
	if c.ExportsDir == "" {
		c.ExportsDir = filepath.Join(app.DataDir(), "exports")
	}
	if c.MaxSessions <= 0 {
		c.MaxSessions = DefaultMaxSessions
	}
	if c.MaxConns <= 0 {
		c.MaxConns = 2*c.MaxSessions + 8
	}
	if c.MaxConnsPerIP <= 0 {
		c.MaxConnsPerIP = c.MaxSessions + 4
	}
	if c.IdleTimeout <= 0 {
		c.IdleTimeout = DefaultIdleTimeout
	}
	if c.HandshakeTimeout <= 0 {
		c.HandshakeTimeout = 10 * time.Second
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	if c.Locale.Lang == "" {
		c.Locale = locale.Default()
	}
}

// Server is pulpero's SSH server over one loaded customer session.
type Server struct {
	cfg         Config
	shared      *app.Session
	users       *Users
	fingerprint string
	log         *slog.Logger
	audit       *auditLog
	gate        writeGate
	conns       *connLimiter
	ssh         *ssh.Server
	active      atomic.Int64 // sessions running

	mu       sync.Mutex
	closing  bool
	sessions map[ssh.Session]*session
}

type ctxKey struct{ name string }

var preAuthKey = &ctxKey{"preauth"}

// New prepares a server for shared, the customer session every user works
// on (loaded once: sessions only read it). It reads the authorized keys
// (refusing a malformed file with its line named) and the host key
// (created on first start).
func New(cfg Config, shared *app.Session) (*Server, error) {
	cfg.fill()
	if shared == nil {
		return nil, model.Say(msgNoSession)
	}
	if cfg.AuthorizedKeys == "" {
		return nil, model.Say(msgKeysRequired)
	}
	users, err := LoadUsers(cfg.AuthorizedKeys, cfg.Log)
	if err != nil {
		return nil, err
	}
	users.loc = cfg.Locale
	signer, err := EnsureHostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	if err := app.PrivateDir(cfg.ExportsDir); err != nil {
		return nil, fail(err, msgExportsFolderAt, err)
	}
	srv := &Server{cfg: cfg, shared: shared, users: users, log: cfg.Log, audit: newAuditLog(cfg.Audit),
		fingerprint: gossh.FingerprintSHA256(signer.PublicKey()), conns: newConnLimiter(cfg.MaxConns, cfg.MaxConnsPerIP),
		sessions: map[ssh.Session]*session{}}
	srv.ssh, err = wish.NewServer(
		wish.WithAddress(cfg.Addr),
		func(s *ssh.Server) error { s.AddHostKey(signer); return nil },
		// public keys only: with no password or keyboard-interactive
		// handler the server offers neither
		wish.WithPublicKeyAuth(srv.authKey),
		func(s *ssh.Server) error {
			s.ServerConfigCallback = func(ctx ssh.Context) *gossh.ServerConfig {
				return &gossh.ServerConfig{MaxAuthTries: 6,
					// kept so a refused key can be told why (an auth banner)
					PreAuthConnCallback: func(c gossh.ServerPreAuthConn) { ctx.SetValue(preAuthKey, c) }}
			}
			s.HandshakeTimeout = cfg.HandshakeTimeout
			s.ConnCallback = func(_ ssh.Context, c net.Conn) net.Conn { return srv.conns.admit(c) }
			s.ConnectionFailedCallback = func(c net.Conn, err error) {
				srv.log.Debug(srv.t(logConnectionFailed), "remote", c.RemoteAddr().String(), "err", err)
			}
			return nil
		},
		// a connection with no traffic at all (no session, a dead client);
		// a session is timed by its keys (watchIdle)
		wish.WithIdleTimeout(cfg.IdleTimeout+time.Minute),
		wish.WithMiddleware(
			// listed first runs last: the program is innermost
			bm.MiddlewareWithProgramHandler(srv.program),
			srv.sessionMiddleware,
			srv.limitMiddleware,
		),
	)
	if err != nil {
		return nil, err
	}
	return srv, nil
}

// Fingerprint is the host key's SHA256 fingerprint, for users to check on
// their first connection.
func (srv *Server) Fingerprint() string { return srv.fingerprint }

// Addr is the configured listen address.
func (srv *Server) Addr() string { return srv.cfg.Addr }

// Sessions is how many sessions are running.
func (srv *Server) Sessions() int { return int(srv.active.Load()) }

// RefusedConnections is how many connections the caps closed at once.
func (srv *Server) RefusedConnections() int64 { return srv.conns.refused.Load() }

// Serve serves on ln until Shutdown or Close (then ssh.ErrServerClosed).
func (srv *Server) Serve(ln net.Listener) error { return srv.ssh.Serve(ln) }

// ListenAndServe listens on the configured address and serves.
func (srv *Server) ListenAndServe() error { return srv.ssh.ListenAndServe() }

// ErrServerClosed is what Serve returns after Shutdown or Close.
var ErrServerClosed = ssh.ErrServerClosed

// Shutdown stops the server gently: it stops listening, refuses new
// sessions and new writes, waits for the saves and exports in flight,
// then ends every session (each user sees why) and waits for the
// connections to close. When ctx ends first it closes everything.
func (srv *Server) Shutdown(ctx context.Context) error {
	srv.mu.Lock()
	srv.closing = true
	srv.mu.Unlock()
	srv.gate.close()
	done := make(chan error, 1)
	go func() { done <- srv.ssh.Shutdown(ctx) }() // closes the listeners now
	werr := srv.gate.wait(ctx)
	srv.mu.Lock()
	for _, s := range srv.sessions {
		if s.prog != nil {
			s.prog.Quit()
		}
	}
	srv.mu.Unlock()
	if err := <-done; err != nil {
		_ = srv.ssh.Close()
		return err
	}
	return werr
}

// Close closes every connection at once.
func (srv *Server) Close() error {
	srv.mu.Lock()
	srv.closing = true
	srv.mu.Unlock()
	srv.gate.close()
	return srv.ssh.Close()
}

// authKey accepts a listed key; an unknown one is refused with a banner
// that says so on the client and a line in the log.
func (srv *Server) authKey(ctx ssh.Context, key ssh.PublicKey) bool {
	if _, ok := srv.users.Lookup(key); ok {
		return true
	}
	fp := gossh.FingerprintSHA256(key)
	remote := ctx.RemoteAddr().String()
	srv.log.Warn(srv.t(logKeyRefused), "fingerprint", fp, "remote", remote, "login", ctx.User())
	srv.writeAudit(auditLine{Remote: remote, Key: fp, AuditEvent: app.AuditEvent{Event: eventKeyRefused, User: ctx.User()}})
	if c, ok := ctx.Value(preAuthKey).(gossh.ServerPreAuthConn); ok {
		// before a session there is no client environment: the server's language
		_ = c.SendAuthBanner(srv.t(msgKeyRefused, fp))
	}
	return false
}

func (srv *Server) writeAudit(l auditLine) {
	if err := srv.audit.write(l); err != nil {
		srv.log.Error(srv.t(logAuditFailed), "err", err)
	}
}

// t is a sentence in the server's language (its log, a refused key's
// banner).
func (srv *Server) t(key string, args ...any) string { return srv.cfg.Locale.T(key, args...) }
