package value

import (
	"math"

	"gonum.org/v1/gonum/integrate/quad"
)

// maxSeriesTerms bounds the series before the quadrature takes over: past
// about 5,000 terms (z above 0.99, or a long transient when a parameter is
// large) the quadrature, some 30 to 300 µs, is the cheaper of the two.
const maxSeriesTerms = 5_000

// growth returns the BG/NBD expected number of purchases in (T, T+t] of a
// customer with x repeat purchases who is alive at T:
//
//	G = (a+b+x−1)/(a−1) · [1 − (1−z)^(r+x) · ₂F₁(r+x, b+x; c; z)],
//	c = a+b+x−1, z = t/(α+T+t), 1−z = (α+T)/(α+T+t).
//
// (G·P(alive) is E[Y(t) | x, tx, T]; with x = T = 0 it is E[X(t)].) Two
// exact rearrangements keep every evaluation within float64 range:
//
// Form A, used when a > max(r+x+1, 1.5): the series as written. Its terms
// are positive, and since c−(r+x)−(b+x) = a−1−r−x > 0 the ₂F₁ stays bounded
// as z → 1 (Abramowitz & Stegun 15.1.20), so nothing overflows; a−1 > 0.5
// keeps the division harmless.
//
// Form B, otherwise: Euler's transformation ₂F₁(A,B;C;z) =
// (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z) (A&S 15.3.3) turns the bracket into
// 1 − (1−z)^ε ₂F₁(a', ε; c; z) with ε = a−1, a' = a+b−r−1. Writing
// ₂F₁(a', ε; c; z) = 1 + ε·S (every term past the first has the factor
// (ε)_n = ε(ε+1)_(n−1)) and E1 = ((1−z)^ε − 1)/ε = expm1(εL)/ε, L = log(1−z),
// gives
//
//	G = −[c·E1 + U·(1−z)^ε],  U = c·S = Σ_{n≥1} (a')_n (ε+1)_(n−1) z^n / ((c+1)_(n−1) n!),
//
// which has no division by a−1 (exact at a = 1, where E1 = L) nor by c (so
// a+b < 1 with x = 0 is fine). Here a ≤ r+x+1 or a ≤ 1.5, so the ₂F₁ grows
// at most like (1−z)^(−1/2): no overflow.
//
// Both series are summed by hyperTail; when they would need more than
// maxSeriesTerms terms (z very close to 1), or lose more than 6 digits to
// cancellation (form B with r much larger than a+b, whose a' is then very
// negative), G is computed by quadrature instead (growthQuad).
func (m BGNBDParams) growth(x, T, t float64) (float64, error) {
	if t == 0 {
		return 0, nil
	}
	s := m.Alpha + T
	if g, ok := m.growthLargeB(x, t/s); ok {
		return g, nil
	}
	z := t / (s + t)
	L := -math.Log1p(t / s) // log(1−z), accurate for small t/s
	c := m.A + m.B + x - 1
	if m.A > max(m.R+x+1, 1.5) {
		f, ok := hyperTail(m.R+x, m.B+x, c, z, 1, 0, maxSeriesTerms)
		if ok && f > 0 {
			// 1 − (1−z)^(r+x)·F, as −expm1 of its logarithm.
			g := c / (m.A - 1) * -math.Expm1((m.R+x)*L+math.Log(f))
			if finite(g) && g >= 0 {
				return g, nil
			}
		}
	} else {
		eps := m.A - 1
		e1 := L
		if eps != 0 {
			e1 = math.Expm1(eps*L) / eps
		}
		ap := m.A + m.B - m.R - 1
		u, ok := hyperTail(ap, eps, c, z, ap*z, 1, maxSeriesTerms)
		if ok {
			a, b := c*e1, u*math.Exp(eps*L)
			g := -(a + b)
			// The two parts can cancel (they have opposite signs); keep the
			// result only when at most 6 digits were lost.
			if finite(g) && g >= 0 && g >= 1e-6*max(math.Abs(a), math.Abs(b)) {
				return g, nil
			}
		}
	}
	return m.growthQuad(x, T, t)
}

// growthLargeB computes G, with k = t/(α+T), by expanding the integrand of
// growthQuad in powers of p and taking the Beta moments
// E[p^(j−1)] = (a)_(j−1)/(a+b+x)_(j−1):
//
//	G = Σ_{j≥1} (−1)^(j+1) (r+x)_j k^j / j! · (a)_(j−1) / (a+b+x)_(j−1).
//
// The term ratio is −(r+x+j)·k·(a+j−1)/((j+1)(a+b+x+j−1)), so when b+x is
// large against (r+x+j)·k the terms fall fast from the first, m·k, and
// alternate without cancellation. That is the regime of a boundary fit
// (a → 0, b → ∞: almost nobody drops out, G → (r+x)k, the NBD), where forms
// A and B cancel catastrophically. The expansion is only asymptotic (the
// series diverges eventually), so it is used only when b+x exceeds
// 20·(r+x+60)·k, which keeps every ratio of the first 60 terms below 1/20,
// and only if the terms reach 1e-17 of the sum within them.
func (m BGNBDParams) growthLargeB(x, k float64) (float64, bool) {
	mm, bb := m.R+x, m.A+m.B+x
	if !(bb > 20*(mm+60)*k) {
		return 0, false
	}
	term := mm * k
	sum := term
	for j := 1.0; j < 60; j++ {
		term *= -(mm + j) * k * (m.A + j - 1) / ((j + 1) * (bb + j - 1))
		sum += term
		if math.Abs(term) <= 1e-17*sum {
			return sum, sum >= 0 && finite(sum)
		}
	}
	return 0, false
}

// growthQuad computes G by the integral it comes from: given that the
// customer is alive at T, λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x) a
// posteriori, and E[purchases in t | λ, p] = (1 − e^(−λpt))/p, so
//
//	G = ∫₀¹ (1 − (1 + p·t/(α+T))^(−(r+x))) / p · Beta(p; a, b+x) dp.
//
// For a < 0.05 the Beta mass sits so close to p = 0 that the quadrature
// would need an immense range of u; there the integrand is replaced by the
// correction mk − g(p), which vanishes at 0 (G = mk − ∫(mk − g)·Beta, with
// m = r+x, k = t/(α+T)).
func (m BGNBDParams) growthQuad(x, T, t float64) (float64, error) {
	k := t / (m.Alpha + T)
	mm := m.R + x
	var v float64
	var ok bool
	if m.A < 0.05 {
		var c float64
		c, ok = betaIntegral(m.A, m.B+x, 1, func(p, _ float64) float64 { return nbdGap(mm, k, p) })
		v = mm*k - c
	} else {
		v, ok = betaIntegral(m.A, m.B+x, 0, func(p, _ float64) float64 {
			if pk := p * k; pk > 1e-300 {
				return -math.Expm1(-mm*math.Log1p(pk)) / p
			}
			return mm * k
		})
	}
	if !ok || !(v >= 0) {
		return 0, newError(KindNumerical, "expected purchases for x %v, T %v, t %v: quadrature did not converge", x, T, t)
	}
	return v, nil
}

// betaIntegral returns ∫₀¹ g(p) Beta(p; a, b) dp for g ≥ 0, given p and
// 1−p (both accurate near the ends), by tanh-sinh (double-exponential)
// quadrature, p = 1/(1+e^(−π sinh u)), in logarithms so that the endpoint
// singularities p^(a−1) and (1−p)^(b−1) of small a or b cause neither
// underflow nor loss of accuracy. Towards u → −∞ the integrand decays like
// exp(−(a+ga)·π·e^|u|/2), where g vanishes like p^ga at 0, so the left end
// is cut where that falls below e^-40, at u = −log(80/(π(a+ga))) (29 for
// a = 1e-11, ga = 0), and likewise the right end with b. The step is halved until two successive sums agree to 1e-11; it
// reports false if they never do.
func betaIntegral(a, b, ga float64, g func(p, q float64) float64) (float64, bool) {
	if a >= 5 && b >= 5 {
		if v, ok := betaIntegralPeak(a, b, g); ok {
			return v, true
		}
	}
	lnB := lbeta(a, b)
	f := func(u float64) float64 {
		s := math.Pi * math.Sinh(u)
		lp, lq := -softplus(-s), -softplus(s) // log p, log(1−p)
		v := g(math.Exp(lp), math.Exp(lq))
		if !(v > 0) {
			return 0
		}
		lw := math.Log(math.Pi*math.Cosh(u)) + lp + lq
		return math.Exp(math.Log(v) + (a-1)*lp + (b-1)*lq - lnB + lw)
	}
	edge := func(c float64) float64 { return min(max(math.Log(80/(math.Pi*c)), 3), 40) }
	left, right := edge(a+ga), edge(b)
	h := 0.5
	sum := f(0)
	for u := h; u <= right; u += h {
		sum += f(u)
	}
	for u := h; u <= left; u += h {
		sum += f(-u)
	}
	prev := sum * h
	for level := 0; level < 10; level++ {
		h /= 2
		for u := h; u <= right; u += 2 * h {
			sum += f(u)
		}
		for u := h; u <= left; u += 2 * h {
			sum += f(-u)
		}
		cur := sum * h
		if level >= 2 && math.Abs(cur-prev) <= 1e-11*math.Abs(cur) && finite(cur) {
			return cur, true
		}
		prev = cur
	}
	return 0, false
}

// betaIntegralPeak integrates a Beta(a, b) with a, b ≥ 5, a single smooth
// peak, over its mean ± 14 standard deviations (clipped to [0, 1]; the
// density beyond is below e^-40 of its peak even for the skewed a = 5) by
// composite 16-point Gauss-Legendre, with 8 and then 16 panels; it reports
// false unless the two agree to 1e-12.
func betaIntegralPeak(a, b float64, g func(p, q float64) float64) (float64, bool) {
	lnB := lbeta(a, b)
	mean := a / (a + b)
	sd := math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)))
	lo, hi := max(0, mean-14*sd), min(1, mean+14*sd)
	f := func(p float64) float64 {
		if p <= 0 || p >= 1 {
			return 0
		}
		v := g(p, 1-p)
		if !(v > 0) {
			return 0
		}
		return v * math.Exp((a-1)*math.Log(p)+(b-1)*math.Log1p(-p)-lnB)
	}
	sum := func(panels int) float64 {
		w := (hi - lo) / float64(panels)
		s := 0.0
		for i := 0; i < panels; i++ {
			s += quad.Fixed(f, lo+float64(i)*w, lo+float64(i+1)*w, 16, quad.Legendre{}, 0)
		}
		return s
	}
	v8, v16 := sum(8), sum(16)
	return v16, finite(v16) && math.Abs(v16-v8) <= 1e-12*math.Abs(v16)
}

// nbdGap returns mk − (1 − (1+pk)^(−m))/p ≥ 0 without cancellation:
// with y = pk and L = log(1+y) it is [m(y − L) + φ(mL)]/p, φ(u) = e^(−u) − 1 + u,
// both parts non-negative and taken by their series when small.
func nbdGap(m, k, p float64) float64 {
	if p == 0 {
		return 0
	}
	y := p * k
	var d float64 // y − log(1+y)
	if y < 0.1 {
		term := y
		for j := 2.0; j < 40; j++ {
			term *= -y
			d -= term / j // y − Σ (−1)^(j+1) y^j/j
			if math.Abs(term) < 1e-18*math.Abs(d)*j {
				break
			}
		}
	} else {
		d = y - math.Log1p(y)
	}
	u := m * math.Log1p(y)
	var phi float64
	if u < 0.1 {
		term := 1.0
		for j := 1.0; j < 40; j++ {
			term *= -u / j
			if j >= 2 {
				phi += term
			}
			if j >= 2 && math.Abs(term) < 1e-18*math.Abs(phi) {
				break
			}
		}
	} else {
		phi = math.Expm1(-u) + u
	}
	return (m*d + phi) / p
}

// softplus returns log(1+e^y) without overflow.
func softplus(y float64) float64 {
	if y > 0 {
		return y + math.Log1p(math.Exp(-y))
	}
	return math.Log1p(math.Exp(y))
}
