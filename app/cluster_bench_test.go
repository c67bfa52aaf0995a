package app

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// benchSession is n customers × 6 numbers around 5 groups, generated
// deterministically in memory (no database).
func benchSession(n int) *Session {
	rng := rand.New(rand.NewPCG(2024, 17)) // the data of analysis/cluster's benchmarks
	centres := make([]float64, 5*6)
	for i := range centres {
		centres[i] = rng.Float64() * 6
	}
	ds := &model.Dataset{Table: "bench", RowIDs: make([]int64, n)}
	cols := make([]*model.NumberColumn, 6)
	for f := range cols {
		cols[f] = &model.NumberColumn{ColumnMeta: model.ColumnMeta{Name: fmt.Sprint("f", f), Kind: model.KindReal},
			Values: make([]float64, n), Nulls: model.NewBitset(n)}
		ds.Columns = append(ds.Columns, cols[f])
	}
	for i := 0; i < n; i++ {
		ds.RowIDs[i] = int64(i + 1)
		g := rng.IntN(5)
		for f := range cols {
			cols[f].Values[i] = centres[g*6+f] + rng.NormFloat64()
		}
	}
	return &Session{Data: ds}
}

var benchFeatures = []string{"f0", "f1", "f2", "f3", "f4", "f5"}

// The whole job at k = 5 on 1M customers × 6 features, 10 restarts:
// prepare, k-means, profiles and the rules' tree (target: k-means ≤ 10 s,
// tree ≤ 2 s).
func BenchmarkClusterJob1M(b *testing.B) {
	s := benchSession(1_000_000)
	b.ResetTimer()
	for b.Loop() {
		c, err := s.Cluster(context.Background(), ClusterRequest{Features: benchFeatures, K: 5, NoTable: true, Seed: 1}, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(c.Rules.Accuracy*100, "rules%")
	}
}

// The k table (k = 2…10, 10 restarts each, silhouette on a 10,000-row
// sample) and the clustering it suggests on 1M customers (target ≤ 30 s).
func BenchmarkClusterTable1M(b *testing.B) {
	s := benchSession(1_000_000)
	b.ResetTimer()
	for b.Loop() {
		c, err := s.Cluster(context.Background(), ClusterRequest{Features: benchFeatures, Seed: 1}, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(c.K), "k")
	}
}

// Loading saved labels for 1M customers (the Load hook's cost).
func BenchmarkLabelColumn1M(b *testing.B) {
	s := benchSession(1_000_000)
	l := ClusterLabelSet{Name: "seg", Levels: []string{"1", "2", "3"}, RowIDs: s.Data.RowIDs, Labels: make([]int32, s.Data.Rows())}
	b.ResetTimer()
	for b.Loop() {
		labelColumn(l, s.Data)
	}
}
