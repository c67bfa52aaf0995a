package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

func spanishScreen(t *testing.T, es locale.Locale, dir string, db *app.Database, w, h int) *Model {
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Session: &common.Session{DB: db}, Locale: es}
	m := newModel(c, dir)
	m.SetSize(w, h-3)
	screentest.Run(m, m.Init())
	return m
}

// onFile puts the cursor on the file called name.
func onFile(t *testing.T, m *Model, name string) {
	t.Helper()
	for m.cursor > 0 {
		screentest.Press(m, "k")
	}
	for i := 0; m.entries[m.cursor].name != name; i++ {
		if i > len(m.entries) {
			t.Fatalf("no %s in %v", name, names(m))
		}
		screentest.Press(m, "j")
	}
}

// TestSpanishGoldenViews (issue 19): the file list, the preview, an
// import's outcome and a file that cannot be read, in Spanish at 100×30
// and 80×24, fitting the window.
func TestSpanishGoldenViews(t *testing.T) {
	es := screentest.Spanish(t)
	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		dir, db := fixture(t)
		os.WriteFile(filepath.Join(dir, "broken.csv"), []byte("id,age\n1,30\n2,41\n3,40\n4\n"), 0o644)
		w, h := size[0], size[1]
		m := spanishScreen(t, es, dir, db, w, h)
		views := map[string]string{"files": m.View()}
		onFile(t, m, "sales.csv")
		screentest.Press(m, "enter")
		views["preview"] = m.View()
		screentest.Press(m, "enter")
		views["imported"] = m.View()
		screentest.Press(m, "n")
		onFile(t, m, "broken.csv")
		screentest.Press(m, "enter")
		views["unreadable"] = m.View()
		m.state, m.file = importing, filepath.Join(dir, "sales.csv")
		m.progress = app.ImportProgress{Phase: app.PhaseInsert, Rows: 12345, Bytes: 250, TotalBytes: 1000}
		views["importing"] = m.View()
		for name, v := range views {
			v = strings.ReplaceAll(ansi.Strip(v), dir, "DIR")
			for i, l := range strings.Split(v, "\n") {
				if ansi.StringWidth(l) > w {
					t.Errorf("%s %dx%d: line %d is %d cells: %q", name, w, h, i+1, ansi.StringWidth(l), l)
				}
			}
			if n := strings.Count(v, "\n") + 1; n > h-3 {
				t.Errorf("%s %dx%d: %d lines for %d", name, w, h, n, h-3)
			}
			golden(t, fmt.Sprintf("%s_es_%dx%d", name, w, h), v)
		}
	}
}

// TestSpanishReaderReadsSpanish: what the import says from below — a
// problem at a place of the file, the column notes, the encoding — reaches
// a Spanish reader in Spanish, with the place kept and numbers in the
// Spanish format; an English reader reads exactly what the import said.
func TestSpanishReaderReadsSpanish(t *testing.T) {
	es := screentest.Spanish(t)
	dir, db := fixture(t)
	var b strings.Builder
	b.WriteString("id;importe\n")
	for i := range 1500 {
		fmt.Fprintf(&b, "%d;%d,50\n", i, i)
	}
	os.WriteFile(filepath.Join(dir, "big.csv"), []byte(b.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.csv"), []byte("id,age\n1,30\n2,41\n3,x\n"), 0o644)

	m := spanishScreen(t, es, dir, db, 100, 30)
	onFile(t, m, "big.csv")
	screentest.Press(m, "enter")
	v := strings.Join(strings.Fields(ansi.Strip(m.View())), " ")
	for _, want := range []string{`big.csv → tabla "big"`, "1.500 filas · 2 columnas", `números (1.500): "0,50" → 0.5`,
		"UTF-8: todos los bytes son UTF-8 válidos", "delimitador \";\"", "con línea de encabezado"} {
		if !strings.Contains(v, want) {
			t.Errorf("the preview lacks %q:\n%s", want, v)
		}
	}

	_, err := app.ImportCSV(t.Context(), filepath.Join(t.TempDir(), "x.db"), filepath.Join(dir, "bad.csv"), app.ImportOptions{SampleRows: 2})
	if err == nil {
		t.Fatal("bad.csv imported")
	}
	want := `bad.csv:4: columna 2 "age": "x" no es un entero (la columna contiene enteros); corrija el valor o use --skip-bad`
	if got := m.errText(err); got != want {
		t.Errorf("in Spanish:\n%s\nwant\n%s", got, want)
	}
	en := screen(t, dir, db, 100, 30)
	// The folder is on screen: the file is named within it.
	if got := en.errText(err); got != strings.Replace(err.Error(), dir+string(filepath.Separator), "", 1) {
		t.Errorf("in English %q, the import said %q", got, err)
	}
}

// TestSpanishNotesShowTheTarget: at 80 columns the notes of the preview
// and of the import say what a value became, not only what it was
// (fechas a ISO 8601 (3): "03/12/2024" → "2024-12-03"): the column of
// names is as wide as the names.
func TestSpanishNotesShowTheTarget(t *testing.T) {
	es := screentest.Spanish(t)
	dir, db := fixture(t)
	m := spanishScreen(t, es, dir, db, 80, 21)
	onFile(t, m, "sales.csv")
	screentest.Press(m, "enter")
	for _, want := range []string{`fechas a ISO 8601 (3): "03/12/2024" → "2024-12-03"`, `números (3): "10,50" → 10.5`} {
		if v := ansi.Strip(m.View()); !strings.Contains(v, want) {
			t.Errorf("the preview at 80 columns lacks %q:\n%s", want, v)
		}
	}
}
