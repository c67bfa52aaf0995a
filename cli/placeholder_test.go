package cli

import (
	"database/sql"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample/publicdata"
)

// TestPlaceholdersInBankMarketing: "unknown" (job, education, contact,
// poutcome) and pdays = -1 are found as stand-ins for missing values with
// the counts SQL gives; once pdays = -1 is treated as missing, describe's
// figures are SQL's over the other rows, and the table is unchanged.
func TestPlaceholdersInBankMarketing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "bank.db")
	if _, err := app.ImportCSV(t.Context(), db, publicdata.Path(t, publicdata.BankMarketing), app.ImportOptions{Table: "bank"}); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	sqlInt := func(q string) int {
		var n int
		if err := raw.QueryRow(q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	describe := func(col string) map[string]any {
		code, out, errOut := runCLI(t, "describe", db, "--table", "bank", "--data-dir", dir, "--column", col, "--format", "json")
		if code != exitOK {
			t.Fatal(errOut)
		}
		var got struct{ Columns []map[string]any }
		json.Unmarshal([]byte(out), &got)
		return got.Columns[0]
	}
	placeholder := func(c map[string]any, value string) int {
		list, _ := c["placeholders"].([]any)
		for _, p := range list {
			if m := p.(map[string]any); m["label"] == value {
				return int(m["count"].(float64))
			}
		}
		return -1
	}
	for _, col := range []string{"job", "education", "contact", "poutcome"} {
		if got, want := placeholder(describe(col), "unknown"), sqlInt(`SELECT count(*) FROM bank WHERE "`+col+`" = 'unknown'`); got != want {
			t.Errorf("%s: %d rows of \"unknown\" found, SQL %d", col, got, want)
		}
	}
	minusOne := sqlInt(`SELECT count(*) FROM bank WHERE pdays = -1`)
	if got := placeholder(describe("pdays"), "-1"); got != minusOne {
		t.Fatalf("pdays: %d rows of -1 found, SQL %d", got, minusOne)
	}
	if code, out, errOut := runCLI(t, "roles", db, "--table", "bank", "--data-dir", dir, "--missing", "pdays=-1"); code != exitOK || !strings.Contains(out, `pdays = "-1"`) {
		t.Fatalf("roles --missing: %d %s %s", code, out, errOut)
	}
	c := describe("pdays")
	var mean float64
	raw.QueryRow(`SELECT avg(pdays) FROM bank WHERE pdays <> -1`).Scan(&mean)
	if int(c["nulls"].(float64)) != minusOne {
		t.Errorf("after --missing: %v nulls, want %d", c["nulls"], minusOne)
	}
	for _, st := range c["stats"].([]any) {
		if m := st.(map[string]any); m["name"] == "mean" && math.Abs(m["value"].(float64)-mean) > 1e-9 {
			t.Errorf("mean %v, SQL over the other rows %v", m["value"], mean)
		}
	}
	if sqlInt(`SELECT count(*) FROM bank WHERE pdays = -1`) != minusOne {
		t.Fatal("the table changed")
	}
}
