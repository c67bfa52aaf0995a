package app

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

// TestFrozenCutOffs: freezing keeps the cut-offs, segment table and
// analysis date; later loads score with them (the screen and `pulpero
// rfm` say so) even when the data has changed, here read as of an earlier
// date, where cut-offs fitted afresh differ. --unfrozen fits again.
func TestFrozenCutOffs(t *testing.T) {
	path := demoWorld(t, 1500, 4)
	db, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	load := func(o BehaviourOptions) *Session {
		t.Helper()
		s, err := db.Load(ctx, LoadRequest{AsOf: demoToday, Behaviour: o})
		if err != nil || s.Behaviour.Err != nil || s.Behaviour.RFM.Err != nil {
			t.Fatalf("%v %v", err, s.Behaviour.Err)
		}
		return s
	}
	s := load(BehaviourOptions{Segments: "0.2"})
	if s.Behaviour.RFM.Frozen != nil {
		t.Fatal("frozen before any freeze")
	}
	f, err := s.FreezeRFM(ctx, "spring", time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || f.Version != 1 {
		t.Fatalf("freeze: %+v %v", f, err)
	}
	if f2, err := s.FreezeRFM(ctx, "spring", time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)); err != nil || f2.Version != 2 {
		t.Fatalf("second freeze: %+v %v", f2, err)
	}
	fitted := s.Behaviour.RFM.Thresholds
	earlier := BehaviourOptions{AnalysisDate: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}
	again := load(earlier) // the saved setting now names the frozen cut-offs
	res := again.Behaviour.RFM
	if res.Frozen == nil || res.Frozen.Name != "spring" || res.Frozen.Version != 2 {
		t.Fatalf("later load not frozen: %+v", res.Frozen)
	}
	got, _ := json.Marshal(res.Thresholds)
	want, _ := json.Marshal(fitted)
	if string(got) != string(want) {
		t.Errorf("frozen cut-offs changed:\n%s\n%s", got, want)
	}
	if res.Thresholds.Segments.Name != "rfm vignette (11 segments)" {
		t.Errorf("the frozen segment table is %q", res.Thresholds.Segments.Name)
	}
	if again.Behaviour.AnalysisDay == s.Behaviour.AnalysisDay {
		t.Fatal("the earlier analysis date was not used")
	}
	earlier.Frozen = "-"
	free := load(earlier)
	if free.Behaviour.RFM.Frozen != nil || reflect.DeepEqual(free.Behaviour.RFM.Thresholds.Recency.Edges, fitted.Recency.Edges) {
		t.Errorf("unfrozen cut-offs as of 2025-06-01 should differ from those fitted as of %s", s.Behaviour.AnalysisDate)
	}
	v1 := load(BehaviourOptions{Frozen: "spring@1"})
	if v1.Behaviour.RFM.Frozen.Version != 1 {
		t.Errorf("version 1 asked, got %d", v1.Behaviour.RFM.Frozen.Version)
	}
	if _, err := db.Load(ctx, LoadRequest{AsOf: demoToday, Behaviour: BehaviourOptions{Frozen: "autumn"}}); err != nil {
		t.Fatal(err)
	} else if s, _ := db.Load(ctx, LoadRequest{AsOf: demoToday, Behaviour: BehaviourOptions{Frozen: "autumn"}}); s.Behaviour.RFM.Err == nil {
		t.Error("unknown frozen cut-offs gave scores")
	}
}
