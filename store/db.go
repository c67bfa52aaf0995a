package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

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
		return nil, fmt.Errorf("%s: no such file; give the path of a SQLite database or a CSV file", path)
	case err != nil:
		return nil, fmt.Errorf("%s: %v", path, err)
	case st.IsDir():
		return nil, fmt.Errorf("%s: is a folder; give the path of a SQLite database file", path)
	}
	if err := checkHeader(path, st.Size()); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	db, err := sql.Open("sqlite", readOnlyDSN(abs))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	d := &DB{Path: abs, sql: db}
	// quick_check reads every page: it finds truncation and corruption up front
	// instead of half-way through loading. It is fast on files we can load.
	var verdict string
	if err := db.QueryRow("PRAGMA quick_check(1)").Scan(&verdict); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: cannot be read as SQLite (%s); is it truncated or corrupt?", path, cleanSQLiteError(err))
	}
	if verdict != "ok" {
		db.Close()
		return nil, fmt.Errorf("%s: the database is damaged (%s); restore it from a backup or rebuild it with `sqlite3 %s .recover`", path, verdict, path)
	}
	return d, nil
}

func checkHeader(path string, size int64) error {
	if size == 0 {
		return fmt.Errorf("%s: the file is empty; it is not a SQLite database", path)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || string(head) != sqliteHeader {
		hint := "give the path of a SQLite database"
		if ext := strings.ToLower(filepath.Ext(path)); ext == ".csv" || ext == ".tsv" || ext == ".txt" {
			hint = "CSV files are imported with `pulpero import`"
		}
		return fmt.Errorf("%s: not a SQLite database; %s", path, hint)
	}
	if size < 512 {
		return fmt.Errorf("%s: the database is truncated (%d bytes); restore it from a backup", path, size)
	}
	return nil
}

func readOnlyDSN(abs string) string {
	u := url.URL{Scheme: "file", Path: abs, RawQuery: "mode=ro&_pragma=busy_timeout(5000)&_pragma=query_only(1)"}
	return u.String()
}

// cleanSQLiteError drops the driver's prefixes and codes from an error.
func cleanSQLiteError(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 && strings.HasPrefix(s, "file is") == false && strings.Contains(s, "(") {
		s = s[i+2:]
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
