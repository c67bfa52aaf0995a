package cluster

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
)

// MaxK is the largest number of clusters asked of k-means.
const MaxK = 50

// Method chooses the k-means algorithm.
type Method int

const (
	MethodAuto      Method = iota // full below MiniBatchFrom rows, mini-batch above
	MethodFull                    // Lloyd with Hamerly's bounds on every row
	MethodMiniBatch               // mini-batch k-means (Sculley 2010)
)

// Options are the choices of KMeans; the zero value is the default.
type Options struct {
	NInit   int // restarts, the lowest inertia kept; default 10
	MaxIter int // Lloyd iterations per restart; default 300
	// Tol stops a restart when the centres moved less than Tol × the mean
	// variance of the dimensions in all (Σ‖Δc‖²): scikit-learn's criterion
	// and default, 1e-4; negative for "until no label changes". On a few
	// thousand rows one customer changing cluster moves the centres more
	// than that, so small data runs to full convergence; on a million rows
	// at k = 10 it stopped after 14 iterations instead of 270, with an
	// inertia 4e-4 (relative) above the fully converged one.
	Tol           float64
	Seed          uint64 // the same seed gives the same result
	Method        Method
	MiniBatchFrom int // MethodAuto uses mini-batch above this many rows; default 1,000,000
	BatchSize     int // mini-batch size; default 4,096
	// Progress, when set, is called after each restart (from the calling
	// goroutine).
	Progress func(Progress)
}

// Progress reports how far a job is.
type Progress struct {
	Step        string // StepKMeans, StepSilhouette
	K           int
	Done, Total int
}

// Steps of a job, for Progress.
const (
	StepKMeans     = "kmeans"
	StepSilhouette = "silhouette"
)

func (o Options) withDefaults() Options {
	if o.NInit <= 0 {
		o.NInit = 10
	}
	if o.MaxIter <= 0 {
		o.MaxIter = 300
	}
	if o.Tol == 0 {
		o.Tol = 1e-4
	}
	if o.MiniBatchFrom <= 0 {
		o.MiniBatchFrom = 1_000_000
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 4096
	}
	return o
}

// Result is a clustering of a Matrix's rows.
type Result struct {
	K int
	// Labels holds each matrix row's cluster, 0…K−1; clusters are numbered
	// by decreasing size (ties: the one whose first row comes first).
	Labels  []int32
	Centers []float64 // K×D, in the standardised space of the Matrix
	Sizes   []int
	// Inertia is Σ‖x − centre(x)‖² in the standardised space.
	Inertia     float64
	Iterations  int  // Lloyd iterations of the kept restart (mini-batch: batches drawn)
	Converged   bool // stopped by Tol or because no label changed, not by MaxIter
	Restarts    int
	BestRestart int
	MiniBatch   *MiniBatchInfo // set when mini-batch k-means was used
}

// KMeans clusters the rows of m into k groups. Preconditions (an *Error
// otherwise): 2 <= k <= MaxK, at least k rows and k distinct rows. It stops
// with ctx's error when ctx is cancelled.
func KMeans(ctx context.Context, m *Matrix, k int, opt Options) (*Result, error) {
	if err := checkK(m, k); err != nil {
		return nil, err
	}
	opt = opt.withDefaults()
	if opt.Method == MethodMiniBatch || (opt.Method == MethodAuto && m.N > opt.MiniBatchFrom) {
		return miniBatch(ctx, m, k, opt)
	}
	return full(ctx, m.X, m.N, m.D, k, opt)
}

func checkK(m *Matrix, k int) error {
	if m == nil || m.N == 0 {
		return problem(ProblemTooFewRows, "", 0, k)
	}
	if k < 2 || k > MaxK {
		return problem(ProblemKOutOfRange, "", k, MaxK)
	}
	if m.N < k {
		return problem(ProblemTooFewRows, "", m.N, k)
	}
	return nil
}

// full runs NInit seeded restarts of Lloyd/Hamerly over x and keeps the one
// of lowest inertia (the first on a tie).
func full(ctx context.Context, x []float64, n, d, k int, opt Options) (*Result, error) {
	l := newLloyd(x, n, d, k)
	tol := max(0, opt.Tol) * meanVariance(x, n, d)
	var best *Result
	for r := 0; r < opt.NInit; r++ {
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(r)))
		if err := l.seed(ctx, rng); err != nil {
			return nil, fmt.Errorf("k-means seeding: %w", err)
		}
		iters, conv, err := l.run(ctx, opt.MaxIter, tol)
		if err != nil {
			return nil, fmt.Errorf("k-means: %w", err)
		}
		in := l.inertia()
		if best == nil || in < best.Inertia {
			if best == nil {
				best = &Result{K: k, Labels: make([]int32, n), Centers: make([]float64, k*d)}
			}
			copy(best.Labels, l.labels)
			copy(best.Centers, l.c)
			best.Inertia, best.Iterations, best.Converged, best.BestRestart = in, iters, conv, r
		}
		if opt.Progress != nil {
			opt.Progress(Progress{Step: StepKMeans, K: k, Done: r + 1, Total: opt.NInit})
		}
	}
	best.Restarts = opt.NInit
	relabel(best, d)
	return best, nil
}

// relabel numbers clusters by decreasing size (ties by first row) and fills
// Sizes, so that results read the same from run to run.
func relabel(r *Result, d int) {
	k := r.K
	sizes := make([]int, k)
	first := make([]int, k)
	for j := range first {
		first[j] = len(r.Labels)
	}
	for i, a := range r.Labels {
		sizes[a]++
		first[a] = min(first[a], i)
	}
	order := make([]int, k)
	for j := range order {
		order[j] = j
	}
	slices.SortFunc(order, func(a, b int) int {
		if sizes[a] != sizes[b] {
			return sizes[b] - sizes[a]
		}
		return first[a] - first[b]
	})
	newOf := make([]int32, k)
	centres := make([]float64, k*d)
	r.Sizes = make([]int, k)
	for nj, oj := range order {
		newOf[oj] = int32(nj)
		copy(centres[nj*d:(nj+1)*d], r.Centers[oj*d:(oj+1)*d])
		r.Sizes[nj] = sizes[oj]
	}
	for i, a := range r.Labels {
		r.Labels[i] = newOf[a]
	}
	r.Centers = centres
}

// meanVariance is the mean over dimensions of the population variance.
func meanVariance(x []float64, n, d int) float64 {
	mean := make([]float64, d)
	for i := 0; i < n; i++ {
		for t, v := range x[i*d : (i+1)*d] {
			mean[t] += v
		}
	}
	for t := range mean {
		mean[t] /= float64(n)
	}
	var s float64
	for i := 0; i < n; i++ {
		for t, v := range x[i*d : (i+1)*d] {
			s += (v - mean[t]) * (v - mean[t])
		}
	}
	return s / float64(n*d)
}
