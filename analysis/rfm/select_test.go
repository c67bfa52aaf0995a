package rfm

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/pulpero/pulpero/analysis"
)

// TestEdgesBySelectionAgreeWithASort: at every asked index, the value a full sort
// puts there, for columns of distinct values, a few repeated values, runs
// already in order or reversed, and every size up to a few hundred.
func TestEdgesBySelectionAgreeWithASort(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for trial := range 3000 {
		n := 1 + r.IntN(300)
		v := make([]float64, n)
		for i := range v {
			switch trial % 4 {
			case 0:
				v[i] = r.NormFloat64()
			case 1:
				v[i] = float64(r.IntN(4)) // few values, many ties
			case 2:
				v[i] = float64(i)
			default:
				v[i] = float64(n - i)
			}
		}
		sorted := slices.Sorted(slices.Values(v))
		bins := 1 + r.IntN(9)
		at := edgeIndices(n, bins)
		analysis.PlaceAt(v, at)
		for _, k := range at {
			if v[k] != sorted[k] {
				t.Fatalf("trial %d, n %d: at %d got %v, a sort has %v", trial, n, k, v[k], sorted[k])
			}
		}
		if got, want := rEdges(v, bins), rEdges(sorted, bins); !slices.Equal(got, want) || v[0] != sorted[0] || v[n-1] != sorted[n-1] {
			t.Fatalf("trial %d: edges %v, from a sort %v", trial, got, want)
		}
	}
}
