package cli

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
)

// TestCurrencyIsSetPerDatabase (issue 19): `pulpero settings DB --currency`
// saves the mark in pulpero's own table (the user's tables untouched), every
// later run and every user sees it, a bad one is refused in the user's
// language, and none removes it.
func TestCurrencyIsSetPerDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	if err := app.GenerateSample(t.Context(), db, sample.Options{Customers: 200, Seed: 5}, false); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runCLI(t, "settings", db, "--data-dir", dir); code != exitOK || !strings.Contains(out, "(not set)") {
		t.Fatalf("a new database: %d %q", code, out)
	}
	if code, out, errOut := runCLI(t, "--lang", "es-ES", "settings", db, "--data-dir", dir, "--currency", "# €"); code != exitOK || !strings.Contains(out, "1.234,50 €") {
		t.Fatalf("set # €: %d %q %q", code, out, errOut)
	}
	if code, out, _ := runCLI(t, "settings", db, "--data-dir", dir); code != exitOK || !strings.Contains(out, "1,234.50 €") {
		t.Errorf("the next run, in English: %d %q", code, out)
	}
	if code, _, errOut := runCLI(t, "--lang", "es", "settings", db, "--data-dir", dir, "--currency", "# # €"); code != exitFail || !strings.Contains(errOut, "no es una moneda") {
		t.Errorf("a bad mark: %d %q", code, errOut)
	}
	// a generated database keeps pulpero's work in a workspace of its own
	ws, _ := filepath.Glob(filepath.Join(dir, "workspaces", "*.db"))
	if len(ws) != 1 {
		t.Fatalf("workspaces: %q", ws)
	}
	sqlDB, err := sql.Open("sqlite", ws[0])
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	var saved string
	if err := sqlDB.QueryRow(`SELECT value FROM pulpero_meta WHERE key = 'setting.currency'`).Scan(&saved); err != nil || saved != "# €" {
		t.Errorf("pulpero_meta holds %q (%v), want # €", saved, err)
	}
	if code, out, _ := runCLI(t, "settings", db, "--data-dir", dir, "--currency", "none"); code != exitOK || !strings.Contains(out, "(not set)") {
		t.Errorf("none: %d %q", code, out)
	}
}
