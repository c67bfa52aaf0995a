package value

import "math"

// ParetoNBDParams are the parameters of the Pareto/NBD model (Schmittlein,
// Morrison & Colombo 1987; Fader & Hardie 2005, "A note on deriving the
// Pareto/NBD model and related expressions"): while active, a customer buys
// at a Poisson rate λ ~ Gamma(shape R, rate Alpha); the customer's lifetime
// is exponential with rate μ ~ Gamma(shape S, rate Beta). Unlike BG/NBD,
// dropout can happen at any time, also before the first repeat purchase.
// Alpha and Beta are in the Summary's time unit.
type ParetoNBDParams struct {
	R, Alpha, S, Beta float64
}

// ParetoNBD is a fitted Pareto/NBD model.
type ParetoNBD struct {
	ParetoNBDParams
	Unit TimeUnit
	Fit  FitInfo
}

func (m ParetoNBDParams) check() error {
	for _, v := range []float64{m.R, m.Alpha, m.S, m.Beta} {
		if !(v > 0) || math.IsInf(v, 0) {
			return newError(KindBadInput, "Pareto/NBD parameters must be positive and finite: r %v, alpha %v, s %v, beta %v", m.R, m.Alpha, m.S, m.Beta)
		}
	}
	return nil
}

// LogLikelihood returns the log-likelihood of one customer (Fader & Hardie
// 2005):
//
//	L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^(−(r+x)) (β+T)^(−s) + s/(r+s+x) · A0 ],
//
// where, with M = max(α, β), m = min(α, β), t = s+1 if α ≥ β else r+x,
//
//	A0 = F(tx) − F(T),  F(y) = ₂F₁(r+s+x, t; r+s+x+1; (M−m)/(M+y)) / (M+y)^(r+s+x),
//
// which is (r+s+x)·∫_tx^T (α+τ)^(−(r+x)) (β+τ)^(−(s+1)) dτ: the customer
// died at some τ between the last purchase and T.
func (m ParetoNBDParams) LogLikelihood(x int, tx, T float64) (float64, error) {
	if err := m.check(); err != nil {
		return 0, err
	}
	if err := checkCustomer(x, tx, T); err != nil {
		return 0, err
	}
	return m.logLik(float64(x), tx, T)
}

func (m ParetoNBDParams) logLik(x, tx, T float64) (float64, error) {
	la0, err := m.logA0(x, tx, T)
	if err != nil {
		return 0, err
	}
	return m.logLikA0(x, T, la0), nil
}

// logLikA0 is the log-likelihood given log A0.
func (m ParetoNBDParams) logLikA0(x, T, la0 float64) float64 {
	lg1, _ := math.Lgamma(m.R + x)
	lg0, _ := math.Lgamma(m.R)
	a1 := lg1 - lg0 + m.R*math.Log(m.Alpha) + m.S*math.Log(m.Beta)
	alive := -(m.R+x)*math.Log(m.Alpha+T) - m.S*math.Log(m.Beta+T)
	return a1 + logAddExp(alive, math.Log(m.S)-math.Log(m.R+m.S+x)+la0)
}

// logA0 returns log A0 (−Inf when tx = T). F is evaluated through Euler's
// transformation, ₂F₁(r+s+x, t; r+s+x+1; z) = (1−z)^(1−t) ₂F₁(1, r+s+x+1−t;
// r+s+x+1; z), whose series has positive terms with ratios below z and a sum
// below 1/(1−z), so neither the series nor its logarithm can overflow.
func (m ParetoNBDParams) logA0(x, tx, T float64) (float64, error) {
	if tx == T {
		return math.Inf(-1), nil
	}
	lo, err := m.logF(x, tx)
	if err != nil {
		return 0, err
	}
	hi, err := m.logF(x, T)
	if err != nil {
		return 0, err
	}
	return logDiff(lo, hi), nil
}

// logDiff returns log(e^lo − e^hi), −Inf when hi ≥ lo (F(T) ≤ F(tx): A0 is
// an integral of a positive function, so hi ≥ lo only by rounding).
func logDiff(lo, hi float64) float64 {
	d := hi - lo
	if d >= 0 || math.IsInf(lo, -1) {
		return math.Inf(-1)
	}
	return lo + math.Log(-math.Expm1(d))
}

// logF returns log F(y), see LogLikelihood.
func (m ParetoNBDParams) logF(x, y float64) (float64, error) {
	M, mn, t := m.Alpha, m.Beta, m.S+1
	if m.Alpha < m.Beta {
		M, mn, t = m.Beta, m.Alpha, m.R+x
	}
	rsx := m.R + m.S + x
	z := (M - mn) / (M + y)
	l1z := math.Log(mn+y) - math.Log(M+y) // log(1−z)
	q, c := rsx+1-t, rsx+1
	g, ok := hyperTail(1, q, c, z, 1, 0, maxSeriesTerms)
	if !ok {
		// ₂F₁(1, q; c; z) = ∫ Beta(u; q, c−q) / (1 − zu) du.
		g, ok = betaIntegral(q, c-q, 0, func(_, v float64) float64 { return 1 / ((1 - z) + z*v) })
		if !ok {
			return 0, newError(KindNumerical, "Pareto/NBD likelihood for x %v at %v", x, y)
		}
	}
	return (1-t)*l1z + math.Log(g) - rsx*math.Log(M+y), nil
}

// PAlive returns the probability that a customer with history (x, tx, T)
// is still active at T (Fader & Hardie 2005):
//
//	P(alive) = 1 / (1 + s/(r+s+x) · (α+T)^(r+x) (β+T)^s · A0).
func (m ParetoNBDParams) PAlive(x int, tx, T float64) (float64, error) {
	if err := m.check(); err != nil {
		return 0, err
	}
	if err := checkCustomer(x, tx, T); err != nil {
		return 0, err
	}
	return m.pAlive(float64(x), tx, T)
}

func (m ParetoNBDParams) pAlive(x, tx, T float64) (float64, error) {
	la0, err := m.logA0(x, tx, T)
	if err != nil {
		return 0, err
	}
	l := math.Log(m.S) - math.Log(m.R+m.S+x) + (m.R+x)*math.Log(m.Alpha+T) + m.S*math.Log(m.Beta+T) + la0
	if l > 0 {
		e := math.Exp(-l)
		return e / (1 + e), nil
	}
	return 1 / (1 + math.Exp(l)), nil
}

// ExpectedPurchases returns E[Y(t) | x, tx, T] under Pareto/NBD (Fader &
// Hardie 2005):
//
//	E = P(alive) · (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)],
//
// computed as an expm1 so that s = 1 (where the bracket over s−1 tends to
// log((β+T+t)/(β+T))) is exact.
func (m ParetoNBDParams) ExpectedPurchases(t float64, x int, tx, T float64) (float64, error) {
	if err := m.check(); err != nil {
		return 0, err
	}
	if err := checkCustomer(x, tx, T); err != nil {
		return 0, err
	}
	if !finite(t) || t < 0 {
		return 0, newError(KindBadHorizon, "t %v", t)
	}
	pa, err := m.pAlive(float64(x), tx, T)
	if err != nil {
		return 0, err
	}
	return pa * m.growth(float64(x), T, t), nil
}

// growth is the expected number of purchases in (T, T+t] of a customer
// alive at T: E[λ]·E[(1 − e^(−μt))/μ] with λ ~ Gamma(r+x, α+T) and
// μ ~ Gamma(s, β+T) a posteriori.
func (m ParetoNBDParams) growth(x, T, t float64) float64 {
	l := math.Log1p(t / (m.Beta + T))
	e1 := l
	if s1 := m.S - 1; s1 != 0 {
		e1 = -math.Expm1(-s1*l) / s1
	}
	return (m.R + x) * (m.Beta + T) / (m.Alpha + T) * e1
}

// ExpectedRepeat returns E[X(t)] for a new customer:
// rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)].
func (m ParetoNBDParams) ExpectedRepeat(t float64) (float64, error) {
	return m.ExpectedPurchases(t, 0, 0, 0)
}
