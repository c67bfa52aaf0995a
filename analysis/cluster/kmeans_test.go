package cluster

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

func blobMatrix(n, d, k int, seed uint64) (*Matrix, []int32) {
	x, truth := blobs(n, d, k, seed)
	rows := make([]int32, n)
	for i := range rows {
		rows[i] = int32(i)
	}
	return &Matrix{N: n, D: d, X: x, Rows: rows, TotalRows: n}, truth
}

// The reported inertia is Σ‖x − mean of its cluster‖² recomputed by plain
// loops, the centres are those means, and clusters are numbered by size.
func TestKMeansInertiaAndCentres(t *testing.T) {
	for _, k := range []int{2, 3, 7} {
		m, _ := blobMatrix(3000, 4, 5, uint64(k))
		res, err := KMeans(context.Background(), m, k, Options{Seed: 9, NInit: 3})
		if err != nil {
			t.Fatal(err)
		}
		want := refInertia(m.X, m.D, res.Labels, k)
		if math.Abs(res.Inertia-want) > 1e-9*want {
			t.Errorf("k=%d: inertia %v, plain loops %v", k, res.Inertia, want)
		}
		sizes := make([]int, k)
		sums := make([]float64, k*m.D)
		for i, a := range res.Labels {
			sizes[a]++
			for t := 0; t < m.D; t++ {
				sums[int(a)*m.D+t] += m.X[i*m.D+t]
			}
		}
		if !slices.Equal(sizes, res.Sizes) || !slices.IsSortedFunc(sizes, func(a, b int) int { return b - a }) {
			t.Errorf("k=%d: sizes %v, counted %v (want decreasing)", k, res.Sizes, sizes)
		}
		for j := 0; j < k*m.D; j++ {
			if c := sums[j] / float64(sizes[j/m.D]); math.Abs(c-res.Centers[j]) > 1e-9 {
				t.Fatalf("k=%d: centre %d not the mean of its customers", k, j/m.D)
			}
		}
		if !res.Converged {
			t.Errorf("k=%d: not converged in %d iterations", k, res.Iterations)
		}
	}
}

// Hamerly's bounds only skip work: from the same starting centres, the
// labels are those of plain Lloyd iterations written in the test.
func TestHamerlyEqualsPlainLloyd(t *testing.T) {
	x, _ := blobs(20_000, 3, 6, 5)
	n, d := 20_000, 3
	for _, k := range []int{2, 5, 9} {
		rng := rand.New(rand.NewPCG(uint64(k), 1))
		start := make([]float64, k*d)
		for j := 0; j < k; j++ {
			copy(start[j*d:(j+1)*d], x[rng.IntN(n)*d:])
		}
		l := newLloyd(x, n, d, k)
		l.startFrom(start)
		if _, conv, err := l.run(context.Background(), 1000, -1); err != nil || !conv {
			t.Fatalf("k=%d: %v converged %v", k, err, conv)
		}
		// plain Lloyd
		c := append([]float64(nil), start...)
		lab := make([]int32, n)
		for it := 0; it < 1000; it++ {
			changed := 0
			for i := 0; i < n; i++ {
				best, bd := int32(0), math.Inf(1)
				for j := 0; j < k; j++ {
					s := 0.0
					for t := 0; t < d; t++ {
						s += (x[i*d+t] - c[j*d+t]) * (x[i*d+t] - c[j*d+t])
					}
					if s < bd {
						best, bd = int32(j), s
					}
				}
				if best != lab[i] || it == 0 {
					if best != lab[i] {
						changed++
					}
					lab[i] = best
				}
			}
			if it > 0 && changed == 0 {
				break
			}
			cnt := make([]float64, k)
			clear(c)
			for i := 0; i < n; i++ {
				cnt[lab[i]]++
				for t := 0; t < d; t++ {
					c[int(lab[i])*d+t] += x[i*d+t]
				}
			}
			for j := range c {
				c[j] /= cnt[j/d]
			}
		}
		if !slices.Equal(lab, l.labels) {
			diff := 0
			for i := range lab {
				if lab[i] != l.labels[i] {
					diff++
				}
			}
			t.Errorf("k=%d: %d labels differ from plain Lloyd", k, diff)
		}
	}
}

// The same seed gives the same clustering, whatever GOMAXPROCS is (the
// data spans many chunks, so the work is really split).
func TestKMeansDeterministic(t *testing.T) {
	m, _ := blobMatrix(60_000, 5, 4, 3)
	run := func(procs int) *Result {
		old := runtime.GOMAXPROCS(procs)
		defer runtime.GOMAXPROCS(old)
		res, err := KMeans(context.Background(), m, 6, Options{Seed: 42, NInit: 3})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	a, b, c := run(1), run(2), run(2)
	for _, r := range []*Result{b, c} {
		if r.Inertia != a.Inertia || !slices.Equal(r.Labels, a.Labels) || !slices.Equal(r.Centers, a.Centers) {
			t.Fatalf("results differ: inertia %v vs %v", r.Inertia, a.Inertia)
		}
	}
	other, err := KMeans(context.Background(), m, 6, Options{Seed: 43, NInit: 3})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("seed 42 inertia %.3f, seed 43 %.3f", a.Inertia, other.Inertia)
}

// k-means on well separated blobs finds them (ARI against the truth), and
// ChooseK suggests their number.
func TestKMeansFindsBlobs(t *testing.T) {
	m, truth := blobMatrix(4000, 3, 4, 8)
	tab, err := ChooseK(context.Background(), m, ChooseOptions{KMeans: Options{Seed: 1, NInit: 4}, KMax: 7})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Suggested != 4 {
		for _, r := range tab.Rows {
			t.Logf("k=%d inertia %.1f silhouette %.4f", r.K, r.Inertia, r.Silhouette)
		}
		t.Errorf("suggested k = %d, want 4", tab.Suggested)
	}
	ari, err := AdjustedRand(tab.Rows[4-2].Result.Labels, truth)
	if err != nil || ari < 0.98 {
		t.Errorf("ARI against the blobs %v (%v)", ari, err)
	}
	for i := 1; i < len(tab.Rows); i++ {
		if tab.Rows[i].Inertia > tab.Rows[i-1].Inertia {
			t.Errorf("inertia rises from k=%d to k=%d", tab.Rows[i-1].K, tab.Rows[i].K)
		}
	}
}

// Mini-batch k-means: close to full k-means, with a small stated gap.
func TestMiniBatch(t *testing.T) {
	m, truth := blobMatrix(300_000, 4, 5, 12)
	full, err := KMeans(context.Background(), m, 5, Options{Seed: 2, NInit: 2, Method: MethodFull})
	if err != nil {
		t.Fatal(err)
	}
	mb, err := KMeans(context.Background(), m, 5, Options{Seed: 2, NInit: 2, Method: MethodMiniBatch})
	if err != nil {
		t.Fatal(err)
	}
	if mb.MiniBatch == nil || full.MiniBatch != nil {
		t.Fatal("MiniBatch info missing or misplaced")
	}
	if want := refInertia(m.X, m.D, mb.Labels, 5); mb.Inertia < want*(1-1e-9) {
		t.Errorf("mini-batch inertia %v below the inertia of its own means %v", mb.Inertia, want)
	}
	ari, _ := AdjustedRand(mb.Labels, truth)
	excess := mb.Inertia/full.Inertia - 1
	t.Logf("mini-batch: gap %.5f%%, inertia %.5f%% above full, ARI %.4f", mb.MiniBatch.Gap*100, excess*100, ari)
	if excess > 0.01 || mb.MiniBatch.Gap > 0.01 || ari < 0.95 {
		t.Errorf("mini-batch too far: excess %v gap %v ARI %v", excess, mb.MiniBatch.Gap, ari)
	}
	// the gap is the exact drop from moving centres to the means
	if want := (mb.Inertia - refInertia(m.X, m.D, mb.Labels, 5)) / mb.Inertia; math.Abs(want-mb.MiniBatch.Gap) > 1e-9 {
		t.Errorf("gap %v, want %v", mb.MiniBatch.Gap, want)
	}
}

func TestKMeansProgressAndCancel(t *testing.T) {
	m, _ := blobMatrix(2000, 2, 3, 1)
	var seen []Progress
	if _, err := KMeans(context.Background(), m, 3, Options{NInit: 4, Progress: func(p Progress) { seen = append(seen, p) }}); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 4 || seen[3].Done != 4 || seen[3].Total != 4 {
		t.Errorf("progress %v", seen)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := KMeans(ctx, m, 3, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	if _, err := ChooseK(ctx, m, ChooseOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled ChooseK: %v", err)
	}
}
