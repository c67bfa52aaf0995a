package value

import (
	"context"
	"math"
	"sync"

	"gonum.org/v1/gonum/mathext"
)

// BGNBD is a fitted BG/NBD model.
type BGNBD struct {
	BGNBDParams
	Unit TimeUnit
	Fit  FitInfo
}

var bgNames = []string{"r", "alpha", "a", "b"}

// FitBGNBD fits the BG/NBD model to the modelled customers of s by maximum
// likelihood: the sum over customers of LogLikelihood (FHL 2005),
// computed once per distinct (x, tx, T) and weighted by its count, is
// maximised over the logarithms of (r, α, a, b) with gonum's BFGS and an
// analytic gradient, then polished by Newton steps whose Hessian gives the
// standard errors.
//
// When nobody appears to drop out the likelihood is highest as a → 0 and
// b → ∞; the fit then succeeds with Fit.Warning = KindAtBoundary and a, b
// marked not identified (see FitInfo). It fails with KindNoCustomers,
// KindSinglePurchaseDate (every T is 0), KindTooFewRepeatBuyers (fewer than
// o.MinRepeatBuyers customers with x > 0), KindFitFailed, KindNotIdentified
// (no parameter can be determined) or KindCancelled.
func FitBGNBD(ctx context.Context, s Summary, o FitOptions) (BGNBD, error) {
	o = o.withDefaults()
	tp := tuplesOf(s)
	switch {
	case tp.total == 0:
		return BGNBD{}, newError(KindNoCustomers, "%d customers", s.Counts.Customers)
	case tp.maxT == 0:
		return BGNBD{}, newError(KindSinglePurchaseDate, "all %d customers have T = 0", int(tp.total))
	case tp.repeat < o.MinRepeatBuyers:
		return BGNBD{}, newError(KindTooFewRepeatBuyers, "%d repeat buyers of %d customers, need %d", tp.repeat, int(tp.total), o.MinRepeatBuyers)
	}
	// Start from r = 1 and α matching the mean repeat rate, a = 1, b = 1.
	var sx, sT float64
	for i := range tp.x {
		sx += tp.w[i] * float64(tp.x[i])
		sT += tp.w[i] * tp.times[tp.iT[i]]
	}
	alpha0 := max(sT/max(sx, 1), 1e-3)
	theta0 := []float64{0, math.Log(alpha0), 0, 0}
	res, err := maximise(ctx, tp.negLL, theta0, bgNames, tp.total, o)
	if err != nil {
		return BGNBD{}, err
	}
	fi := res.info(bgNames, int(tp.total), len(tp.w))
	est := fi.Estimates
	return BGNBD{
		BGNBDParams: BGNBDParams{R: est[0].Value, Alpha: est[1].Value, A: est[2].Value, B: est[3].Value},
		Unit:        s.Unit,
		Fit:         fi,
	}, nil
}

// bgParts is the number of fixed parts the tuples are cut into for
// concurrent evaluation; fixed, so the sums do not depend on the number of
// cores.
const bgParts = 8

// negLL returns the negative BG/NBD log-likelihood at log-parameters theta
// = log(r, α, a, b) and, when grad is set, its gradient. With
// A1 = log Γ(r+x) − log Γ(r) + r log α, A2 = log B(a, b+x) − log B(a, b),
// A3 = −(r+x) log(α+T), A4 = log a − log(b+x−1) − (r+x) log(α+tx):
//
//	LL = A1 + A2 + log(e^A3 + δ(x>0) e^A4).
//
// The terms that depend on x only are summed once per distinct x.
func (tp *bgTuples) negLL(theta, grad []float64) float64 {
	r, al, a, b := math.Exp(theta[0]), math.Exp(theta[1]), math.Exp(theta[2]), math.Exp(theta[3])
	// Per-time tables.
	lt := make([]float64, len(tp.times))
	it := make([]float64, len(tp.times))
	for j, tm := range tp.times {
		lt[j] = math.Log(al + tm)
		it[j] = 1 / (al + tm)
	}
	// Per-x terms, and their contribution times the x's weight.
	nx := len(tp.xs)
	rx := make([]float64, nx)  // r + x
	la4 := make([]float64, nx) // log a − log(b+x−1)
	ib := make([]float64, nx)  // 1/(b+x−1)
	var ll, gr, gal, ga, gb float64
	lgr, _ := math.Lgamma(r)
	lgab, _ := math.Lgamma(a + b)
	lgb, _ := math.Lgamma(b)
	dgr, dgab, dgb := digamma(r), digamma(a+b), digamma(b)
	la := math.Log(al)
	for k, xi := range tp.xs {
		x := float64(xi)
		rx[k] = r + x
		w := tp.xw[k]
		lgrx, _ := math.Lgamma(r + x)
		ll += w * (lgrx - lgr + r*la)
		gr += w * (digamma(r+x) - dgr + la)
		gal += w * r / al
		if xi > 0 {
			lgbx, _ := math.Lgamma(b + x)
			lgabx, _ := math.Lgamma(a + b + x)
			ll += w * (lgab + lgbx - lgb - lgabx)
			dgabx := digamma(a + b + x)
			ga += w * (dgab - dgabx)
			gb += w * (dgab + digamma(b+x) - dgb - dgabx)
			la4[k] = math.Log(a) - math.Log(b+x-1)
			ib[k] = 1 / (b + x - 1)
		}
	}
	// Per-tuple terms, in fixed parts.
	var parts [bgParts][5]float64
	n := len(tp.w)
	per := (n + bgParts - 1) / bgParts
	var wg sync.WaitGroup
	for p := 0; p < bgParts; p++ {
		lo, hi := p*per, min(n, (p+1)*per)
		if lo >= hi {
			continue
		}
		run := func() { tp.partLL(lo, hi, 1/a, rx, la4, ib, lt, it, &parts[p]) }
		if n < 20_000 {
			run()
			continue
		}
		wg.Go(run)
	}
	wg.Wait()
	for _, s := range parts {
		ll += s[0]
		gr += s[1]
		gal += s[2]
		ga += s[3]
		gb += s[4]
	}
	if grad != nil {
		// Chain rule to the log scale, and sign for the negative.
		grad[0], grad[1], grad[2], grad[3] = -gr*r, -gal*al, -ga*a, -gb*b
	}
	return -ll
}

// partLL adds the per-tuple terms of tuples [lo, hi) to s = (LL, ∂r, ∂α, ∂a, ∂b).
func (tp *bgTuples) partLL(lo, hi int, ia float64, rx, la4, ib, lt, it []float64, s *[5]float64) {
	var ll, gr, gal, ga, gb float64
	for i := lo; i < hi; i++ {
		w := tp.w[i]
		k := tp.xrun[i]
		jT := tp.iT[i]
		if tp.x[i] == 0 {
			ll -= w * rx[k] * lt[jT]
			gr -= w * lt[jT]
			gal -= w * rx[k] * it[jT]
			continue
		}
		jx := tp.iTx[i]
		a3 := -rx[k] * lt[jT]
		a4 := la4[k] - rx[k]*lt[jx]
		d := a4 - a3
		var p4 float64
		if d > 0 {
			e := math.Exp(-d)
			ll += w * (a4 + math.Log1p(e))
			p4 = 1 / (1 + e)
		} else {
			e := math.Exp(d)
			ll += w * (a3 + math.Log1p(e))
			p4 = e / (1 + e)
		}
		p3 := 1 - p4
		gr -= w * (p3*lt[jT] + p4*lt[jx])
		gal -= w * rx[k] * (p3*it[jT] + p4*it[jx])
		ga += w * p4 * ia
		gb -= w * p4 * ib[k]
	}
	s[0] += ll
	s[1] += gr
	s[2] += gal
	s[3] += ga
	s[4] += gb
}

func digamma(x float64) float64 { return mathext.Digamma(x) }
