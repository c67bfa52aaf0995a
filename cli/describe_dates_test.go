package cli

import (
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDescribeWritesDatesAsDates: a date column's figures are dates (ISO
// in JSON, with no day numbers), its spread a span in days; the standard
// deviation says it is the sample's; a yes/no column has its share of yes.
func TestDescribeWritesDatesAsDates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	db, _ := sql.Open("sqlite", path)
	if _, err := db.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, birth_date TEXT, newsletter TEXT)`); err != nil {
		t.Fatal(err)
	}
	days := []string{"1970-01-11", "1980-06-01", "1990-12-31", "2000-02-29"}
	for i, d := range days {
		db.Exec(`INSERT INTO customers VALUES (?,?,?)`, i+1, d, []string{"yes", "no", "yes", "yes"}[i])
	}
	db.Close()
	code, out, errOut := runCLI(t, "describe", path, "--data-dir", t.TempDir(), "--format", "json")
	if code != exitOK {
		t.Fatal(errOut)
	}
	var got struct {
		Columns []struct {
			Name  string
			Stats []map[string]any
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, c := range got.Columns {
		for _, st := range c.Stats {
			switch {
			case c.Name == "birth_date" && st["name"] == "min":
				checked++
				if st["date"] != "1970-01-11" || st["value"] != nil {
					t.Errorf("min birth date %v", st)
				}
			case c.Name == "birth_date" && st["name"] == "max":
				checked++
				if st["date"] != "2000-02-29" {
					t.Errorf("max birth date %v", st)
				}
			case c.Name == "birth_date" && st["name"] == "std":
				checked++
				// the sample standard deviation of the four day numbers, in days
				var sum, sq float64
				for _, d := range days {
					x, _ := time.Parse(time.DateOnly, d)
					v := float64(x.Unix() / 86400)
					sum, sq = sum+v, sq+v*v
				}
				n := float64(len(days))
				want := (sq - sum*sum/n) / (n - 1)
				if d, ok := st["days"].(float64); !ok || d*d-want > 1e-3*want || want-d*d > 1e-3*want {
					t.Errorf("std %v, want %.1f days", st, want)
				}
			case c.Name == "newsletter" && st["name"] == "share yes":
				checked++
				if st["value"] != 0.75 {
					t.Errorf("share of yes %v, want 0.75", st)
				}
			}
		}
	}
	if checked != 4 {
		t.Fatalf("found %d of the 4 figures checked in %s", checked, out)
	}
	_, text, _ := runCLI(t, "describe", path, "--data-dir", t.TempDir(), "--column", "birth_date")
	if !strings.Contains(text, "min 1970-01-11") || !strings.Contains(text, "std (n-1)") || strings.Contains(text, "min 10") {
		t.Errorf("text: %s", text)
	}
}
