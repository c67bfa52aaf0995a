package csvimport

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"time"
)

// SourceKey is the pulpero_meta key of the Source a database was made from.
const SourceKey = "source_csv"

// Source identifies the content of an imported file.
type Source struct {
	Path    string    `json:"path"` // absolute
	Size    int64     `json:"size"`
	ModTime time.Time `json:"mtime"`
	SHA256  string    `json:"sha256"`
	Table   string    `json:"table"`
}

// sourceOf stats path; the hash is filled in by the scan.
func sourceOf(path string) (Source, error) {
	st, err := os.Stat(path)
	if err != nil {
		return Source{}, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return Source{}, err
	}
	return Source{Path: abs, Size: st.Size(), ModTime: st.ModTime().UTC()}, nil
}

// writeSource records src in pulpero_meta inside the import's transaction.
func writeSource(ctx context.Context, tx *sql.Conn, src Source) error {
	js, err := json.Marshal(src)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO pulpero_meta (key, value) VALUES (?, ?)`, SourceKey, string(js))
	return err
}

// SourceUnchanged reports whether the database at dbPath was imported (with
// RecordSource) from csvPath as it is now, and into which table. Same size
// and modification time count as unchanged; same size with another time is
// settled by the SHA-256. A database that does not exist, or was not made
// from a file, is simply not up to date.
func SourceUnchanged(ctx context.Context, dbPath, csvPath string) (table string, ok bool, err error) {
	if _, err := os.Stat(dbPath); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", false, nil
		}
		return "", false, err
	}
	now, err := sourceOf(csvPath)
	if err != nil {
		return "", false, err
	}
	db, err := sql.Open("sqlite", dsn(dbPath)+"?mode=ro")
	if err != nil {
		return "", false, err
	}
	defer db.Close()
	var js string
	err = db.QueryRowContext(ctx, `SELECT value FROM pulpero_meta WHERE key = ?`, SourceKey).Scan(&js)
	if err != nil {
		return "", false, nil // no record (or no pulpero_meta): import again
	}
	var was Source
	if json.Unmarshal([]byte(js), &was) != nil || was.Size != now.Size || was.Path != now.Path {
		return "", false, nil
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, was.Table).Scan(&n); err != nil || n == 0 {
		return "", false, nil
	}
	if was.ModTime.Equal(now.ModTime) {
		return was.Table, true, nil
	}
	sum, err := fileSHA256(csvPath)
	if err != nil {
		return "", false, err
	}
	return was.Table, sum == was.SHA256, nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// PreviousTable is the table that an import with RecordSource wrote from
// csvPath into the database, or "" (a stale database is re-imported into
// the same table).
func PreviousTable(ctx context.Context, dbPath, csvPath string) (string, error) {
	abs, err := filepath.Abs(csvPath)
	if err != nil {
		return "", err
	}
	db, err := sql.Open("sqlite", dsn(dbPath)+"?mode=ro")
	if err != nil {
		return "", err
	}
	defer db.Close()
	var js string
	if db.QueryRowContext(ctx, `SELECT value FROM pulpero_meta WHERE key = ?`, SourceKey).Scan(&js) != nil {
		return "", nil
	}
	var was Source
	if json.Unmarshal([]byte(js), &was) != nil || was.Path != abs {
		return "", nil
	}
	return was.Table, nil
}
