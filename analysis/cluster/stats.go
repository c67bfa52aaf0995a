package cluster

import (
	"math"
	"slices"
)

// median returns the median of a (the mean of the two middle values for an
// even count), rearranging a. a must not be empty.
func median(a []float64) float64 {
	k := len(a) / 2
	v := selectKth(a, k)
	if len(a)%2 == 1 {
		return v
	}
	lower := a[0]
	for _, x := range a[1:k] {
		lower = max(lower, x)
	}
	return lower + (v-lower)/2
}

// selectKth rearranges a so that a[k] is its k-th smallest value (0-based)
// and returns it: a quickselect with three-way partitions, which keeps
// columns of few distinct values (integers, prices) linear. A run of bad
// pivots falls back to sorting.
func selectKth(a []float64, k int) float64 {
	lo, hi := 0, len(a)-1
	for round := 0; lo < hi; round++ {
		if round > 64 {
			slices.Sort(a[lo : hi+1])
			return a[k]
		}
		p := medianOf3(a[lo], a[lo+(hi-lo)/2], a[hi])
		lt, i, gt := lo, lo, hi
		for i <= gt {
			switch {
			case a[i] < p:
				a[lt], a[i] = a[i], a[lt]
				lt++
				i++
			case a[i] > p:
				a[i], a[gt] = a[gt], a[i]
				gt--
			default:
				i++
			}
		}
		switch {
		case k < lt:
			hi = lt - 1
		case k > gt:
			lo = gt + 1
		default:
			return p
		}
	}
	return a[k]
}

func medianOf3(a, b, c float64) float64 {
	if a > b {
		a, b = b, a
	}
	if b > c {
		b = c
	}
	return max(a, b)
}

// moments returns the mean, the population standard deviation and the
// skewness g1 = m3 / m2^{3/2} (the moment estimator, as scipy.stats.skew with
// bias=True) of a. Two passes, so that the deviations are taken from the mean.
func moments(a []float64) (mean, sd, skew float64) {
	var s float64
	for _, x := range a {
		s += x
	}
	mean = s / float64(len(a))
	var m2, m3 float64
	for _, x := range a {
		d := x - mean
		m2 += d * d
		m3 += d * d * d
	}
	m2 /= float64(len(a))
	m3 /= float64(len(a))
	if m2 > 0 {
		skew = m3 / math.Pow(m2, 1.5)
	}
	return mean, math.Sqrt(m2), skew
}

// isConstant reports whether a spread sd around mean is no spread at all
// once rounding is accounted for.
func isConstant(mean, sd float64) bool {
	return !(sd > 1e-12*max(1, math.Abs(mean)))
}
