package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/pulpero/pulpero/model"
	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// DB is a user's SQLite database, opened read-only: pulpero never changes a
// user's own tables. Its own work goes through Workspace.
type DB struct {
	Path string
	sql  *sql.DB
}

// sqliteHeader is the 16-byte magic that starts every SQLite 3 file.
const sqliteHeader = "SQLite format 3\x00"

// Open opens path read-only and checks that it is a readable SQLite database.
// Errors name the file and say what to do.
func Open(path string) (*DB, error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%s: %w", path, model.Say("no such file; give the path of a SQLite database or a CSV file"))
	case err != nil:
		return nil, fmt.Errorf("%s: %w", path, err)
	case st.IsDir():
		return nil, fmt.Errorf("%s: %w", path, model.Say("is a folder; give the path of a SQLite database file"))
	}
	if err := checkHeader(path, st.Size()); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	db, err := sql.Open("sqlite", readOnlyDSN(abs))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	d := &DB{Path: abs, sql: db}
	// Reading the schema proves the first pages are sound; truncation past them
	// is caught by checkHeader, and damage deeper in shows when a query meets it
	// (see cleanSQLiteError). A full integrity check would read every page of a
	// multi-gigabyte file before the first frame.
	var n int
	if err := db.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, model.Say("cannot be read as SQLite: %s", cleanSQLiteError(err)))
	}
	return d, nil
}

func checkHeader(path string, size int64) error {
	if size == 0 {
		return fmt.Errorf("%s: %w", path, model.Say("the file is empty; it is not a SQLite database"))
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || string(head) != sqliteHeader {
		msg := model.Say("not a SQLite database; give the path of a SQLite database")
		if ext := strings.ToLower(filepath.Ext(path)); ext == ".csv" || ext == ".tsv" || ext == ".txt" {
			msg = model.Say("not a SQLite database; CSV files are imported with `pulpero import`")
		}
		return fmt.Errorf("%s: %w", path, msg)
	}
	// The header records the page size (bytes 16-17, 1 meaning 65536) and the
	// page count (bytes 28-31); a file shorter than their product lost its tail.
	hdr := make([]byte, 100)
	if _, err := f.ReadAt(hdr, 0); err != nil {
		return fmt.Errorf("%s: %w", path, model.Say("the database is truncated (%d bytes); restore it from a backup", size))
	}
	pageSize := int64(binary.BigEndian.Uint16(hdr[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(hdr[28:32]))
	validFor, changes := binary.BigEndian.Uint32(hdr[92:96]), binary.BigEndian.Uint32(hdr[24:28])
	if pages > 0 && validFor == changes && size < pageSize*pages {
		return fmt.Errorf("%s: %w", path, model.Say("the database is truncated (%d of %d bytes); restore it from a backup", size, pageSize*pages))
	}
	return nil
}

func readOnlyDSN(abs string) string {
	abs = absolute(abs)
	u := url.URL{Scheme: "file", Path: abs, RawQuery: "mode=ro&_pragma=busy_timeout(5000)&_pragma=query_only(1)"}
	return u.String()
}

// absolute is path made absolute: a relative path in a file: URI would be
// read as a host ("file://workspaces/x.db" when --data-dir is ".").
func absolute(path string) string {
	if a, err := filepath.Abs(path); err == nil {
		return a
	}
	return path
}

// cleanSQLiteError turns a driver error into words for a user: without the
// driver's codes, and with what to do about damage.
func cleanSQLiteError(err error) string {
	s := err.Error()
	if i := strings.Index(s, "): "); i >= 0 && strings.HasPrefix(s, "SQL logic error") == false {
		s = s[i+3:]
	}
	s = strings.TrimSuffix(s, " (1)")
	switch {
	case strings.Contains(s, "malformed"), strings.Contains(s, "corrupt"):
		return "the database is damaged (" + s + "); restore it from a backup or try `sqlite3 FILE .recover`"
	case strings.Contains(s, "not a database"):
		return "not a SQLite database (" + s + ")"
	}
	return s
}

// Close releases the connection.
func (d *DB) Close() error { return d.sql.Close() }

// Name is the file's base name, for display.
func (d *DB) Name() string { return filepath.Base(d.Path) }

// SQL exposes the read-only connection for code in this package's
// sub-packages and for tests that check results against SQL.
func (d *DB) SQL() *sql.DB { return d.sql }

func (d *DB) queryRowsCtx(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return d.sql.QueryContext(ctx, q, args...)
}
