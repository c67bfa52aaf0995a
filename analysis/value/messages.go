package value

// Kind identifies what went wrong, as a stable English key the user
// interface can translate; Message gives its one sentence, which says what
// is missing and what to do.
type Kind string

// The kinds of error this package returns.
const (
	KindBadInput             Kind = "bad_input"
	KindNoPurchases          Kind = "no_purchases"
	KindCalibrationOutside   Kind = "calibration_end_outside_data"
	KindNoCustomers          Kind = "no_customers_in_calibration"
	KindTooFewRepeatBuyers   Kind = "too_few_repeat_buyers"
	KindSinglePurchaseDate   Kind = "single_purchase_date"
	KindNoPositiveSpend      Kind = "no_positive_repeat_spend"
	KindFitFailed            Kind = "fit_failed"
	KindNotIdentified        Kind = "parameters_not_identified"
	KindBadHorizon           Kind = "bad_horizon"
	KindBadDiscount          Kind = "bad_discount_rate"
	KindInfiniteMeanSpend    Kind = "infinite_mean_spend"
	KindNoHoldout            Kind = "no_holdout_purchases"
	KindNumerical            Kind = "numerical_failure"
	KindCancelled            Kind = "cancelled"
	KindSummaryModelMismatch Kind = "summary_model_mismatch"
	// KindAtBoundary is a warning (FitInfo.Warning), not an error.
	KindAtBoundary Kind = "parameters_at_boundary"
)

// The sentences of the kinds, in English; short, for the translation
// catalogue.
const (
	MsgBadInput             = "The purchase data is malformed; fix the field named in the details."
	MsgNoPurchases          = "There are no purchases; import invoice lines first."
	MsgCalibrationOutside   = "The calibration end lies outside the purchase dates; choose a date between the first and the last purchase."
	MsgNoCustomers          = "No customer bought before the calibration end; choose a later calibration end."
	MsgTooFewRepeatBuyers   = "Too few customers bought more than once; use a longer period or more customers."
	MsgSinglePurchaseDate   = "All customers first bought on the calibration end, so no repeat buying could be observed; choose a later calibration end."
	MsgNoPositiveSpend      = "Too few repeat buyers have a positive average spend; the spend model needs positive amounts."
	MsgFitFailed            = "The model fit did not converge; the data may not follow the model."
	MsgNotIdentified        = "The data cannot determine the model's parameters; use more customers or a longer period."
	MsgBadHorizon           = "The horizon must be at least one day."
	MsgBadDiscount          = "The discount rate must be at least 0 and below 1 per period."
	MsgInfiniteMeanSpend    = "The fitted spend distribution has no finite mean, so customers without repeat purchases have no expected value."
	MsgNoHoldout            = "There are no purchases after the calibration end to compare with; choose an earlier calibration end."
	MsgNumerical            = "A formula could not be evaluated accurately for these values."
	MsgCancelled            = "Cancelled."
	MsgSummaryModelMismatch = "The summary and the model use different time units; fit and predict on the same summary."
	MsgAtBoundary           = "Some parameters ran to the edge of their range (for purchases: nobody appears to drop out); predictions still hold, but those parameters have no standard error."
)

// Message returns the sentence of a kind.
func (k Kind) Message() string {
	switch k {
	case KindBadInput:
		return MsgBadInput
	case KindNoPurchases:
		return MsgNoPurchases
	case KindCalibrationOutside:
		return MsgCalibrationOutside
	case KindNoCustomers:
		return MsgNoCustomers
	case KindTooFewRepeatBuyers:
		return MsgTooFewRepeatBuyers
	case KindSinglePurchaseDate:
		return MsgSinglePurchaseDate
	case KindNoPositiveSpend:
		return MsgNoPositiveSpend
	case KindFitFailed:
		return MsgFitFailed
	case KindNotIdentified:
		return MsgNotIdentified
	case KindBadHorizon:
		return MsgBadHorizon
	case KindBadDiscount:
		return MsgBadDiscount
	case KindInfiniteMeanSpend:
		return MsgInfiniteMeanSpend
	case KindNoHoldout:
		return MsgNoHoldout
	case KindNumerical:
		return MsgNumerical
	case KindCancelled:
		return MsgCancelled
	case KindSummaryModelMismatch:
		return MsgSummaryModelMismatch
	case KindAtBoundary:
		return MsgAtBoundary
	}
	return string(k)
}
