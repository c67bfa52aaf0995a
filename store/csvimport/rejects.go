package csvimport

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// rejectsPath is FILE.rejects.csv beside the input (orders.csv.gz gives
// orders.rejects.csv).
func rejectsPath(input string) string {
	input = strings.TrimSuffix(strings.TrimSuffix(input, ".gz"), ".GZ")
	ext := filepath.Ext(input)
	return strings.TrimSuffix(input, ext) + ".rejects.csv"
}

// rejects collects bad lines into a CSV: line, reason, then the fields as
// read. The file is written under a temporary name and only kept when the
// import completes.
type rejects struct {
	path     string
	fallback string // a folder to use when path's folder is not writable
	header   []string
	f        *os.File
	w        *csv.Writer
	n        int64
}

func (r *rejects) add(line int, reason string, fields []string) error {
	if r.f == nil {
		f, err := os.CreateTemp(filepath.Dir(r.path), "."+filepath.Base(r.path)+".*")
		if err != nil && r.fallback != "" {
			r.path = filepath.Join(r.fallback, filepath.Base(r.path))
			f, err = os.CreateTemp(r.fallback, "."+filepath.Base(r.path)+".*")
		}
		if err != nil {
			return err
		}
		r.f, r.w = f, csv.NewWriter(f)
		r.w.Write(append([]string{"line", "reason"}, r.header...))
	}
	r.n++
	return r.w.Write(append([]string{strconv.Itoa(line), reason}, fields...))
}

// keep moves the rejects into place; it returns "" when there were none.
func (r *rejects) keep() (string, error) {
	if r.f == nil {
		return "", nil
	}
	r.w.Flush()
	err := r.w.Error()
	if cerr := r.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(r.f.Name(), r.path)
	}
	if err != nil {
		os.Remove(r.f.Name())
		return "", err
	}
	r.f = nil
	return r.path, nil
}

// discard removes the temporary file.
func (r *rejects) discard() {
	if r.f != nil {
		r.f.Close()
		os.Remove(r.f.Name())
		r.f = nil
	}
}
