package cli

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// segmentShop writes a small customer database: 100 customers, every
// fifth with no income.
func segmentShop(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop.db")
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, zone TEXT, income REAL, signup_date TEXT)`); err != nil {
		t.Fatal(err)
	}
	zones := []string{"north", "south", "east", "west"}
	for i := 1; i <= 100; i++ {
		var income any = float64(i * 1000)
		if i%5 == 0 {
			income = nil
		}
		day := fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28)
		if _, err := db.Exec(`INSERT INTO customers VALUES (?,?,?,?)`, i, zones[i%4], income, day); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func segCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := runSegment(append(args, "--data-dir", t.TempDir(), "--as-of", "2026-01-15"), &out, &errb)
	return code, out.String(), errb.String()
}

func TestSegmentCountSaveListShow(t *testing.T) {
	db := segmentShop(t)
	code, out, errs := segCmd(t, "count", db, `income > 50000 and zone in ("north", "SOUTH")`)
	if code != exitOK || !strings.Contains(out, "20 of 100 customers (20.0%)") || !strings.Contains(out, `zone in ("north", "SOUTH")`) {
		t.Fatalf("count: %d\n%s%s", code, out, errs)
	}
	code, out, _ = segCmd(t, "count", db, `income > 50000 and zone = north`, "--format", "json")
	var c struct {
		Size      int
		Waterfall []struct{ Remaining, Removed int }
	}
	if err := json.Unmarshal([]byte(out), &c); err != nil || code != 0 || c.Size != 10 || len(c.Waterfall) != 2 ||
		c.Waterfall[0].Remaining != 40 || c.Waterfall[0].Removed != 60 || c.Waterfall[1].Removed != 30 {
		t.Fatalf("json count: %v %+v\n%s", err, c, out)
	}
	code, out, _ = segCmd(t, "count", db, `income > 50000`, "--format", "csv")
	if code != 0 || out != "step,rule,remaining,removed\n1,income > 50000,40,60\n" {
		t.Fatalf("csv count:\n%s", out)
	}
	if code, out, errs = segCmd(t, "save", db, "Rich North", `income > 50000 and zone = north`); code != 0 || !strings.Contains(out, `"Rich North" version 1: 10 customers`) {
		t.Fatalf("save: %d %s %s", code, out, errs)
	}
	if code, out, errs = segCmd(t, "save", db, "rich north", `income > 60000 and zone = north`); code != 0 || !strings.Contains(out, "version 2") {
		t.Fatalf("save again: %d %s %s", code, out, errs)
	}
	if code, out, errs = segCmd(t, "save", db, "Everyone else", `not in segment "Rich North"`); code != 0 || !strings.Contains(out, "92 customers") {
		t.Fatalf("save nested: %d %s %s", code, out, errs)
	}
	code, out, _ = segCmd(t, "list", db)
	if code != 0 || !strings.Contains(out, "Rich North") || !strings.Contains(out, "Everyone else") {
		t.Fatalf("list:\n%s", out)
	}
	code, out, errs = segCmd(t, "show", db, "RICH NORTH")
	if code != 0 || !strings.Contains(out, "v1") || !strings.Contains(out, "v2") || !strings.Contains(out, "8 of 100 customers") {
		t.Fatalf("show: %d\n%s%s", code, out, errs)
	}
	code, out, _ = segCmd(t, "overlap", db, "--format", "csv")
	if code != 0 || !strings.Contains(out, "Everyone else,92,0\nRich North,0,8") {
		t.Fatalf("overlap:\n%s", out)
	}
}

func TestSegmentErrorsShowCaret(t *testing.T) {
	db := segmentShop(t)
	code, _, errs := segCmd(t, "count", db, `incme > 3`)
	want := "  incme > 3\n  ^ no attribute \"incme\"; did you mean income"
	if code != exitUsage || !strings.Contains(errs, want) {
		t.Fatalf("unknown attribute: %d\n%s", code, errs)
	}
	code, _, errs = segCmd(t, "count", db, `income > and zone = "x"`)
	if code != exitUsage || !strings.Contains(errs, "           ^ expected a value after >") {
		t.Fatalf("syntax: %d\n%s", code, errs)
	}
	code, out, errs := segCmd(t, "count", db, `zone = "nort"`)
	if code != exitOK || !strings.Contains(out, "0 of 100") || !strings.Contains(errs, `warning: no customer has zone = "nort"; did you mean "north"?`) {
		t.Fatalf("absent value: %d\n%s%s", code, out, errs)
	}
	if code, _, _ = segCmd(t, "show", db, "nope"); code != exitFail {
		t.Fatalf("show missing: %d", code)
	}
	if code, _, _ = segCmd(t, "count", db); code != exitUsage {
		t.Fatalf("missing expression: %d", code)
	}
	if code, _, _ = segCmd(t, "count", db, "a = 1", "--format", "xml"); code != exitUsage {
		t.Fatalf("bad format: %d", code)
	}
}

func TestSegmentDiffAndAssign(t *testing.T) {
	db := segmentShop(t)
	dataDir := t.TempDir()
	run := func(args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := runSegment(append(args, "--data-dir", dataDir, "--as-of", "2026-01-15"), &out, &errb)
		return code, out.String(), errb.String()
	}
	run("save", db, "Rich", `income > 50000 and zone = north`)
	run("save", db, "Rich", `zone = north and income > 60000 and signup_date in the last 1 year`)
	code, out, errs := run("diff", db, "rich")
	want := "rich: version 1 (10 customers) → version 2 (6 customers)\n  - income > 50000\n    zone = \"north\"\n  + income > 60000\n  + signup_date in the last 1 year\n"
	if code != 0 || out != want {
		t.Fatalf("diff: %d\n%s%s\nwant\n%s", code, out, errs, want)
	}
	run("save", db, "South", `zone = south`)
	in := filepath.Join(t.TempDir(), "prospects.csv")
	csvText := "customer_id,zone,income,signup_date\n501,north,70000,2025-12-01\n502,south,1000,2020-01-01\n503,north,,2025-12-01\n"
	if err := os.WriteFile(in, []byte(csvText), 0o644); err != nil {
		t.Fatal(err)
	}
	outPath := filepath.Join(t.TempDir(), "assigned.csv")
	code, out, errs = run("assign", db, "--in", in, "--out", outPath)
	if code != 0 {
		t.Fatalf("assign: %d\n%s%s", code, out, errs)
	}
	got, _ := os.ReadFile(outPath)
	wantCSV := "customer_id,zone,income,signup_date,segments\n501,north,70000,2025-12-01,Rich\n502,south,1000,2020-01-01,South\n503,north,,2025-12-01,\n"
	if string(got) != wantCSV {
		t.Fatalf("assigned:\n%s\nwant\n%s", got, wantCSV)
	}
	if code, _, _ = run("assign", db, "--in", in, "--out", outPath, "--segments", "nope"); code != exitFail {
		t.Fatalf("unknown segment: %d", code)
	}
	run("rename", db, "rich", "Wealthy")
	run("duplicate", db, "wealthy", "Wealthy 2")
	run("delete", db, "south")
	if code, out, _ = run("list", db, "--format", "csv"); code != 0 || strings.Count(out, "\n") != 3 ||
		!strings.Contains(out, "\nWealthy,2,") || !strings.Contains(out, "\nWealthy 2,1,") {
		t.Fatalf("after rename, duplicate, delete:\n%s", out)
	}
	if code, _, _ = run("delete", db, "south"); code != exitFail {
		t.Fatalf("deleting twice: %d", code)
	}
}

// TestSegmentNamesAreTrimmedAndMayStartWithADash: "VIP " and "VIP" are one
// segment, and a name or rule starting with "-" is given after "--".
func TestSegmentNamesAreTrimmedAndMayStartWithADash(t *testing.T) {
	path := segmentShop(t)
	dir := t.TempDir()
	for _, name := range []string{" VIP ", "VIP"} {
		if code, _, errOut := runCLI(t, "segment", "save", path, "--data-dir", dir, name, "income > 1000"); code != exitOK {
			t.Fatalf("save %q: %s", name, errOut)
		}
	}
	code, out, errOut := runCLI(t, "segment", "list", path, "--data-dir", dir, "--format", "csv")
	if code != exitOK || strings.Count(out, "VIP") != 1 {
		t.Fatalf("list: %d %q %s", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "segment", "save", path, "--data-dir", dir, "-vip"); code != exitUsage || !strings.Contains(errOut, "after --") {
		t.Fatalf("a dashed name without --: %d %s", code, errOut)
	}
	if code, out, errOut := runCLI(t, "segment", "save", path, "--data-dir", dir, "--", "-vip", "income > 2000"); code != exitOK || !strings.Contains(out, `"-vip"`) {
		t.Fatalf("save -- -vip: %d %q %s", code, out, errOut)
	}
	if code, out, _ := runCLI(t, "segment", "show", path, "--data-dir", dir, "--format", "json", "--", "-vip"); code != exitOK || !strings.Contains(out, `"name": "-vip"`) || !strings.Contains(out, "2000") {
		t.Fatalf("show -- -vip: %d %q", code, out)
	}
}
