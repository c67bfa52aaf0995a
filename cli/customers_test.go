package cli

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/sample"
)

// TestCommandsAndScreensShareTheAnalysedAttributes: the pipeline every
// command and the TUI use adds derived and reachability attributes, so a
// segment on them counts the same everywhere.
func TestCommandsAndScreensShareTheAnalysedAttributes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	if err := app.GenerateSample(context.Background(), path, sample.Options{Customers: 600, Seed: 3}, false); err != nil {
		t.Fatal(err)
	}
	db, err := app.Open(path, app.OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cust, err := db.Load(context.Background(), app.LoadRequest{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	reach := cust.Reach
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
