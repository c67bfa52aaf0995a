package cluster

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Hand-worked: a = [0 0 1 1], b = [0 0 1 2]. Contingency cells 2, 1, 1, so
// Σ C(n_ij,2) = 1; row sums 2, 2 give Σ C(a_i,2) = 2; column sums 2, 1, 1 give
// Σ C(b_j,2) = 1; C(4,2) = 6. Expected = 2·1/6 = 1/3, maximum = 3/2, so
// ARI = (1 − 1/3) / (3/2 − 1/3) = (2/3) / (7/6) = 4/7 ≈ 0.5714, the value
// scikit-learn's adjusted_rand_score documentation gives for this example.
// a = [0 0 1 1], b = [0 1 0 1]: every cell 1, so index 0; sums 2 and 2,
// expected 4/6, maximum 2, ARI = (−2/3)/(4/3) = −1/2 (also in that page).
func TestAdjustedRandHandWorked(t *testing.T) {
	cases := []struct {
		a, b []int32
		want float64
	}{
		{[]int32{0, 0, 1, 1}, []int32{0, 0, 1, 2}, 4.0 / 7},
		{[]int32{0, 0, 1, 2}, []int32{0, 0, 1, 1}, 4.0 / 7},
		{[]int32{0, 0, 1, 1}, []int32{0, 1, 0, 1}, -0.5},
		{[]int32{0, 0, 1, 1}, []int32{1, 1, 0, 0}, 1},
		{[]int32{0, 0, 0, 0}, []int32{0, 0, 0, 0}, 1},        // one group each: the same partition
		{[]int32{0, 0, 1, 1, -1}, []int32{7, 7, 3, 3, 0}, 1}, // a negative label leaves the row out
	}
	for _, c := range cases {
		got, err := AdjustedRand(c.a, c.b)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got-c.want) > 1e-12 {
			t.Errorf("ARI(%v, %v) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
	if _, err := AdjustedRand([]int32{0}, []int32{0}); err == nil {
		t.Error("one row: want an error")
	}
	if _, err := AdjustedRand([]int32{0, 1}, []int32{0}); err == nil {
		t.Error("different lengths: want an error")
	}
}

// Property: the ARI equals its pair-counting form (Steinley 2004), computed
// by looking at every pair of rows: with a = pairs together in both, b and c
// together in one only, d apart in both,
// ARI = 2(ad − bc) / ((a+b)(b+d) + (a+c)(c+d)).
func TestAdjustedRandMatchesPairCounting(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := 0; trial < 50; trial++ {
		n := 5 + rng.IntN(60)
		x, y := make([]int32, n), make([]int32, n)
		ka, kb := 1+rng.IntN(5), 1+rng.IntN(5)
		for i := range x {
			x[i], y[i] = int32(rng.IntN(ka)), int32(rng.IntN(kb))
		}
		var pa, pb, pc, pd float64
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				sx, sy := x[i] == x[j], y[i] == y[j]
				switch {
				case sx && sy:
					pa++
				case sx:
					pb++
				case sy:
					pc++
				default:
					pd++
				}
			}
		}
		den := (pa+pb)*(pb+pd) + (pa+pc)*(pc+pd)
		if den == 0 {
			continue
		}
		want := 2 * (pa*pd - pb*pc) / den
		got, err := AdjustedRand(x, y)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got-want) > 1e-9 {
			t.Fatalf("trial %d: ARI %v, pair counting %v", trial, got, want)
		}
	}
}
