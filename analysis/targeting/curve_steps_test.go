package targeting

import (
	"github.com/pulpero/pulpero/model/campaign"

	"math"
	"testing"
)

// TestCurveSteps: budgets evenly spread up to the curve's end, each read
// as the last point within it, and the return of a step is its profit gained
// per unit of money added.
func TestCurveSteps(t *testing.T) {
	curve := []campaign.CurvePoint{{Budget: 10, Profit: 100, Contacts: 10}, {Budget: 20, Profit: 150, Contacts: 20}, {Budget: 40, Profit: 160, Contacts: 40}}
	got := CurveSteps(curve, 4)
	if len(got) != 4 {
		t.Fatalf("%d steps, want 4: %+v", len(got), got)
	}
	wantBudget := []float64{10, 20, 30, 40}
	wantProfit := []float64{100, 150, 150, 160}
	wantReturn := []float64{10, 5, 0, 1}
	for k, s := range got {
		if s.Budget != wantBudget[k] || s.Profit != wantProfit[k] || math.Abs(s.Return-wantReturn[k]) > 1e-12 {
			t.Errorf("step %d: %+v, want budget %g profit %g return %g", k, s, wantBudget[k], wantProfit[k], wantReturn[k])
		}
	}
	// the returns add up to the profit at the end: Σ return × budget step
	total := 0.0
	for k, s := range got {
		step := s.Budget
		if k > 0 {
			step -= got[k-1].Budget
		}
		total += s.Return * step
	}
	if math.Abs(total-curve[len(curve)-1].Profit) > 1e-9 {
		t.Errorf("returns add up to %g, the curve ends at %g", total, curve[len(curve)-1].Profit)
	}
	if CurveSteps(nil, 4) != nil {
		t.Error("an empty curve has steps")
	}
}
