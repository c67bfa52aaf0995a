package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/pulpero/pulpero/model"
)

// DataDir is pulpero's per-user data folder, where workspaces of read-only
// and generated databases (and the server's host key) live:
// $XDG_DATA_HOME/pulpero, else ~/.local/share/pulpero, else, with no home
// folder, $TMPDIR/pulpero-UID. The last is a shared place another user
// could have prepared: PrivateDir refuses it then.
func DataDir() string {
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "pulpero")
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		return filepath.Join(home, ".local", "share", "pulpero")
	}
	return filepath.Join(os.TempDir(), "pulpero-"+strconv.Itoa(os.Getuid()))
}

// PrivateDir makes dir (with missing parents) readable by its owner only
// (0700) and checks that it belongs to the current user: workspaces hold
// customer ids, campaign membership and revenue.
func PrivateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	st, err := os.Lstat(dir)
	if err != nil {
		return fmt.Errorf("%s: %w", dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("%s: %w", dir, model.Say("is not a folder (a link?); pulpero keeps its workspaces only in a folder of its own"))
	}
	if owner, ok := fileOwner(st); ok && owner != os.Getuid() {
		return fmt.Errorf("%s: %w", dir, model.Say("belongs to another user (uid %s); pulpero will not keep your work there — set XDG_DATA_HOME or --data-dir to a folder of your own", fmt.Sprint(owner)))
	}
	if st.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return fmt.Errorf("%s: others can read it and it cannot be made private: %w", dir, err)
		}
	}
	return nil
}

// createPrivate creates path empty with mode 0600 unless it exists, so
// SQLite (which keeps an existing file's mode, and gives its journals the
// same) never makes it readable by others.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}
