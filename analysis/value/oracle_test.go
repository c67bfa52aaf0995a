package value

import (
	"math"

	"gonum.org/v1/gonum/integrate/quad"
)

// Independent oracles for the tests: the BG/NBD quantities as integrals
// over the dropout probability p, with the Gamma integrals over λ done by
// hand, taken by gonum's Gauss-Legendre quadrature. No hypergeometric
// function and no code of the package is involved.

// betaInt returns ∫₀¹ F(p) p^(a−1) (1−p)^(b−1) dp for F continuous on
// [0, 1]. The interval is split at 1/2; on the left p = s^(1/e) with
// e = min(a, 1), which makes the kernel's p^(a−1) bounded, and the same on
// the right in 1−p. Each half is cut into geometric panels towards its
// endpoint (down to 1e-14), each taken by 48-point Gauss-Legendre, so a
// kernel concentrated near an endpoint (large b+x) is resolved too.
func betaInt(F func(p float64) float64, a, b float64) float64 {
	half := func(g func(s float64) float64, e float64) float64 {
		top := math.Pow(0.5, e)
		sum := quad.Fixed(g, 0, top*1e-14, 48, quad.Legendre{}, 0)
		for k := 14; k > 0; k-- {
			lo, hi := top*math.Pow(10, -float64(k)), top*math.Pow(10, -float64(k-1))
			sum += quad.Fixed(g, lo, hi, 48, quad.Legendre{}, 0)
		}
		return sum
	}
	ea, eb := math.Min(a, 1), math.Min(b, 1)
	left := half(func(s float64) float64 {
		p := math.Pow(s, 1/ea)
		return F(p) * math.Pow(p, a-ea) * math.Pow(1-p, b-1) / ea
	}, ea)
	right := half(func(s float64) float64 {
		q := math.Pow(s, 1/eb)
		return F(1-q) * math.Pow(q, b-eb) * math.Pow(1-q, a-1) / eb
	}, eb)
	return left + right
}

// oracleBG returns P(alive), E[Y(t) | x, tx, T] and the likelihood of one
// customer under BG/NBD (FHL 2005, section 3), from the model's definition:
// given λ and p the customer is alive at T with probability
// (1−p)^x λ^x e^(−λT) / L(λ, p) and then buys (1 − e^(−λpt))/p times in
// expectation. Integrating λ ~ Gamma(r, α) by hand,
//
//	∫ λ^x e^(−λs) g(λ) dλ = Γ(r+x)/Γ(r) · α^r / (α+s)^(r+x),
//
// leaves integrals over p ~ Beta(a, b).
func oracleBG(m BGNBDParams, t float64, x int, tx, T float64) (palive, expected, lik float64) {
	r, al, a, b := m.R, m.Alpha, m.A, m.B
	fx := float64(x)
	k := r + fx
	lg1, _ := math.Lgamma(r + fx)
	lg0, _ := math.Lgamma(r)
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	// c·(α+T)^(−k) is the λ-integral of the alive term; everything below is
	// divided by it.
	logc := lg1 - lg0 + r*math.Log(al) - (la + lb - lab) - k*math.Log(al+T)
	alive := betaInt(func(p float64) float64 { return 1 }, a, b+fx)
	dead := 0.0
	if x > 0 {
		ratio := math.Pow((al+T)/(al+tx), k)
		dead = ratio * betaInt(func(p float64) float64 { return 1 }, a+1, b+fx-1)
	}
	// E: ∫ (1−p)^x [(α+T)^(−k) − (α+T+pt)^(−k)]/p kernel, divided by (α+T)^(−k).
	num := betaInt(func(p float64) float64 {
		if p == 0 {
			return k * t / (al + T)
		}
		// 1 − (1 + pt/(α+T))^(−k), without cancellation for small p.
		return -math.Expm1(-k*math.Log1p(p*t/(al+T))) / p
	}, a, b+fx)
	return alive / (alive + dead), num / (alive + dead), math.Exp(logc) * (alive + dead)
}

// oracleGG returns the Gamma-Gamma log-likelihood of a mean m of x
// transactions and E[M | x, m], by integrating over the customer's rate
// ν ~ Gamma(q, γ): the mean of x Gamma(p, ν) values is Gamma(px, xν), and
// E[value | ν] = p/ν. The ν-integral is taken in u = log ν, scaled by its
// value at the posterior mode, over a window wide enough for the slowly
// decaying left tail of the E integrand (like e^((px+q−1)u)), in panels of
// at most 0.25 (half a posterior standard deviation of log ν when that is
// narrower) with 16-point Gauss-Legendre each.
func oracleGG(g GammaGammaParams, x int, m float64) (loglik, expected float64) {
	p, q, gm := g.P, g.Q, g.Gamma
	fx := float64(x)
	lgq, _ := math.Lgamma(q)
	lgpx, _ := math.Lgamma(p * fx)
	logf := func(nu float64) float64 { // log[f(m | ν) g(ν)]
		return px(p, fx)*math.Log(fx*nu) + (p*fx-1)*math.Log(m) - fx*nu*m - lgpx +
			q*math.Log(gm) + (q-1)*math.Log(nu) - gm*nu - lgq
	}
	shape, rate := p*fx+q, gm+fx*m
	mid := math.Log(shape / rate)
	ref := logf(math.Exp(mid))
	lo := mid - math.Max(50/(shape-1), 15/math.Sqrt(shape))
	hi := mid + math.Max(15/math.Sqrt(shape), 4)
	step := math.Min(0.25, 0.5/math.Sqrt(shape))
	var l, e float64
	for a := lo; a < hi; a += step {
		l += quad.Fixed(func(u float64) float64 { nu := math.Exp(u); return math.Exp(logf(nu)-ref) * nu }, a, a+step, 16, quad.Legendre{}, 0)
		e += quad.Fixed(func(u float64) float64 { nu := math.Exp(u); return math.Exp(logf(nu)-ref) * p }, a, a+step, 16, quad.Legendre{}, 0)
	}
	return math.Log(l) + ref, e / l
}

func px(p, x float64) float64 { return p * x }

func relDiff(a, b float64) float64 {
	return math.Abs(a-b) / math.Max(math.Abs(b), 1e-300)
}
