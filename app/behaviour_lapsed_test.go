package app

import (
	"testing"

	"github.com/pulpero/pulpero/analysis/rfm"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/sample"
)

// lapsedSegments are the segments of rfm 0.3.0's table for customers who
// used to buy and stopped: low recency with some past value.
var lapsedSegments = []string{"Lost", "About To Sleep", "At Risk", "Can't Lose Them"}

// TestLapsedCustomersLandInLapsedSegments uses the demo world's truth
// (sample.Activities: who lapsed part-way through the history): lapsed
// customers who bought must be in the lapsed RFM segments far more often
// than customers who kept buying. Dormant customers never bought in the
// history, so they have no scores (and must have none).
func TestLapsedCustomersLandInLapsedSegments(t *testing.T) {
	const n = 6000
	path := demoWorld(t, n, 11)
	s := loadSession(t, path, BehaviourOptions{})
	acts, err := sample.Activities(sample.Options{Customers: n, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	seg := s.Data.Column(rfm.ColSegment).(*model.CodedColumn)
	ids := s.Data.ByRole(model.RoleCustomerID).(*model.NumberColumn)
	in := map[string]bool{}
	for _, name := range lapsedSegments {
		in[name] = true
	}
	var lapsed, lapsedIn, active, activeIn, dormantScored int
	for i := range seg.Codes {
		a := acts[int(ids.Values[i])-1]
		v, scored := seg.Value(i)
		switch {
		case a.Dormant:
			if scored {
				dormantScored++
			}
		case !scored:
		case a.Lapsed:
			lapsed++
			if in[v] {
				lapsedIn++
			}
		default:
			active++
			if in[v] {
				activeIn++
			}
		}
	}
	if dormantScored > 0 {
		t.Errorf("%d dormant customers have RFM scores", dormantScored)
	}
	l, a := float64(lapsedIn)/float64(lapsed), float64(activeIn)/float64(active)
	t.Logf("in the lapsed segments %v: %d of %d lapsed customers (%.1f%%), %d of %d active ones (%.1f%%): %.1f×",
		lapsedSegments, lapsedIn, lapsed, 100*l, activeIn, active, 100*a, l/a)
	if l < 2*a {
		t.Errorf("lapsed customers are in the lapsed segments %.1f%% of the time, active ones %.1f%%: want at least twice as often", 100*l, 100*a)
	}
}
