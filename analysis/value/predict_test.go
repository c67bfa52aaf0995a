package value

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// CLV against its definition with expectations from the integral oracle:
// monthly (30-day) periods over 200 days (the last period 20 days), each
// period's expected purchases valued at v and discounted to its end.
func TestCLVAgainstDefinition(t *testing.T) {
	m := BGNBD{BGNBDParams: fhl, Unit: Weeks}
	o := PredictOptions{HorizonDays: 200, DiscountRate: 0.01, PeriodDays: 30}
	for _, h := range []struct {
		x     int
		tx, T float64
	}{{0, 0, 10}, {2, 30.43, 38.86}, {9, 35, 36}} {
		want, prev := 0.0, 0.0
		for _, end := range []float64{30, 60, 90, 120, 150, 180, 200} {
			_, e, _ := oracleBG(fhl, end/7, h.x, h.tx, h.T)
			want += 25 * (e - prev) / math.Pow(1.01, end/30)
			prev = e
		}
		got, err := m.CLV(25, h.x, h.tx, h.T, o)
		if err != nil {
			t.Fatal(err)
		}
		if relDiff(got, want) > 1e-8 {
			t.Errorf("%+v: CLV %v, want %v", h, got, want)
		}
		// Undiscounted, CLV is v·E[Y(H)].
		o0 := o
		o0.DiscountRate = 0
		got0, _ := m.CLV(25, h.x, h.tx, h.T, o0)
		if relDiff(got0, 25*prev) > 1e-8 {
			t.Errorf("%+v: undiscounted CLV %v, want %v", h, got0, 25*prev)
		}
	}
}

// Predict agrees with the per-customer methods, and a permutation of the
// customers permutes the results exactly (bit for bit), fit included.
func TestPredictConsistentAndDeterministic(t *testing.T) {
	s := simulateBG(3, 4000, fhl, GammaGammaParams{P: 6.25, Q: 3.74, Gamma: 15.44})
	ctx := context.Background()
	m, err := FitBGNBD(ctx, s, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := FitGammaGamma(ctx, s, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o := DefaultPredictOptions()
	pr, err := Predict(ctx, s, m, &g, o)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(s.X); i += 37 {
		x, tx, T := int(s.X[i]), s.Tx[i], s.T[i]
		pa, _ := m.PAlive(x, tx, T)
		e, _ := m.ExpectedPurchases(180.0/7, x, tx, T)
		v, _ := g.ExpectedValue(x, s.MeanValue[i])
		c, _ := m.CLV(v, x, tx, T, o)
		if pr.PAlive[i] != pa || relDiff(pr.Expected[i], e) > 1e-12 || pr.Value[i] != v || relDiff(pr.CLV[i], c) > 1e-12 {
			t.Fatalf("customer %d: %v %v %v %v, want %v %v %v %v", i, pr.PAlive[i], pr.Expected[i], pr.Value[i], pr.CLV[i], pa, e, v, c)
		}
	}
	// Reverse the customers.
	n := len(s.X)
	r := s
	r.Modelled, r.X, r.Tx, r.T, r.MeanValue = make([]bool, n), make([]int32, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i := 0; i < n; i++ {
		j := n - 1 - i
		r.Modelled[j], r.X[j], r.Tx[j], r.T[j], r.MeanValue[j] = s.Modelled[i], s.X[i], s.Tx[i], s.T[i], s.MeanValue[i]
	}
	m2, err := FitBGNBD(ctx, r, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g2, err := FitGammaGamma(ctx, r, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if m2.BGNBDParams != m.BGNBDParams || m2.Fit.LogLikelihood != m.Fit.LogLikelihood || g2.GammaGammaParams != g.GammaGammaParams {
		t.Fatalf("fit depends on customer order: %+v vs %+v", m2.BGNBDParams, m.BGNBDParams)
	}
	pr2, err := Predict(ctx, r, m2, &g2, o)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		j := n - 1 - i
		if pr2.CLV[j] != pr.CLV[i] || pr2.Expected[j] != pr.Expected[i] {
			t.Fatalf("customer %d: results depend on order", i)
		}
	}
}

// Random parameters and histories never give NaN, Inf or out-of-range
// results.
func TestPredictionsAlwaysFinite(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	logu := func(lo, hi float64) float64 { return math.Exp(lo + (hi-lo)*rng.Float64()) }
	numerical := 0
	for i := 0; i < 3000; i++ {
		// Up to the edges a boundary fit can reach (log-parameters ±25).
		m := BGNBD{BGNBDParams: BGNBDParams{logu(-8, 5), logu(-10, 10), logu(-25, 8), logu(-8, 25)}, Unit: Days}
		x := rng.IntN(500)
		T := logu(-3, 7)
		tx := 0.0
		if x > 0 {
			tx = T * rng.Float64()
		}
		o := PredictOptions{HorizonDays: 1 + rng.IntN(3000), DiscountRate: 0.05 * rng.Float64()}
		pa, err1 := m.PAlive(x, tx, T)
		e, err2 := m.ExpectedPurchases(float64(o.HorizonDays), x, tx, T)
		c, err3 := m.CLV(10, x, tx, T, o)
		if err := errors.Join(err1, err2, err3); err != nil {
			if KindOf(err) != KindNumerical {
				t.Fatalf("%+v x=%d tx=%v T=%v: %v", m.BGNBDParams, x, tx, T, err)
			}
			numerical++
			continue
		}
		if !(pa >= 0 && pa <= 1) || !finite(e) || e < 0 || !finite(c) || c < 0 || c > 10*e*(1+1e-9) {
			t.Fatalf("%+v x=%d tx=%v T=%v: P(alive) %v, E %v, CLV %v", m.BGNBDParams, x, tx, T, pa, e, c)
		}
	}
	if numerical > 3 {
		t.Errorf("%d of 3000 random cases could not be evaluated", numerical)
	}
	t.Logf("%d of 3000 cases reported KindNumerical", numerical)
}

func TestPredictErrors(t *testing.T) {
	s := simulateBG(4, 300, fhl, GammaGammaParams{P: 6.25, Q: 3.74, Gamma: 15.44})
	m := BGNBD{BGNBDParams: fhl, Unit: Weeks}
	ctx := context.Background()
	for _, c := range []struct {
		o    PredictOptions
		kind Kind
	}{
		{PredictOptions{HorizonDays: 0}, KindBadHorizon},
		{PredictOptions{HorizonDays: 30, DiscountRate: -0.1}, KindBadDiscount},
		{PredictOptions{HorizonDays: 30, DiscountRate: 1}, KindBadDiscount},
		{PredictOptions{HorizonDays: 30, DiscountRate: math.NaN()}, KindBadDiscount},
		{PredictOptions{HorizonDays: 30, PeriodDays: -1}, KindBadHorizon},
	} {
		if _, err := Predict(ctx, s, m, nil, c.o); KindOf(err) != c.kind {
			t.Errorf("%+v: %v, want %s", c.o, err, c.kind)
		}
	}
	if _, err := Predict(ctx, s, BGNBD{BGNBDParams: fhl, Unit: Days}, nil, DefaultPredictOptions()); KindOf(err) != KindSummaryModelMismatch {
		t.Errorf("unit mismatch: %v", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := Predict(cctx, s, m, nil, DefaultPredictOptions()); KindOf(err) != KindCancelled || !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	if _, err := FitBGNBD(cctx, s, FitOptions{}); KindOf(err) != KindCancelled {
		t.Errorf("cancelled fit: %v", err)
	}
	// Without a spend model there are no values.
	pr, err := Predict(ctx, s, m, nil, DefaultPredictOptions())
	if err != nil || pr.Value != nil || pr.CLV != nil {
		t.Errorf("no spend model: %v", err)
	}
}

func TestFitErrors(t *testing.T) {
	ctx := context.Background()
	// Ten customers, one repeat buyer.
	x := []int32{1, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	tx := []float64{2, 0, 0, 0, 0, 0, 0, 0, 0, 0}
	T := []float64{5, 5, 5, 5, 5, 5, 5, 5, 5, 5}
	s, _ := NewSummary(Weeks, x, tx, T, nil)
	if _, err := FitBGNBD(ctx, s, FitOptions{}); KindOf(err) != KindTooFewRepeatBuyers {
		t.Errorf("one repeat buyer: %v", err)
	}
	if _, err := FitGammaGamma(ctx, s, FitOptions{}); KindOf(err) != KindNoPositiveSpend {
		t.Errorf("no spend: %v", err)
	}
	// Everyone first bought on the calibration end.
	z := make([]float64, 10)
	s0, _ := NewSummary(Weeks, make([]int32, 10), z, z, nil)
	if _, err := FitBGNBD(ctx, s0, FitOptions{}); KindOf(err) != KindSinglePurchaseDate {
		t.Errorf("T = 0: %v", err)
	}
	if _, err := FitBGNBD(ctx, Summary{}, FitOptions{}); KindOf(err) != KindNoCustomers {
		t.Errorf("empty: %v", err)
	}
	// Nobody ever drops out and everyone buys at the same pace: a → 0 and
	// b → ∞; the fit must flag the parameters it cannot determine (or fail)
	// rather than return them as if they were estimates.
	n := 500
	xs, txs, Ts := make([]int32, n), make([]float64, n), make([]float64, n)
	for i := range xs {
		xs[i], txs[i], Ts[i] = 10, 50, 50
	}
	sd, _ := NewSummary(Weeks, xs, txs, Ts, nil)
	if m, err := FitBGNBD(ctx, sd, FitOptions{}); err == nil {
		if m.Fit.Warning != KindAtBoundary {
			t.Errorf("degenerate data: no warning: %+v", m.Fit)
		}
		for _, e := range m.Fit.Estimates {
			if !finite(e.SE) || !finite(e.Upper) || (e.Name == "a" || e.Name == "b") && e.Identified {
				t.Errorf("degenerate data: %+v", m.Fit.Estimates)
			}
		}
	} else if k := KindOf(err); k != KindNotIdentified && k != KindFitFailed {
		t.Errorf("degenerate data: %v", err)
	}
}
