package csvimport

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// writeFile writes content to name in a fresh temporary folder.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// importText imports content (written as name) into a new database.
func importText(t *testing.T, name, content string, opt Options) (*Result, string, error) {
	t.Helper()
	p := writeFile(t, name, content)
	db := filepath.Join(filepath.Dir(p), "test.db")
	res, err := Import(context.Background(), db, p, opt)
	return res, db, err
}

// mustImport is importText that fails the test on error.
func mustImport(t *testing.T, name, content string, opt Options) (*Result, string) {
	t.Helper()
	res, db, err := importText(t, name, content, opt)
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return res, db
}

// rows runs a query and returns every row's values.
func rows(t *testing.T, dbPath, query string, args ...any) [][]any {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(dbPath))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rs, err := db.Query(query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rs.Close()
	cols, _ := rs.Columns()
	var out [][]any
	for rs.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// wantRows compares a query's rows with want.
func wantRows(t *testing.T, dbPath, query string, want [][]any) {
	t.Helper()
	got := rows(t, dbPath, query)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %#v\nwant %#v", query, got, want)
	}
}

// column finds a column summary by name.
func summaryOf(t *testing.T, res *Result, name string) ColumnSummary {
	t.Helper()
	for _, c := range res.Columns {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("no column %q in %+v", name, res.Columns)
	return ColumnSummary{}
}

// fileExists reports whether path exists.
func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
