package explore

import (
	"database/sql"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

// TestSmallWindowsAndEmptyTables drives every view at cramped sizes and on
// a table without rows: nothing may panic, and each view says something.
func TestSmallWindowsAndEmptyTables(t *testing.T) {
	full := session(t, shopPath(t, 120))
	empty := session(t, emptyShop(t))
	scripts := [][]string{
		{"j", "j", "j", "+", "-", "b", "l", "s", "d", "y"},
		{"x", "j", "j", "x", "%", "l", "j", "y", "esc"},
		{"Q", "j", "enter", "n", "l", "s", "y", "esc", "esc"},
		{"r", "G", "p", "h", "s", "s", "s", "y"},
	}
	for _, s := range []struct {
		name string
		w, h int
	}{{"tiny", 20, 4}, {"narrow", 50, 12}, {"zero", 0, 0}} {
		for _, sess := range []struct {
			name string
			m    *Model
		}{{"full", newScreen(t, full, s.w, s.h)}, {"empty", newScreen(t, empty, s.w, s.h)}} {
			for _, keys := range scripts {
				press(sess.m, "g")
				press(sess.m, keys...)
				if v := sess.m.View(); strings.TrimSpace(v) == "" && s.h > 0 {
					t.Errorf("%s %s after %v: empty view", s.name, sess.name, keys)
				}
				press(sess.m, "esc", "esc")
			}
		}
	}
}

func emptyShop(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "empty.db")
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, zone TEXT, spend REAL, joined TEXT, note TEXT)`); err != nil {
		t.Fatal(err)
	}
	return path
}
