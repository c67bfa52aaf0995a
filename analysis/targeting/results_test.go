package targeting

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// armsOf builds a campaign: treated revenues, then control ones; a revenue
// above 0 is a response.
func armsOf(treated, control []float64) (ctl, responded []bool, revenue []float64) {
	for _, arm := range []struct {
		ctl bool
		rev []float64
	}{{false, treated}, {true, control}} {
		for _, v := range arm.rev {
			ctl, responded, revenue = append(ctl, arm.ctl), append(responded, v > 0), append(revenue, v)
		}
	}
	return
}

// TestResultIntervalsNewcombe: Newcombe's example (a) (Statistics in Medicine
// 17:873, 1998), 56/70 against 48/80, lift 0.2000 with interval 0.0524 to
// 0.3339. Over 70 treated: 14 extra responses, 3.668 to 23.373; at a cost of
// 140 that is 10.00 per extra response, from 140/23.373 = 5.99 to 140/3.668
// = 38.17.
func TestResultIntervalsNewcombe(t *testing.T) {
	var control, responded []bool
	add := func(ctl bool, k, n int) {
		for i := range n {
			control = append(control, ctl)
			responded = append(responded, i < k)
		}
	}
	add(false, 56, 70)
	add(true, 48, 80)
	r := MeasureCampaign(control, responded, nil, nil, 2)
	if !r.Measured || !near(r.IncrementalResponses, 14, 1e-9) || !near(r.IncrementalResponsesLo, 3.668, 0.01) || !near(r.IncrementalResponsesHi, 23.373, 0.01) {
		t.Fatalf("incremental %.3f (%.3f to %.3f), want 14 (3.668 to 23.373)", r.IncrementalResponses, r.IncrementalResponsesLo, r.IncrementalResponsesHi)
	}
	if !r.HasCostPerIncremental || r.CostPerIncrementalUnbounded || !near(r.CostPerIncremental, 10, 1e-9) ||
		!near(r.CostPerIncrementalLo, 5.99, 0.01) || !near(r.CostPerIncrementalHi, 38.17, 0.1) {
		t.Fatalf("cost per extra response %.2f (%.2f to %.2f), want 10 (5.99 to 38.17)", r.CostPerIncremental, r.CostPerIncrementalLo, r.CostPerIncrementalHi)
	}
}

// TestResultIntervalsByHand: revenues worked by hand. Treated 10, 0, 20, 30:
// mean 15, s² = (25+225+25+225)/3 = 166.67; control 0, 10, 5: mean 5, s² = 25.
// Difference 10 per customer, standard error √(166.67/4 + 25/3) = √50 =
// 7.0711, so 10 ± 13.859 per customer, × 4 treated: 40 (−15.44 to 95.44).
// The lift, 3/4 − 2/3, has an interval reaching below 0, so the cost per
// extra response (cost 4 over 0.333 extra responses = 12) has no upper bound.
func TestResultIntervalsByHand(t *testing.T) {
	ctl, resp, rev := armsOf([]float64{10, 0, 20, 30}, []float64{0, 10, 5})
	r := MeasureCampaign(ctl, resp, rev, nil, 1)
	if !r.RevenueInterval || !near(r.IncrementalRevenue, 40, 1e-9) || !near(r.IncrementalRevenueLo, -15.436, 0.01) || !near(r.IncrementalRevenueHi, 95.436, 0.01) {
		t.Fatalf("incremental revenue %.3f (%.3f to %.3f), want 40 (−15.436 to 95.436)", r.IncrementalRevenue, r.IncrementalRevenueLo, r.IncrementalRevenueHi)
	}
	if !r.HasCostPerIncremental || !r.CostPerIncrementalUnbounded || r.CostPerIncrementalHi != 0 || !near(r.CostPerIncremental, 12, 1e-9) ||
		!near(r.CostPerIncrementalLo, 4/r.IncrementalResponsesHi, 1e-12) || r.LiftLo >= 0 {
		t.Fatalf("cost per extra response %+v", r)
	}
	// no control group: nothing measured, nothing NaN or infinite
	ctl, resp, rev = armsOf([]float64{10, 0, 20}, nil)
	r = MeasureCampaign(ctl, resp, rev, nil, 1)
	if r.Measured || r.HasCostPerIncremental || r.Treated.N != 3 || r.Cost != 3 {
		t.Fatalf("without control %+v", r)
	}
	allFinite(t, r)
	// a lone control customer: no variance, so no revenue interval
	ctl, resp, rev = armsOf([]float64{10, 0, 20}, []float64{5})
	if r = MeasureCampaign(ctl, resp, rev, nil, 1); !r.Measured || r.RevenueInterval {
		t.Fatalf("one control customer %+v", r)
	}
	allFinite(t, r)
}

// allFinite fails on any NaN or infinite float field.
func allFinite(t *testing.T, r CampaignResult) {
	t.Helper()
	v := reflect.ValueOf(r)
	for i := range v.NumField() {
		if f := v.Field(i); f.Kind() == reflect.Float64 && (math.IsNaN(f.Float()) || math.IsInf(f.Float(), 0)) {
			t.Errorf("%s is %v", v.Type().Field(i).Name, f.Float())
		}
	}
}

// TestResultIntervalsCover simulates 1,000 campaigns with known truth: 2,000
// treated responding at 8%, 400 control at 3%, a response worth a lognormal
// amount (μ 3, σ 0.8). The 95% intervals of the incremental revenue and of
// the cost per extra response must hold the true value in about 95% of the
// campaigns (binomial sd 0.7 points: 92.5–97.5% allowed).
func TestResultIntervalsCover(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 20))
	const sims, nt, nc, pt, pc, mu, sigma, cost = 1000, 2000, 400, 0.08, 0.03, 3.0, 0.8, 0.5
	meanRevenue := math.Exp(mu + sigma*sigma/2)
	trueRevenue := (pt - pc) * meanRevenue * nt
	trueCPI := cost * nt / ((pt - pc) * nt)
	revenueIn, cpiIn := 0, 0
	for range sims {
		draw := func(n int, p float64) []float64 {
			out := make([]float64, n)
			for i := range out {
				if r.Float64() < p {
					out[i] = math.Exp(mu + sigma*r.NormFloat64())
				}
			}
			return out
		}
		ctl, resp, rev := armsOf(draw(nt, pt), draw(nc, pc))
		m := MeasureCampaign(ctl, resp, rev, nil, cost)
		if m.IncrementalRevenueLo <= trueRevenue && trueRevenue <= m.IncrementalRevenueHi {
			revenueIn++
		}
		if m.HasCostPerIncremental && m.CostPerIncrementalLo <= trueCPI && (m.CostPerIncrementalUnbounded || trueCPI <= m.CostPerIncrementalHi) {
			cpiIn++
		}
	}
	for name, in := range map[string]int{"incremental revenue": revenueIn, "cost per extra response": cpiIn} {
		if share := float64(in) / sims; share < 0.925 || share > 0.975 {
			t.Errorf("%s: the 95%% interval held the truth in %.1f%% of %d campaigns", name, 100*share, sims)
		}
	}
	t.Logf("coverage: incremental revenue %.1f%%, cost per extra response %.1f%%", 100*float64(revenueIn)/sims, 100*float64(cpiIn)/sims)
}
