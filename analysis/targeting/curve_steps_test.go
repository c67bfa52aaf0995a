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
	wantReturn := []float64{10, 5, 0, 0.5} // the last step spends 20 more (from 20 to 40) for 10 more profit
	for k, s := range got {
		if s.Budget != wantBudget[k] || s.Profit != wantProfit[k] || math.Abs(s.Return-wantReturn[k]) > 1e-12 {
			t.Errorf("step %d: %+v, want budget %g profit %g return %g", k, s, wantBudget[k], wantProfit[k], wantReturn[k])
		}
	}
	// the returns add up to the profit at the end: Σ return × money spent in the step
	total := 0.0
	for k, s := range got {
		step := s.Spent
		if k > 0 {
			step -= got[k-1].Spent
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

// TestCurveStepsUnderAConstantRate: when every contact costs the same and
// returns the same, each step says so, whatever the budgets' rounding (the
// steps used to alternate, 14.77 then 15.38, as a step held one contact
// more or less than its nominal budget).
func TestCurveStepsUnderAConstantRate(t *testing.T) {
	var curve []campaign.CurvePoint
	for n := 1; n <= 1000; n++ {
		curve = append(curve, campaign.CurvePoint{Budget: 0.3 * float64(n), Profit: 4.5 * float64(n), Contacts: n})
	}
	steps := CurveSteps(curve, 8)
	if len(steps) != 8 {
		t.Fatalf("%d steps", len(steps))
	}
	for k, s := range steps {
		if math.Abs(s.Return-15) > 1e-9 {
			t.Errorf("step %d returns %.4f, want 15 (4.5 per contact of 0.3)", k, s.Return)
		}
	}
}
