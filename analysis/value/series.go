package value

import "math"

// Hypergeometric-type series used for the BG/NBD conditional expectation.
//
// hyperTail sums Σ_{n≥n0} t_n where t_{n+1} = t_n·ρ_n, ρ_n = z(p+n)(q+n)/((s+n)(n+1)),
// the term ratio of the Gaussian hypergeometric series ₂F₁(p, q; s; z) (with
// n0 = 0, t_0 = 1 it is ₂F₁ itself). It requires 0 ≤ z < 1 and s+n > 0 for
// n ≥ n0.
//
// Convergence. ρ_n → z < 1, so the series converges for every z < 1, but
// only geometrically, like z^n times a power of n: near z = 1 it needs about
// log(ε)/log(z) terms (35,000 at z = 0.999). The sum stops when the tail is
// provably below tol relative to the sum: beyond nmin, where the terms keep
// one sign and ρ_n is monotone in n (the derivative of ρ_n is a ratio whose
// numerator is a quadratic in n; nmin lies past its largest root), every
// later ratio is at most ρ* = max(ρ_n, z), so the tail is at most
// |t_n|·ρ*/(1−ρ*). After maxTerms terms it gives up and reports false; the
// caller then uses quadrature.
//
// Cancellation. When p or q is negative the early terms alternate in sign
// and can dwarf the sum (p = −130 makes them ~1e39 for a sum near 1): it
// reports false too when the largest term exceeds the sum by more than
// 1e6, that is when more than 6 of the 16 digits would be lost.
func hyperTail(p, q, s, z, first float64, n0 int, maxTerms int) (float64, bool) {
	const tol = 1e-16
	if first == 0 || z == 0 {
		return first, true
	}
	nmin := monotoneFrom(p, q, s)
	nmin = max(nmin, int(math.Ceil(-p))+1, int(math.Ceil(-q))+1, int(math.Ceil(-s))+1, n0+1)
	t, sum := first, first
	big := math.Abs(first)
	done := func() (float64, bool) { return sum, big <= 1e6*math.Abs(sum) }
	for n := n0; n < n0+maxTerms; n++ {
		fn := float64(n)
		rho := z * (p + fn) * (q + fn) / ((s + fn) * (fn + 1))
		t *= rho
		sum += t
		big = max(big, math.Abs(t))
		if t == 0 {
			return done()
		}
		if math.IsInf(sum, 0) || math.IsNaN(sum) || math.IsInf(big, 0) {
			return 0, false
		}
		if n+1 >= nmin {
			r := max(rho, z)
			if r < 1 && math.Abs(t)*r/(1-r) <= tol*math.Abs(sum) {
				return done()
			}
		}
	}
	return sum, false
}

// monotoneFrom returns an index beyond which n ↦ (n+p)(n+q)/((n+s)(n+1)) is
// monotone: one past the largest real root of the numerator of its
// derivative, (s+1−p−q)n² + 2(s−pq)n + ((p+q)s − pq(s+1)).
func monotoneFrom(p, q, s float64) int {
	a2 := s + 1 - p - q
	b1 := 2 * (s - p*q)
	c0 := (p+q)*s - p*q*(s+1)
	root := math.Inf(-1)
	switch {
	case a2 != 0:
		d := b1*b1 - 4*a2*c0
		if d >= 0 {
			sd := math.Sqrt(d)
			root = max((-b1+sd)/(2*a2), (-b1-sd)/(2*a2))
		}
	case b1 != 0:
		root = -c0 / b1
	}
	if root < 0 || math.IsInf(root, 0) || math.IsNaN(root) {
		return 0
	}
	if root > 1e9 {
		return 1e9
	}
	return int(math.Ceil(root)) + 1
}
