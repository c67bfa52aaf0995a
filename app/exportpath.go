package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// PathError is a list path a remote user typed that does not stay inside
// their export folder.
type PathError struct {
	Path   string
	Reason string // ReasonPath*
	msg    string
}

func (e *PathError) Error() string { return e.msg }

// Why a path was refused (stable keys for tests and logs).
const (
	PathAbsolute = "absolute"
	PathOutside  = "outside"
	PathLink     = "link"
	PathNoFolder = "no_folder"
	PathEmpty    = "empty"
)

// ConfinePath resolves p, as a user typed it, inside dir: p must be
// relative and stay inside dir once cleaned (no `..` out of it), the
// folders on its way must be real folders inside dir (a link may not lead
// out), and the file itself may not be a link. It returns the path to
// write. dir must exist.
//
// A folder could still be swapped for a link between this check and the
// write by someone with a shell on the server; users of `pulpero serve`
// have none (no shell, no file transfer).
func ConfinePath(dir, p string) (string, error) {
	p = strings.TrimSpace(p)
	switch {
	case p == "":
		return "", &PathError{Path: p, Reason: PathEmpty, msg: msgPathEmpty}
	case filepath.IsAbs(p) || strings.HasPrefix(p, "~") || filepath.VolumeName(p) != "":
		return "", &PathError{Path: p, Reason: PathAbsolute, msg: fmt.Sprintf(msgPathAbsolute, p)}
	case !filepath.IsLocal(p):
		return "", &PathError{Path: p, Reason: PathOutside, msg: fmt.Sprintf(msgPathOutside, p)}
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", fmt.Errorf("export folder %s: %w", dir, err)
	}
	full := filepath.Join(root, p)
	parent, err := filepath.EvalSymlinks(filepath.Dir(full))
	if errors.Is(err, fs.ErrNotExist) {
		return "", &PathError{Path: p, Reason: PathNoFolder, msg: fmt.Sprintf(msgPathNoFolder, filepath.Dir(p))}
	}
	if err != nil {
		return "", err
	}
	if parent != root && !strings.HasPrefix(parent, root+string(filepath.Separator)) {
		return "", &PathError{Path: p, Reason: PathOutside, msg: fmt.Sprintf(msgPathOutside, p)}
	}
	full = filepath.Join(parent, filepath.Base(full))
	if st, err := os.Lstat(full); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		return "", &PathError{Path: p, Reason: PathLink, msg: fmt.Sprintf(msgPathLink, p)}
	}
	return full, nil
}
