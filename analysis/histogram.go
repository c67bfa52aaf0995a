package analysis

import (
	"math"

	"github.com/pulpero/pulpero/model"
)

// Histogram counts a number column's values in bins. Bin i holds values in
// [Edges[i], Edges[i+1]); the last bin also holds its upper edge.
type Histogram struct {
	Edges  []float64
	Counts []int
	Nulls  int
	// Whole: the edges are whole numbers and every bin is half-open, so
	// bin i holds the integers Edges[i] … Edges[i+1]-1 (an integer column's
	// equal-width bins: ages 18–21, not 18–21.85).
	Whole bool
}

// EqualWidthHistogram bins c's values over subset into bins of equal width
// between the minimum and maximum. A column with one distinct value gets one
// bin; a column with no values gets none.
func EqualWidthHistogram(c *model.NumberColumn, subset model.Bitset, bins int) Histogram {
	lo, hi, n, nulls := minMax(c, subset)
	h := Histogram{Nulls: nulls}
	if n == 0 || bins < 1 {
		return h
	}
	whole := (c.Kind == model.KindInteger || c.Kind == model.KindIdentifier) && hi-lo < 1e15 && lo == math.Trunc(lo)
	if lo == hi {
		h.Edges, h.Counts = []float64{lo, hi}, []int{n}
		if whole {
			h.Edges[1], h.Whole = hi+1, true
		}
		return h
	}
	var scale float64
	if whole {
		// whole-number bins of a whole width: as many as asked, or one per
		// value when there are fewer values than that
		width := math.Ceil((hi - lo + 1) / float64(bins))
		bins = int(math.Ceil((hi - lo + 1) / width))
		h.Edges, h.Whole = make([]float64, bins+1), true
		for i := range h.Edges {
			h.Edges[i] = lo + width*float64(i)
		}
		h.Edges[bins] = hi + 1 // the last bin ends at the maximum: 90–94, not 90–97
		scale = 1 / width
	} else {
		h.Edges = make([]float64, bins+1)
		for i := range h.Edges {
			h.Edges[i] = lo + (hi-lo)*float64(i)/float64(bins)
		}
		h.Edges[bins] = hi
		scale = float64(bins) / (hi - lo)
	}
	h.Counts = make([]int, bins)
	edges := h.Edges
	// Inlined rather than through eachValue: this loop runs on every cursor
	// move over a million values.
	if subset != nil {
		eachValue(c, subset, func(x float64) { h.Counts[binIndex(x, lo, scale, edges)]++ })
		return h
	}
	parts := make([][]int, chunkCount(len(c.Nulls)))
	forWordChunks(len(c.Nulls), func(chunk, w0, w1 int) {
		counts := make([]int, bins)
		for wi := w0; wi < w1; wi++ {
			nulls, base := c.Nulls[wi], wi<<6
			for j, x := range c.Values[base:min(base+64, len(c.Values))] {
				if nulls&(1<<uint(j)) != 0 {
					continue
				}
				counts[binIndex(x, lo, scale, edges)]++
			}
		}
		parts[chunk] = counts
	})
	for _, part := range parts {
		for i, n := range part {
			h.Counts[i] += n
		}
	}
	return h
}

// binIndex is the bin of x among equal-width edges starting at lo. It is
// small enough for the compiler to inline into the scan loops.
func binIndex(x, lo, scale float64, edges []float64) int {
	last := len(edges) - 2
	b := min(int((x-lo)*scale), last)
	// floating point can put a value on an edge into the neighbour bin
	if b > 0 && x < edges[b] {
		b--
	} else if b < last && x >= edges[b+1] {
		b++
	}
	return b
}

// BinOf returns the bin of v under h's edges, or -1 outside them.
func (h Histogram) BinOf(v float64) int {
	k := len(h.Counts)
	if k == 0 || v < h.Edges[0] || v > h.Edges[k] {
		return -1
	}
	lo, hi := 0, k-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if v >= h.Edges[mid] {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

func minMax(c *model.NumberColumn, subset model.Bitset) (lo, hi float64, n, nulls int) {
	lo, hi = math.Inf(1), math.Inf(-1)
	if subset != nil {
		eachValue(c, subset, func(v float64) {
			lo, hi = min(lo, v), max(hi, v)
			n++
		})
		return lo, hi, n, subset.Count() - n
	}
	type part struct {
		lo, hi float64
		n      int
	}
	parts := make([]part, chunkCount(len(c.Nulls)))
	forWordChunks(len(c.Nulls), func(chunk, w0, w1 int) {
		p := part{lo: math.Inf(1), hi: math.Inf(-1)}
		for wi := w0; wi < w1; wi++ {
			nulls, base := c.Nulls[wi], wi<<6
			for j, x := range c.Values[base:min(base+64, len(c.Values))] {
				if nulls&(1<<uint(j)) == 0 {
					p.lo, p.hi = min(p.lo, x), max(p.hi, x)
					p.n++
				}
			}
		}
		parts[chunk] = p
	})
	for _, p := range parts {
		lo, hi, n = min(lo, p.lo), max(hi, p.hi), n+p.n
	}
	return lo, hi, n, c.Len() - n
}

// eachValue calls f with every non-null value of c in subset.
func eachValue(c *model.NumberColumn, subset model.Bitset, f func(float64)) {
	if subset == nil {
		for wi, w := range c.Nulls {
			base := wi << 6
			end := min(base+64, len(c.Values))
			for i := base; i < end; i++ {
				if w&(1<<uint(i-base)) == 0 {
					f(c.Values[i])
				}
			}
		}
		return
	}
	for wi, w := range subset {
		w &^= c.Nulls[wi]
		for w != 0 {
			t := wi<<6 | trailingZeros(w)
			f(c.Values[t])
			w &= w - 1
		}
	}
}
