package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// AtomicFile is a file that appears complete or not at all: it is written
// under a temporary name in the destination's folder (so the rename stays on
// one file system), synced, and renamed over the destination on Commit. A
// crash or Ctrl-C before Commit leaves the old file, and at worst a
// ".pulpero-*.tmp" file beside it. The file is readable by its owner only
// (os.CreateTemp's 0600): target lists hold names and addresses.
type AtomicFile struct {
	*os.File
	dest string
	done bool
}

// CreateAtomic starts writing dest. Without force an existing dest is an
// error naming the flag that allows replacing it.
func CreateAtomic(dest string, force bool) (*AtomicFile, error) {
	if st, err := os.Stat(dest); err == nil {
		if st.IsDir() {
			return nil, fmt.Errorf("%s: is a folder; give a file name", dest)
		}
		if !force {
			return nil, fmt.Errorf("%s: already exists; add --force to replace it", dest)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", dest, err)
	}
	dir := filepath.Dir(dest)
	f, err := os.CreateTemp(dir, ".pulpero-"+filepath.Base(dest)+"-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write in %s: %w", dest, dir, err)
	}
	return &AtomicFile{File: f, dest: dest}, nil
}

// Commit syncs the data, renames it over the destination and syncs the
// folder so the rename itself survives a power cut.
func (a *AtomicFile) Commit() error {
	if a.done {
		return nil
	}
	a.done = true
	tmp := a.File.Name()
	if err := a.File.Sync(); err != nil {
		a.File.Close()
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", a.dest, err)
	}
	if err := a.File.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", a.dest, err)
	}
	if err := os.Rename(tmp, a.dest); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", a.dest, err)
	}
	if d, err := os.Open(filepath.Dir(a.dest)); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// Abort drops the temporary file; the destination is untouched. Safe to call
// after Commit (it then does nothing), so it can be deferred.
func (a *AtomicFile) Abort() {
	if a.done {
		return
	}
	a.done = true
	a.File.Close()
	os.Remove(a.File.Name())
}

// FileSHA256 returns the hex sha256 of a file, for a manifest that proves
// which database a list came from.
func FileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
