package cluster

import (
	"context"
	"fmt"
	"math/rand/v2"
)

// MiniBatchSample is how many rows the starting k-means of mini-batch runs on.
const MiniBatchSample = 100_000

// MiniBatchInfo states how a mini-batch result was reached and how far it is
// from a local optimum of k-means.
type MiniBatchInfo struct {
	SampleRows int // rows of the starting full k-means (NInit restarts)
	BatchSize  int
	Steps      int // batches drawn (about one pass over the rows)
	// Gap is a lower bound on the share of Inertia that one more full Lloyd
	// update would remove: Σ_j n_j‖c_j − mean_j‖² / Inertia, the exact drop
	// from moving each centre to the mean of its customers. 0 means the
	// centres are already the means.
	Gap float64
}

// miniBatch is k-means for very many rows: full k-means (NInit restarts) on
// a random sample gives the start, then mini-batches of BatchSize random rows
// refine the centres with per-centre learning rates 1/count (D. Sculley,
// "Web-scale k-means clustering", WWW 2010), counts starting at the sample's
// cluster sizes. A last pass labels every row exactly and measures Inertia and
// the Gap.
func miniBatch(ctx context.Context, m *Matrix, k int, opt Options) (*Result, error) {
	n, d := m.N, m.D
	rng := rand.New(rand.NewPCG(opt.Seed, 1<<32)) // a stream the restarts do not use
	rows := sampleRows(n, min(n, MiniBatchSample), rng)
	start, err := full(ctx, gather(m.X, d, rows), len(rows), d, k, opt)
	if err != nil {
		return nil, fmt.Errorf("mini-batch start: %w", err)
	}
	c := start.Centers
	v := make([]float64, k)
	for j, s := range start.Sizes {
		v[j] = float64(s)
	}
	b := opt.BatchSize
	steps := (n + b - 1) / b
	batch := make([]int, b)
	near := make([]int32, b)
	for s := 0; s < steps; s++ {
		if s%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("mini-batch k-means: %w", err)
			}
		}
		for q := range batch {
			batch[q] = rng.IntN(n)
			near[q], _ = nearest(m.X[batch[q]*d:(batch[q]+1)*d], c, k, d)
		}
		for q, i := range batch {
			j := int(near[q])
			v[j]++
			eta := 1 / v[j]
			cj := c[j*d : (j+1)*d]
			for t, x := range m.X[i*d : (i+1)*d] {
				cj[t] += eta * (x - cj[t])
			}
		}
	}
	res := &Result{K: k, Centers: c, Labels: make([]int32, n), Iterations: steps, Restarts: opt.NInit}
	means, sizes, inertia := labelAll(m.X, n, d, k, c, res.Labels)
	res.Inertia = inertia
	var gain float64
	for j := 0; j < k; j++ {
		if sizes[j] > 0 {
			gain += float64(sizes[j]) * sqDist(c[j*d:(j+1)*d], means[j*d:(j+1)*d])
		}
	}
	info := &MiniBatchInfo{SampleRows: len(rows), BatchSize: b, Steps: steps}
	if inertia > 0 {
		info.Gap = gain / inertia
	}
	res.MiniBatch = info
	relabel(res, d)
	return res, nil
}

// labelAll gives every row its nearest centre and returns the clusters'
// means and sizes and the inertia, summed by chunks in order.
func labelAll(x []float64, n, d, k int, c []float64, labels []int32) (means []float64, sizes []int, inertia float64) {
	chunks := chunkCount(n)
	sums := make([]float64, chunks*k*d)
	counts := make([]int, chunks*k)
	part := make([]float64, chunks)
	forChunks(n, func(ch, lo, hi int) {
		s := sums[ch*k*d : (ch+1)*k*d]
		cnt := counts[ch*k : (ch+1)*k]
		var in float64
		for i := lo; i < hi; i++ {
			xi := x[i*d : (i+1)*d]
			j, d2 := nearest(xi, c, k, d)
			labels[i] = j
			in += d2
			cnt[j]++
			for t, v := range xi {
				s[int(j)*d+t] += v
			}
		}
		part[ch] = in
	})
	means = make([]float64, k*d)
	sizes = make([]int, k)
	for ch := 0; ch < chunks; ch++ {
		inertia += part[ch]
		for t, v := range sums[ch*k*d : (ch+1)*k*d] {
			means[t] += v
		}
		for j, v := range counts[ch*k : (ch+1)*k] {
			sizes[j] += v
		}
	}
	for j := 0; j < k; j++ {
		if sizes[j] > 0 {
			for t := 0; t < d; t++ {
				means[j*d+t] /= float64(sizes[j])
			}
		}
	}
	return means, sizes, inertia
}
