package explore

import (
	"database/sql"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// asOf is the fixed reference date, so ages and tenure never move.
var asOf = time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)

// shopPath writes a small deterministic shop: personal columns (name,
// email), a categorical, money, a boolean, dates, free text.
func shopPath(t testing.TB, n int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, email TEXT, zone TEXT,
		monthly_income REAL, children INTEGER, birth_date TEXT, signup_date TEXT, newsletter TEXT, note TEXT)`); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(3, 4))
	zones := []string{"north", "south", "east", "west", "centre", "islands"}
	first := []string{"Ana", "Luis", "Marta", "Jorge", "Lucía", "Pablo", "Elena", "Diego"}
	last := []string{"García", "López", "Pérez", "Sánchez", "Romero", "Navarro"}
	tx, _ := w.Begin()
	for i := 1; i <= n; i++ {
		var zone, income, birth, note any
		if r.IntN(20) > 0 {
			zone = zones[min(r.IntN(8), 5)]
		}
		if r.IntN(10) > 0 {
			income = math.Round(math.Exp(7.3+0.5*r.NormFloat64())*100) / 100
		}
		if r.IntN(15) > 0 {
			birth = time.Date(1945+r.IntN(60), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		}
		if r.IntN(2) == 0 {
			note = []string{"vip", "call back", "moved house", "prefers post"}[r.IntN(4)] + fmt.Sprintf(" %d", r.IntN(40))
		}
		name := first[r.IntN(len(first))] + " " + last[r.IntN(len(last))]
		email := strings.ToLower(strings.ReplaceAll(name, " ", ".")) + fmt.Sprintf("%d@example.com", i)
		if i%53 == 0 {
			email = strings.Replace(email, "@", " at ", 1) // typed by hand, unusable
		}
		signup := time.Date(2016+r.IntN(10), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		if _, err := tx.Exec(`INSERT INTO customers VALUES (?,?,?,?,?,?,?,?,?,?)`, i, name, email, zone, income,
			r.IntN(4), birth, signup, []string{"yes", "no"}[r.IntN(2)], note); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return path
}

// session loads path as the root model's background load does.
func session(t testing.TB, path string) *common.Session {
	return screentest.Session(t, path, "customers", asOf)
}

// newScreen builds the screen at a size, as the root does after loading,
// and runs the work Init starts.
func newScreen(t testing.TB, s *common.Session, w, h int) *Model {
	t.Helper()
	return newScreenIn(t, s, w, h, locale.Default())
}

// newScreenIn is newScreen for a user who reads loc's language.
func newScreenIn(t testing.TB, s *common.Session, w, h int, loc locale.Locale) *Model {
	t.Helper()
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Session: s, Locale: loc}
	m := New(c)
	m.SetSize(w, h)
	runCmd(m, m.Init())
	return m
}

// runCmd runs a Cmd and everything it leads to, feeding each message back
// into the screen as the Bubble Tea runtime would (batches included).
func runCmd(m *Model, cmd tea.Cmd) []tea.Msg { return screentest.Run(m, cmd) }

// press sends keys by name ("j", "down", "enter", "esc", "+") and runs
// what they start.
func press(m *Model, keys ...string) []tea.Msg { return screentest.Press(m, keys...) }

func keyMsg(k string) tea.KeyPressMsg { return screentest.Key(k) }

// golden compares the screen's text (colours stripped) with
// testdata/name.golden, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	screentest.Golden(t, name, got, *update)
}

// moveTo puts the cursor on the attribute named name.
func moveTo(t *testing.T, m *Model, name string) {
	t.Helper()
	press(m, "g")
	for i, c := range m.data().Columns {
		if c.Meta().Name == name {
			for range i {
				press(m, "j")
			}
			return
		}
	}
	t.Fatalf("no attribute %s in %v", name, m.data().Names())
}
