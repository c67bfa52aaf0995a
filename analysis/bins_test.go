package analysis_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
)

// TestSummarizeQuickEqualsSummarize checks the bucketed selection against
// the quickselect summary on shapes that stress it: ties, one value,
// negatives, a far outlier, subsets.
func TestSummarizeQuickEqualsSummarize(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	gens := map[string]func() float64{
		"ties":     func() float64 { return float64(r.IntN(4)) },
		"one":      func() float64 { return 7 },
		"skewed":   func() float64 { return math.Round(math.Exp(5+2*r.NormFloat64())*100) / 100 },
		"negative": func() float64 { return r.NormFloat64() * 1e6 },
		"outlier": func() float64 {
			if r.IntN(500) == 0 {
				return 1e12
			}
			return r.Float64()
		},
	}
	for name, gen := range gens {
		for _, n := range []int{1, 2, 3, 10, 1000, 20000} {
			c := model.NewNumberColumn(model.ColumnMeta{Name: name, Kind: model.KindReal}, n)
			sub := model.NewBitset(n)
			for i := range n {
				if r.IntN(7) > 0 {
					c.SetValue(i, gen())
				}
				if r.IntN(2) == 0 {
					sub.Set(i)
				}
			}
			for _, subset := range []model.Bitset{nil, sub} {
				a, b := analysis.Summarize(c, subset), analysis.SummarizeQuick(c, subset)
				same := func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }
				ok := a.Count == b.Count && a.Nulls == b.Nulls && same(a.Min, b.Min) && same(a.Max, b.Max) &&
					(same(a.Mean, b.Mean) || near(a.Mean, b.Mean)) && (same(a.Std, b.Std) || near(a.Std, b.Std))
				for i := range a.Quantiles {
					ok = ok && same(a.Quantiles[i], b.Quantiles[i])
				}
				if !ok {
					t.Fatalf("%s n=%d subset=%v:\n quickselect %+v\n bucketed    %+v", name, n, subset != nil, a, b)
				}
			}
		}
	}
}

// BenchmarkExplorePasses times the passes one cursor move over a million
// money values makes, one by one.
func BenchmarkExplorePasses(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 3))
	n := 1_000_000
	c := model.NewNumberColumn(model.ColumnMeta{Name: "income", Kind: model.KindReal}, n)
	d := model.NewNumberColumn(model.ColumnMeta{Name: "signup", Kind: model.KindDate}, n)
	for i := range n {
		if r.IntN(10) > 0 {
			c.SetValue(i, math.Round(math.Exp(7+0.6*r.NormFloat64())*100)/100)
		}
		if r.IntN(2) > 0 {
			d.SetValue(i, float64(15000+r.IntN(5000)))
		}
	}
	b.Run("SummarizeQuick", func(b *testing.B) {
		for b.Loop() {
			analysis.SummarizeQuick(c, nil)
		}
	})
	b.Run("Summarize", func(b *testing.B) {
		for b.Loop() {
			analysis.Summarize(c, nil)
		}
	})
	b.Run("EqualWidthHistogram", func(b *testing.B) {
		for b.Loop() {
			analysis.EqualWidthHistogram(c, nil, 24)
		}
	})
	b.Run("DateCounts", func(b *testing.B) {
		for b.Loop() {
			analysis.DateCounts(d, nil, analysis.ByYear)
		}
	})
	b.Run("SummarizeQuickDates", func(b *testing.B) {
		for b.Loop() {
			analysis.SummarizeQuick(d, nil)
		}
	})
}
