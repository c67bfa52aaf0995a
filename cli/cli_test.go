package cli

import (
	"bytes"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs pulpero's command line in-process and returns its outputs.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, nil, &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelpVersionAndUsageErrors(t *testing.T) {
	if code, out, _ := runCLI(t, "help"); code != exitOK || !strings.Contains(out, "roles") || !strings.Contains(out, "sample") {
		t.Errorf("help: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, "--help"); code != exitOK || !strings.Contains(out, "Commands:") {
		t.Errorf("--help: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, "help", "roles"); code != exitOK || !strings.Contains(out, "--set") {
		t.Errorf("help roles: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, "version"); code != exitOK || !strings.HasPrefix(out, "pulpero ") {
		t.Errorf("version: %d %q", code, out)
	}
	code, _, errOut := runCLI(t, "frobnicate")
	if code != exitUsage || !strings.Contains(errOut, "pulpero help") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("unknown command: %d %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "help", "frobnicate"); code != exitUsage || errOut == "" {
		t.Errorf("help of unknown command: %d %q", code, errOut)
	}
	if code, _, _ := runCLI(t, "roles"); code != exitUsage {
		t.Errorf("roles without a database: %d", code)
	}
}

func TestOpeningBadFilesFailsInOneLine(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.db")
	os.WriteFile(notDB, []byte("just some notes, not a database"), 0o644)
	for _, path := range []string{filepath.Join(dir, "missing.db"), notDB} {
		code, _, errOut := runCLI(t, path)
		if code != exitFail || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, filepath.Base(path)) {
			t.Errorf("%s: exit %d, stderr %q", path, code, errOut)
		}
		if strings.Contains(errOut, "goroutine") || strings.Contains(errOut, "panic") {
			t.Errorf("%s: a stack trace reached the user: %q", path, errOut)
		}
	}
}

func TestRolesPrintsAndCorrectsWithoutTouchingUserTables(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(`CREATE TABLE clientes (id_cliente INTEGER PRIMARY KEY, correo TEXT, acepta_mail TEXT, ingresos REAL);
		INSERT INTO clientes VALUES (1, 'a@b.es', 'si', 1000), (2, 'c@d.es', 'no', 2000), (3, NULL, 'si', NULL);`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "roles", path)
	if code != exitOK || !strings.Contains(out, "correo") || !strings.Contains(out, "email") {
		t.Fatalf("roles: %d %q %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "roles", path, "--set", "consent_email=acepta_mail")
	if code != exitOK {
		t.Fatalf("roles --set: %d %q", code, errOut)
	}
	found := false
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) >= 3 && f[0] == "acepta_mail" && f[2] == "consent_email" {
			found = true
		}
	}
	if !found {
		t.Errorf("acepta_mail did not get consent_email:\n%s", out)
	}
	if code, _, errOut := runCLI(t, "roles", path, "--set", "consent_email=nope"); code != exitFail || !strings.Contains(errOut, "nope") {
		t.Errorf("unknown column: %d %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "roles", path, "--set", "wizard=correo"); code != exitUsage || !strings.Contains(errOut, "consent_email") {
		t.Errorf("unknown role: %d %q", code, errOut)
	}
	// the user's table is as it was
	db, _ = sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	defer db.Close()
	var n int
	db.QueryRow(`SELECT count(*) FROM clientes WHERE acepta_mail IN ('si','no')`).Scan(&n)
	var tables int
	db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type='table' AND name NOT LIKE 'pulpero_%'`).Scan(&tables)
	if n != 3 || tables != 1 {
		t.Errorf("user data changed: %d rows, %d tables", n, tables)
	}
}
