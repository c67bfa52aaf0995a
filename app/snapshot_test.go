package app

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// countRule loads the database at path (through the snapshot in dataDir
// when current) and counts rule.
func countRule(t *testing.T, path, dataDir, rule string, attrs bool) (int, *Session) {
	t.Helper()
	db, err := Open(path, OpenOptions{DataDir: dataDir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	tree := mustParse(t, rule)
	req := LoadRequest{AsOf: consentAsOf}
	if attrs {
		req.Attributes = RuleAttributes(tree, nil)
	}
	s, err := db.Load(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.Evaluator(nil).Eval(tree)
	if err != nil {
		t.Fatal(err)
	}
	return rows.True.Count(), s
}

func sqlCountOf(t testing.TB, path, where string) int {
	t.Helper()
	db, _ := sql.Open("sqlite", "file:"+path+"?mode=ro")
	defer db.Close()
	q := where
	if !strings.HasPrefix(q, "SELECT") {
		q = `SELECT count(*) FROM customers WHERE ` + where
	}
	var n int
	if err := db.QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestSnapshotsFollowTheDatabase: a second open reads the snapshot and
// counts what SQL counts; changing a row, adding a column, correcting a
// role or damaging the snapshot makes the next open read the database again,
// never a stale copy.
func TestSnapshotsFollowTheDatabase(t *testing.T) {
	path := shopWith(t, "consent_email", "spend", "REAL", func(i int) any { return float64(i * 10) })
	dataDir := t.TempDir()
	check := func(what string, attrs bool) {
		t.Helper()
		got, _ := countRule(t, path, dataDir, "spend > 150", attrs)
		if want := sqlCountOf(t, path, "spend > 150"); got != want {
			t.Fatalf("%s: counted %d, SQL %d", what, got, want)
		}
	}
	check("first open", true)
	snaps, _ := filepath.Glob(filepath.Join(dataDir, "snapshots", "*", "col-*"))
	if len(snaps) == 0 {
		t.Fatal("no snapshot was written")
	}
	check("second open (snapshot)", true)
	check("a full open", false)

	raw, _ := sql.Open("sqlite", path)
	raw.Exec(`UPDATE customers SET spend = 1000 WHERE customer_id <= 10`)
	raw.Close()
	check("after a row changed", true)

	raw, _ = sql.Open("sqlite", path)
	raw.Exec(`ALTER TABLE customers ADD COLUMN region TEXT`)
	raw.Close()
	_, s := countRule(t, path, dataDir, "spend > 150", false)
	if s.Data.Column("region") == nil {
		t.Fatal("a column added to the table is not seen")
	}

	db, _ := Open(path, OpenOptions{DataDir: dataDir})
	db.SetRole(context.Background(), "customers", model.RoleIncome, "spend")
	db.Close()
	_, s = countRule(t, path, dataDir, "income > 150", false)
	if c := s.Data.ByRole(model.RoleIncome); c == nil || c.Meta().Name != "spend" {
		t.Fatal("a role corrected by hand is not seen")
	}

	for _, f := range mustGlob(t, filepath.Join(dataDir, "snapshots", "*", "col-*")) {
		b, _ := os.ReadFile(f)
		os.WriteFile(f, b[:len(b)/2], 0o600) // truncated
	}
	check("after the snapshot was truncated", true)
	check("after the snapshot was rebuilt", false)
}

func mustGlob(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil || len(m) == 0 {
		t.Fatalf("nothing matches %s", pattern)
	}
	return m
}
