package roles

import (
	"context"
	"database/sql"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

func session(t *testing.T) *common.Session {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	_, err = w.Exec(`CREATE TABLE clientes (id_cliente INTEGER PRIMARY KEY, correo TEXT, acepta_mail TEXT, ingresos REAL);
		INSERT INTO clientes VALUES (1, 'a@b.es', 'si', 1000), (2, 'c@d.es', 'no', 2000);`)
	w.Close()
	if err != nil {
		t.Fatal(err)
	}
	db, err := app.Open(path, app.OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	table, _, err := db.CustomerTable(context.Background(), "clientes")
	if err != nil {
		t.Fatal(err)
	}
	profiles, err := db.Profile(context.Background(), table)
	if err != nil {
		t.Fatal(err)
	}
	return &common.Session{DB: db, Table: table, Profiles: profiles}
}

func press(m *Model, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		code := []rune(k)[0]
		switch k {
		case "enter":
			code = tea.KeyEnter
		case "down":
			code = tea.KeyDown
		case "esc":
			code = tea.KeyEscape
		}
		msg := tea.KeyPressMsg{Code: code}
		if len([]rune(k)) == 1 {
			msg.Text = k
		}
		_, cmd = m.Update(msg)
	}
	return cmd
}

func TestChoosingARoleSavesItInTheWorkspace(t *testing.T) {
	s := session(t)
	m := New(&common.Common{Width: 100, Height: 30, Styles: common.NewStyles(true), Session: s})
	m.SetSize(100, 28)
	view := ansi.Strip(m.View())
	if !strings.Contains(view, "correo") || !strings.Contains(view, "email") || strings.Contains(view, "only 0 and 1") {
		t.Fatalf("roles not shown:\n%s", view)
	}
	// acepta_mail is the third column; give it the consent_email role
	press(m, "down", "down", "enter")
	if !strings.Contains(ansi.Strip(m.View()), "Role of acepta_mail") {
		t.Fatalf("chooser not open:\n%s", ansi.Strip(m.View()))
	}
	want := -1
	for i, r := range choices() {
		if r == model.RoleConsentEmail {
			want = i
		}
	}
	for m.choice < want {
		press(m, "down")
	}
	cmd := press(m, "enter")
	if cmd == nil {
		t.Fatal("no save command")
	}
	saved := cmd()
	if msg, ok := saved.(savedMsg); !ok || msg.err != nil {
		t.Fatalf("save: %#v", saved)
	}
	m.Update(saved)
	if !strings.Contains(ansi.Strip(m.View()), "Press L to reload") {
		t.Errorf("no reload hint:\n%s", ansi.Strip(m.View()))
	}
	profiles, err := s.DB.Profile(context.Background(), s.Table)
	if err != nil || roleOf(profiles, "acepta_mail") != model.RoleConsentEmail {
		t.Fatalf("after saving, acepta_mail has role %q (%v)", roleOf(profiles, "acepta_mail"), err)
	}
	if cmd := press(m, "L"); cmd == nil {
		t.Fatal("L does not ask for a reload")
	} else if _, ok := cmd().(common.ReloadMsg); !ok {
		t.Fatal("L sends something else")
	}
}

// roleOf is the role a column's profile gives it.
func roleOf(profiles []app.ColumnProfile, column string) model.Role {
	for _, p := range profiles {
		if p.Name == column {
			return p.Role
		}
	}
	return model.RoleNone
}
