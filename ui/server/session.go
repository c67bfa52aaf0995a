package server

import (
	"fmt"
	"path/filepath"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/ui"
)

// session is one user's running program and what the server knows of it.
type session struct {
	user   User
	pol    *app.Policy
	clock  *inputClock // nil when the input cannot be watched
	prog   *tea.Program
	start  time.Time
	idle   atomic.Bool // ended by the idle timeout
	remote string
	id     string
	loc    locale.Locale // the user's language (language.go)
}

// limitMiddleware refuses sessions while stopping and beyond the cap, with
// a line the user sees in their language.
func (srv *Server) limitMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		if srv.stopping() {
			srv.deny(s, "stopping", srv.localeOf(s).T(msgStopping))
			return
		}
		if n := srv.active.Add(1); n > int64(srv.cfg.MaxSessions) {
			srv.active.Add(-1)
			srv.deny(s, "too_many_sessions", srv.localeOf(s).N(srv.cfg.MaxSessions, msgTooManyOne, msgTooMany, srv.cfg.MaxSessions))
			return
		}
		defer srv.active.Add(-1)
		next(s)
	}
}

func (srv *Server) stopping() bool {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	return srv.closing
}

// deny refuses s with msg, said in the user's language.
func (srv *Server) deny(s ssh.Session, reason, msg string) {
	srv.log.Info(srv.t(logSessionRefused), "reason", reason, "remote", s.RemoteAddr().String(), "login", s.User())
	srv.writeAudit(auditLine{Remote: s.RemoteAddr().String(), AuditEvent: app.AuditEvent{Event: eventSessionDenied, User: s.User(), Reason: reason}})
	wish.Fatalln(s, msg)
}

// sessionMiddleware sets up a user's session around the program: who they
// are (the key, looked up again: it may have been removed since login),
// their policy and export folder, the audit lines, the idle watch, and
// the notice when the server ends the session.
func (srv *Server) sessionMiddleware(next ssh.Handler) ssh.Handler {
	return func(s ssh.Session) {
		u, known := srv.users.Lookup(s.PublicKey())
		loc := srv.sessionLocale(s.Environ(), u, known)
		pty, _, ok := s.Pty()
		if !ok {
			srv.deny(s, "no_terminal", loc.T(msgNoTerminal))
			return
		}
		if !known {
			srv.deny(s, "key_removed", loc.T(msgKeyRemoved))
			return
		}
		st := &session{user: u, start: time.Now(), remote: s.RemoteAddr().String(), id: shortID(s.Context().SessionID()), loc: loc}
		var dir string
		if u.Role.Allows(app.ActExport) {
			dir = filepath.Join(srv.cfg.ExportsDir, u.Name)
			if err := app.PrivateDir(dir); err != nil {
				srv.log.Error(srv.t(logExportFolder), "user", u.Name, "err", srv.cfg.Locale.Error(err))
				srv.deny(s, "export_folder", loc.T(msgExportsFolder))
				return
			}
		}
		st.pol = &app.Policy{User: u.Name, Role: u.Role, ExportDir: dir, Context: s.Context(), BeginWrite: srv.gate.begin,
			Audit: func(e app.AuditEvent) { srv.writeAudit(st.line(e)) }}
		if s.EmulatedPty() { // the input is the channel itself: its keys can be timed
			st.clock = newInputClock(s)
		}
		srv.mu.Lock()
		if srv.closing {
			srv.mu.Unlock()
			srv.deny(s, "stopping", loc.T(msgStopping))
			return
		}
		srv.sessions[s] = st
		srv.mu.Unlock()
		srv.log.Info(srv.t(logConnected), "user", u.Name, "role", u.Role, "remote", st.remote, "term", pty.Term,
			"size", fmt.Sprintf("%dx%d", pty.Window.Width, pty.Window.Height), "lang", loc.Tag.String())
		l := st.line(app.AuditEvent{Event: eventConnected})
		l.Term = pty.Term
		srv.writeAudit(l)

		done := make(chan struct{})
		if st.clock != nil {
			go watchIdle(st.clock, srv.cfg.IdleTimeout, done, func() bool { return srv.quitIdle(st) })
		}
		defer func() { // also when the program panicked
			close(done)
			srv.mu.Lock()
			delete(srv.sessions, s)
			srv.mu.Unlock()
		}()
		next(s)
		closing := srv.stopping()
		switch {
		case st.idle.Load():
			wish.Println(s, loc.T(msgIdleNotice, srv.cfg.IdleTimeout.String())+"\r")
		case closing:
			wish.Println(s, loc.T(msgStoppedNotice)+"\r")
		}
		l = st.line(app.AuditEvent{Event: eventDisconnected})
		l.Seconds = time.Since(st.start).Round(time.Millisecond).Seconds()
		srv.writeAudit(l)
		srv.log.Info(srv.t(logDisconnected), "user", u.Name, "remote", st.remote, "after", time.Since(st.start).Round(time.Second))
	}
}

// quitIdle ends an idle session's program (false while it has none yet).
func (srv *Server) quitIdle(st *session) bool {
	srv.mu.Lock()
	p := st.prog
	srv.mu.Unlock()
	if p == nil {
		return false
	}
	st.idle.Store(true)
	p.Quit()
	return true
}

// line is an audit line about this session.
func (st *session) line(e app.AuditEvent) auditLine {
	e.User = st.user.Name
	return auditLine{Remote: st.remote, Key: st.user.Fingerprint, Role: string(st.user.Role), Session: st.id, AuditEvent: e}
}

func shortID(id string) string {
	if len(id) > 16 {
		return id[:16]
	}
	return id
}

// program builds the user's own interface on the shared customer session:
// its own screens and state, their role's screens only, their language,
// the client's window size and colour profile (bm.MakeOptions reads TERM and COLORTERM
// from the client's environment).
func (srv *Server) program(s ssh.Session) *tea.Program {
	srv.mu.Lock()
	st := srv.sessions[s]
	srv.mu.Unlock()
	if st == nil {
		return nil
	}
	m := ui.New(ui.Options{DB: srv.shared.DB, Table: srv.shared.Table.Name, AsOf: srv.shared.AsOf, IsDark: true,
		Session: srv.shared, Policy: st.pol, Locale: st.loc})
	opts := bm.MakeOptions(s)
	if st.clock != nil {
		opts = append(opts, tea.WithInput(st.clock)) // replaces MakeOptions' input (the same channel)
	}
	p := tea.NewProgram(m, opts...)
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if srv.closing { // Shutdown has already told the running programs
		return nil
	}
	st.prog = p
	return p
}
