package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
)

// demoDatabasePath returns the built-in demo database,
// os.UserCacheDir()/pulpero/demo.db, generating it first (with a progress bar
// on progress) when it is missing, unreadable, or stamped by another version
// of the generator.
func demoDatabasePath(ctx context.Context, progress io.Writer) (string, error) {
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache folder for the demo database (%v); give the path of a SQLite database", err)
	}
	path := filepath.Join(dir, "pulpero", "demo.db")
	opt := sample.Options{Customers: sample.DefaultCustomers, Seed: sample.DefaultSeed}
	return path, ensureDemo(ctx, path, opt, progress)
}

// ensureDemo generates the world for opt at path unless path already holds
// one of the current generator version.
func ensureDemo(ctx context.Context, path string, opt sample.Options, progress io.Writer) error {
	if v, ok, err := store.ReadMeta(ctx, path, sample.MetaVersionKey); err == nil && ok && v == sample.Version {
		return nil
	}
	if progress != nil {
		fmt.Fprintf(progress, "pulpero: generating the demo database (%d customers) in %s\n", opt.Customers, path)
	}
	removeStalePartials(path)
	opt.Progress = sample.TextBar(progress)
	if err := generateSample(ctx, path, opt, true); err != nil {
		if progress != nil {
			fmt.Fprintln(progress) // end the progress bar's line
		}
		return fmt.Errorf("generating the demo database: %w", err)
	}
	return nil
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
