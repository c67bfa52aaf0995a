package cluster

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// benchColumns is n customers × 6 standardised features around 5 groups,
// generated deterministically (no file needed).
func benchColumns(n int) []model.Column {
	rng := rand.New(rand.NewPCG(2024, 17))
	centres := make([]float64, 5*6)
	for i := range centres {
		centres[i] = rng.Float64() * 6
	}
	cols := make([]model.Column, 6)
	vals := make([][]float64, 6)
	for f := range vals {
		vals[f] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		g := rng.IntN(5)
		for f := 0; f < 6; f++ {
			vals[f][i] = centres[g*6+f] + rng.NormFloat64()
		}
	}
	for f := range cols {
		cols[f] = numberColumn(string(rune('a'+f)), model.KindReal, vals[f])
	}
	return cols
}

func benchMatrix(b *testing.B, n int) (*Matrix, []model.Column) {
	cols := benchColumns(n)
	var feats []Feature
	for _, c := range cols {
		feats = append(feats, Feature{Column: c})
	}
	m, err := Prepare(feats, PrepareOptions{})
	if err != nil {
		b.Fatal(err)
	}
	return m, cols
}

// 1M rows × 6 features, k = 5, 10 restarts (target ≤ 10 s).
func BenchmarkKMeans1M(b *testing.B) {
	m, _ := benchMatrix(b, 1_000_000)
	b.ResetTimer()
	for b.Loop() {
		res, err := KMeans(context.Background(), m, 5, Options{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Iterations), "iters")
	}
}

// The k = 2…10 table on 1M rows, silhouette on a 10,000-row sample (target ≤ 30 s).
func BenchmarkChooseK1M(b *testing.B) {
	m, _ := benchMatrix(b, 1_000_000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := ChooseK(context.Background(), m, ChooseOptions{KMeans: Options{Seed: 1}}); err != nil {
			b.Fatal(err)
		}
	}
}

// The same table with 3 restarts per k instead of 10.
func BenchmarkChooseK1MThreeRestarts(b *testing.B) {
	m, _ := benchMatrix(b, 1_000_000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := ChooseK(context.Background(), m, ChooseOptions{KMeans: Options{Seed: 1, NInit: 3}}); err != nil {
			b.Fatal(err)
		}
	}
}

// The decision tree on 1M rows, depth 3 (target ≤ 2 s).
func BenchmarkRules1M(b *testing.B) {
	m, cols := benchMatrix(b, 1_000_000)
	res, err := KMeans(context.Background(), m, 5, Options{Seed: 1, NInit: 1})
	if err != nil {
		b.Fatal(err)
	}
	labels := m.DatasetLabels(res.Labels)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Rules(context.Background(), cols, labels, 5, TreeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// Prepare on 1M rows × 6 numbers (medians, moments, z-scores).
func BenchmarkPrepare1M(b *testing.B) {
	cols := benchColumns(1_000_000)
	var feats []Feature
	for _, c := range cols {
		feats = append(feats, Feature{Column: c})
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Prepare(feats, PrepareOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// Silhouette, exact on 20,000 rows.
func BenchmarkSilhouette20k(b *testing.B) {
	x, truth := blobs(20_000, 6, 5, 1)
	b.ResetTimer()
	for b.Loop() {
		r, err := Silhouette(context.Background(), x, 6, truth, SilhouetteOptions{})
		if err != nil || math.IsNaN(r.Score) {
			b.Fatal(err)
		}
	}
}

// Mini-batch k-means on 2M rows (above MiniBatchFrom), k = 5.
func BenchmarkMiniBatch2M(b *testing.B) {
	m, _ := benchMatrix(b, 2_000_000)
	full, err := KMeans(context.Background(), m, 5, Options{Seed: 1, Method: MethodFull, NInit: 3})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		res, err := KMeans(context.Background(), m, 5, Options{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(res.MiniBatch.Gap*100, "gap%")
		b.ReportMetric((res.Inertia/full.Inertia-1)*100, "excess%")
	}
}
