package csvimport

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestReservedTableNames(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	if _, err := Import(context.Background(), db, writeFile(t, "seed.csv", "x\n1\n"), Options{}); err != nil {
		t.Fatal(err)
	}
	conn, err := sql.Open("sqlite", dsn(db))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`CREATE TABLE pulpero_segments (name TEXT); INSERT INTO pulpero_segments VALUES ('vip')`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	csv := writeFile(t, "s.csv", "name\nx\n")
	for _, table := range []string{"pulpero_segments", "PULPERO_Segments", "pulpero_new", "pulpero_meta"} {
		_, err := Import(context.Background(), db, csv, Options{Table: table, Replace: true})
		if !errors.Is(err, ErrBadOption) || !strings.Contains(err.Error(), "pulpero_") {
			t.Errorf("--table %s: %v", table, err)
		}
	}
	// Also when the name comes from the file.
	_, err = Import(context.Background(), db, writeFile(t, "Pulpero-Segments.csv", "name\nx\n"), Options{Replace: true})
	if !errors.Is(err, ErrBadOption) || !strings.Contains(err.Error(), "--table") {
		t.Errorf("derived name: %v", err)
	}
	wantRows(t, db, `SELECT name FROM pulpero_segments`, [][]any{{"vip"}})
	// A name that merely contains pulpero is fine.
	if _, err := Import(context.Background(), db, csv, Options{Table: "my_pulpero_x"}); err != nil {
		t.Errorf("my_pulpero_x: %v", err)
	}
}
