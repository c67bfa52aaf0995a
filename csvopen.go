package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pulpero/pulpero/store/csvimport"
)

// databaseForCSV returns a database holding csvPath as a table: FILE.pulpero.db
// beside the file, or in the user cache folder when that folder is not
// writable. A database made from the file as it is now is reused; otherwise
// the file is imported (again), replacing only its own table, so pulpero's
// saved work in that database survives. Progress and a one-line summary go
// to progress.
func databaseForCSV(ctx context.Context, csvPath string, progress io.Writer) (string, error) {
	if _, err := os.Stat(csvPath); err != nil {
		return "", err
	}
	beside := strings.TrimSuffix(csvPath, filepath.Ext(csvPath)) + ".pulpero.db"
	cached, cacheErr := cachedDatabasePath(csvPath)
	for _, p := range []string{beside, cached} {
		if p == "" {
			continue
		}
		if _, ok, err := csvimport.SourceUnchanged(ctx, p, csvPath); err != nil {
			return "", err
		} else if ok {
			fmt.Fprintf(progress, "Using %s (%s has not changed since it was imported)\n", p, filepath.Base(csvPath))
			return p, nil
		}
	}
	dbPath, err := chooseDatabasePath(beside, cached, cacheErr, writable)
	if err != nil {
		return "", err
	}
	opt := csvimport.Options{Replace: true, RecordSource: true,
		RejectsPath: strings.TrimSuffix(dbPath, ".pulpero.db") + ".rejects.csv"}
	if old, err := previousTable(ctx, dbPath, csvPath); err == nil && old != "" {
		opt.Table = old
	}
	bar := newProgressBar(progress, filepath.Base(csvPath))
	opt.Progress = bar.update
	res, err := csvimport.Import(ctx, dbPath, csvPath, opt)
	bar.clear()
	if err != nil {
		if ctx.Err() != nil {
			return "", fmt.Errorf("import of %s cancelled", csvPath)
		}
		return "", err
	}
	fmt.Fprintf(progress, "Imported %s into %s: %s rows, %d columns, table %q (%.1f s)\n", filepath.Base(csvPath),
		dbPath, thousands(res.Rows), len(res.Columns), res.Table, res.Elapsed.Seconds())
	return dbPath, nil
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
	if err := os.MkdirAll(filepath.Dir(cached), 0o755); err != nil {
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
	base := strings.TrimSuffix(filepath.Base(csvPath), filepath.Ext(csvPath))
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
