package cluster

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
)

// SilhouetteOptions are the choices of Silhouette; the zero value is the default.
type SilhouetteOptions struct {
	ExactUpTo int    // every row up to this many; default 20,000
	Sample    int    // otherwise a random sample of this many rows; default 10,000
	Seed      uint64 // of the sample
}

func (o SilhouetteOptions) withDefaults() SilhouetteOptions {
	if o.ExactUpTo <= 0 {
		o.ExactUpTo = 20_000
	}
	if o.Sample <= 0 {
		o.Sample = 10_000
	}
	return o
}

// SilhouetteResult is a mean silhouette and the rows it was computed on.
type SilhouetteResult struct {
	Score   float64
	Rows    int
	Sampled bool // Rows is a random sample (the sample's own silhouette)
}

// Silhouette returns the mean silhouette coefficient (P. Rousseeuw 1987) of
// the clustering labels of the rows of x (n×d, row-major), with Euclidean
// distances:
//
//	a(i) = mean distance from i to the other members of its cluster
//	b(i) = smallest mean distance from i to the members of another cluster
//	s(i) = (b − a) / max(a, b), and 0 when i is alone in its cluster
//
// Above ExactUpTo rows it is the silhouette of a random sample of Sample
// rows among themselves (as scikit-learn's silhouette_score with
// sample_size). Labels must be >= 0, with 2…rows−1 clusters present.
func Silhouette(ctx context.Context, x []float64, d int, labels []int32, opt SilhouetteOptions) (SilhouetteResult, error) {
	opt = opt.withDefaults()
	if d <= 0 || len(x) != len(labels)*d {
		return SilhouetteResult{}, problem(ProblemLengthMismatch, "labels", len(labels), len(x)/max(d, 1))
	}
	n := len(labels)
	var res SilhouetteResult
	xs, ls := x, labels
	if n > opt.ExactUpTo {
		rows := sampleRows(n, opt.Sample, rand.New(rand.NewPCG(opt.Seed, 2)))
		xs = gather(x, d, rows)
		ls = make([]int32, len(rows))
		for q, i := range rows {
			ls[q] = labels[i]
		}
		res.Sampled = true
	}
	res.Rows = len(ls)
	s, err := silhouette(ctx, xs, d, ls)
	if err != nil {
		return SilhouetteResult{}, err
	}
	res.Score = s
	return res, nil
}

// silhouette is the exact mean silhouette of all rows of x.
func silhouette(ctx context.Context, x []float64, d int, labels []int32) (float64, error) {
	n := len(labels)
	k := 0
	for _, a := range labels {
		if a < 0 {
			return 0, problem(ProblemBadLabels, "", int(a), 0)
		}
		k = max(k, int(a)+1)
	}
	size := make([]int, k)
	for _, a := range labels {
		size[a]++
	}
	present := 0
	for _, s := range size {
		if s > 0 {
			present++
		}
	}
	if present < 2 || present > n-1 {
		return 0, problem(ProblemOneCluster, "", present, n)
	}
	const block = 256
	blocks := (n + block - 1) / block
	s := make([]float64, n)
	forEach(blocks, func(bl int) {
		if ctx.Err() != nil {
			return
		}
		sums := make([]float64, k)
		for i := bl * block; i < min(n, (bl+1)*block); i++ {
			clear(sums)
			xi := x[i*d : (i+1)*d]
			for j, lj := range labels {
				sums[lj] += math.Sqrt(sqDist(xi, x[j*d:(j+1)*d]))
			}
			own := labels[i]
			if size[own] == 1 {
				continue // s(i) = 0
			}
			a := sums[own] / float64(size[own]-1)
			b := math.Inf(1)
			for c, sz := range size {
				if int32(c) != own && sz > 0 {
					b = min(b, sums[c]/float64(sz))
				}
			}
			if m := max(a, b); m > 0 {
				s[i] = (b - a) / m
			}
		}
	})
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("silhouette: %w", err)
	}
	var total float64
	for _, v := range s {
		total += v
	}
	return total / float64(n), nil
}
