package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pulpero/pulpero/store"
	"github.com/pulpero/pulpero/store/csvimport"
)

// CSVDatabase is the database a CSV file was opened as.
type CSVDatabase struct {
	Path   string
	Reused bool          // the file had not changed since an earlier import
	Result *ImportResult // the import, when there was one
}

// DatabaseForCSV returns a database holding csvPath as a table:
// FILE.pulpero.db beside the file, or in the user cache folder when that
// folder is not writable. A database made from the file as it is now is
// reused; otherwise the file is imported (again), replacing only its own
// table, so pulpero's saved work in that database survives.
func DatabaseForCSV(ctx context.Context, csvPath string, progress func(ImportProgress)) (CSVDatabase, error) {
	if _, err := os.Stat(csvPath); err != nil {
		return CSVDatabase{}, err
	}
	beside := dataName(csvPath) + ".pulpero.db"
	cached, cacheErr := cachedDatabasePath(csvPath)
	for _, p := range []string{beside, cached} {
		if p == "" {
			continue
		}
		if _, ok, err := csvimport.SourceUnchanged(ctx, p, csvPath); err != nil {
			return CSVDatabase{}, err
		} else if ok {
			return CSVDatabase{Path: p, Reused: true}, nil
		}
	}
	dbPath, err := chooseDatabasePath(beside, cached, cacheErr, writable)
	if err != nil {
		return CSVDatabase{}, err
	}
	opt := csvimport.Options{Replace: true, RecordSource: true, Progress: progress,
		RejectsPath: strings.TrimSuffix(dbPath, ".pulpero.db") + ".rejects.csv"}
	if old, err := previousTable(ctx, dbPath, csvPath); err == nil && old != "" {
		opt.Table = old
	}
	res, err := csvimport.Import(ctx, dbPath, csvPath, opt)
	if err != nil {
		if ctx.Err() != nil {
			return CSVDatabase{}, fmt.Errorf("import of %s cancelled: %w", csvPath, ctx.Err())
		}
		return CSVDatabase{}, err
	}
	return CSVDatabase{Path: dbPath, Result: res}, nil
}

// chooseDatabasePath picks where a new import goes: beside the file when
// writable (the folder, and the database if it exists), else the cache.
func chooseDatabasePath(beside, cached string, cacheErr error, writable func(path string, dir bool) bool) (string, error) {
	if writable(filepath.Dir(beside), true) && writable(beside, false) {
		return beside, nil
	}
	if cacheErr != nil {
		return "", fmt.Errorf("%s is not writable and there is no cache folder: %w", filepath.Dir(beside), cacheErr)
	}
	if err := store.PrivateDir(filepath.Dir(cached)); err != nil {
		return "", err
	}
	return cached, nil
}

// cachedDatabasePath is the fallback: the user cache folder, with a hash of
// the file's absolute path so that files of the same name do not collide.
func cachedDatabasePath(csvPath string) (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(csvPath)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(abs))
	base := filepath.Base(dataName(csvPath))
	return filepath.Join(dir, "pulpero", base+"-"+hex.EncodeToString(sum[:4])+".pulpero.db"), nil
}

// previousTable is the table an earlier import of this file wrote, if any.
func previousTable(ctx context.Context, dbPath, csvPath string) (string, error) {
	if _, err := os.Stat(dbPath); err != nil {
		return "", nil
	}
	return csvimport.PreviousTable(ctx, dbPath, csvPath)
}

// writable reports whether a folder takes new files, or an existing file
// can be written (a missing file can be, if its folder can).
func writable(path string, dir bool) bool {
	if dir {
		f, err := os.CreateTemp(path, ".pulpero-probe-*")
		if err != nil {
			return false
		}
		f.Close()
		os.Remove(f.Name())
		return true
	}
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return os.IsNotExist(err)
	}
	f.Close()
	return true
}

// dataName is a data file's path without its extensions: sales.csv and
// sales.csv.gz are both "sales".
func dataName(path string) string {
	path = strings.TrimSuffix(path, filepath.Ext(path))
	if strings.EqualFold(filepath.Ext(path), ".csv") || strings.EqualFold(filepath.Ext(path), ".tsv") || strings.EqualFold(filepath.Ext(path), ".txt") {
		path = strings.TrimSuffix(path, filepath.Ext(path))
	}
	return path
}
