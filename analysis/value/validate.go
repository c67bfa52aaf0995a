package value

import (
	"context"
	"math"
)

// ValidateOptions control Validate.
type ValidateOptions struct {
	// CalibrationEnd is the last day of the calibration period; 0 means two
	// thirds into the data's date range.
	CalibrationEnd int32
	Unit           TimeUnit
	// PeriodDays is the length of a tracking period (0 means 7: weekly).
	PeriodDays int
	// Groups is the number of calibration-repeat groups of the conditional
	// expectations: 0, 1, ..., Groups−1 and Groups or more (0 means 7).
	Groups   int
	Fit      FitOptions
	Progress func(done, total int) // called after each of the 4 steps
}

// Validation compares a BG/NBD model fitted on the calibration period with
// what the same customers did in the holdout period after it.
type Validation struct {
	CalibrationEnd, HoldoutEnd int32
	Counts                     SummaryCounts
	Model                      BGNBD
	// Tracking is the tracking plot: repeat purchases of the calibration
	// customers per period over calendar time, actual and expected. The
	// expected count sums over customers E[X(τ − f)], the unconditional
	// expectation since each one's first purchase day f, as in FHL 2005.
	// Periods are aligned so that one ends on the calibration end.
	Tracking []TrackingPoint
	// ByRepeat is the conditional expectations plot: customers grouped by
	// calibration repeat purchases, mean expected and mean actual holdout
	// purchases, as in FHL 2005.
	ByRepeat []RepeatGroup
	// Holdout totals over the modelled customers, and
	// 100·(Predicted − Actual)/Actual.
	PredictedHoldout, ActualHoldout, TotalErrorPct float64
	// Correlation is the Pearson correlation of expected and actual
	// holdout purchases per customer; CorrelationDefined is false (and
	// Correlation 0) when either has no variance.
	Correlation        float64
	CorrelationDefined bool
}

// TrackingPoint is one period of the tracking plot; Start and End are day
// numbers, both included.
type TrackingPoint struct {
	Start, End             int32
	Holdout                bool // the period lies after the calibration end
	Actual, Expected       float64
	CumActual, CumExpected float64
}

// RepeatGroup is one bar pair of the conditional expectations plot.
type RepeatGroup struct {
	X         int  // calibration repeat purchases
	AndMore   bool // the last group: X or more
	Customers int
	Expected  float64 // mean expected holdout purchases
	Actual    float64 // mean actual holdout purchases
}

// DefaultCalibrationEnd returns the day two thirds into the date range of
// the purchase days in p (lines of unknown customers and return-only days
// left out).
func DefaultCalibrationEnd(p Purchases, customers int) (int32, error) {
	if err := p.check(customers); err != nil {
		return 0, err
	}
	h := collect(p, customers)
	if len(h.day) == 0 {
		return 0, newError(KindNoPurchases, "%d lines", p.Len())
	}
	return h.defaultEnd(), nil
}

func (h *history) defaultEnd() int32 {
	return h.minDay + int32(math.Round(float64(h.maxDay-h.minDay)*2/3))
}

// Validate summarises p at the calibration end, fits BG/NBD on the
// calibration period and compares its predictions with the holdout period
// (the days after the calibration end up to the last purchase). It fails
// with KindNoHoldout when no modelled customer bought in the holdout, and
// with the errors of Summarise and FitBGNBD.
func Validate(ctx context.Context, p Purchases, customers int, o ValidateOptions) (Validation, error) {
	if err := o.Unit.valid(); err != nil {
		return Validation{}, err
	}
	if o.PeriodDays == 0 {
		o.PeriodDays = 7
	}
	if o.Groups == 0 {
		o.Groups = 7
	}
	if o.PeriodDays < 0 || o.Groups < 0 {
		return Validation{}, newError(KindBadInput, "period %d days, %d groups", o.PeriodDays, o.Groups)
	}
	step := func(k int) {
		if o.Progress != nil {
			o.Progress(k, 4)
		}
	}
	if err := p.check(customers); err != nil {
		return Validation{}, err
	}
	h := collect(p, customers)
	if len(h.day) == 0 {
		return Validation{}, newError(KindNoPurchases, "%d lines", p.Len())
	}
	d := o.CalibrationEnd
	if d == 0 {
		d = h.defaultEnd()
	}
	if d < h.minDay || d > h.maxDay {
		return Validation{}, newError(KindCalibrationOutside, "calibration end %s, purchases from %s to %s",
			dayString(d), dayString(h.minDay), dayString(h.maxDay))
	}
	s := h.summary(d, o.Unit)
	step(1)
	if s.Counts.HoldoutPurchases == 0 {
		return Validation{}, newError(KindNoHoldout, "calibration end %s, last purchase %s", dayString(d), dayString(h.maxDay))
	}
	m, err := FitBGNBD(ctx, s, o.Fit)
	if err != nil {
		return Validation{}, err
	}
	step(2)
	v := Validation{CalibrationEnd: d, HoldoutEnd: s.HoldoutEnd, Counts: s.Counts, Model: m}
	if err := v.conditional(ctx, s, m, o.Groups); err != nil {
		return Validation{}, err
	}
	step(3)
	if err := v.tracking(ctx, &h, s, m, o.PeriodDays); err != nil {
		return Validation{}, err
	}
	step(4)
	return v, nil
}

// conditional fills ByRepeat, the holdout totals and the correlation.
func (v *Validation) conditional(ctx context.Context, s Summary, m BGNBD, groups int) error {
	th := float64(s.HoldoutEnd-s.CalibrationEnd) / s.Unit.Days()
	tp := tuplesOf(s)
	ex := make([]float64, len(tp.w))
	if err := tp.forEach(ctx, nil, func(lo, hi int) error {
		pa, dv := make([]float64, len(tp.w)), make([]float64, len(tp.w))
		return m.predictTuples(&tp, lo, hi, []float64{th}, []float64{1}, pa, ex, dv)
	}); err != nil {
		return err
	}
	v.ByRepeat = make([]RepeatGroup, groups+1)
	for g := range v.ByRepeat {
		v.ByRepeat[g].X = g
	}
	v.ByRepeat[groups].AndMore = true
	// Two-pass moments for the correlation, in customer order.
	var n, sp, sa float64
	for i, k := range tp.of {
		if k < 0 {
			continue
		}
		pr, ac := ex[k], float64(s.HoldoutX[i])
		g := &v.ByRepeat[min(int(s.X[i]), groups)]
		g.Customers++
		g.Expected += pr
		g.Actual += ac
		n++
		sp += pr
		sa += ac
	}
	for g := range v.ByRepeat {
		if c := float64(v.ByRepeat[g].Customers); c > 0 {
			v.ByRepeat[g].Expected /= c
			v.ByRepeat[g].Actual /= c
		}
	}
	v.PredictedHoldout, v.ActualHoldout = sp, sa
	v.TotalErrorPct = 100 * (sp - sa) / sa
	mp, ma := sp/n, sa/n
	var cpp, caa, cpa float64
	for i, k := range tp.of {
		if k < 0 {
			continue
		}
		dp, da := ex[k]-mp, float64(s.HoldoutX[i])-ma
		cpp += dp * dp
		caa += da * da
		cpa += dp * da
	}
	if cpp > 0 && caa > 0 {
		v.Correlation, v.CorrelationDefined = cpa/math.Sqrt(cpp*caa), true
	}
	return nil
}

// tracking fills Tracking: actual repeat purchase days of the modelled
// customers per period, and the expected cumulative count at the end of
// each period, Σ_f n_f·E[X(e − f)] over first purchase days f ≤ e.
func (v *Validation) tracking(ctx context.Context, h *history, s Summary, m BGNBD, period int) error {
	first, last := int32(math.MaxInt32), s.HoldoutEnd
	for i, ok := range s.Modelled {
		if ok {
			first = min(first, s.First[i])
		}
	}
	nf := make([]float64, int(last-first)+1) // customers per first day
	for i, ok := range s.Modelled {
		if ok {
			nf[s.First[i]-first]++
		}
	}
	// Periods end on d, d−P, d−2P, ... back to the first purchase, and
	// forward to the holdout end.
	start := s.CalibrationEnd + 1 - int32(period)*((s.CalibrationEnd-first)/int32(period)+1)
	for st := start; st <= last; st += int32(period) {
		end := min(st+int32(period)-1, last)
		v.Tracking = append(v.Tracking, TrackingPoint{Start: st, End: end, Holdout: st > s.CalibrationEnd})
	}
	// Actual: each repeat purchase day to its period.
	for i, ok := range s.Modelled {
		if !ok {
			continue
		}
		for _, dd := range h.day[h.off[i]+1 : h.off[i+1]] {
			v.Tracking[(dd-start)/int32(period)].Actual++
		}
	}
	// Expected: E[X(t)] for every whole number of days t up to the span.
	span := int(last - first)
	ex := make([]float64, span+1)
	for t := 1; t <= span; t++ {
		if t%256 == 0 {
			if err := ctx.Err(); err != nil {
				return &Error{Kind: KindCancelled, Err: err}
			}
		}
		g, err := m.growth(0, 0, float64(t)/s.Unit.Days())
		if err != nil {
			return err
		}
		ex[t] = g
	}
	var ca, ce float64
	for k := range v.Tracking {
		tk := &v.Tracking[k]
		cum := 0.0
		for f := first; f <= tk.End; f++ {
			if c := nf[f-first]; c > 0 {
				cum += c * ex[tk.End-f]
			}
		}
		ca += tk.Actual
		tk.CumActual = ca
		tk.Expected = cum - ce
		tk.CumExpected = cum
		ce = cum
	}
	return nil
}
