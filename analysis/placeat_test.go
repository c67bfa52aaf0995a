package analysis

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPlaceAtAgainstSort: for random values with many ties and random
// ascending index lists (repeats, and indices outside the slice, which are
// ignored), every listed index holds what a sort puts there, with nothing
// greater before it and nothing smaller after it.
func TestPlaceAtAgainstSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	for trial := range 2000 {
		n := 1 + rng.IntN(80)
		v := make([]float64, n)
		for i := range v {
			v[i] = float64(rng.IntN(1 + n/3))
		}
		sorted := slices.Clone(v)
		slices.Sort(sorted)
		var at []int
		for range rng.IntN(12) {
			at = append(at, rng.IntN(n+4)-2)
		}
		slices.Sort(at)
		PlaceAt(v, at)
		for _, k := range at {
			if k < 0 || k >= n {
				continue
			}
			if v[k] != sorted[k] {
				t.Fatalf("trial %d: v[%d] = %v, a sort puts %v (at %v)", trial, k, v[k], sorted[k], at)
			}
			for i := range k {
				if v[i] > v[k] {
					t.Fatalf("trial %d: v[%d] = %v before v[%d] = %v", trial, i, v[i], k, v[k])
				}
			}
			for i := k + 1; i < n; i++ {
				if v[i] < v[k] {
					t.Fatalf("trial %d: v[%d] = %v after v[%d] = %v", trial, i, v[i], k, v[k])
				}
			}
		}
		slices.Sort(v)
		if !slices.Equal(v, sorted) {
			t.Fatalf("trial %d: values lost or changed", trial)
		}
	}
}
