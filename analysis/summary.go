package analysis

import (
	"cmp"
	"math"
	"slices"

	"github.com/pulpero/pulpero/model"
)

// Summary describes a number column's values.
type Summary struct {
	Count, Nulls int
	Min, Max     float64
	Mean, Std    float64 // Std is the sample standard deviation (n-1)
	// Quantiles at SummaryProbs, by linear interpolation between order
	// statistics (type 7, as R's default and numpy's): q(p) = x[h] + (h-⌊h⌋)(x[⌊h⌋+1]-x[⌊h⌋]) with h = (n-1)p.
	Quantiles []float64
}

// SummaryProbs are the probabilities of Summary.Quantiles: p5, p25, median, p75, p95.
var SummaryProbs = []float64{0.05, 0.25, 0.5, 0.75, 0.95}

// Summarize computes a Summary of c over subset (nil: all rows). With no
// values, Min, Max, Mean, Std and the quantiles are NaN.
func Summarize(c *model.NumberColumn, subset model.Bitset) Summary {
	vals := values(c, subset)
	s := Summary{Count: len(vals), Nulls: rowsIn(c.Len(), subset) - len(vals)}
	nan := math.NaN()
	s.Quantiles = make([]float64, len(SummaryProbs))
	if len(vals) == 0 {
		s.Min, s.Max, s.Mean, s.Std = nan, nan, nan, nan
		for i := range s.Quantiles {
			s.Quantiles[i] = nan
		}
		return s
	}
	// Welford's update keeps the variance exact enough for money and epochs.
	var mean, m2 float64
	s.Min, s.Max = vals[0], vals[0]
	for i, v := range vals {
		d := v - mean
		mean += d / float64(i+1)
		m2 += d * (v - mean)
		s.Min, s.Max = min(s.Min, v), max(s.Max, v)
	}
	s.Mean = mean
	s.Std = nan
	if len(vals) > 1 {
		s.Std = math.Sqrt(m2 / float64(len(vals)-1))
	}
	copy(s.Quantiles, Quantiles(vals, SummaryProbs))
	return s
}

// values copies the non-null values of c in subset into a new slice.
func values(c *model.NumberColumn, subset model.Bitset) []float64 {
	out := make([]float64, 0, rowsIn(c.Len(), subset))
	eachValue(c, subset, func(v float64) { out = append(out, v) })
	return out
}

func rowsIn(n int, subset model.Bitset) int {
	if subset == nil {
		return n
	}
	return subset.Count()
}

// Quantiles returns the type-7 quantiles of vals at probs (each in [0,1]).
// It reorders vals. It runs in linear expected time by selecting only the
// order statistics it needs (quickselect), so a summary of a million values
// needs no full sort.
func Quantiles(vals []float64, probs []float64) []float64 {
	out := make([]float64, len(probs))
	n := len(vals)
	if n == 0 {
		for i := range out {
			out[i] = math.NaN()
		}
		return out
	}
	// in ascending order, each selection searches only past the last one
	order := make([]int, len(probs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(probs[a], probs[b]) })
	from := 0
	for _, i := range order {
		h := float64(n-1) * probs[i]
		lo := min(max(int(math.Floor(h)), 0), n-1)
		if lo >= from {
			selectRange(vals, from, n-1, lo)
			from = lo
		}
		x := vals[lo]
		if frac := h - float64(lo); frac > 0 && lo+1 < n {
			// the next order statistic: the smallest of the rest
			selectRange(vals, lo+1, n-1, lo+1)
			from = lo + 1
			x += frac * (vals[lo+1] - x)
		}
		out[i] = x
	}
	return out
}

// PlaceAt puts in v[i], for every index i of at (ascending), the value a
// full ascending sort would put there, with everything before i ≤ it and
// everything after ≥ it: k order statistics (quantile cut-offs, the minimum
// and maximum, a concentration curve's cut-offs) in O(n log k) where a sort
// costs O(n log n). The middle index is placed first, then each half is
// searched for its own indices only.
func PlaceAt(v []float64, at []int) {
	lo := 0
	for lo < len(at) && at[lo] < 0 {
		lo++
	}
	hi := len(at)
	for hi > lo && at[hi-1] >= len(v) {
		hi--
	}
	placeIn(v, 0, len(v)-1, at[lo:hi])
}

// placeIn is PlaceAt within v[lo..hi], for indices at inside it.
func placeIn(v []float64, lo, hi int, at []int) {
	if len(at) == 0 || lo > hi {
		return
	}
	mid := len(at) / 2
	k := at[mid]
	if k < lo || k > hi { // a repeated index, placed already
		placeIn(v, lo, hi, at[:mid])
		placeIn(v, lo, hi, at[mid+1:])
		return
	}
	selectRange(v, lo, hi, k)
	placeIn(v, lo, k-1, at[:mid])
	placeIn(v, k+1, hi, at[mid+1:])
}

// selectKth partially orders vals so that vals[k] is the k-th smallest, all
// before it are ≤ and all after it ≥ (Hoare's quickselect, median-of-three).
func selectKth(vals []float64, k int) float64 {
	selectRange(vals, 0, len(vals)-1, k)
	return vals[k]
}

// selectRange is selectKth within vals[lo..hi], whose values are all ≥
// those before lo and ≤ those after hi.
func selectRange(vals []float64, lo, hi, k int) {
	for lo < hi {
		mid := lo + (hi-lo)/2
		if vals[mid] < vals[lo] {
			vals[mid], vals[lo] = vals[lo], vals[mid]
		}
		if vals[hi] < vals[lo] {
			vals[hi], vals[lo] = vals[lo], vals[hi]
		}
		if vals[hi] < vals[mid] {
			vals[hi], vals[mid] = vals[mid], vals[hi]
		}
		pivot := vals[mid]
		i, j := lo, hi
		for i <= j {
			for vals[i] < pivot {
				i++
			}
			for vals[j] > pivot {
				j--
			}
			if i <= j {
				vals[i], vals[j] = vals[j], vals[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}
