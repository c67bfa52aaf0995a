package value

import (
	"context"
	"math"
	"sync"
)

// PredictOptions set the horizon and discounting of Predict.
type PredictOptions struct {
	// HorizonDays is the horizon H of ExpectedPurchases and CLV, in days;
	// it must be at least 1 (DefaultPredictOptions: 180).
	HorizonDays int
	// DiscountRate d is the discount rate per period, 0 ≤ d < 1
	// (DefaultPredictOptions: 0.01 per 30-day month).
	DiscountRate float64
	// PeriodDays is the length of a discount period in days (0 means 30).
	PeriodDays int
	// Progress, when set, is called with the number of distinct customer
	// histories done and their total; it is called from worker goroutines,
	// one call at a time.
	Progress func(done, total int)
}

// DefaultPredictOptions returns a 180-day horizon discounted at 1% per
// 30-day month.
func DefaultPredictOptions() PredictOptions {
	return PredictOptions{HorizonDays: 180, DiscountRate: 0.01, PeriodDays: 30}
}

func (o PredictOptions) check() (PredictOptions, error) {
	if o.HorizonDays < 1 {
		return o, newError(KindBadHorizon, "horizon %d days", o.HorizonDays)
	}
	if o.PeriodDays == 0 {
		o.PeriodDays = 30
	}
	if o.PeriodDays < 0 {
		return o, newError(KindBadHorizon, "discount period %d days", o.PeriodDays)
	}
	if !(o.DiscountRate >= 0 && o.DiscountRate < 1) {
		return o, newError(KindBadDiscount, "discount rate %v", o.DiscountRate)
	}
	return o, nil
}

// Predictions are per-customer results, indexed like the Summary; customers
// the summary does not model have zeros (see Modelled).
type Predictions struct {
	HorizonDays int
	Modelled    []bool    // the summary's slice, shared: do not modify
	PAlive      []float64 // probability of being active at the calibration end
	Expected    []float64 // expected purchases in the next HorizonDays
	// Value and CLV are nil when no Gamma-Gamma model was given.
	Value []float64 // expected value per future purchase (GammaGammaParams.ExpectedValue)
	CLV   []float64 // discounted value of the next HorizonDays, see CLV
}

// Predict computes P(alive), expected purchases and, with a spend model,
// expected value and CLV for every modelled customer of s. It evaluates the
// BG/NBD formulas once per distinct (x, tx, T), concurrently in fixed
// parts, checking ctx between parts.
//
// CLV is the discounted expected value over the horizon H (in days), as
// lifetimes' customer_lifetime_value computes it: the horizon is cut into
// periods of P days (the last one shorter when P does not divide H), and
//
//	CLV = Σ_{k=1..K} v · (E[Y(t_k)] − E[Y(t_(k−1))]) / (1+d)^(t_k/P),
//	t_k = min(kP, H), K = ⌈H/P⌉,
//
// where E[Y(t)] is ExpectedPurchases and v the Gamma-Gamma expected value
// per purchase: each period's expected purchases are valued at v and
// discounted from the end of the period. With d = 0 it is v·E[Y(H)].
//
// Customers without a positive repeat mean are valued at the spend model's
// population mean; when that is infinite (q ≤ 1) Predict fails with
// KindInfiniteMeanSpend; pass gg = nil to get the purchase predictions
// alone.
func Predict(ctx context.Context, s Summary, m BGNBD, gg *GammaGamma, o PredictOptions) (Predictions, error) {
	o, err := o.check()
	if err != nil {
		return Predictions{}, err
	}
	if err := m.check(); err != nil {
		return Predictions{}, err
	}
	if m.Unit != s.Unit {
		return Predictions{}, newError(KindSummaryModelMismatch, "summary in %s, model in %s", s.Unit, m.Unit)
	}
	tp := tuplesOf(s)
	ts, disc := schedule(o, s.Unit)
	pa := make([]float64, len(tp.w))
	ex := make([]float64, len(tp.w))
	dv := make([]float64, len(tp.w)) // discounted expected purchases
	if err := tp.forEach(ctx, o.Progress, func(lo, hi int) error {
		return m.predictTuples(&tp, lo, hi, ts, disc, pa, ex, dv)
	}); err != nil {
		return Predictions{}, err
	}
	n := len(s.Modelled)
	out := Predictions{HorizonDays: o.HorizonDays, Modelled: s.Modelled,
		PAlive: make([]float64, n), Expected: make([]float64, n)}
	if gg != nil {
		out.Value, out.CLV = make([]float64, n), make([]float64, n)
	}
	for i, k := range tp.of {
		if k < 0 {
			continue
		}
		out.PAlive[i], out.Expected[i] = pa[k], ex[k]
		if gg == nil {
			continue
		}
		v, err := gg.ExpectedValue(int(s.X[i]), s.MeanValue[i])
		if err != nil {
			return Predictions{}, err
		}
		out.Value[i], out.CLV[i] = v, v*dv[k]
	}
	return out, nil
}

// schedule returns the period ends t_k in model units and their discount
// factors 1/(1+d)^(t_k/P).
func schedule(o PredictOptions, u TimeUnit) (ts, disc []float64) {
	for end := 0; end < o.HorizonDays; {
		end = min(end+o.PeriodDays, o.HorizonDays)
		ts = append(ts, float64(end)/u.Days())
		disc = append(disc, math.Pow(1+o.DiscountRate, -float64(end)/float64(o.PeriodDays)))
	}
	return ts, disc
}

// predictTuples fills pa, ex and dv for tuples [lo, hi). Tuples sharing
// (x, T) — consecutive, by the sort — share the growth curve.
func (m BGNBD) predictTuples(tp *bgTuples, lo, hi int, ts, disc, pa, ex, dv []float64) error {
	g := make([]float64, len(ts))
	for i := lo; i < hi; i++ {
		x, T := float64(tp.x[i]), tp.times[tp.iT[i]]
		if i == lo || tp.x[i] != tp.x[i-1] || tp.iT[i] != tp.iT[i-1] {
			for k, t := range ts {
				v, err := m.growth(x, T, t)
				if err != nil {
					return err
				}
				g[k] = v
			}
		}
		p := m.pAlive(x, tp.times[tp.iTx[i]], T)
		prev, d := 0.0, 0.0
		for k, v := range g {
			d += max(v-prev, 0) * disc[k]
			prev = v
		}
		pa[i], ex[i], dv[i] = p, g[len(g)-1]*p, d*p
	}
	return nil
}

// CLV returns the discounted value over o.HorizonDays of one customer with
// history (x, tx, T) in m's unit and expected value v per purchase; the
// formula is Predict's.
func (m BGNBD) CLV(v float64, x int, tx, T float64, o PredictOptions) (float64, error) {
	o, err := o.check()
	if err != nil {
		return 0, err
	}
	if err := m.check(); err != nil {
		return 0, err
	}
	if err := checkCustomer(x, tx, T); err != nil {
		return 0, err
	}
	if !finite(v) {
		return 0, newError(KindBadInput, "value %v", v)
	}
	ts, disc := schedule(o, m.Unit)
	tp := bgTuples{x: []int32{int32(x)}, iT: []int32{0}, iTx: []int32{1}, times: []float64{T, tx}, w: []float64{1}}
	var pa, ex, dv [1]float64
	if err := m.predictTuples(&tp, 0, 1, ts, disc, pa[:], ex[:], dv[:]); err != nil {
		return 0, err
	}
	return v * dv[0], nil
}

// forEach runs f over the tuples in 16 fixed parts, two at a time,
// reporting progress after each part and stopping at the first error or
// when ctx is done.
func (tp *bgTuples) forEach(ctx context.Context, progress func(done, total int), f func(lo, hi int) error) error {
	const parts = 16
	n := len(tp.w)
	per := (n + parts - 1) / parts
	errs := make([]error, parts)
	var mu sync.Mutex
	done := 0
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for p := 0; p < parts; p++ {
		lo, hi := p*per, min(n, (p+1)*per)
		if lo >= hi {
			continue
		}
		sem <- struct{}{}
		if err := ctx.Err(); err != nil {
			<-sem
			errs[p] = &Error{Kind: KindCancelled, Err: err}
			break
		}
		wg.Go(func() {
			defer func() { <-sem }()
			errs[p] = f(lo, hi)
			mu.Lock()
			done += hi - lo
			if progress != nil {
				progress(done, n)
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return &Error{Kind: KindCancelled, Err: err}
	}
	return nil
}
