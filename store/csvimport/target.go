package csvimport

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver
)

// target is the database an import writes to, inside one transaction. A
// database file that did not exist is built under a temporary name and
// renamed into place only after the commit, so a failed or cancelled import
// leaves no file behind.
type target struct {
	db      *sql.DB
	conn    *sql.Conn // the one connection; the transaction is BEGIN/COMMIT on it
	inTx    bool
	path    string // where the database is wanted
	tmp     string // temporary file while a new database is built; "" otherwise
	created bool
}

// dsn makes a SQLite URI for a path, escaping what a URI would misread.
func dsn(path string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + r.Replace(filepath.ToSlash(path))
}

func openTarget(ctx context.Context, path string) (*target, error) {
	t := &target{path: path}
	open := path
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".importing-*")
		if err != nil {
			return nil, fmt.Errorf("create database: %w", err)
		}
		f.Close()
		t.tmp, t.created, open = f.Name(), true, f.Name()
	} else if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", dsn(open))
	if err != nil {
		t.abort()
		return nil, err
	}
	db.SetMaxOpenConns(1) // one connection, so the pragmas below hold for the transaction
	t.db = db
	pragmas := []string{"PRAGMA busy_timeout = 5000", "PRAGMA cache_size = -65536", "PRAGMA temp_store = MEMORY"}
	if t.created {
		// Nothing to protect in a file that is thrown away on failure.
		pragmas = append(pragmas, "PRAGMA journal_mode = MEMORY", "PRAGMA synchronous = OFF")
	}
	for _, p := range pragmas {
		if _, err := db.ExecContext(ctx, p); err != nil {
			t.abort()
			return nil, fmt.Errorf("open %s: %w", path, err)
		}
	}
	return t, nil
}

// tableExists reports whether the database has a table or view of that name.
func (t *target) tableExists(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, name string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx,
		`SELECT count(*) FROM sqlite_master WHERE type IN ('table','view') AND name = ? COLLATE NOCASE`, name).Scan(&n)
	return n > 0, err
}

// begin takes the connection and starts the transaction, taking the write
// lock at once so that a busy database fails before any work.
func (t *target) begin(ctx context.Context) (err error) {
	if t.conn, err = t.db.Conn(ctx); err != nil {
		return err
	}
	if _, err = t.conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	t.inTx = true
	return nil
}

// commit ends the transaction and, for a new database, moves it into place.
func (t *target) commit() error {
	if _, err := t.conn.ExecContext(context.Background(), "COMMIT"); err != nil {
		t.abort()
		return err
	}
	t.inTx = false
	t.conn.Close()
	t.conn = nil
	if err := t.db.Close(); err != nil {
		t.db = nil
		t.abort()
		return err
	}
	t.db = nil
	if t.tmp == "" {
		return nil
	}
	// synchronous=OFF skipped the fsyncs: do one before the file is named.
	if f, err := os.OpenFile(t.tmp, os.O_RDWR, 0); err == nil {
		err = f.Sync()
		f.Close()
		if err != nil {
			t.abort()
			return err
		}
	}
	if _, err := os.Stat(t.path); err == nil {
		t.abort()
		return fmt.Errorf("%s appeared during the import; not overwriting it", t.path)
	}
	if err := os.Rename(t.tmp, t.path); err != nil {
		t.abort()
		return err
	}
	t.tmp = ""
	return nil
}

// abort rolls back and removes a database file the import created. It is
// safe to call more than once.
func (t *target) abort() {
	if t.conn != nil {
		if t.inTx {
			// Not the import's context: it may be the cancelled one.
			t.conn.ExecContext(context.Background(), "ROLLBACK")
			t.inTx = false
		}
		t.conn.Close()
		t.conn = nil
	}
	if t.db != nil {
		t.db.Close()
		t.db = nil
	}
	if t.tmp != "" {
		for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
			os.Remove(t.tmp + suffix)
		}
		t.tmp = ""
	}
}
