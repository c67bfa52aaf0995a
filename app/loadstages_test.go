package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
	"github.com/pulpero/pulpero/sample"
)

// TestLoadInStagesGivesTheCustomersFirst (issue 14): the first session has
// every customer attribute, no reachability and no behaviour (it says they
// are being read), and lists nobody for a campaign; the final one has that session's attributes in the same places
// (ages and tenure recomputed as of the purchases' analysis date may be new
// columns under the same names) with the behaviour's after them, and the
// same attributes in the same order as the one-step Load; the first session
// is not changed by what follows, since the screens read it meanwhile.
func TestLoadInStagesGivesTheCustomersFirst(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := GenerateSample(context.Background(), path, sample.Options{Customers: 800, Seed: 5}, false); err != nil {
		t.Fatal(err)
	}
	dataDir := t.TempDir()
	db, err := Open(path, OpenOptions{DataDir: dataDir})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	asOf := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	var first *Session
	var firstNames []string
	var written []string // the snapshot is written after the first screen, not before
	full, err := db.LoadInStages(t.Context(), LoadRequest{AsOf: asOf}, func(s *Session) {
		first, firstNames = s, s.Data.Names()
		written, _ = filepath.Glob(filepath.Join(dataDir, "snapshots", "*", "col-*"))
	})
	if err != nil {
		t.Fatal(err)
	}
	if first == nil {
		t.Fatal("the first session was never handed over")
	}
	if len(written) > 0 {
		t.Errorf("the screens waited for the snapshot: %d column files before the first session", len(written))
	}
	read := 0 // the columns read from SQLite (not derived)
	for _, c := range first.Data.Columns {
		if !c.Meta().Derived {
			read++
		}
	}
	if cols, _ := filepath.Glob(filepath.Join(dataDir, "snapshots", "*", "col-*")); len(cols) < read {
		t.Errorf("%d column files kept for the next open, want at least %d", len(cols), read)
	}
	if !first.StillLoading() || full.StillLoading() {
		t.Errorf("behaviour loading: first %v, final %v", first.StillLoading(), full.StillLoading())
	}
	if full.Behaviour.Err != nil {
		t.Fatalf("the final session has no behaviour: %v", full.Behaviour.Err)
	}
	for _, name := range []string{"recency_days", "frequency", "monetary", "rfm_segment", "reachable_email", "digitally_valid"} {
		if first.Data.Attribute(name) != nil || full.Data.Attribute(name) == nil {
			t.Errorf("%s: in the first session %v, in the final %v", name, first.Data.Attribute(name) != nil, full.Data.Attribute(name) != nil)
		}
	}
	for _, name := range []string{"age", "generation", "consent_email"} {
		if first.Data.Attribute(name) == nil {
			t.Errorf("the first session lacks %s", name)
		}
	}
	if first.Reach != nil || full.Reach == nil {
		t.Errorf("reachability: first %v, final %v", first.Reach != nil, full.Reach != nil)
	}
	// consent is read with reachability: the first session exports nobody
	out := filepath.Join(t.TempDir(), "list.csv")
	lib, err := db.Library(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	req := campaign.ExportRequest{Out: out, Format: campaign.FormatCSV, NoRecord: true, Request: campaign.Request{Value: 100, DefaultRate: 0.5,
		Model: campaign.ModelRates, Prior: 50, Channels: []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.1}}}}
	if _, err := first.Export(t.Context(), lib, req, ExportOptions{}); err == nil || !strings.Contains(err.Error(), "reachability") {
		t.Errorf("the first session's export: %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s: %v", out, err)
	}
	if _, err := full.Export(t.Context(), lib, req, ExportOptions{}); err != nil {
		t.Errorf("the final session's export: %v", err)
	}
	if got := first.Data.Names(); !slices.Equal(got, firstNames) {
		t.Errorf("the first session changed after it was handed over:\n%v\nwas\n%v", got, firstNames)
	}
	n := len(first.Data.Columns)
	if len(full.Data.Columns) <= n {
		t.Fatalf("the final session has %d columns, the first %d", len(full.Data.Columns), n)
	}
	for i, c := range first.Data.Columns {
		if full.Data.Columns[i].Meta().Name != c.Meta().Name {
			t.Errorf("column %d: %s in the first session, %s in the final", i, c.Meta().Name, full.Data.Columns[i].Meta().Name)
		}
	}
	one, err := db.Load(t.Context(), LoadRequest{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(one.Data.Names(), full.Data.Names()) {
		t.Errorf("Load and LoadInStages differ:\n%v\n%v", one.Data.Names(), full.Data.Names())
	}
}

// TestOrderedAsKeepsTheScreensIndices: the grown session, ordered as the
// one the screens hold (which had the Value screen's columns added), has
// every attribute they know at the index they know, the new ones after,
// and leaves both sessions as they were.
func TestOrderedAsKeepsTheScreensIndices(t *testing.T) {
	col := func(name string) model.Column {
		return &model.NumberColumn{ColumnMeta: model.ColumnMeta{Name: name}, Values: []float64{1}, Nulls: model.NewBitset(1)}
	}
	prev := &Session{Data: &model.Dataset{RowIDs: []int64{1}, Columns: []model.Column{col("age"), col("zone"), col("clv")}}}
	grown := &Session{Data: &model.Dataset{RowIDs: []int64{1}, Columns: []model.Column{col("age"), col("zone"), col("reachable_email"), col("recency_days"), col("CLV")}}}
	got := grown.OrderedAs(prev).Data.Names()
	if want := []string{"age", "zone", "CLV", "reachable_email", "recency_days"}; !slices.Equal(got, want) {
		t.Errorf("ordered: %v, want %v", got, want)
	}
	if names := grown.Data.Names(); names[2] != "reachable_email" {
		t.Errorf("the grown session changed: %v", names)
	}
}
