package explore

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/store"
	"github.com/pulpero/pulpero/ui/common"
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
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	table, err := db.Table(ctx, "customers")
	if err != nil {
		t.Fatal(err)
	}
	profiles, err := db.Profile(ctx, table, nil)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := db.Load(ctx, table, profiles, nil)
	if err != nil {
		t.Fatal(err)
	}
	analysis.Derive(ds, asOf)
	return &common.Session{DB: db, Table: table, TableWhy: "test", Profiles: profiles, Data: ds, AsOf: asOf}
}

// newScreen builds the screen at a size, as the root does after loading,
// and runs the work Init starts.
func newScreen(t testing.TB, s *common.Session, w, h int) *Model {
	t.Helper()
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Session: s}
	m := New(c)
	m.SetSize(w, h)
	runCmd(m, m.Init())
	return m
}

// runCmd runs a Cmd and everything it leads to, feeding each message back
// into the screen as the Bubble Tea runtime would (batches included).
func runCmd(m *Model, cmd tea.Cmd) []tea.Msg {
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
		_, next := m.Update(msg)
		queue = append(queue, next)
	}
	return seen
}

// press sends keys by name ("j", "down", "enter", "esc", "+") and runs
// what they start.
func press(m *Model, keys ...string) []tea.Msg {
	var seen []tea.Msg
	for _, k := range keys {
		_, cmd := m.Update(keyMsg(k))
		seen = append(seen, runCmd(m, cmd)...)
	}
	return seen
}

func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]rune{"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "tab": tea.KeyTab}
	if r, ok := named[k]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// golden compares the screen's text (colours stripped) with
// testdata/name.golden, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	got = ansi.Strip(got)
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./ui/explore -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
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
