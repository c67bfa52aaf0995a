package segment

import (
	"database/sql"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

// updating reports -update, the flag that rewrites the golden files under
// testdata. teatest's golden package defines it when linked in; otherwise
// it is defined here.
func updating() bool {
	if f := flag.Lookup("update"); f != nil {
		if g, ok := f.Value.(flag.Getter); ok {
			b, _ := g.Get().(bool)
			return b
		}
	}
	return false
}

var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata")
	}
	return true
}()

// asOf is the fixed reference day, so ages and relative dates never move.
var asOf = time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)

// shopPath writes a small deterministic shop with personal columns.
func shopPath(t testing.TB, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, email TEXT, zone TEXT,
		monthly_income REAL, children INTEGER, signup_date TEXT, newsletter TEXT)`); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(5, 6))
	zones := []string{"north", "south", "east", "west"}
	first := []string{"Ana", "Luis", "Marta", "Jorge", "Lucía", "Pablo"}
	last := []string{"García", "López", "Pérez", "Romero"}
	tx, _ := w.Begin()
	for i := 1; i <= n; i++ {
		var income any
		if r.IntN(10) > 0 {
			income = math.Round(math.Exp(7.3+0.5*r.NormFloat64())*100) / 100
		}
		name := first[r.IntN(len(first))] + " " + last[r.IntN(len(last))]
		email := fmt.Sprintf("c%d@example.com", i)
		signup := time.Date(2016+r.IntN(10), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		if _, err := tx.Exec(`INSERT INTO customers VALUES (?,?,?,?,?,?,?,?)`, i, name, email, zones[r.IntN(4)], income,
			r.IntN(4), signup, []string{"yes", "no"}[r.IntN(2)]); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return path
}

// session loads path as the root model's background load does, with a
// workspace (inside the writable test database).
func session(t testing.TB, path string) *common.Session {
	return screentest.Session(t, path, "customers", asOf)
}

// newScreen builds the screen as the root does after loading and runs
// what Init starts.
func newScreen(t testing.TB, s *common.Session, w, h int) *Model {
	t.Helper()
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Session: s}
	m := New(c)
	m.SetSize(w, h)
	runCmd(m, m.Init())
	return m
}

// runCmd runs a Cmd and all it leads to, feeding messages back as the
// runtime would; it returns the messages the root would see (status lines).
func runCmd(m *Model, cmd tea.Cmd) []tea.Msg { return screentest.Run(m, cmd) }

// press sends keys by name and runs what they start.
func press(m *Model, keys ...string) []tea.Msg { return screentest.Press(m, keys...) }

// typeText types s one character at a time.
func typeText(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func keyMsg(k string) tea.KeyPressMsg { return screentest.Key(k) }

// golden compares the screen's text (colours stripped) with
// testdata/name.golden, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	screentest.Golden(t, name, got, updating())
}
