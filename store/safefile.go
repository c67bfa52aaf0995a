package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// AtomicFile is the one way pulpero writes a file a user asked for (lists,
// rejected files, manifests, assigned prospects, per-customer tables): it
// appears complete or not at all, never replaces anything by surprise, and
// is readable by its owner only (it may hold names and addresses).
//
//   - It is written under a temporary name (.pulpero-NAME-*.tmp, mode 0600)
//     in the destination's folder, synced, and put in place on Commit; a
//     failure or Abort removes the temporary file, and a later write into
//     the same folder removes ones a crash left behind.
//   - Without force the final step cannot replace a file: it links the
//     temporary file to the destination (which fails if one appeared in the
//     meantime) and then removes the temporary name.
//   - With force it renames over a regular file or a symbolic link (the
//     link is replaced, never the file it points to), but never over the
//     open database or its workspace (the protected paths), a folder, or
//     anything that is not a regular file.
//   - A destination that is a FIFO or a device (or a link to one: /dev/stdout)
//     is what the user named to write into: it is written directly.
type AtomicFile struct {
	*os.File
	dest    string
	tmp     string
	force   bool
	direct  bool // writing straight into a FIFO or device
	placed  bool // the destination holds the file
	created bool // ... and there was nothing there before
	done    bool
}

// staleAfter is how old a temporary file must be before another write in
// its folder removes it: a younger one may belong to a pulpero writing now.
const staleAfter = time.Hour

// CreateAtomic starts writing dest. Without force an existing dest is an
// error naming the flag that allows replacing it; protect lists files that
// are never replaced, whatever force says (the open database and its
// workspace).
func CreateAtomic(dest string, force bool, protect ...string) (*AtomicFile, error) {
	direct, err := CheckDestination(dest, force, protect...)
	if err != nil {
		return nil, err
	}
	if direct {
		f, err := os.OpenFile(dest, os.O_WRONLY, 0)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", dest, err)
		}
		return &AtomicFile{File: f, dest: dest, direct: true}, nil
	}
	dir := filepath.Dir(dest)
	removeStaleTemps(dir, filepath.Base(dest))
	f, err := os.CreateTemp(dir, tempPrefix(dest)+"*.tmp")
	if err != nil {
		return nil, fmt.Errorf("%s: cannot write in %s: %w", dest, dir, err)
	}
	return &AtomicFile{File: f, dest: dest, tmp: f.Name(), force: force}, nil
}

// CheckDestination says whether dest may be written (see AtomicFile), and
// whether it is a FIFO or device to write straight into; the error says
// what to do instead. Commands call it before long work, so a refusal comes
// at once.
func CheckDestination(dest string, force bool, protect ...string) (direct bool, err error) {
	if dest == "" {
		return false, errors.New("no file name given")
	}
	st, err := os.Lstat(dest)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return false, nil
	case err != nil:
		return false, fmt.Errorf("%s: %w", dest, err)
	case st.IsDir():
		return false, fmt.Errorf("%s: is a folder; give a file name inside it", dest)
	}
	if target, err := os.Stat(dest); err == nil && !target.Mode().IsRegular() && !target.IsDir() {
		if target.Mode()&(os.ModeNamedPipe|os.ModeDevice|os.ModeCharDevice) == 0 {
			return false, fmt.Errorf("%s: is not a regular file, a FIFO or a device; give another name", dest)
		}
		return true, nil
	}
	for _, p := range protect {
		if sameFile(dest, p) {
			return false, fmt.Errorf("%s: is the open database, its workspace or the input; it is never replaced, give another name", dest)
		}
	}
	if !force {
		return false, fmt.Errorf("%s: already exists; add --force to replace it", dest)
	}
	if !st.Mode().IsRegular() && st.Mode()&os.ModeSymlink == 0 {
		return false, fmt.Errorf("%s: is not a regular file; it is not replaced, give another name", dest)
	}
	return false, nil
}

func tempPrefix(dest string) string { return ".pulpero-" + filepath.Base(dest) + "-" }

// removeStaleTemps removes temporary files of earlier writes of name in dir
// that a crash left behind.
func removeStaleTemps(dir, name string) {
	matches, _ := filepath.Glob(filepath.Join(dir, ".pulpero-"+globEscape(name)+"-*.tmp"))
	for _, m := range matches {
		if st, err := os.Lstat(m); err == nil && st.Mode().IsRegular() && time.Since(st.ModTime()) > staleAfter {
			os.Remove(m)
		}
	}
}

func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`)
	return r.Replace(s)
}

// sameFile reports whether a and b name the same existing file.
func sameFile(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}

// Dest is the file being written.
func (a *AtomicFile) Dest() string { return a.dest }

// Finish syncs and closes the written data without putting it in place, so
// several files can be complete before any of them appears (see Place).
func (a *AtomicFile) Finish() error {
	if a.done {
		return nil
	}
	a.done = true
	if a.direct {
		if err := a.File.Close(); err != nil {
			return fmt.Errorf("%s: %w", a.dest, err)
		}
		a.placed = true
		return nil
	}
	if err := a.File.Sync(); err != nil {
		a.File.Close()
		os.Remove(a.tmp)
		return fmt.Errorf("%s: %w", a.dest, err)
	}
	if err := a.File.Close(); err != nil {
		os.Remove(a.tmp)
		return fmt.Errorf("%s: %w", a.dest, err)
	}
	return nil
}

// Place puts a finished file at its destination: without force by linking
// (which cannot replace a file that appeared since CreateAtomic) and then
// removing the temporary name, with force by renaming over it.
func (a *AtomicFile) Place() error {
	if a.placed {
		return nil
	}
	if !a.done {
		if err := a.Finish(); err != nil {
			return err
		}
	}
	if a.force {
		_, statErr := os.Lstat(a.dest)
		if err := os.Rename(a.tmp, a.dest); err != nil {
			os.Remove(a.tmp)
			return fmt.Errorf("%s: %w", a.dest, err)
		}
		a.placed, a.created = true, errors.Is(statErr, os.ErrNotExist)
	} else {
		if err := os.Link(a.tmp, a.dest); err != nil {
			os.Remove(a.tmp)
			if errors.Is(err, os.ErrExist) {
				return fmt.Errorf("%s: appeared while the file was written; it was left as it is (add --force to replace it)", a.dest)
			}
			return fmt.Errorf("%s: %w", a.dest, err)
		}
		os.Remove(a.tmp)
		a.placed, a.created = true, true
	}
	syncDir(filepath.Dir(a.dest))
	return nil
}

// Commit finishes the file and puts it in place.
func (a *AtomicFile) Commit() error {
	if err := a.Finish(); err != nil {
		return err
	}
	return a.Place()
}

// Unplace removes a placed file that did not exist before, when a later
// step of the same piece of work failed; a replaced file stays replaced.
func (a *AtomicFile) Unplace() {
	if a.placed && a.created && !a.direct {
		os.Remove(a.dest)
		a.placed = false
	}
}

// Abort drops the temporary file; the destination is untouched. Safe to call
// after Commit (it then does nothing), so it can be deferred.
func (a *AtomicFile) Abort() {
	if a.placed {
		return
	}
	if !a.done {
		a.done = true
		a.File.Close()
	}
	if !a.direct {
		os.Remove(a.tmp)
	}
}

// syncDir makes a rename or link in dir survive a power cut.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
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

// FaultEnv names the variable that makes pulpero kill itself at a named
// point of a write, for the tests that prove a kill there loses nothing.
const FaultEnv = "PULPERO_FAULT"

// Fault kills the process (SIGKILL, as `kill -9` would) when PULPERO_FAULT
// names stage; otherwise it does nothing.
func Fault(stage string) {
	if os.Getenv(FaultEnv) != stage {
		return
	}
	if p, err := os.FindProcess(os.Getpid()); err == nil {
		p.Kill()
		time.Sleep(time.Minute) // the signal arrives before this ends
	}
}
