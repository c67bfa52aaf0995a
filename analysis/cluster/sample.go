package cluster

import (
	"math/rand/v2"
	"slices"
)

// sampleRows returns m distinct indexes of [0, n) in increasing order, each
// m-subset equally likely (Floyd's algorithm); all of them when m >= n.
func sampleRows(n, m int, rng *rand.Rand) []int {
	if m >= n {
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	chosen := make(map[int]struct{}, m)
	out := make([]int, 0, m)
	for j := n - m; j < n; j++ {
		t := rng.IntN(j + 1)
		if _, ok := chosen[t]; ok {
			t = j
		}
		chosen[t] = struct{}{}
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// gather copies the rows idx of x (d columns) into a new matrix.
func gather(x []float64, d int, idx []int) []float64 {
	out := make([]float64, len(idx)*d)
	for q, i := range idx {
		copy(out[q*d:(q+1)*d], x[i*d:(i+1)*d])
	}
	return out
}
