package value

import (
	"context"
	"math"
	"testing"
)

// The Gamma-Gamma likelihood and conditional expectation against the
// integral over the customer's rate ν.
func TestGammaGammaAgainstIntegrals(t *testing.T) {
	for _, g := range []GammaGammaParams{{6.25, 3.74, 15.44}, {0.8, 1.5, 3}, {20, 40, 100}} {
		for _, x := range []int{1, 2, 7, 60} {
			for _, m := range []float64{0.5, 22.35, 300} {
				wl, we := oracleGG(g, x, m)
				ll, err := g.LogLikelihood(x, m)
				if err != nil {
					t.Fatal(err)
				}
				e, err := g.ExpectedValue(x, m)
				if err != nil {
					t.Fatal(err)
				}
				if math.Abs(ll-wl) > 1e-8 {
					t.Errorf("%+v x=%d m=%v: LL %v, oracle %v", g, x, m, ll, wl)
				}
				if relDiff(e, we) > 1e-8 {
					t.Errorf("%+v x=%d m=%v: E %v, oracle %v", g, x, m, e, we)
				}
			}
		}
	}
}

// Fader & Hardie (2013) illustrate the shrinkage with CDNOW: the
// population mean is pγ/(q−1) = 6.25·15.44/2.74 = 35.22, and a customer's
// expectation lies between it and the customer's own mean, nearer the own
// mean as x grows.
func TestGammaGammaShrinkage(t *testing.T) {
	g := GammaGammaParams{6.25, 3.74, 15.44}
	pm, err := g.PopulationMean()
	if err != nil || math.Abs(pm-35.22) > 0.005 {
		t.Fatalf("population mean %v, %v", pm, err)
	}
	if e, _ := g.ExpectedValue(0, 0); e != pm {
		t.Fatalf("x = 0: %v", e)
	}
	if e, _ := g.ExpectedValue(3, -5); e != pm {
		t.Fatalf("non-positive mean: %v", e)
	}
	prev := pm
	for x := 1; x < 50; x *= 2 {
		e, _ := g.ExpectedValue(x, 10)
		if !(e < prev && e > 10) {
			t.Fatalf("x=%d: %v after %v", x, e, prev)
		}
		prev = e
	}
	if _, err := (GammaGammaParams{1, 0.9, 1}).PopulationMean(); KindOf(err) != KindInfiniteMeanSpend {
		t.Fatalf("q ≤ 1: %v", err)
	}
}

// Repeat buyers whose repeat days net to zero or less are left out of the
// spend fit and counted, and Predict values them at the population mean.
func TestGammaGammaExcludesNonPositiveSpend(t *testing.T) {
	s := simulateBG(21, 3000, fhl, GammaGammaParams{P: 6.25, Q: 3.74, Gamma: 15.44})
	neg := 0
	for i := range s.X {
		if s.X[i] > 0 && i%7 == 0 {
			s.MeanValue[i] = -float64(i % 3) // −0, −1, −2: zero or negative
			neg++
		}
	}
	g, err := FitGammaGamma(context.Background(), s, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if g.Excluded != neg || g.Fit.Customers != s.Counts.RepeatBuyers-neg {
		t.Fatalf("excluded %d of %d, want %d", g.Excluded, s.Counts.RepeatBuyers, neg)
	}
	// Simulated spend is independent of frequency.
	if math.Abs(g.FrequencySpendCorrelation) > 0.1 {
		t.Errorf("frequency-spend correlation %v", g.FrequencySpendCorrelation)
	}
	pr, err := Predict(context.Background(), s, BGNBD{BGNBDParams: fhl, Unit: Weeks}, &g, DefaultPredictOptions())
	if err != nil {
		t.Fatal(err)
	}
	pm, _ := g.PopulationMean()
	for i := range s.X {
		if s.X[i] > 0 && i%7 == 0 && pr.Value[i] != pm {
			t.Fatalf("customer %d: value %v, population mean %v", i, pr.Value[i], pm)
		}
	}
}
