package analysis

import (
	"math/rand/v2"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// TestWholeNumberHistogram: an integer column's equal-width bins have whole
// edges, at most the bins asked for, the last ending just past the maximum,
// and each holds exactly the values Edges[i] … Edges[i+1]-1 (counted here
// by brute force), for spreads narrower and wider than the bin count.
func TestWholeNumberHistogram(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	for _, tc := range []struct{ lo, spread, bins int }{{18, 77, 20}, {0, 3, 20}, {-40, 1000, 7}, {5, 0, 10}, {1, 20, 20}, {1, 21, 20}} {
		c := model.NewNumberColumn(model.ColumnMeta{Name: "x", Kind: model.KindInteger}, 5000)
		for i := range 5000 {
			if r.IntN(20) == 0 {
				continue // NULL
			}
			c.Values[i] = float64(tc.lo + r.IntN(tc.spread+1))
			c.Nulls.Clear(i)
		}
		h := EqualWidthHistogram(c, nil, tc.bins)
		if !h.Whole || len(h.Counts) > tc.bins || len(h.Counts) == 0 {
			t.Fatalf("%+v: whole %v, %d bins", tc, h.Whole, len(h.Counts))
		}
		lo, hi, _, _ := minMax(c, nil)
		if h.Edges[0] != lo || h.Edges[len(h.Counts)] != hi+1 {
			t.Fatalf("%+v: edges %v, values %g…%g", tc, h.Edges, lo, hi)
		}
		for i, n := range h.Counts {
			a, b := h.Edges[i], h.Edges[i+1]-1
			if a != float64(int(a)) || b < a {
				t.Fatalf("%+v: bin %d is %g…%g", tc, i, a, b)
			}
			want := 0
			for j, v := range c.Values {
				if !c.Nulls.Has(j) && v >= a && v <= b {
					want++
				}
			}
			if n != want {
				t.Errorf("%+v: bin %g…%g holds %d, brute force %d", tc, a, b, n, want)
			}
		}
	}
}
