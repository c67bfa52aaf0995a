package importer

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
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

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// fixture is a folder with a database and files of every sort beside it.
func fixture(t *testing.T) (dir string, db *app.Database) {
	t.Helper()
	dir = t.TempDir()
	path := filepath.Join(dir, "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, zone TEXT); INSERT INTO customers VALUES (1,'north'),(2,'south')`); err != nil {
		t.Fatal(err)
	}
	w.Close()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("sales.csv", "customer_id;fecha;importe\n1;03/12/2024;10,50\n2;15/12/2024;7,25\n1;20/01/2025;3,00\n")
	write("notes.txt", "a,b\n1,2\n")
	write("Visits.TSV.gz", "")
	write("report.pdf", "%PDF")
	write(".hidden.csv", "a\n1\n")
	write("customers.csv", "customer_id,zone\n1,north\n")
	os.Mkdir(filepath.Join(dir, "exports"), 0o755)
	db, err = app.Open(path, app.OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return dir, db
}

func names(m *Model) []string {
	var out []string
	for _, e := range m.entries {
		out = append(out, e.name)
	}
	return out
}

func screen(t *testing.T, dir string, db *app.Database, w, h int) *Model {
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Session: &common.Session{DB: db}}
	m := newModel(c, dir)
	m.SetSize(w, h-3)
	screentest.Run(m, m.Init())
	return m
}

// TestListsImportableFilesOnly (issue 13, item 10): the list holds the
// folder above, the folders, and the CSV, TSV and TXT files (also gzipped,
// any case), never the database, other files or hidden ones; it is read
// again when the screen is shown and on r.
func TestListsImportableFilesOnly(t *testing.T) {
	dir, db := fixture(t)
	m := screen(t, dir, db, 80, 24)
	want := []string{"..", "exports", "customers.csv", "notes.txt", "sales.csv", "Visits.TSV.gz"}
	if got := strings.Join(names(m), " "); got != strings.Join(want, " ") {
		t.Fatalf("listed %q, want %q", got, strings.Join(want, " "))
	}
	if m.entries[m.cursor].name != "customers.csv" {
		t.Errorf("the cursor starts on %s, want the first file", m.entries[m.cursor].name)
	}
	golden(t, "files_80x24", strings.ReplaceAll(ansi.Strip(m.View()), dir, "DIR"))
	if small := screen(t, dir, db, 60, 15); true {
		golden(t, "files_60x15", strings.ReplaceAll(ansi.Strip(small.View()), dir, "DIR"))
	}

	os.WriteFile(filepath.Join(dir, "later.csv"), []byte("a\n1\n"), 0o644)
	screentest.Run(m, func() tea.Msg { return common.ShownMsg{} })
	if !strings.Contains(strings.Join(names(m), " "), "later.csv") {
		t.Fatalf("shown again, the list is stale: %v", names(m))
	}
	os.Remove(filepath.Join(dir, "later.csv"))
	screentest.Press(m, "r")
	if strings.Contains(strings.Join(names(m), " "), "later.csv") {
		t.Fatalf("after r, a removed file is listed: %v", names(m))
	}
	// into a folder and back
	screentest.Press(m, "k", "enter") // the cursor was on the first file, below exports
	if m.dir != filepath.Join(dir, "exports") || !strings.Contains(ansi.Strip(m.View()), "no CSV, TSV or TXT") {
		t.Fatalf("in %s:\n%s", m.dir, ansi.Strip(m.View()))
	}
	screentest.Press(m, "left")
	if m.dir != dir {
		t.Fatalf("← went to %s", m.dir)
	}
}

// TestPreviewThenImport: enter shows how the file reads (delimiter,
// decimal, rows, the table name) from a trial import, writing nothing to
// the database; enter again imports it.
func TestPreviewThenImport(t *testing.T) {
	dir, db := fixture(t)
	for _, size := range [][2]int{{80, 24}, {60, 15}} {
		m := screen(t, dir, db, size[0], size[1])
		for m.entries[m.cursor].name != "sales.csv" {
			screentest.Press(m, "j")
		}
		screentest.Press(m, "enter")
		v := ansi.Strip(m.View())
		for _, want := range []string{`sales.csv → table "sales"`, `delimiter ";"`, `decimal ","`, "3 rows · 3 columns", "enter imports"} {
			if !strings.Contains(strings.Join(strings.Fields(v), " "), want) {
				t.Fatalf("%dx%d: the preview lacks %q:\n%s", size[0], size[1], want, v)
			}
		}
		var n int
		screentest.SQL(t, db.Path()).QueryRow(`SELECT count(*) FROM sqlite_master WHERE name = 'sales'`).Scan(&n)
		if n != 0 {
			t.Fatal("the preview wrote to the database")
		}
		for i, l := range strings.Split(m.View(), "\n") {
			if ansi.StringWidth(l) > size[0] {
				t.Errorf("%dx%d: line %d is %d cells", size[0], size[1], i+1, ansi.StringWidth(l))
			}
		}
		if h := strings.Count(m.View(), "\n") + 1; h > m.height {
			t.Errorf("%dx%d: %d lines for %d", size[0], size[1], h, m.height)
		}
		golden(t, fmt.Sprintf("preview_%dx%d", size[0], size[1]), strings.ReplaceAll(v, dir, "DIR"))
		screentest.Press(m, "esc")
		if m.state != browsing {
			t.Fatal("esc does not go back to the files")
		}
	}
	m := screen(t, dir, db, 80, 24)
	for m.entries[m.cursor].name != "sales.csv" {
		screentest.Press(m, "j")
	}
	screentest.Press(m, "enter", "enter")
	if m.err != nil || m.result == nil || m.result.Rows != 3 {
		t.Fatalf("import: %v %+v", m.err, m.result)
	}
	var sum float64
	if err := screentest.SQL(t, db.Path()).QueryRowContext(context.Background(), `SELECT sum(importe) FROM sales`).Scan(&sum); err != nil || sum != 20.75 {
		t.Fatalf("sum %v, %v", sum, err)
	}
	// previewing it again says the table is taken, and enter does not import
	screentest.Press(m, "n")
	for m.entries[m.cursor].name != "sales.csv" {
		screentest.Press(m, "j")
	}
	screentest.Press(m, "enter")
	if v := ansi.Strip(m.View()); !m.exists || !strings.Contains(v, "already has a table") {
		t.Fatalf("no warning of the taken name:\n%s", v)
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	screentest.Golden(t, name, got, *update)
}
