package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/server"
)

// runServe serves the interface over SSH: `pulpero serve DB`.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	listen := fs.String("listen", server.DefaultAddr, tr.T("address to listen on"))
	hostKey := fs.String("host-key", "", tr.T("the server's ed25519 host key, created on first start (default: in the data directory)"))
	authKeys := fs.String("authorized-keys", "", tr.T("OpenSSH authorized_keys file: the comment names the user, role=\"viewer|analyst|admin\" the role, lang=\"es|en\" the language when the client sends none (required)"))
	exports := fs.String("exports", "", tr.T("folder of the users' export folders (default: DATA_DIR/exports)"))
	table := fs.String("table", "", tr.T("the customer table (default: detected)"))
	dataDir := fs.String("data-dir", "", tr.T("where workspaces of read-only databases live (default: the user data directory)"))
	auditPath := fs.String("audit", "", tr.T("audit log, JSON lines (default: DATA_DIR/serve-audit.jsonl)"))
	maxSessions := fs.Int("max-sessions", server.DefaultMaxSessions, tr.T("sessions at once"))
	idle := fs.Duration("idle", server.DefaultIdleTimeout, tr.T("close a session after this long without a key"))
	grace := fs.Duration("grace", 30*time.Second, tr.T("on SIGTERM, how long saves and exports in flight may take before sessions are closed"))
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil || len(pos) != 1 || *authKeys == "" {
		fmt.Fprintln(stderr, tr.T("usage: pulpero serve DB --authorized-keys FILE [--listen :23234] [--host-key PATH] [--exports DIR]"))
		return exitUsage
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	// a malformed key file is refused before the (possibly long) load
	if _, err := server.LoadUsers(*authKeys, log); err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	db, err := app.Open(pos[0], app.OpenOptions{DataDir: *dataDir})
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	defer db.Close()
	start := time.Now()
	shared, err := db.Load(ctx, app.LoadRequest{Table: *table, AsOf: time.Now().UTC(),
		Stage: func(s string) { log.Info(tr.T("loading"), "stage", tr.T(s)) }})
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	log.Info(tr.T("loaded once for every session"), "customers", shared.Data.Rows(), "table", shared.Table.Name, "took", time.Since(start).Round(time.Millisecond))
	audit, err := openAudit(*auditPath)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", tr.T("audit log: %v", sayErr(err)))
		return exitFail
	}
	defer audit.Close()
	srv, err := server.New(server.Config{Addr: *listen, HostKeyPath: *hostKey, AuthorizedKeys: *authKeys, ExportsDir: *exports,
		MaxSessions: *maxSessions, IdleTimeout: *idle, Log: log, Audit: audit, Locale: tr}, shared)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	fmt.Fprint(stdout, tr.T("pulpero serve: listening on %s\nhost key fingerprint: %s\nconnect: ssh -t -p PORT USER@HOST\n", ln.Addr().String(), srv.Fingerprint()))
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		if !errors.Is(err, server.ErrServerClosed) {
			fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
			return exitFail
		}
		return exitOK
	case <-ctx.Done():
	}
	log.Info(tr.T("stopping: letting saves and exports in flight finish"), "sessions", srv.Sessions(), "grace", *grace)
	sctx, cancel := context.WithTimeout(context.Background(), *grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		log.Warn(tr.T("sessions closed after the grace period"), "err", err)
	}
	<-served
	return exitOK
}

// openAudit opens the audit log for appending, readable by its owner only.
func openAudit(path string) (*os.File, error) {
	if path == "" {
		if err := app.PrivateDir(app.DataDir()); err != nil {
			return nil, err
		}
		path = filepath.Join(app.DataDir(), "serve-audit.jsonl")
	}
	return os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
}
