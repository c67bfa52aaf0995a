package analysis

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestQuantilesAgreeWithASort: type-7 quantiles by selection equal the
// textbook definition over a sorted copy (R's quantile type 7: x[⌊h⌋] +
// (h−⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n−1)p), for probabilities in any order,
// repeated, at 0 and 1, over distinct values and many ties.
func TestQuantilesAgreeWithASort(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for trial := range 2000 {
		n := 1 + r.IntN(200)
		v := make([]float64, n)
		for i := range v {
			if trial%2 == 0 {
				v[i] = r.NormFloat64() * 100
			} else {
				v[i] = float64(r.IntN(5))
			}
		}
		probs := []float64{r.Float64(), 0, 1, r.Float64(), 0.5, 0.5, r.Float64()}
		sorted := slices.Sorted(slices.Values(v))
		got := Quantiles(v, probs)
		for i, p := range probs {
			h := float64(n-1) * p
			lo := int(math.Floor(h))
			want := sorted[lo]
			if lo+1 < n {
				want += (h - float64(lo)) * (sorted[lo+1] - sorted[lo])
			}
			if math.Abs(got[i]-want) > 1e-9*math.Max(1, math.Abs(want)) {
				t.Fatalf("trial %d, n %d, p %v: got %v, want %v", trial, n, p, got[i], want)
			}
		}
	}
}
