package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
)

// DemoPath is where the built-in demo database lives:
// os.UserCacheDir()/pulpero/demo.db.
func DemoPath() (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache folder for the demo database (%w); give the path of a SQLite database", err)
	}
	return filepath.Join(dir, "pulpero", "demo.db"), nil
}

// DemoCurrent reports whether path already holds a demo world of the
// current generator version (so nothing needs generating).
func DemoCurrent(ctx context.Context, path string) bool {
	v, ok, err := store.ReadMeta(ctx, path, sample.MetaVersionKey)
	return err == nil && ok && v == sample.Version
}

// EnsureDemo generates the world for opt at path unless path already holds
// one of the current generator version.
func EnsureDemo(ctx context.Context, path string, opt sample.Options) error {
	if DemoCurrent(ctx, path) {
		return nil
	}
	removeStalePartials(path)
	if err := GenerateSample(ctx, path, opt, true); err != nil {
		return fmt.Errorf("generating the demo database: %w", err)
	}
	return nil
}

// GenerateSample writes the demo world for opt to path. The file appears
// only when complete: an error or an interrupt leaves path as it was.
func GenerateSample(ctx context.Context, path string, opt sample.Options, replace bool) error {
	w, err := store.CreateSampleDB(ctx, path, replace)
	if err != nil {
		return err
	}
	if err := sample.Generate(ctx, w, opt); err != nil {
		w.Abort()
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted; %s was not written: %w", path, ctx.Err())
		}
		return err
	}
	return w.Commit()
}

// removeStalePartials deletes temporary files that a killed generation left
// beside path. Only day-old ones: a younger one may belong to another pulpero
// generating right now.
func removeStalePartials(path string) {
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".partial-*"))
	for _, m := range matches {
		if st, err := os.Stat(m); err == nil && time.Since(st.ModTime()) > 24*time.Hour {
			os.Remove(m)
		}
	}
}
