package rfm

import "math"

// quantile7 returns the type 7 quantile of ascending values at probability
// p, computed as R 4.x's stats:::quantile.default (the "type == 7" branch):
//
//	index = 1 + (n−1)·p; lo = ⌊index⌋; hi = ⌈index⌉
//	q = x[lo]; if index > lo and x[hi] ≠ q: q = (1−h)·q + h·x[hi], h = index − lo
//
// with 1-based x. The (1−h)·a + h·b form (not a + h·(b−a)) matters: it is
// what makes the edges equal R's to the last bit. Precondition: len(sorted) > 0.
func quantile7(sorted []float64, p float64) float64 {
	n := len(sorted)
	index := 1 + float64(max(n-1, 0))*p
	lo, hi := math.Floor(index), math.Ceil(index)
	q := sorted[int(lo)-1]
	if index > lo && sorted[int(hi)-1] != q {
		h := index - lo
		q = (1-h)*q + h*sorted[int(hi)-1]
	}
	return q
}

// innerProbs returns the probabilities of R's seq(0, 1, length.out = k+1)
// without the ends: j·(1/k) for j = 1..k−1, as seq.default computes them
// (0.6000000000000001 for j = 3 of 5, not 0.6).
func innerProbs(k int) []float64 {
	if k < 2 {
		return nil
	}
	by := 1 / float64(k)
	out := make([]float64, k-1)
	for j := range out {
		out[j] = float64(j+1) * by
	}
	return out
}

// rEdges returns R rfm's bins(): the inner type 7 quantiles of the sorted
// values, plus 1. Precondition: len(sorted) > 0.
func rEdges(sorted []float64, k int) []float64 {
	probs := innerProbs(k)
	out := make([]float64, len(probs))
	for j, p := range probs {
		out[j] = quantile7(sorted, p) + 1
	}
	return out
}
