package value

import (
	"context"
	"math"
	"testing"
)

func simulatedCDNOW(t *testing.T, n int, seed uint64) Purchases {
	t.Helper()
	p, err := Simulate(SimulateOptions{
		Customers: n, Seed: seed, Model: fhl, Unit: Weeks,
		Spend:    &GammaGammaParams{P: 6.25, Q: 3.74, Gamma: 15.44},
		FirstDay: day(2020, 1, 1), AcquisitionDays: 84, LastDay: day(2020, 1, 1) + 545,
	})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// Validate on data simulated from the model itself: the holdout
// predictions must match what happened within sampling error, and the
// tracking counts must equal a direct count of repeat purchase days.
func TestValidateSimulated(t *testing.T) {
	const n = 20000
	p := simulatedCDNOW(t, n, 42)
	steps := 0
	v, err := Validate(context.Background(), p, n, ValidateOptions{Unit: Weeks, Progress: func(d, total int) { steps = d }})
	if err != nil {
		t.Fatal(err)
	}
	if steps != 4 {
		t.Errorf("progress ended at %d", steps)
	}
	first, last := day(2020, 1, 1), day(2020, 1, 1)+545
	if v.CalibrationEnd < first+300 || v.CalibrationEnd > first+400 {
		t.Errorf("calibration end %d days after the start", v.CalibrationEnd-first)
	}
	if math.Abs(v.TotalErrorPct) > 8 {
		t.Errorf("total holdout error %.2f%%: predicted %.0f, actual %.0f", v.TotalErrorPct, v.PredictedHoldout, v.ActualHoldout)
	}
	if !v.CorrelationDefined || v.Correlation < 0.4 {
		t.Errorf("correlation %v", v.Correlation)
	}
	// Groups with many customers agree within 4 standard errors of the mean
	// of a Poisson-like count.
	for _, g := range v.ByRepeat {
		if g.Customers < 200 {
			continue
		}
		se := math.Sqrt(math.Max(g.Expected, 0.05) * 3 / float64(g.Customers))
		if math.Abs(g.Expected-g.Actual) > 4*se+0.02*g.Actual {
			t.Errorf("x=%d (%d customers): expected %.3f, actual %.3f", g.X, g.Customers, g.Expected, g.Actual)
		}
	}
	// Actual tracking counts, directly: every purchase day after a
	// customer's first, for customers who first bought by the calibration
	// end, to the period holding it.
	days := map[[2]int32]bool{}
	firstDay := map[int32]int32{}
	for i, c := range p.Customer {
		days[[2]int32{c, p.Day[i]}] = true
		if f, ok := firstDay[c]; !ok || p.Day[i] < f {
			firstDay[c] = p.Day[i]
		}
	}
	counts := make([]float64, len(v.Tracking))
	for k := range days {
		f := firstDay[k[0]]
		if f > v.CalibrationEnd || k[1] == f {
			continue
		}
		for j, tp := range v.Tracking {
			if k[1] >= tp.Start && k[1] <= tp.End {
				counts[j]++
			}
		}
	}
	total := 0.0
	for j, tp := range v.Tracking {
		total += counts[j]
		if tp.Actual != counts[j] || tp.CumActual != total {
			t.Fatalf("period %d: actual %v (cum %v), direct count %v (cum %v)", j, tp.Actual, tp.CumActual, counts[j], total)
		}
		if tp.Holdout != (tp.Start > v.CalibrationEnd) || tp.End-tp.Start > 6 {
			t.Fatalf("period %d: %+v", j, tp)
		}
		if j > 0 && tp.Start != v.Tracking[j-1].End+1 {
			t.Fatalf("period %d does not follow the previous", j)
		}
	}
	if v.Tracking[len(v.Tracking)-1].End != last {
		t.Errorf("tracking ends %d, data %d", v.Tracking[len(v.Tracking)-1].End, last)
	}
	// One period ends on the calibration end.
	aligned := false
	for _, tp := range v.Tracking {
		aligned = aligned || tp.End == v.CalibrationEnd
	}
	if !aligned {
		t.Error("no period ends on the calibration end")
	}
	// Expected cumulative repeat purchases at three period ends, from the
	// integral oracle: Σ over customers of E[X(end − first)].
	byFirst := map[int32]float64{}
	for _, f := range firstDay {
		if f <= v.CalibrationEnd {
			byFirst[f]++
		}
	}
	for _, j := range []int{3, len(v.Tracking) / 2, len(v.Tracking) - 1} {
		tp := v.Tracking[j]
		want := 0.0
		for f, c := range byFirst {
			if f <= tp.End {
				_, e, _ := oracleBG(v.Model.BGNBDParams, float64(tp.End-f)/7, 0, 0, 0)
				want += c * e
			}
		}
		if relDiff(tp.CumExpected, want) > 1e-7 {
			t.Errorf("period %d: cumulative expected %v, oracle %v", j, tp.CumExpected, want)
		}
	}
	// The cumulative tracking curve follows the actual one within 5%.
	end := v.Tracking[len(v.Tracking)-1]
	if relDiff(end.CumExpected, end.CumActual) > 0.05 {
		t.Errorf("cumulative expected %v, actual %v", end.CumExpected, end.CumActual)
	}
}

func TestValidateErrors(t *testing.T) {
	p := simulatedCDNOW(t, 500, 1)
	ctx := context.Background()
	last := day(2020, 1, 1) + 545
	maxDay := int32(0)
	for _, d := range p.Day {
		maxDay = max(maxDay, d)
	}
	if _, err := Validate(ctx, p, 500, ValidateOptions{CalibrationEnd: maxDay}); KindOf(err) != KindNoHoldout {
		t.Errorf("no holdout: %v", err)
	}
	if _, err := Validate(ctx, p, 500, ValidateOptions{CalibrationEnd: last + 10}); KindOf(err) != KindCalibrationOutside {
		t.Errorf("outside: %v", err)
	}
	if _, err := Validate(ctx, Purchases{}, 0, ValidateOptions{}); KindOf(err) != KindNoPurchases {
		t.Errorf("empty: %v", err)
	}
	// Everyone bought once, on the same day.
	one := Purchases{Customer: []int32{0, 1, 2}, Day: []int32{100, 100, 100}, Amount: []float64{1, 2, 3}}
	if _, err := Validate(ctx, one, 3, ValidateOptions{}); KindOf(err) != KindNoHoldout {
		t.Errorf("one day: %v", err)
	}
	if _, err := Summarise(one, 3, 100, Weeks); err != nil {
		t.Fatal(err)
	} else if s, _ := Summarise(one, 3, 100, Weeks); true {
		if _, err := FitBGNBD(ctx, s, FitOptions{}); KindOf(err) != KindSinglePurchaseDate {
			t.Errorf("one day fit: %v", err)
		}
	}
	d, err := DefaultCalibrationEnd(p, 500)
	if err != nil {
		t.Fatal(err)
	}
	minDay := int32(math.MaxInt32)
	for _, dd := range p.Day {
		minDay = min(minDay, dd)
	}
	if want := minDay + int32(math.Round(float64(maxDay-minDay)*2/3)); d != want {
		t.Errorf("default calibration end %d, want %d", d, want)
	}
}

func TestSimulate(t *testing.T) {
	a := simulatedCDNOW(t, 300, 9)
	b := simulatedCDNOW(t, 300, 9)
	c := simulatedCDNOW(t, 300, 10)
	if len(a.Day) != len(b.Day) || len(a.Day) == len(c.Day) && a.Day[len(a.Day)-1] == c.Day[len(c.Day)-1] {
		t.Fatal("not deterministic per seed, or seeds ignored")
	}
	for i := range a.Day {
		if a.Day[i] != b.Day[i] || a.Amount[i] != b.Amount[i] || a.Customer[i] != b.Customer[i] {
			t.Fatal("same seed, different lines")
		}
	}
	first := day(2020, 1, 1)
	seen := map[int32]bool{}
	for i, cst := range a.Customer {
		if !seen[cst] && (a.Day[i] < first || a.Day[i] >= first+84) {
			t.Fatalf("customer %d first buys on day %d", cst, a.Day[i]-first)
		}
		seen[cst] = true
		if a.Day[i] > first+545 || !(a.Amount[i] >= 0) {
			t.Fatalf("line %d: day %d amount %v", i, a.Day[i]-first, a.Amount[i])
		}
	}
	if len(seen) != 300 {
		t.Fatalf("%d customers", len(seen))
	}
	if _, err := Simulate(SimulateOptions{Customers: 1, Model: fhl, AcquisitionDays: 0}); KindOf(err) != KindBadInput {
		t.Errorf("bad window: %v", err)
	}
}

// Simulate draws from the model: fitting its output recovers the
// parameters within a few standard errors (the daily recording merges
// purchases on the same day, a small bias at these rates).
func TestSimulateRecovers(t *testing.T) {
	if testing.Short() {
		t.Skip("fits a model on 20,000 customers")
	}
	p := simulatedCDNOW(t, 20000, 77)
	s, err := Summarise(p, 20000, day(2020, 1, 1)+545, Weeks)
	if err != nil {
		t.Fatal(err)
	}
	m, err := FitBGNBD(context.Background(), s, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, e := range m.Fit.Estimates {
		want := []float64{fhl.R, fhl.Alpha, fhl.A, fhl.B}[i]
		if math.Abs(e.Value-want) > 3*e.SE {
			t.Errorf("%s = %.4g ± %.2g, true %.4g", e.Name, e.Value, e.SE, want)
		}
	}
	g, err := FitGammaGamma(context.Background(), s, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("BG/NBD %+v, Gamma-Gamma %+v", m.BGNBDParams, g.GammaGammaParams)
}
