package app

import (
	"math"
	"time"

	"github.com/pulpero/pulpero/analysis/value"
)

// ValueReport is what `pulpero value` prints and the Value screen shows:
// the data read, the fitted models with their standard errors and
// log-likelihoods, the predictions in bands, the top customers and the
// validation. Every number is finite; a part that could not be computed
// has its error's sentence instead (Error, SpendError, ...).
type ValueReport struct {
	Database     string              `json:"database"`
	Table        string              `json:"table"`
	AsOf         string              `json:"as_of"`
	AsOfSet      bool                `json:"as_of_set"` // false: the last purchase day
	FirstDay     string              `json:"first_purchase_day,omitempty"`
	LastDay      string              `json:"last_purchase_day,omitempty"`
	Unit         string              `json:"time_unit"`
	HorizonDays  int                 `json:"horizon_days"`
	DiscountRate float64             `json:"discount_rate"`
	DiscountDays int                 `json:"discount_period_days"`
	Lines        ValueLines          `json:"lines"`
	Customers    value.SummaryCounts `json:"customers"`
	BGNBD        *ModelFit           `json:"bgnbd,omitempty"`
	ParetoNBD    *ModelFit           `json:"paretonbd,omitempty"`
	// Better names the purchase model with the larger log-likelihood
	// when both were fitted (both have four parameters).
	Better     string             `json:"better_purchase_model,omitempty"`
	GammaGamma *SpendFit          `json:"gammagamma,omitempty"`
	Totals     *ValueTotals       `json:"predictions,omitempty"`
	PAlive     []ValueBand        `json:"p_alive_bands,omitempty"`
	CLV        []ValueBand        `json:"clv_bands,omitempty"`
	Top        []TopCustomer      `json:"top_customers,omitempty"`
	Validation *ValidationFit     `json:"validation,omitempty"`
	Error      string             `json:"error,omitempty"`
	SpendError string             `json:"spend_error,omitempty"`
	ParetoErr  string             `json:"paretonbd_error,omitempty"`
	ValidErr   string             `json:"validation_error,omitempty"`
	Seconds    map[string]float64 `json:"seconds"`
}

// ModelFit is one fitted model: its parameters and fit diagnostics.
type ModelFit struct {
	Model         string     `json:"model"`
	LogLikelihood float64    `json:"log_likelihood"`
	Params        []ParamFit `json:"parameters"`
	Warning       string     `json:"warning,omitempty"` // a sentence: parameters at the boundary
	Customers     int        `json:"customers"`
	Unique        int        `json:"distinct_histories"`
	Iterations    int        `json:"iterations"`
}

// ParamFit is one parameter with its standard error and 95% interval;
// Identified false: the data cannot pin it down (no SE nor interval).
type ParamFit struct {
	Name       string  `json:"name"`
	Value      float64 `json:"value"`
	SE         float64 `json:"se"`
	Lower      float64 `json:"lower95"`
	Upper      float64 `json:"upper95"`
	Identified bool    `json:"identified"`
}

// SpendFit is the Gamma-Gamma fit and its checks.
type SpendFit struct {
	ModelFit
	Excluded       int     `json:"excluded_non_positive_mean"`
	Correlation    float64 `json:"frequency_spend_correlation"`
	PopulationMean float64 `json:"population_mean_value,omitempty"` // 0 when infinite (q ≤ 1)
}

// ValueTotals sum the predictions over the modelled customers.
type ValueTotals struct {
	Customers         int     `json:"customers"`
	MeanPAlive        float64 `json:"mean_p_alive"`
	ExpectedPurchases float64 `json:"expected_purchases"`
	CLV               float64 `json:"clv,omitempty"`
	MeanCLV           float64 `json:"mean_clv,omitempty"`
}

// ValueBand is one band of an attribute's distribution: the customers in
// it, their clv, and the rule that selects them (for a segment).
type ValueBand struct {
	Label     string  `json:"label"`
	Rule      string  `json:"rule"`
	Customers int     `json:"customers"`
	CLV       float64 `json:"clv"`
}

// TopCustomer is one of the customers with the highest clv.
type TopCustomer struct {
	Customer          string  `json:"customer"`
	X                 int     `json:"x"`
	Tx                float64 `json:"t_x"`
	T                 float64 `json:"T"`
	MeanValue         float64 `json:"mean_value"`
	PAlive            float64 `json:"p_alive"`
	ExpectedPurchases float64 `json:"expected_purchases"`
	ExpectedValue     float64 `json:"expected_value"`
	CLV               float64 `json:"clv"`
}

// ValidationFit is the holdout validation: the model fitted on the
// calibration period against what happened after it.
type ValidationFit struct {
	CalibrationEnd   string         `json:"calibration_end"`
	HoldoutEnd       string         `json:"holdout_end"`
	Model            ModelFit       `json:"bgnbd_calibration"`
	Tracking         []TrackingWeek `json:"tracking"`
	ByRepeat         []RepeatBar    `json:"by_calibration_purchases"`
	PredictedHoldout float64        `json:"predicted_holdout_purchases"`
	ActualHoldout    float64        `json:"actual_holdout_purchases"`
	TotalErrorPct    float64        `json:"total_error_pct"`
	Correlation      *float64       `json:"correlation,omitempty"` // nil: no variance
}

// TrackingWeek is one period of the cumulative tracking chart.
type TrackingWeek struct {
	End         string  `json:"end"`
	Holdout     bool    `json:"holdout"`
	Actual      float64 `json:"actual"`
	Expected    float64 `json:"expected"`
	CumActual   float64 `json:"cum_actual"`
	CumExpected float64 `json:"cum_expected"`
}

// RepeatBar is the mean expected and actual holdout purchases of the
// customers with X calibration repeat purchases (X or more when AndMore).
type RepeatBar struct {
	X         int     `json:"x"`
	AndMore   bool    `json:"and_more"`
	Customers int     `json:"customers"`
	Expected  float64 `json:"expected"`
	Actual    float64 `json:"actual"`
}

// ValueReport describes v (computed on this session) with the top
// customers by clv.
func (s *Session) ValueReport(v *Value, top int) ValueReport {
	r := ValueReport{Database: s.DB.Name(), Table: s.Table.Name, Unit: v.Unit.String(), HorizonDays: v.HorizonDays,
		DiscountRate: v.DiscountRate, DiscountDays: v.DiscountPeriod, Lines: v.Lines, AsOfSet: v.AsOfSet,
		Seconds: map[string]float64{}}
	if !v.AsOf.IsZero() {
		r.AsOf = day(v.AsOf)
		r.FirstDay, r.LastDay = day(v.FirstDay), day(v.LastDay)
	}
	t := v.Took
	for k, d := range map[string]time.Duration{"read": t.Read, "summary": t.Summary, "bgnbd": t.FitBGNBD, "gammagamma": t.FitSpend,
		"paretonbd": t.FitPareto, "predict": t.Predict, "validate": t.Validate, "total": t.Total} {
		if d > 0 {
			r.Seconds[k] = math.Round(d.Seconds()*1000) / 1000
		}
	}
	r.Customers = v.Summary.Counts
	if v.Err != nil {
		r.Error = ValueMessage(v.Err)
		return r
	}
	bg := modelFit("bgnbd", v.BGNBD.Fit)
	r.BGNBD = &bg
	if v.Pareto != nil {
		pn := modelFit("paretonbd", v.Pareto.Fit)
		r.ParetoNBD = &pn
		r.Better = "bgnbd"
		if pn.LogLikelihood > bg.LogLikelihood {
			r.Better = "paretonbd"
		}
	}
	r.ParetoErr = ValueMessage(v.ParetoErr)
	if g := v.Spend; g != nil {
		sf := &SpendFit{ModelFit: modelFit("gammagamma", g.Fit), Excluded: g.Excluded, Correlation: clean(g.FrequencySpendCorrelation)}
		if m, err := g.PopulationMean(); err == nil {
			sf.PopulationMean = clean(m)
		}
		r.GammaGamma = sf
	}
	r.SpendError = ValueMessage(v.SpendErr)
	r.Totals, r.PAlive, r.CLV = s.valueBands(v)
	r.Top = s.topCustomers(v, top)
	if val := v.Validation; val != nil {
		r.Validation = validationFit(val)
	}
	r.ValidErr = ValueMessage(v.ValidationErr)
	return r
}

// modelFit reports a fit's parameters and diagnostics.
func modelFit(name string, f value.FitInfo) ModelFit {
	m := ModelFit{Model: name, LogLikelihood: clean(f.LogLikelihood), Customers: f.Customers, Unique: f.Unique, Iterations: f.Iterations}
	if f.Warning != "" {
		m.Warning = f.Warning.Message()
	}
	for _, e := range f.Estimates {
		m.Params = append(m.Params, ParamFit{Name: e.Name, Value: clean(e.Value), SE: clean(e.SE), Lower: clean(e.Lower),
			Upper: clean(e.Upper), Identified: e.Identified})
	}
	return m
}

// validationFit reports a validation.
func validationFit(val *value.Validation) *ValidationFit {
	out := &ValidationFit{CalibrationEnd: day(dateOf(val.CalibrationEnd)), HoldoutEnd: day(dateOf(val.HoldoutEnd)),
		Model: modelFit("bgnbd", val.Model.Fit), PredictedHoldout: clean(val.PredictedHoldout),
		ActualHoldout: clean(val.ActualHoldout), TotalErrorPct: clean(val.TotalErrorPct)}
	if val.CorrelationDefined && finite(val.Correlation) {
		c := val.Correlation
		out.Correlation = &c
	}
	for _, p := range val.Tracking {
		out.Tracking = append(out.Tracking, TrackingWeek{End: day(dateOf(p.End)), Holdout: p.Holdout, Actual: clean(p.Actual),
			Expected: clean(p.Expected), CumActual: clean(p.CumActual), CumExpected: clean(p.CumExpected)})
	}
	for _, g := range val.ByRepeat {
		out.ByRepeat = append(out.ByRepeat, RepeatBar{X: g.X, AndMore: g.AndMore, Customers: g.Customers,
			Expected: clean(g.Expected), Actual: clean(g.Actual)})
	}
	return out
}

// clean returns x, or 0 when it is not a number: a report never carries
// NaN or Inf (the models return errors instead; this is a safety net).
func clean(x float64) float64 {
	if !finite(x) {
		return 0
	}
	return x
}

func day(t time.Time) string { return t.Format(time.DateOnly) }
