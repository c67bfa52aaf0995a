package tables

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

// demo writes a small demo world: customers plus invoices and the rest.
func demo(t *testing.T) *app.Database {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	w, err := store.CreateSampleDB(context.Background(), path, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := sample.Generate(context.Background(), w, sample.Options{Customers: 60, Seed: 2}); err != nil {
		w.Abort()
		t.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	db, err := app.Open(path, app.OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func send(m *Model, msg tea.Msg) {
	_, cmd := m.Update(msg)
	for cmd != nil {
		next := cmd()
		_, cmd = m.Update(next)
	}
}

func keyPress(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	}
	return tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
}

func TestBrowsingAnotherTablePageByPage(t *testing.T) {
	db := demo(t)
	ctx := context.Background()
	cust, _, _ := db.CustomerTable(ctx, "customers")
	m := New(&common.Common{Width: 100, Height: 20, Styles: common.NewStyles(true), Session: &common.Session{DB: db, Table: cust}})
	m.SetSize(100, 18)
	send(m, m.Init()())
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "invoice_lines") || !strings.Contains(view, "* customers") {
		t.Fatalf("table list:\n%s", view)
	}
	// open invoice_lines and walk two pages forward and one back
	for i, tb := range m.tables {
		if tb.Name == "invoice_lines" {
			m.cursor = i
		}
	}
	send(m, keyPress("enter"))
	firstPage := m.page.Rows
	send(m, keyPress("n"))
	second := m.page.Rows
	var want int64
	screentest.SQL(t, db.Path()).QueryRow(`SELECT rowid FROM invoice_lines ORDER BY rowid LIMIT 1 OFFSET ?`, m.pageRows()).Scan(&want)
	if len(second) == 0 || second[0].RowID != want {
		t.Fatalf("second page starts at rowid %v, SQL says %d", second, want)
	}
	send(m, keyPress("p"))
	if m.page.Rows[0].RowID != firstPage[0].RowID {
		t.Fatalf("back to the first page: rowid %d, want %d", m.page.Rows[0].RowID, firstPage[0].RowID)
	}
	if view := ansi.Strip(m.View()); !strings.Contains(view, "invoice_lines · rows 1–") {
		t.Fatalf("page view:\n%s", view)
	}
	send(m, keyPress("esc"))
	if m.open {
		t.Fatal("esc should go back to the list")
	}
}
