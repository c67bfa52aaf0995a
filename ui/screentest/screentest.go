// Package screentest drives a screen the way the Bubble Tea runtime and the
// root model do, for tests: it loads a session as the background load does,
// presses keys by name, runs the Cmds they start (batches included) and
// feeds their messages back, and compares views with golden files. Like
// net/http/httptest, it is ordinary code that only tests import.
package screentest

import (
	"context"
	"database/sql"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/ui/common"
)

// Session loads the table of the database at path as the root model does
// (app's one load: derived and reachability attributes), as of asOf. Saved
// work goes to the database's workspace (a temporary data directory when the
// database is read-only).
func Session(t testing.TB, path, table string, asOf time.Time) *common.Session {
	t.Helper()
	db, err := app.Open(path, app.OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := db.Load(context.Background(), app.LoadRequest{Table: table, AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	s.TableWhy = "test"
	return s
}

// Run runs cmd and everything it leads to, feeding each message back into
// s; it returns the messages seen (the ones the root would also get).
func Run(s common.Screen, cmd tea.Cmd) []tea.Msg {
	var seen []tea.Msg
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		if b, ok := msg.(tea.BatchMsg); ok {
			queue = append(queue, b...)
			continue
		}
		seen = append(seen, msg)
		_, next := s.Update(msg)
		queue = append(queue, next)
	}
	return seen
}

// Press sends keys by name ("j", "down", "enter", "esc", "+") and runs
// what each starts.
func Press(s common.Screen, keys ...string) []tea.Msg {
	var seen []tea.Msg
	for _, k := range keys {
		_, cmd := s.Update(Key(k))
		seen = append(seen, Run(s, cmd)...)
	}
	return seen
}

// named are the keys Key knows by name; anything else is typed as text.
var named = map[string]rune{"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"enter": tea.KeyEnter, "esc": tea.KeyEscape, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "tab": tea.KeyTab,
	"backspace": tea.KeyBackspace, "space": tea.KeySpace}

// Key is the key press named k.
func Key(k string) tea.KeyPressMsg {
	if r, ok := named[k]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

// Golden compares got (colours stripped) with testdata/name.golden, or
// rewrites that file when update is set.
func Golden(t *testing.T, name, got string, update bool) {
	t.Helper()
	got = ansi.Strip(got)
	path := filepath.Join("testdata", name+".golden")
	if update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// Updating reports whether go test ran with -update, the flag that rewrites
// golden files. teatest's golden package defines it when linked in; a test
// package without it defines it itself (see ui/campaign's tests), since a
// definition here could clash with teatest's, depending on init order.
func Updating() bool {
	if f := flag.Lookup("update"); f != nil {
		if g, ok := f.Value.(flag.Getter); ok {
			b, _ := g.Get().(bool)
			return b
		}
	}
	return false
}

// SQL opens the database at path read-only with database/sql, for tests that
// check a screen's figures against SQL over the same file (the driver is the
// one app's store registers).
func SQL(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Spanish is the locale of the Spanish goldens: Spain's, so numbers read
// 1.234,56 and dates 01/01/2026.
func Spanish(t testing.TB) locale.Locale {
	t.Helper()
	es, err := locale.Parse("es-ES")
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// Demo generates a small demo world (deterministic for its size and seed)
// in the test's temporary folder and returns its path.
func Demo(t testing.TB, customers int, seed uint64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := app.GenerateSample(context.Background(), path, sample.Options{Customers: customers, Seed: seed}, false); err != nil {
		t.Fatal(err)
	}
	return path
}
