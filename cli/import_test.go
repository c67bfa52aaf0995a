package cli

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/store/csvimport"
)

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "clientes.csv")
	os.WriteFile(csv, []byte("Código Cliente;Nombre;Importe;Alta\n1;Ana;1.234,50;31/01/2024\n2;Bo;7,25;13/02/2024\n"), 0o644)
	db := filepath.Join(dir, "shop.db")
	// Flags after the file, and a key named explicitly.
	code, out, errOut := runCLI(t, "import", csv, "--db", db, "--key", "Código Cliente")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{`table "clientes": 2 rows`, "';'-separated, header, utf-8, decimal comma",
		`Key: "Código Cliente" (indexed)`, "codigo_cliente", "identifier (key)", "REAL", "2024-01-31"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	// The same table again: refused, in one line.
	code, _, errOut = runCLI(t, "import", "--db", db, csv)
	if code != exitFail || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "--replace") {
		t.Errorf("existing table: exit %d, %q", code, errOut)
	}
	if code, _, _ = runCLI(t, "import", "--replace", "--db", db, csv); code != exitOK {
		t.Errorf("--replace: exit %d", code)
	}
}

func TestImportCommandErrors(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "bad.csv")
	os.WriteFile(csv, []byte("a,b\n1,2\n3\n4,5\n"), 0o644)
	db := filepath.Join(dir, "x.db")
	code, _, errOut := runCLI(t, "import", csv, "--db", db)
	if code != exitFail || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "bad.csv:3:") {
		t.Errorf("ragged: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("failed import left a database")
	}
	code, out, _ := runCLI(t, "import", csv, "--db", db, "--skip-bad")
	if code != exitOK || !strings.Contains(out, "Rejected: 1 lines") || !strings.Contains(out, "bad.rejects.csv") {
		t.Errorf("--skip-bad: exit %d\n%s", code, out)
	}
	for _, args := range [][]string{
		{"import", csv},                                  // no --db
		{"import", "--db", db},                           // no file
		{"import", csv, "--db", db, "--decimal", "x"},    // bad mark
		{"import", csv, "--db", db, "--delimiter", "::"}, // bad delimiter
		{"import", csv, "--db", db, "--header", "--no-header"},
		{"import", csv, "--db", db, "--table", "t2", "--key", "nope"}, // no such column
		{"import", csv, "--db", db, "--encoding", "ebcdic"},
	} {
		if code, _, errOut := runCLI(t, args...); code != exitUsage || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "import", filepath.Join(dir, "missing.csv"), "--db", db); code != exitFail || !strings.Contains(errOut, "missing.csv") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
}

func TestProgressLine(t *testing.T) {
	p := csvimport.Progress{Phase: csvimport.PhaseInsert, Rows: 250_000, Bytes: 24e6, TotalBytes: 48e6,
		TotalRows: 500_000, Elapsed: 3 * time.Second}
	got := progressLine("orders.csv", p, 2*time.Second)
	if n := len([]rune(got)); n > 79 {
		t.Errorf("%d columns: %q", n, got)
	}
	for _, want := range []string{"writing orders.csv", "57%", "250,000 rows", "24/48 MB", "125,000 rows/s", "ETA 2s"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
	// Nothing is drawn on a writer that is not a terminal.
	var buf bytes.Buffer
	b := newProgressBar(&buf, "x.csv")
	b.update(p)
	b.clear()
	if buf.Len() != 0 {
		t.Errorf("drew on a non-terminal: %q", buf.String())
	}
}

func TestDatabaseForCSV(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "customers.csv")
	os.WriteFile(csv, []byte("customer_id,name\n1,Ana\n2,Bo\n"), 0o644)
	ctx := context.Background()
	var log bytes.Buffer
	db, err := databaseForCSV(ctx, csv, &log)
	if err != nil {
		t.Fatal(err)
	}
	if db != filepath.Join(dir, "customers.pulpero.db") || !strings.Contains(log.String(), "Imported customers.csv") {
		t.Fatalf("db %q, log %q", db, log.String())
	}
	// Unchanged: reused. Touched with the same content: reused (the hash decides).
	log.Reset()
	if again, err := databaseForCSV(ctx, csv, &log); err != nil || again != db || !strings.HasPrefix(log.String(), "Using") {
		t.Fatalf("reuse: %q %v %q", again, err, log.String())
	}
	later := time.Now().Add(time.Hour)
	os.Chtimes(csv, later, later)
	log.Reset()
	if _, err := databaseForCSV(ctx, csv, &log); err != nil || !strings.HasPrefix(log.String(), "Using") {
		t.Fatalf("touched: %v %q", err, log.String())
	}
	// Changed: imported again into the same table.
	os.WriteFile(csv, []byte("customer_id,name\n1,Ana\n2,Bo\n3,Ce\n"), 0o644)
	log.Reset()
	if _, err := databaseForCSV(ctx, csv, &log); err != nil || !strings.Contains(log.String(), "3 rows") ||
		!strings.Contains(log.String(), `table "customers"`) {
		t.Fatalf("changed: %v %q", err, log.String())
	}
}
