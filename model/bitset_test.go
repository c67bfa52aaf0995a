package model

import (
	"math/rand/v2"
	"testing"
)

func TestBitsetOperationsMatchBoolSlices(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 63, 64, 65, 130, 1000} {
		a, b := NewBitset(n), NewBitset(n)
		av, bv := make([]bool, n), make([]bool, n)
		for i := 0; i < n; i++ {
			if r.IntN(2) == 0 {
				a.Set(i)
				av[i] = true
			}
			if r.IntN(3) == 0 {
				b.Set(i)
				bv[i] = true
			}
		}
		check := func(name string, got Bitset, want func(i int) bool) {
			t.Helper()
			count := 0
			for i := 0; i < n; i++ {
				if got.Has(i) != want(i) {
					t.Fatalf("n=%d %s: row %d = %v", n, name, i, got.Has(i))
				}
				if want(i) {
					count++
				}
			}
			if got.Count() != count {
				t.Fatalf("n=%d %s: Count %d, want %d", n, name, got.Count(), count)
			}
			if len(got.Rows(-1)) != count {
				t.Fatalf("n=%d %s: Rows gives %d", n, name, len(got.Rows(-1)))
			}
		}
		check("and", a.Clone().And(b), func(i int) bool { return av[i] && bv[i] })
		check("or", a.Clone().Or(b), func(i int) bool { return av[i] || bv[i] })
		check("andnot", a.Clone().AndNot(b), func(i int) bool { return av[i] && !bv[i] })
		check("not", a.Clone().Not(n), func(i int) bool { return !av[i] })
		check("full", FullBitset(n), func(int) bool { return true })
		if a.AndCount(b) != a.Clone().And(b).Count() {
			t.Fatalf("AndCount disagrees with And+Count")
		}
	}
}
