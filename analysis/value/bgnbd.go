package value

import (
	"math"
)

// BGNBDParams are the parameters of the BG/NBD model (Fader, Hardie & Lee
// 2005, "Counting your customers the easy way"): while active, a customer
// buys at a Poisson rate λ ~ Gamma(shape R, rate Alpha); after each repeat
// purchase the customer becomes inactive with probability p ~ Beta(A, B).
// Alpha is in the Summary's time unit.
type BGNBDParams struct {
	R, Alpha, A, B float64
}

func (m BGNBDParams) check() error {
	for _, v := range []float64{m.R, m.Alpha, m.A, m.B} {
		if !(v > 0) || math.IsInf(v, 0) {
			return newError(KindBadInput, "BG/NBD parameters must be positive and finite: r %v, alpha %v, a %v, b %v", m.R, m.Alpha, m.A, m.B)
		}
	}
	return nil
}

func checkCustomer(x int, tx, T float64) error {
	if x < 0 || !finite(tx) || !finite(T) || tx < 0 || tx > T || (x == 0 && tx != 0) {
		return newError(KindBadInput, "need x ≥ 0 and 0 ≤ tx ≤ T (tx = 0 when x = 0): x %d, tx %v, T %v", x, tx, T)
	}
	return nil
}

// LogLikelihood returns the log-likelihood of one customer (FHL 2005):
//
//	L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
//	  + δ(x>0) · B(a+1, b+x−1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+tx)^(r+x))
func (m BGNBDParams) LogLikelihood(x int, tx, T float64) (float64, error) {
	if err := m.check(); err != nil {
		return 0, err
	}
	if err := checkCustomer(x, tx, T); err != nil {
		return 0, err
	}
	fx := float64(x)
	lgrx, _ := math.Lgamma(m.R + fx)
	lgr, _ := math.Lgamma(m.R)
	base := lgrx - lgr + m.R*math.Log(m.Alpha) + lbeta(m.A, m.B+fx) - lbeta(m.A, m.B)
	a3 := -(m.R + fx) * math.Log(m.Alpha+T)
	if x == 0 {
		return base + a3, nil
	}
	a4 := math.Log(m.A) - math.Log(m.B+fx-1) - (m.R+fx)*math.Log(m.Alpha+tx)
	return base + logAddExp(a3, a4), nil
}

// PAlive returns the probability that a customer with history (x, tx, T)
// is still active at T (Fader, Hardie & Lee 2008, "Computing P(alive) using the BG/NBD model"):
//
//	P(alive) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tx))^(r+x))
//
// A customer without repeat purchases is alive with probability 1 under
// BG/NBD (dropout happens only at a repeat purchase).
func (m BGNBDParams) PAlive(x int, tx, T float64) (float64, error) {
	if err := m.check(); err != nil {
		return 0, err
	}
	if err := checkCustomer(x, tx, T); err != nil {
		return 0, err
	}
	return m.pAlive(float64(x), tx, T), nil
}

func (m BGNBDParams) pAlive(x, tx, T float64) float64 {
	if x == 0 {
		return 1
	}
	// l = log of the odds of being inactive; computed in logs so that large
	// x cannot overflow.
	l := math.Log(m.A) - math.Log(m.B+x-1) + (m.R+x)*(math.Log(m.Alpha+T)-math.Log(m.Alpha+tx))
	if l > 0 {
		e := math.Exp(-l)
		return e / (1 + e)
	}
	return 1 / (1 + math.Exp(l))
}

// ExpectedPurchases returns E[Y(t) | x, tx, T], the expected number of
// purchases in the next t time units of a customer with history (x, tx, T)
// (FHL 2005):
//
//	E = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; z)] · P(alive),
//	z = t/(α+T+t).
//
// The formula holds for a ≤ 1 too. Its ₂F₁ grows like (1−z)^(−(r+x+1−a))
// and overflows float64 for large x as z → 1, so the bracket is computed
// from a rearranged series (Euler's transformation), or by quadrature when z
// is within about 1e-4 of 1; growth.go documents both.
func (m BGNBDParams) ExpectedPurchases(t float64, x int, tx, T float64) (float64, error) {
	if err := m.check(); err != nil {
		return 0, err
	}
	if err := checkCustomer(x, tx, T); err != nil {
		return 0, err
	}
	if !finite(t) || t < 0 {
		return 0, newError(KindBadHorizon, "t %v", t)
	}
	g, err := m.growth(float64(x), T, t)
	if err != nil {
		return 0, err
	}
	return g * m.pAlive(float64(x), tx, T), nil
}

// ExpectedRepeat returns E[X(t)], the expected number of repeat purchases of
// a new customer in the t time units after the first purchase (FHL 2005). It equals ExpectedPurchases(t, 0, 0, 0).
func (m BGNBDParams) ExpectedRepeat(t float64) (float64, error) {
	return m.ExpectedPurchases(t, 0, 0, 0)
}

func lbeta(a, b float64) float64 {
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	return la + lb - lab
}

// logAddExp returns log(e^a + e^b) without overflow.
func logAddExp(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	return a + math.Log1p(math.Exp(b-a))
}
