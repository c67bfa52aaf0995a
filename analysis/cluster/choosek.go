package cluster

import (
	"context"
	"errors"
	"fmt"
)

// ChooseOptions are the choices of ChooseK; the zero value is the default.
type ChooseOptions struct {
	KMeans     Options
	KMin, KMax int // default 2 and 10
	Silhouette SilhouetteOptions
}

// KRow is one k of the table: the elbow's inertia, the silhouette and the
// clustering itself (so that choosing a k needs no second run).
type KRow struct {
	K          int
	Inertia    float64
	Silhouette float64
	Result     *Result
}

// KTable is the table for choosing k.
type KTable struct {
	Rows           []KRow
	Suggested      int  // the k of the best silhouette (the smaller k on a tie)
	SilhouetteRows int  // rows the silhouettes were computed on
	Sampled        bool // a random sample of the rows (the same for every k)
	// Stopped is set when the table ends before KMax because the data has
	// fewer distinct customers than the next k.
	Stopped *Error
}

// ChooseK runs KMeans for every k in [KMin, KMax] (KMax at most rows − 1)
// and measures the silhouette of each on the same rows, exact up to
// Silhouette.ExactUpTo rows, else on one random sample. Progress counts
// restarts over all k (and reports each silhouette when it is done).
func ChooseK(ctx context.Context, m *Matrix, opt ChooseOptions) (*KTable, error) {
	if opt.KMin == 0 {
		opt.KMin = 2
	}
	if opt.KMax == 0 {
		opt.KMax = 10
	}
	if m == nil || m.N < 3 {
		n := 0
		if m != nil {
			n = m.N
		}
		return nil, problem(ProblemTooFewRows, "", n, 3)
	}
	kmax := min(opt.KMax, m.N-1)
	if opt.KMin < 2 || opt.KMin > kmax || opt.KMax > MaxK {
		return nil, problem(ProblemKOutOfRange, "", max(opt.KMax, opt.KMin), min(MaxK, m.N-1))
	}
	km := opt.KMeans.withDefaults()
	so := opt.Silhouette.withDefaults()
	total := (kmax - opt.KMin + 1) * km.NInit
	tab := &KTable{}
	for k := opt.KMin; k <= kmax; k++ {
		o := km
		done := (k - opt.KMin) * km.NInit
		if opt.KMeans.Progress != nil {
			o.Progress = func(p Progress) {
				opt.KMeans.Progress(Progress{Step: StepKMeans, K: k, Done: done + p.Done, Total: total})
			}
		}
		res, err := KMeans(ctx, m, k, o)
		var pe *Error
		if errors.As(err, &pe) && pe.Problem == ProblemTooFewDistinct && len(tab.Rows) > 0 {
			tab.Stopped = pe
			break
		}
		if err != nil {
			return nil, fmt.Errorf("k = %d: %w", k, err)
		}
		sil, err := Silhouette(ctx, m.X, m.D, res.Labels, so)
		if err != nil {
			return nil, fmt.Errorf("silhouette at k = %d: %w", k, err)
		}
		if opt.KMeans.Progress != nil {
			opt.KMeans.Progress(Progress{Step: StepSilhouette, K: k, Done: done + km.NInit, Total: total})
		}
		tab.SilhouetteRows, tab.Sampled = sil.Rows, sil.Sampled
		tab.Rows = append(tab.Rows, KRow{K: k, Inertia: res.Inertia, Silhouette: sil.Score, Result: res})
		if tab.Suggested == 0 || sil.Score > tab.Rows[tab.Suggested-opt.KMin].Silhouette {
			tab.Suggested = k
		}
	}
	return tab, nil
}
