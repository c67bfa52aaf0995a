package ui

import (
	"bytes"
	"database/sql"
	"fmt"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/pulpero/pulpero/app"
)

// appShop writes a small customer table for the full-program test.
func appShop(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "app.db")
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, zone TEXT, monthly_income REAL, signup_date TEXT)`); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 400; i++ {
		zone := []string{"north", "south", "east"}[i%3]
		if _, err := db.Exec(`INSERT INTO customers VALUES (?,?,?,?,?)`, i, fmt.Sprintf("Customer %d", i), zone,
			float64(800+(i*37)%2500), fmt.Sprintf("20%02d-%02d-15", 15+i%10, 1+i%12)); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestAppOpensExploresAndQuits runs the whole program: it loads the
// database in the background, shows Explore, answers keys (move, cross-tab,
// the palette opening data quality) and quits on q.
func TestAppOpensExploresAndQuits(t *testing.T) {
	db, err := app.Open(appShop(t), app.OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	root := New(Options{DB: db, AsOf: time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC), IsDark: true})
	tm := teatest.NewTestModel(t, root, teatest.WithInitialTermSize(100, 30))
	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(what)) },
			teatest.WithDuration(10*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
	}
	waitFor("monthly_income")
	tm.Send(tea.KeyPressMsg{Code: 'j', Text: "j"})         // Explore opens on zone; j: monthly_income
	tm.Send(tea.MouseWheelMsg{Button: tea.MouseWheelDown}) // the wheel moves too: signup_date
	waitFor("median")
	tm.Send(tea.KeyPressMsg{Code: 'x', Text: "x"})
	tm.Send(tea.KeyPressMsg{Code: 'k', Text: "k"})
	tm.Send(tea.KeyPressMsg{Code: 'x', Text: "x"})
	waitFor("missing either")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEscape})
	// the palette finds the action by name and presses its key (Q)
	tm.Send(tea.KeyPressMsg{Code: ':', Text: ":"})
	waitFor("type to filter")
	tm.Type("quality")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitFor("Data quality")
	tm.Send(tea.KeyPressMsg{Code: 'q', Text: "q"})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	final := tm.FinalModel(t).(*App)
	if !final.ready || final.focused().Title() != "Explore" {
		t.Errorf("final state: ready %v", final.ready)
	}
}
