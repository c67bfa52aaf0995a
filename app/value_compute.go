package app

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/pulpero/pulpero/analysis/value"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// ComputeValue fits the customer-value models to the session's purchases
// and predicts every customer's P(alive), expected purchases, expected
// value per purchase and clv over the horizon: the one road the Value
// screen, `pulpero value` and Load (for rules that name a value
// attribute) take.
//
// The purchases are those behaviour reads (the same source, customer
// matching and return rule), up to the as-of day D (ValueOptions.AsOf).
// The summary is analysis/value's: x repeat purchase days, t_x and T in
// the unit, the mean value of the repeat days. The columns are returned
// in Value.Columns, not added: AddValue adds them.
//
// The error is for cancellation only; data that cannot support the models
// is Value.Err (and SpendErr, ParetoErr, ValidationErr for the parts),
// each saying what is missing and what to do.
func (s *Session) ComputeValue(ctx context.Context, o ValueOptions) (*Value, error) {
	start := time.Now()
	o, err := s.DB.withSavedValue(ctx, o)
	if err != nil {
		return nil, err
	}
	o = o.withDefaults()
	v := &Value{Database: s.DB.Path(), Table: s.Table.Name, Unit: o.Unit, HorizonDays: o.HorizonDays,
		DiscountRate: o.DiscountRate, DiscountPeriod: o.DiscountPeriodDays}
	err = s.computeValue(ctx, o, v)
	v.Took.Total = time.Since(start)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	v.Err = err
	return v, nil
}

// computeValue fills v step by step; an error stops it (v.Err).
func (s *Session) computeValue(ctx context.Context, o ValueOptions, v *Value) error {
	if err := checkValueOptions(o); err != nil {
		return err
	}
	report := progressOf(o.Progress)
	asOf, asOfSet, err := s.valueAsOf(ctx, o)
	if err != nil {
		return err
	}
	today := int32(math.MaxInt32 - 1)
	if !s.AsOf.IsZero() {
		today = dayOf(s.AsOf)
	}
	t0 := time.Now()
	report(StageValueRead, 0, 0)
	lines, err := s.DB.readValueLines(ctx, s, today, func(p LoadProgress) { report(StageValueRead, int(p.Done), int(p.Total)) })
	if err != nil {
		return err
	}
	v.Lines = lines.read
	v.Took.Read = time.Since(t0)

	t0 = time.Now()
	report(StageValueSummary, 0, 0)
	p, err := summariseValue(lines, s.Data.Rows(), asOf, asOfSet, today, o.Unit, v)
	if err != nil {
		return err
	}
	sum, n := v.Summary, s.Data.Rows()
	v.Took.Summary = time.Since(t0)

	t0 = time.Now()
	report(StageValueFit, 0, 0)
	m, err := value.FitBGNBD(ctx, sum, value.FitOptions{Progress: func(i, _ int) { report(StageValueFit, i, 0) }})
	if err != nil {
		return err
	}
	v.BGNBD = m
	v.Took.FitBGNBD = time.Since(t0)

	t0 = time.Now()
	report(StageValueSpend, 0, 0)
	if g, err := value.FitGammaGamma(ctx, sum, value.FitOptions{Progress: func(i, _ int) { report(StageValueSpend, i, 0) }}); err != nil {
		v.SpendErr = err
	} else {
		v.Spend = &g
	}
	v.Took.FitSpend = time.Since(t0)
	if ctx.Err() != nil {
		return ctx.Err()
	}

	if o.ParetoNBD {
		t0 = time.Now()
		report(StageValuePareto, 0, 0)
		if pn, err := value.FitParetoNBD(ctx, sum, value.FitOptions{Progress: func(i, _ int) { report(StageValuePareto, i, 0) }}); err != nil {
			v.ParetoErr = err
		} else {
			v.Pareto = &pn
		}
		v.Took.FitPareto = time.Since(t0)
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}

	t0 = time.Now()
	report(StageValuePredict, 0, 0)
	po := value.PredictOptions{HorizonDays: o.HorizonDays, DiscountRate: o.DiscountRate, PeriodDays: o.DiscountPeriodDays,
		Progress: func(done, total int) { report(StageValuePredict, done, total) }}
	pr, err := value.Predict(ctx, sum, m, v.Spend, po)
	if v.Spend != nil && value.KindOf(err) == value.KindInfiniteMeanSpend {
		// customers without repeat spend have no finite expected value:
		// keep the purchase predictions, say why there is no clv
		v.SpendErr, v.Spend = err, nil
		pr, err = value.Predict(ctx, sum, m, nil, po)
	}
	if err != nil {
		return err
	}
	v.Predictions = pr
	v.Columns, v.NonFinite = valueColumns(v, n)
	v.Took.Predict = time.Since(t0)

	if o.Validate {
		t0 = time.Now()
		v.Validation, v.ValidationErr = validateValue(ctx, p, n, o, report)
		v.Took.Validate = time.Since(t0)
	}
	return ctx.Err()
}

// summariseValue keeps the purchase days up to the as-of day d (when set;
// else the last purchase day up to today) and summarises them into
// v.Summary; it returns the purchases kept, for the validation.
func summariseValue(lines *valueLines, n int, d int32, set bool, today int32, unit value.TimeUnit, v *Value) (value.Purchases, error) {
	if !set {
		d = lastDayUpTo(lines.p.Day, today)
		if d == store.NoDay {
			return value.Purchases{}, valueError(value.KindNoPurchases, errValueNoneDated, dateOf(today).Format(time.DateOnly))
		}
	}
	p, after := lines.upTo(d)
	v.Lines.DaysAfterAsOf = after
	first, last, ok := dayRange(p.Day)
	if !ok {
		if f, l, any := dayRange(lines.p.Day); any { // the day is before every purchase
			return p, valueError(value.KindCalibrationOutside, errValueAsOfOutside,
				dateOf(d).Format(time.DateOnly), dateOf(f).Format(time.DateOnly), dateOf(l).Format(time.DateOnly))
		}
		return p, valueError(value.KindNoPurchases, errValueNoneDated, dateOf(d).Format(time.DateOnly))
	}
	v.AsOf, v.AsOfSet, v.FirstDay, v.LastDay = dateOf(d), set, dateOf(first), dateOf(last)
	sum, err := value.Summarise(p, n, min(d, last), unit)
	if err != nil {
		return p, err
	}
	if d > last {
		stretch(&sum, d, last)
	}
	v.Summary = sum
	return p, nil
}

// validateValue runs the holdout validation on the purchases up to the
// as-of day.
func validateValue(ctx context.Context, p value.Purchases, n int, o ValueOptions, report func(string, int, int)) (*value.Validation, error) {
	report(StageValueValidate, 0, 4)
	vo := value.ValidateOptions{Unit: o.Unit, Progress: func(done, total int) { report(StageValueValidate, done, total) }}
	if !o.CalibrationEnd.IsZero() {
		vo.CalibrationEnd = dayOf(o.CalibrationEnd)
		if vo.CalibrationEnd == 0 { // 1970-01-01 is Validate's "default"
			vo.CalibrationEnd = -1
		}
	}
	val, err := value.Validate(ctx, p, n, vo)
	if err != nil {
		return nil, err
	}
	return &val, nil
}

// valueAsOf is the as-of day asked for: the option, the session's
// behaviour date when it was chosen, or the saved one; set is false when
// none was (the last purchase day is then taken).
func (s *Session) valueAsOf(ctx context.Context, o ValueOptions) (day int32, set bool, err error) {
	switch {
	case !o.AsOf.IsZero():
		return dayOf(o.AsOf), true, nil
	case s.Behaviour != nil && s.Behaviour.DateSet:
		return dayOf(s.Behaviour.AnalysisDate), true, nil
	}
	saved, err := s.DB.BehaviourSettings(ctx)
	if err != nil {
		return 0, false, err
	}
	if !saved.AnalysisDate.IsZero() {
		return dayOf(saved.AnalysisDate), true, nil
	}
	return 0, false, nil
}

// checkValueOptions refuses a horizon or discount the models cannot use,
// before any work, with analysis/value's kinds and sentences.
func checkValueOptions(o ValueOptions) error {
	switch {
	case o.HorizonDays < 1:
		return &value.Error{Kind: value.KindBadHorizon, Detail: fmt.Sprintf("horizon %d days", o.HorizonDays)}
	case o.DiscountPeriodDays < 1:
		return &value.Error{Kind: value.KindBadDiscount, Detail: fmt.Sprintf("discount period %d days", o.DiscountPeriodDays)}
	case !(o.DiscountRate >= 0 && o.DiscountRate < 1):
		return &value.Error{Kind: value.KindBadDiscount, Detail: fmt.Sprintf("discount rate %v per %d days", o.DiscountRate, o.DiscountPeriodDays)}
	case o.Unit != value.Weeks && o.Unit != value.Days:
		return &value.Error{Kind: value.KindBadInput, Detail: fmt.Sprintf("time unit %d", int(o.Unit))}
	}
	return nil
}

// progressOf serialises progress reports (the models call from worker
// goroutines); nil reports nothing.
func progressOf(f func(ValueProgress)) func(stage string, done, total int) {
	if f == nil {
		return func(string, int, int) {}
	}
	var mu sync.Mutex
	return func(stage string, done, total int) {
		mu.Lock()
		defer mu.Unlock()
		f(ValueProgress{Stage: stage, Done: done, Total: total})
	}
}

// stretch moves the summary's calibration end from last to d > last:
// every modelled customer was observed (d − last) days more without a
// purchase, so T grows by that; x, t_x and the values do not change.
func stretch(s *value.Summary, d, last int32) {
	extra := float64(d-last) / s.Unit.Days()
	for i, ok := range s.Modelled {
		if ok {
			s.T[i] += extra
		}
	}
	s.CalibrationEnd, s.HoldoutEnd = d, d
}

// lastDayUpTo is the latest day ≤ today (store.NoDay when none).
func lastDayUpTo(days []int32, today int32) int32 {
	last := store.NoDay
	for _, d := range days {
		if d <= today && d > last {
			last = d
		}
	}
	return last
}

// dayRange is the first and last of days; ok is false when empty.
func dayRange(days []int32) (first, last int32, ok bool) {
	if len(days) == 0 {
		return 0, 0, false
	}
	first, last = days[0], days[0]
	for _, d := range days[1:] {
		first, last = min(first, d), max(last, d)
	}
	return first, last, true
}

// ValueMessage is the sentence of a value error for people: what is
// missing and what to do (analysis/value's catalogue), with its details;
// other errors as they are.
func ValueMessage(err error) string {
	var e *value.Error
	if errors.As(err, &e) {
		if e.Detail != "" {
			return e.Kind.Message() + " (" + e.Detail + ")"
		}
		return e.Kind.Message()
	}
	if err == nil {
		return ""
	}
	return err.Error()
}

// valueError is a customer-value error of kind k whose detail is a
// sentence (the faces translate it; Detail is its English).
func valueError(k value.Kind, format string, args ...any) *value.Error {
	s := model.Say(format, args...)
	return &value.Error{Kind: k, Detail: s.String(), Said: s}
}
