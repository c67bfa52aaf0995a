package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Workspace keeps pulpero's own work (role corrections, segments, campaigns)
// in pulpero_* tables: inside the user's database when it is writable, else in
// a workspace file in the user's data directory, so a read-only database still
// works. The user's own tables are never touched. Tables are created on the
// first write, so merely looking at a database never changes it.
type Workspace struct {
	Path     string // the file holding the pulpero_* tables
	Separate bool   // true when that is not the user's database

	mu       sync.Mutex
	db       *sql.DB
	migrated bool
}

// OpenWorkspace finds where d's workspace lives. dataDir overrides the user
// data directory (tests use a temporary one); "" means the default.
func OpenWorkspace(d *DB, dataDir string) (*Workspace, error) {
	if writable(d.Path) {
		db, err := sql.Open("sqlite", readWriteDSN(d.Path))
		if err != nil {
			return nil, err
		}
		return &Workspace{Path: d.Path, db: db}, nil
	}
	return OpenWorkspaceApart(d, dataDir)
}

// OpenWorkspaceApart keeps d's workspace in the data directory even when d
// is writable: for databases pulpero generated (the demo), which are
// replaced whole when the generator changes, so the work saved on them
// survives, and exporting a list never changes the file whose hash the
// list's manifest records.
func OpenWorkspaceApart(d *DB, dataDir string) (*Workspace, error) {
	if dataDir == "" {
		dataDir = DataDir()
	}
	sum := sha256.Sum256([]byte(d.Path))
	name := strings.TrimSuffix(filepath.Base(d.Path), filepath.Ext(d.Path)) + "-" + hex.EncodeToString(sum[:6]) + ".pulpero.db"
	path := filepath.Join(dataDir, "workspaces", name)
	db, err := sql.Open("sqlite", readWriteDSN(path))
	if err != nil {
		return nil, err
	}
	return &Workspace{Path: path, Separate: true, db: db}, nil
}

// writable reports whether SQLite could write path: the file and its folder
// (for the journal) must both be writable.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	probe, err := os.CreateTemp(filepath.Dir(path), ".pulpero-probe-*")
	if err != nil {
		return false
	}
	probe.Close()
	os.Remove(probe.Name())
	return true
}

func readWriteDSN(abs string) string {
	abs = absolute(abs)
	// write transactions take the write lock when they begin (not on their
	// first write, when a busy wait can no longer help), and wait up to the
	// busy timeout for another writer to finish
	u := url.URL{Scheme: "file", Path: abs, RawQuery: "mode=rwc&_txlock=immediate&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)"}
	return u.String()
}

// Close releases the connection.
func (w *Workspace) Close() error { return w.db.Close() }

// ensure creates the workspace's folder and tables on first write.
func (w *Workspace) ensure(ctx context.Context) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.migrated {
		return nil
	}
	if w.Separate {
		// the data folder and its workspaces folder are the user's alone
		if err := PrivateDir(filepath.Dir(filepath.Dir(w.Path))); err != nil {
			return fmt.Errorf("workspace %s: %w", w.Path, err)
		}
		if err := PrivateDir(filepath.Dir(w.Path)); err != nil {
			return fmt.Errorf("workspace %s: %w", w.Path, err)
		}
		if err := createPrivate(w.Path); err != nil {
			return fmt.Errorf("workspace %s: %w", w.Path, err)
		}
	}
	if err := migrate(ctx, w.db); err != nil {
		return fmt.Errorf("workspace %s: %w", w.Path, err)
	}
	w.migrated = true
	return nil
}

// exists reports whether one of pulpero's tables exists yet (reads of a
// workspace never written to find nothing, rather than failing).
func (w *Workspace) exists(ctx context.Context, table string) (bool, error) {
	if w.Separate {
		if _, err := os.Stat(w.Path); errors.Is(err, os.ErrNotExist) {
			return false, nil
		}
	}
	var n int
	err := w.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?", table).Scan(&n)
	return n > 0, err
}

// Tx runs f in one write transaction on the workspace, after migrations:
// either all of f's writes land or none do.
func (w *Workspace) Tx(ctx context.Context, f func(tx *sql.Tx) error) error {
	if err := w.ensure(ctx); err != nil {
		return err
	}
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return busy(err)
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return busy(err)
	}
	return busy(tx.Commit())
}

// ErrBusy is returned (wrapped) when another writer held the workspace for
// longer than the busy timeout.
var ErrBusy = errors.New("the database is busy (another pulpero or program is writing); try again")

// busy turns SQLite's "database is locked" into ErrBusy, which says what
// happened and what to do.
func busy(err error) error {
	if err == nil {
		return nil
	}
	var coded interface{ Code() int }
	msg := err.Error()
	if errors.As(err, &coded) && coded.Code()&0xff == 5 || strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked") {
		return fmt.Errorf("%w (%s)", ErrBusy, cleanSQLiteError(err))
	}
	return err
}

// Query reads from a pulpero table; f is not called when the table does not
// exist yet.
func (w *Workspace) Query(ctx context.Context, table, q string, args []any, f func(*sql.Rows) error) error {
	ok, err := w.exists(ctx, table)
	if err != nil || !ok {
		return err
	}
	rows, err := w.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := f(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
