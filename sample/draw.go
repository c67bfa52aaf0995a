package sample

import (
	"math"
	"math/rand/v2"
)

// pick returns an index drawn with probability proportional to weights.
func pick(r *rand.Rand, weights []float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	u := r.Float64() * total
	for i, w := range weights {
		if u < w {
			return i
		}
		u -= w
	}
	return len(weights) - 1
}

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// poisson draws a Poisson count (Knuth's method; means here are small, and
// large means fall back to a rounded normal).
func poisson(r *rand.Rand, mean float64) int {
	if mean <= 0 {
		return 0
	}
	if mean > 30 {
		return max(0, int(math.Round(mean+math.Sqrt(mean)*r.NormFloat64())))
	}
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// gamma2 draws a Gamma(shape 2, mean 1) multiplier: individual heterogeneity
// in how often people do things.
func gamma2(r *rand.Rand) float64 {
	return (r.ExpFloat64() + r.ExpFloat64()) / 2
}

// between returns an integer uniformly in [lo, hi].
func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

func logistic(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// round2 rounds to cents.
func round2(x float64) float64 { return math.Round(x*100) / 100 }
