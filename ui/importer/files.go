package importer

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app/locale"
)

// entry is one line of the file list: a folder or an importable file.
type entry struct {
	name string
	dir  bool
	size int64
}

// importableExt are the endings of the files the importer reads: text
// tables, plain or gzipped.
var importableExt = []string{".csv", ".tsv", ".txt", ".csv.gz", ".tsv.gz", ".txt.gz"}

// importable reports whether a file name is one the importer reads.
func importable(name string) bool {
	n := strings.ToLower(name)
	for _, ext := range importableExt {
		if strings.HasSuffix(n, ext) && len(n) > len(ext) {
			return true
		}
	}
	return false
}

// dirMsg is a folder as read.
type dirMsg struct {
	seq     int
	dir     string
	entries []entry
	err     error
}

// readDirCmd lists dir: its folders and its importable files, without
// hidden ones (a leading dot: also an import's own temporary files), folders
// first, each group by name; ".." leads up unless dir is the root.
func readDirCmd(dir string, seq int) tea.Cmd {
	return func() tea.Msg {
		entries, err := listDir(dir)
		return dirMsg{seq: seq, dir: dir, entries: entries, err: err}
	}
}

func listDir(dir string) ([]entry, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, err // the screen says "read the folder: …"
	}
	var dirs, files []entry
	for _, de := range des {
		name := de.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		isDir := de.IsDir()
		if de.Type()&os.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(dir, name)); err == nil {
				isDir = fi.IsDir()
			}
		}
		switch {
		case isDir:
			dirs = append(dirs, entry{name: name, dir: true})
		case importable(name):
			var size int64
			if fi, err := de.Info(); err == nil {
				size = fi.Size()
			}
			files = append(files, entry{name: name, size: size})
		}
	}
	byName := func(es []entry) {
		sort.Slice(es, func(i, j int) bool { return strings.ToLower(es[i].name) < strings.ToLower(es[j].name) })
	}
	byName(dirs)
	byName(files)
	var out []entry
	if parent := filepath.Dir(dir); parent != dir {
		out = append(out, entry{name: "..", dir: true})
	}
	return append(append(out, dirs...), files...), nil
}

// humanSize writes a file size in the unit that suits it, in the locale's
// number format: 812 B, 40 kB, 1.2 MB (1,2 MB in Spanish).
func humanSize(n int64, loc locale.Locale) string {
	switch {
	case n < 1000:
		return strconv.FormatInt(n, 10) + " B"
	case n < 1000*1000:
		return loc.Number(float64(n)/1000, 0) + " kB"
	case n < 1000*1000*1000:
		return loc.Number(float64(n)/1e6, 1) + " MB"
	}
	return loc.Number(float64(n)/1e9, 1) + " GB"
}
