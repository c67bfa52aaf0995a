package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
)

func mustParse(t testing.TB, rule string) segment.Node {
	t.Helper()
	n, err := segment.Parse(rule)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestGeneratedDatabasesKeepTheirWorkspaceApart: work saved on the demo
// survives its regeneration, and the demo file itself never changes.
func TestGeneratedDatabasesKeepTheirWorkspaceApart(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	if err := GenerateSample(context.Background(), path, sample.Options{Customers: 200, Seed: 5}, false); err != nil {
		t.Fatal(err)
	}
	before, err := store.FileSHA256(path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := Open(path, OpenOptions{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if !db.WorkspaceSeparate() || filepath.Dir(filepath.Dir(db.WorkspacePath())) != dir {
		t.Fatalf("workspace of a generated database at %s (separate %v), want under %s", db.WorkspacePath(), db.WorkspaceSeparate(), dir)
	}
	s, err := db.Load(context.Background(), LoadRequest{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSegment(context.Background(), nil, "young", mustParse(t, "age < 30")); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if after, _ := store.FileSHA256(path); after != before {
		t.Fatal("saving a segment changed the generated database's file")
	}
	if err := GenerateSample(context.Background(), path, sample.Options{Customers: 150, Seed: 6}, true); err != nil {
		t.Fatal(err)
	}
	db, err = Open(path, OpenOptions{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lib, err := db.Library(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := lib.Find("young"); !ok {
		t.Fatalf("the segment saved before regeneration is gone: %v", lib.Names())
	}
}
