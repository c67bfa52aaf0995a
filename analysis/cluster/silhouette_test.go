package cluster

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"
)

// Hand-worked: points 0, 1, 5, 6 on a line, clusters {0,1} and {5,6}.
// Point 0: a = 1, b = (5+6)/2 = 5.5, s = 1 − 1/5.5 = 9/11.
// Point 1: a = 1, b = (4+5)/2 = 4.5, s = 1 − 1/4.5 = 7/9; 5 and 6 mirror them.
// Mean = (9/11 + 7/9)/2 = 79/99.
func TestSilhouetteHandWorked(t *testing.T) {
	r, err := Silhouette(context.Background(), []float64{0, 1, 5, 6}, 1, []int32{0, 0, 1, 1}, SilhouetteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(r.Score-79.0/99) > 1e-12 || r.Rows != 4 || r.Sampled {
		t.Errorf("silhouette %+v, want 79/99", r)
	}
	// a point alone in its cluster counts 0 (Rousseeuw): {0,1} and {10}
	// point 0: a = 1, b = 10, s = 0.9; point 1: a = 1, b = 9, s = 8/9; point 10: 0
	r, _ = Silhouette(context.Background(), []float64{0, 1, 10}, 1, []int32{0, 0, 1}, SilhouetteOptions{})
	if want := (0.9 + 8.0/9) / 3; math.Abs(r.Score-want) > 1e-12 {
		t.Errorf("with a singleton %v, want %v", r.Score, want)
	}
}

// Against the O(n²) loop of the test on random data and labels.
func TestSilhouetteMatchesDirectLoop(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 20; trial++ {
		n, d, k := 20+rng.IntN(300), 1+rng.IntN(5), 2+rng.IntN(6)
		x := make([]float64, n*d)
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		labels := make([]int32, n)
		for i := range labels {
			labels[i] = int32(rng.IntN(k))
		}
		r, err := Silhouette(context.Background(), x, d, labels, SilhouetteOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if want := refSilhouette(x, d, labels); math.Abs(r.Score-want) > 1e-9 {
			t.Fatalf("trial %d: %v, direct loop %v", trial, r.Score, want)
		}
	}
}

// Above ExactUpTo rows the silhouette is that of a sample of Sample rows,
// the same for the same seed, and close to the exact value.
func TestSilhouetteSample(t *testing.T) {
	x, truth := blobs(3000, 2, 3, 4)
	exact, err := Silhouette(context.Background(), x, 2, truth, SilhouetteOptions{})
	if err != nil {
		t.Fatal(err)
	}
	opt := SilhouetteOptions{ExactUpTo: 1000, Sample: 800, Seed: 5}
	a, _ := Silhouette(context.Background(), x, 2, truth, opt)
	b, _ := Silhouette(context.Background(), x, 2, truth, opt)
	if !a.Sampled || a.Rows != 800 || a.Score != b.Score {
		t.Errorf("sample %+v vs %+v", a, b)
	}
	if math.Abs(a.Score-exact.Score) > 0.02 {
		t.Errorf("sampled %v, exact %v", a.Score, exact.Score)
	}
}

func TestSilhouetteErrors(t *testing.T) {
	if _, err := Silhouette(context.Background(), []float64{1, 2, 3}, 1, []int32{0, 0, 0}, SilhouetteOptions{}); err == nil {
		t.Error("one cluster: want an error")
	}
	if _, err := Silhouette(context.Background(), []float64{1, 2}, 1, []int32{0, 1}, SilhouetteOptions{}); err == nil {
		t.Error("every row alone: want an error")
	}
	if _, err := Silhouette(context.Background(), []float64{1, 2}, 1, []int32{0}, SilhouetteOptions{}); err == nil {
		t.Error("lengths: want an error")
	}
}
