package value

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mathext"
)

// The CDNOW estimates of Fader, Hardie & Lee (2005), in weeks.
var fhl = BGNBDParams{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}

// Hardie's spreadsheet value, as quoted in lifetimes' tests
// (test_conditional_expectation_returns_same_value_as_Hardie_excel_sheet):
// x = 2, tx = 30.43, T = 38.86 expects 1.226 purchases in the next 39 weeks.
func TestExpectedPurchasesHardieSpreadsheet(t *testing.T) {
	got, err := fhl.ExpectedPurchases(39, 2, 30.43, 38.86)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(got-1.226) > 0.0005 {
		t.Fatalf("E[Y(39) | 2, 30.43, 38.86] = %.5f, want 1.226", got)
	}
}

// Each formula against the integral oracle over a grid that covers a < 1,
// a = 1 exactly, a close to 1, a > r+x+1 (form A), a+b < 1, large x, and
// horizons from a day to far beyond α+T (z up to 0.9999).
func TestBGNBDFormulasAgainstIntegrals(t *testing.T) {
	params := []BGNBDParams{
		fhl,
		{R: 0.5, Alpha: 3, A: 1, B: 2},
		{R: 0.5, Alpha: 3, A: 1 + 1e-9, B: 2},
		{R: 1.3, Alpha: 10, A: 2.5, B: 4},
		{R: 2, Alpha: 0.5, A: 0.3, B: 0.4}, // a+b < 1
		{R: 0.8, Alpha: 20, A: 12, B: 40},  // form A for small x
		{R: 0.1, Alpha: 0.05, A: 0.7, B: 1.5},
	}
	hist := []struct {
		x     int
		tx, T float64
	}{{0, 0, 0}, {0, 0, 30}, {1, 0.5, 30}, {2, 30.43, 38.86}, {7, 20, 52}, {40, 50, 52}, {150, 100, 104}}
	for _, m := range params {
		for _, h := range hist {
			for _, tt := range []float64{1.0 / 7, 4, 39, 500, 20000} {
				wp, we, wl := oracleBG(m, tt, h.x, h.tx, h.T)
				pa, err := m.PAlive(h.x, h.tx, h.T)
				if err != nil {
					t.Fatal(err)
				}
				e, err := m.ExpectedPurchases(tt, h.x, h.tx, h.T)
				if err != nil {
					t.Fatal(err)
				}
				ll, err := m.LogLikelihood(h.x, h.tx, h.T)
				if err != nil {
					t.Fatal(err)
				}
				if relDiff(pa, wp) > 1e-9 {
					t.Errorf("%+v %+v: P(alive) %v, oracle %v", m, h, pa, wp)
				}
				if relDiff(e, we) > 1e-8 {
					t.Errorf("%+v %+v t=%v: E %v, oracle %v (rel %.1e)", m, h, tt, e, we, relDiff(e, we))
				}
				if math.Abs(ll-math.Log(wl)) > 1e-8 {
					t.Errorf("%+v %+v: LL %v, oracle %v", m, h, ll, math.Log(wl))
				}
			}
		}
	}
}

// Where gonum's mathext.Hypergeo is usable — moderate x, z up to 0.998 —
// the textbook formula with it agrees with ours. For larger x the ₂F₁
// itself grows like (1−z)^(−(r+x+1−a)) and overflows float64 (x = 300 at
// z = 0.998), which is why the package sums its own rearranged series.
func TestExpectedPurchasesAgainstGonumHypergeo(t *testing.T) {
	for _, m := range []BGNBDParams{fhl, {R: 1.3, Alpha: 10, A: 2.5, B: 4}} {
		for _, x := range []float64{0, 1, 5, 30} {
			for _, T := range []float64{0, 10, 52} {
				for _, tt := range []float64{1, 39, 200, 2000} {
					s := m.Alpha + T
					z := tt / (s + tt)
					direct := (m.A + m.B + x - 1) / (m.A - 1) *
						(1 - math.Pow(s/(s+tt), m.R+x)*mathext.Hypergeo(m.R+x, m.B+x, m.A+m.B+x-1, z))
					g, err := m.growth(x, T, tt)
					if err != nil {
						t.Fatal(err)
					}
					if relDiff(g, direct) > 1e-9 {
						t.Errorf("%+v x=%v T=%v t=%v: %v, with Hypergeo %v", m, x, T, tt, g, direct)
					}
				}
			}
		}
	}
	s := fhl.Alpha
	if h := mathext.Hypergeo(fhl.R+300, fhl.B+300, fhl.A+fhl.B+299, 2000/(s+2000)); !math.IsInf(h, 1) && h < 1e300 {
		t.Logf("Hypergeo no longer overflows at x = 300: %v", h)
	}
	if g, err := fhl.growth(300, 0, 2000); err != nil || !finite(g) {
		t.Fatalf("growth(300, 0, 2000) = %v, %v", g, err)
	}
}

// The quadrature fallback and both series forms agree where all apply.
func TestGrowthQuadratureAgreesWithSeries(t *testing.T) {
	for _, m := range []BGNBDParams{fhl, {R: 0.8, Alpha: 20, A: 12, B: 40}, {R: 2, Alpha: 0.5, A: 0.3, B: 0.4}} {
		for _, x := range []float64{0, 3, 60} {
			for _, tt := range []float64{0.5, 40, 3000} {
				g, err := m.growth(x, 12, tt)
				if err != nil {
					t.Fatal(err)
				}
				q, err := m.growthQuad(x, 12, tt)
				if err != nil {
					t.Fatal(err)
				}
				if relDiff(g, q) > 1e-10 {
					t.Errorf("%+v x=%v t=%v: series %v, quadrature %v", m, x, tt, g, q)
				}
			}
		}
	}
}

// A horizon so long that z is within 1e-7 of 1 goes to the quadrature,
// which still agrees with the oracle.
func TestExpectedPurchasesExtremeHorizon(t *testing.T) {
	m := BGNBDParams{R: 0.1, Alpha: 0.01, A: 0.9, B: 1.2}
	z := 1e5 / (m.Alpha + 1e5)
	if _, ok := hyperTail(m.A+m.B-m.R-1, m.A-1, m.A+m.B-1, z, (m.A+m.B-m.R-1)*z, 1, maxSeriesTerms); ok {
		t.Fatal("the series converged: this case no longer tests the quadrature")
	}
	got, err := m.ExpectedPurchases(1e5, 0, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, want, _ := oracleBG(m, 1e5, 0, 0, 0)
	if relDiff(got, want) > 1e-7 {
		t.Fatalf("E = %v, oracle %v", got, want)
	}
}

// P(alive) is 1 without repeat purchases and falls as the time since the
// last purchase grows (FHL 2005, section 5: "the longer the time since the
// last purchase, the lower the probability of being alive").
func TestPAliveShape(t *testing.T) {
	if p, _ := fhl.PAlive(0, 0, 38.86); p != 1 {
		t.Fatalf("P(alive | x=0) = %v", p)
	}
	prev := 1.0
	for tx := 38.0; tx >= 0; tx -= 2 {
		p, err := fhl.PAlive(5, tx, 38.86)
		if err != nil {
			t.Fatal(err)
		}
		if !(p < prev) || p <= 0 {
			t.Fatalf("P(alive | 5, %v) = %v after %v", tx, p, prev)
		}
		prev = p
	}
	// Enormous x with a long silence: no overflow, no NaN.
	if p, err := fhl.PAlive(100000, 1, 100); err != nil || p != 0 && !(p > 0 && p < 1e-300) {
		t.Fatalf("P(alive | 1e5, 1, 100) = %v, %v", p, err)
	}
}

func TestBGNBDBadArguments(t *testing.T) {
	for _, c := range []struct {
		m     BGNBDParams
		x     int
		t, tx float64
		T     float64
	}{
		{BGNBDParams{0, 1, 1, 1}, 0, 1, 0, 1},
		{BGNBDParams{1, math.Inf(1), 1, 1}, 0, 1, 0, 1},
		{fhl, -1, 1, 0, 1},
		{fhl, 1, 1, 2, 1},           // tx > T
		{fhl, 0, 1, 1, 2},           // tx > 0 with x = 0
		{fhl, 1, 1, math.NaN(), 2},  // NaN
		{fhl, 1, -1, 1, 2},          // negative horizon
		{fhl, 1, math.Inf(1), 1, 2}, // infinite horizon
	} {
		if _, err := c.m.ExpectedPurchases(c.t, c.x, c.tx, c.T); err == nil {
			t.Errorf("%+v: no error", c)
		}
	}
}
