package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
)

// demoDatabasePath returns the built-in demo database, generating it first
// (with a progress bar on progress) when it is missing, unreadable, or
// stamped by another version of the generator.
func demoDatabasePath(ctx context.Context, progress io.Writer) (string, error) {
	path, err := app.DemoPath()
	if err != nil {
		return "", err
	}
	opt := sample.Options{Customers: sample.DefaultCustomers, Seed: sample.DefaultSeed}
	return path, ensureDemo(ctx, path, opt, progress)
}

// ensureDemo generates the world for opt at path unless path already holds
// one of the current generator version, saying so on progress.
func ensureDemo(ctx context.Context, path string, opt sample.Options, progress io.Writer) error {
	if app.DemoCurrent(ctx, path) {
		return nil
	}
	if progress != nil {
		fmt.Fprintln(progress, tr.T("pulpero: generating the demo database (%d customers) in %s", opt.Customers, path))
	}
	opt.Progress = sampleProgress(progress)
	if err := app.EnsureDemo(ctx, path, opt); err != nil {
		if progress != nil {
			fmt.Fprintln(progress) // end the progress bar's line
		}
		return err
	}
	return nil
}

// databaseForCSV opens a CSV file as a database (app.DatabaseForCSV), with
// a progress bar and a one-line summary on progress.
func databaseForCSV(ctx context.Context, csvPath string, progress io.Writer) (string, error) {
	bar := newProgressBar(progress, filepath.Base(csvPath))
	res, err := app.DatabaseForCSV(ctx, csvPath, bar.update)
	bar.clear()
	if err != nil {
		return "", err
	}
	if res.Reused {
		fmt.Fprintln(progress, tr.T("Using %s (%s has not changed since it was imported)", res.Path, filepath.Base(csvPath)))
		return res.Path, nil
	}
	r := res.Result
	fmt.Fprintln(progress, tr.T("Imported %s into %s: %d rows, %d columns, table %q (%.1f s)", filepath.Base(csvPath),
		res.Path, r.Rows, len(r.Columns), r.Table, r.Elapsed.Seconds()))
	return res.Path, nil
}
