//go:build unix

package store

import (
	"os"
	"syscall"
)

// fileOwner is the uid owning a file.
func fileOwner(st os.FileInfo) (int, bool) {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return int(s.Uid), true
	}
	return 0, false
}
