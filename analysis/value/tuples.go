package value

import (
	"cmp"
	"slices"
)

// bgTuples are the distinct (x, tx, T) of the modelled customers, sorted by
// x, then T, then tx, each with its weight (the number of customers who
// share it). The likelihood and the predictions are computed once per tuple.
// Sorting fixes the order of every sum, so results do not depend on the
// order of the customers.
type bgTuples struct {
	x       []int32
	iT, iTx []int32   // indexes into times
	w       []float64 // customers per tuple
	times   []float64 // distinct tx and T values, ascending
	xs      []int32   // distinct x, ascending
	xrun    []int32   // per tuple, index into xs
	xw      []float64 // per distinct x, total weight
	of      []int32   // per customer, its tuple; -1 when not modelled
	total   float64
	repeat  int // customers with x > 0
	maxT    float64
}

type bgKey struct {
	x     int32
	T, tx float64
	cust  int32
}

// tuplesOf groups the modelled customers of s.
func tuplesOf(s Summary) bgTuples {
	keys := make([]bgKey, 0, s.Counts.Modelled)
	for i, ok := range s.Modelled {
		if ok {
			keys = append(keys, bgKey{s.X[i], s.T[i], s.Tx[i], int32(i)})
		}
	}
	slices.SortFunc(keys, func(a, b bgKey) int {
		if c := cmp.Compare(a.x, b.x); c != 0 {
			return c
		}
		if c := cmp.Compare(a.T, b.T); c != 0 {
			return c
		}
		return cmp.Compare(a.tx, b.tx)
	})
	var tp bgTuples
	tp.of = make([]int32, len(s.Modelled))
	for i := range tp.of {
		tp.of[i] = -1
	}
	times := make([]float64, 0, 2*len(keys))
	for i, k := range keys {
		if i == 0 || k.x != keys[i-1].x || k.T != keys[i-1].T || k.tx != keys[i-1].tx {
			tp.x = append(tp.x, k.x)
			tp.w = append(tp.w, 0)
			times = append(times, k.T, k.tx)
		}
		tp.w[len(tp.w)-1]++
		tp.of[k.cust] = int32(len(tp.w) - 1)
		tp.total++
		if k.x > 0 {
			tp.repeat++
		}
		tp.maxT = max(tp.maxT, k.T)
	}
	slices.Sort(times)
	tp.times = slices.Compact(times)
	tp.iT = make([]int32, len(tp.x))
	tp.iTx = make([]int32, len(tp.x))
	tp.xrun = make([]int32, len(tp.x))
	j := 0
	for i, k := range keys {
		if i > 0 && k.x == keys[i-1].x && k.T == keys[i-1].T && k.tx == keys[i-1].tx {
			continue
		}
		a, _ := slices.BinarySearch(tp.times, k.T)
		b, _ := slices.BinarySearch(tp.times, k.tx)
		tp.iT[j], tp.iTx[j] = int32(a), int32(b)
		if len(tp.xs) == 0 || tp.xs[len(tp.xs)-1] != k.x {
			tp.xs = append(tp.xs, k.x)
			tp.xw = append(tp.xw, 0)
		}
		tp.xrun[j] = int32(len(tp.xs) - 1)
		tp.xw[len(tp.xw)-1] += tp.w[j]
		j++
	}
	return tp
}
