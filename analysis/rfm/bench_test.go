package rfm

import (
	"math/rand/v2"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// BenchmarkScore1M fits and applies thresholds, makes the columns and the
// screen summaries for 1M customers (5% without purchases).
func BenchmarkScore1M(b *testing.B) {
	n := 1_000_000
	rng := rand.New(rand.NewPCG(1, 1))
	m := Measures{Recency: make([]float64, n), Frequency: make([]float64, n), Monetary: make([]float64, n),
		Missing: model.NewBitset(n)}
	for i := range n {
		m.Recency[i] = float64(1 + rng.IntN(730))
		m.Frequency[i] = float64(1 + rng.IntN(4) + rng.IntN(4))
		m.Monetary[i] = float64(rng.IntN(500000)) / 100
		if rng.IntN(20) == 0 {
			m.Missing.Set(i)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		s, th, err := Score(m, Options{})
		if err != nil {
			b.Fatal(err)
		}
		_ = s.Columns(th)
		if _, err := Summarize(th, s, m); err != nil {
			b.Fatal(err)
		}
		if _, err := RFGrid(th, s, m); err != nil {
			b.Fatal(err)
		}
		if _, err := RevenueConcentration(m, 100); err != nil {
			b.Fatal(err)
		}
	}
}
