package app

import (
	"time"

	"github.com/pulpero/pulpero/analysis/value"
	"github.com/pulpero/pulpero/model"
)

// The customer-value attributes ValueColumns adds to a session's data.
const (
	ColPAlive            = "p_alive"
	ColExpectedPurchases = "expected_purchases"
	ColExpectedValue     = "expected_value"
	ColCLV               = "clv"
)

// ValueAttributes are the names of the customer-value attributes.
var ValueAttributes = []string{ColPAlive, ColExpectedPurchases, ColExpectedValue, ColCLV}

// The defaults of ValueOptions, stated once.
const (
	DefaultHorizonDays        = 180
	DefaultDiscountRate       = 0.01 // per DefaultDiscountPeriodDays
	DefaultDiscountPeriodDays = 30
)

// ValueOptions choose what ComputeValue fits and predicts. The zero value
// takes the defaults.
type ValueOptions struct {
	// AsOf is the last day observed: purchases on it count, later ones are
	// left out, and the predictions start after it. Zero: the Behaviour
	// screen's saved analysis date, else the last purchase day. A day
	// after the last purchase stretches every customer's observed time to
	// it (nobody bought in between).
	AsOf time.Time
	// CalibrationEnd is the validation's last calibration day; zero: two
	// thirds into the purchase dates up to AsOf.
	CalibrationEnd time.Time
	// HorizonDays is the prediction horizon H (0: DefaultHorizonDays).
	HorizonDays int
	// DiscountRate is the discount rate per DiscountPeriodDays; when
	// DiscountPeriodDays is 0 both take the defaults (1% per 30 days).
	DiscountRate       float64
	DiscountPeriodDays int
	// Unit is the models' time unit (weeks, the literature's, by default).
	Unit value.TimeUnit
	// Validate fits again on the calibration period and compares with
	// what happened after it (Value.Validation).
	Validate bool
	// ParetoNBD also fits the Pareto/NBD model, to compare likelihoods.
	ParetoNBD bool
	// Progress, when set, reports the stage and how far it is; it may be
	// called from several goroutines, one call at a time.
	Progress func(ValueProgress)
}

// ValueProgress is one report of ComputeValue's progress: the stage (one
// of the Stage* texts) and, when known, how much of it is done.
type ValueProgress struct {
	Stage       string
	Done, Total int
}

// withDefaults fills the zero fields.
func (o ValueOptions) withDefaults() ValueOptions {
	if o.HorizonDays == 0 {
		o.HorizonDays = DefaultHorizonDays
	}
	if o.DiscountPeriodDays == 0 {
		o.DiscountRate, o.DiscountPeriodDays = DefaultDiscountRate, DefaultDiscountPeriodDays
	}
	return o
}

// Value is what the purchases say about the customers' future: the
// BG/NBD model of repeat purchases (and P(alive)), the Gamma-Gamma model
// of spend per purchase, the per-customer predictions over the horizon
// and, when asked, a validation on a holdout period.
//
// Err says why there is nothing at all (no purchases, too few repeat
// buyers, ...); SpendErr why there is no expected value nor clv (the
// purchase predictions still hold); ParetoErr and ValidationErr why those
// parts are missing. Each wraps an analysis/value *Error whose Kind has a
// sentence saying what is missing and what to do.
type Value struct {
	Database string
	Table    string
	Source   *PurchaseSource
	Lines    ValueLines
	// AsOf is the last day observed (the calibration end of the
	// predictions); AsOfSet is true when it was chosen, not the last
	// purchase day. FirstDay and LastDay bound the purchase days used.
	AsOf              time.Time
	AsOfSet           bool
	FirstDay, LastDay time.Time
	Unit              value.TimeUnit
	HorizonDays       int
	DiscountRate      float64
	DiscountPeriod    int // days
	Summary           value.Summary
	BGNBD             value.BGNBD
	Spend             *value.GammaGamma
	Pareto            *value.ParetoNBD
	Predictions       value.Predictions
	Validation        *value.Validation
	// Columns are the per-customer attributes (ValueAttributes), NULL for
	// customers without a purchase on or before AsOf, and expected_value
	// and clv NULL for everyone when there is no spend model.
	Columns []model.Column
	// NonFinite counts predictions that were not numbers and were left
	// NULL (never expected; a safety net so none reaches a segment).
	NonFinite int
	Took      ValueTimings

	Err, SpendErr, ParetoErr, ValidationErr error
}

// ValueTimings are how long each step took.
type ValueTimings struct {
	Read, Summary, FitBGNBD, FitSpend, FitPareto, Predict, Validate, Total time.Duration
}

// Stages of ComputeValue, for progress lines.
const (
	StageValueRead     = "reading purchases for customer value"
	StageValueSummary  = "summarising purchase histories"
	StageValueFit      = "fitting BG/NBD"
	StageValueSpend    = "fitting Gamma-Gamma"
	StageValuePareto   = "fitting Pareto/NBD"
	StageValuePredict  = "predicting per customer"
	StageValueValidate = "validating on a holdout period"
)
