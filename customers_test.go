package main

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
)

// TestCommandsAndScreensShareTheAnalysedAttributes: the pipeline every
// command and the TUI use adds derived and reachability attributes, so a
// segment on them counts the same everywhere.
func TestCommandsAndScreensShareTheAnalysedAttributes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	if err := generateSample(context.Background(), path, sample.Options{Customers: 600, Seed: 3}, false); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cust, reach, err := loadAnalysed(context.Background(), db, nil, "", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"age", "generation", "reachable_email", "digitally_valid", "bridge"} {
		if cust.Data.Column(name) == nil {
			t.Errorf("no attribute %q", name)
		}
	}
	if reach == nil {
		t.Fatal("no reachability")
	}
	// the command line counts the same segment on the same attributes
	valid, ok := cust.Data.Column("digitally_valid").(*model.CodedColumn)
	if !ok {
		t.Fatalf("digitally_valid is %T", cust.Data.Column("digitally_valid"))
	}
	want := 0
	for i := range valid.Codes {
		if v, _ := valid.Value(i); v == "yes" {
			want++
		}
	}
	if want == 0 || want == len(valid.Codes) {
		t.Fatalf("%d of %d digitally valid: the test data has no contrast", want, len(valid.Codes))
	}
	code, out, errOut := runCLI(t, "segment", "count", path, "digitally_valid = yes", "--format", "csv")
	if code != exitOK || !strings.Contains(out, strconv.Itoa(want)) {
		t.Fatalf("segment count: exit %d, want %d in %q (%s)", code, want, out, errOut)
	}
}

// TestGeneratedDatabasesKeepTheirWorkspaceApart: work saved on the demo
// survives its regeneration, and the demo file itself never changes.
func TestGeneratedDatabasesKeepTheirWorkspaceApart(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.db")
	if err := generateSample(context.Background(), path, sample.Options{Customers: 200, Seed: 5}, false); err != nil {
		t.Fatal(err)
	}
	before, err := store.FileSHA256(path)
	if err != nil {
		t.Fatal(err)
	}
	_, ws, closeDB, err := openDatabase(path, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !ws.Separate || filepath.Dir(filepath.Dir(ws.Path)) != dir {
		t.Fatalf("workspace of a generated database at %s (separate %v), want under %s", ws.Path, ws.Separate, dir)
	}
	if _, err := ws.SaveSegment(context.Background(), "young", store.SegmentVersion{Definition: "age < 30", Hash: "h"}); err != nil {
		t.Fatal(err)
	}
	closeDB()
	if after, _ := store.FileSHA256(path); after != before {
		t.Fatal("saving a segment changed the generated database's file")
	}
	if err := generateSample(context.Background(), path, sample.Options{Customers: 150, Seed: 6}, true); err != nil {
		t.Fatal(err)
	}
	_, ws, closeDB, err = openDatabase(path, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer closeDB()
	if _, err := ws.Segment(context.Background(), "young"); err != nil {
		t.Fatalf("the segment saved before regeneration is gone: %v", err)
	}
}
