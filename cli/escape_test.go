package cli

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// evil is what a hostile value holds: a window title (OSC 0), a screen
// clear, a clipboard write (OSC 52), a bell and a carriage return.
const evil = "\x1b]0;PWNED\x07\x1b[2J\x1b]52;c;cm0gLXJmIH4=\x07\rX\u009b31m"

// TestTerminalEscapesFromDataAreNeverPrinted: column names, category values
// and segment names holding escape sequences reach the terminal as \xNN
// text through every command that prints them.
func TestTerminalEscapesFromDataAreNeverPrinted(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "evil.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, "zone` + evil + `" TEXT, income REAL)`); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 40; i++ {
		zone := []string{"north", "south", "z" + evil}[i%3]
		if _, err := db.Exec(`INSERT INTO customers VALUES (?,?,?)`, i, zone, 1000+i); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	csvPath := filepath.Join(dir, "evil.csv")
	os.WriteFile(csvPath, []byte("id,\"name"+evil+"\"\n1,a\n2,b\n"), 0o644)
	runs := [][]string{
		{"describe", path, "--data-dir", dir},
		{"roles", path, "--data-dir", dir},
		{"segment", "save", path, "--data-dir", dir, "Rich" + evil, "income > 1010"},
		{"segment", "list", path, "--data-dir", dir},
		{"segment", "show", path, "--data-dir", dir, "Rich" + evil},
		{"segment", "count", path, "--data-dir", dir, "income > 1000"},
		{"segment", "count", path, "--data-dir", dir, `zone = "nowhere` + evil + `"`},
		{"import", csvPath, "--db", filepath.Join(dir, "imported.db")},
		{"segment", "show", path, "--data-dir", dir, "no such" + evil},
	}
	for _, args := range runs {
		_, out, errOut := runCLI(t, args...)
		for _, s := range []string{out, errOut} {
			if strings.ContainsAny(s, "\x1b\x07\r\u009b") {
				t.Errorf("%s printed a control character: %q", strings.Join(args[:2], " "), s)
			}
		}
		if args[0] == "describe" && !strings.Contains(out, `\x1b]0;PWNED`) {
			t.Errorf("describe does not show the escaped name: %q", out)
		}
	}
}
