package value

import (
	"context"
	"math"
	"sync"
)

var pnNames = []string{"r", "alpha", "s", "beta"}

// FitParetoNBD fits the Pareto/NBD model to the modelled customers of s,
// as FitBGNBD does, so that the two purchase models can be compared on the
// same data by Fit.LogLikelihood (both have four parameters; the larger
// likelihood fits better). The gradient is taken by central differences,
// which makes this fit several times slower than FitBGNBD; it fails with
// the same kinds of error.
func FitParetoNBD(ctx context.Context, s Summary, o FitOptions) (ParetoNBD, error) {
	o = o.withDefaults()
	tp := tuplesOf(s)
	switch {
	case tp.total == 0:
		return ParetoNBD{}, newError(KindNoCustomers, "%d customers", s.Counts.Customers)
	case tp.maxT == 0:
		return ParetoNBD{}, newError(KindSinglePurchaseDate, "all %d customers have T = 0", int(tp.total))
	case tp.repeat < o.MinRepeatBuyers:
		return ParetoNBD{}, newError(KindTooFewRepeatBuyers, "%d repeat buyers of %d customers, need %d", tp.repeat, int(tp.total), o.MinRepeatBuyers)
	}
	var sx, sT float64
	for i := range tp.x {
		sx += tp.w[i] * float64(tp.x[i])
		sT += tp.w[i] * tp.times[tp.iT[i]]
	}
	a0 := math.Log(max(sT/max(sx, 1), 1e-3))
	ev := &pnEval{tp: &tp}
	f := func(theta, grad []float64) float64 {
		v := ev.negLL(theta)
		if grad != nil {
			const h = 1e-6
			th := append([]float64(nil), theta...)
			for i := range th {
				th[i] = theta[i] + h
				up := ev.negLL(th)
				th[i] = theta[i] - h
				dn := ev.negLL(th)
				th[i] = theta[i]
				grad[i] = (up - dn) / (2 * h)
			}
		}
		return v
	}
	res, err := maximise(ctx, f, []float64{0, a0, 0, a0}, pnNames, tp.total, o)
	if err != nil {
		return ParetoNBD{}, err
	}
	fi := res.info(pnNames, int(tp.total), len(tp.w))
	est := fi.Estimates
	return ParetoNBD{
		ParetoNBDParams: ParetoNBDParams{R: est[0].Value, Alpha: est[1].Value, S: est[2].Value, Beta: est[3].Value},
		Unit:            s.Unit,
		Fit:             fi,
	}, nil
}

// pnEval evaluates the Pareto/NBD likelihood over tuples. Within a run of
// equal x the tuples share F(x, y) for every time y they use (tx of one
// tuple is often T or tx of another), so each part keeps F per time index,
// stamped with the run it belongs to; with more than cacheTimes distinct
// times (continuous-time data, where nothing repeats) it does not cache.
type pnEval struct {
	tp    *bgTuples
	f     [bgParts][]float64
	stamp [bgParts][]int32
}

const cacheTimes = 100_000

// negLL is the negative Pareto/NBD log-likelihood at log-parameters theta,
// summed in fixed parts; NaN when some term cannot be evaluated (the
// optimiser then steps back). Calls must not overlap.
func (e *pnEval) negLL(theta []float64) float64 {
	tp := e.tp
	m := ParetoNBDParams{math.Exp(theta[0]), math.Exp(theta[1]), math.Exp(theta[2]), math.Exp(theta[3])}
	cache := len(tp.times) <= cacheTimes
	var parts [bgParts]float64
	n := len(tp.w)
	per := (n + bgParts - 1) / bgParts
	var wg sync.WaitGroup
	for p := 0; p < bgParts; p++ {
		lo, hi := p*per, min(n, (p+1)*per)
		if lo >= hi {
			continue
		}
		if cache && e.f[p] == nil {
			e.f[p] = make([]float64, len(tp.times))
			e.stamp[p] = make([]int32, len(tp.times))
		}
		run := func() {
			f, stamp := e.f[p], e.stamp[p]
			for i := range stamp {
				stamp[i] = 0
			}
			run := int32(0)
			logF := func(x float64, j int32) (float64, error) {
				if !cache {
					return m.logF(x, tp.times[j])
				}
				if stamp[j] == run {
					return f[j], nil
				}
				v, err := m.logF(x, tp.times[j])
				f[j], stamp[j] = v, run
				return v, err
			}
			sum := 0.0
			for i := lo; i < hi; i++ {
				if i == lo || tp.x[i] != tp.x[i-1] {
					run++
				}
				x := float64(tp.x[i])
				la0 := math.Inf(-1)
				if tp.iTx[i] != tp.iT[i] {
					ftx, err1 := logF(x, tp.iTx[i])
					fT, err2 := logF(x, tp.iT[i])
					if err1 != nil || err2 != nil {
						sum = math.NaN()
						break
					}
					la0 = logDiff(ftx, fT)
				}
				sum += tp.w[i] * m.logLikA0(x, tp.times[tp.iT[i]], la0)
			}
			parts[p] = sum
		}
		if n < 5_000 {
			run()
			continue
		}
		wg.Go(run)
	}
	wg.Wait()
	total := 0.0
	for _, v := range parts {
		total += v
	}
	return -total
}
