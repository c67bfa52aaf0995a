package importer

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

// run feeds the import's messages back into the screen until it finishes.
func run(t *testing.T, m *Model, cmd tea.Cmd) {
	t.Helper()
	for i := 0; cmd != nil && i < 10000; i++ {
		msg := cmd()
		if msg == nil {
			return
		}
		_, cmd = m.Update(msg)
	}
}

func TestImportingAFileAddsATableAndSaysWhatItHolds(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, zone TEXT); INSERT INTO customers VALUES (1,'north'),(2,'south')`); err != nil {
		t.Fatal(err)
	}
	w.Close()
	csvPath := filepath.Join(dir, "sales.csv")
	os.WriteFile(csvPath, []byte("customer_id;fecha;importe\n1;03/12/2024;10,50\n2;15/12/2024;7,25\n1;20/01/2025;3,00\n"), 0o644)

	db, err := app.Open(path, app.OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c := &common.Common{Width: 100, Height: 30, Styles: common.NewStyles(true), Session: &common.Session{DB: db}}
	m := New(c)
	m.SetSize(100, 28)
	run(t, m, m.start(csvPath))
	view := ansi.Strip(m.View())
	if m.err != nil || m.result == nil || !strings.Contains(view, "Imported 3 rows") {
		t.Fatalf("import: %v\n%s", m.err, view)
	}
	var sum float64
	var first string
	if err := screentest.SQL(t, db.Path()).QueryRowContext(context.Background(), `SELECT sum(importe), min(fecha) FROM sales`).Scan(&sum, &first); err != nil {
		t.Fatal(err)
	}
	if sum != 20.75 || first != "2024-12-03" {
		t.Errorf("imported sum %v, first date %q", sum, first)
	}
	// importing the same file again refuses to replace the table, and says how
	m.state = browsing
	run(t, m, m.start(csvPath))
	if view := ansi.Strip(m.View()); !strings.Contains(view, "Not imported") || !strings.Contains(view, "--replace") {
		t.Errorf("second import:\n%s", view)
	}
	if _, cmd := m.Update(tea.KeyPressMsg{Code: 'L', Text: "L"}); cmd == nil {
		t.Error("L does not reload")
	}
}
