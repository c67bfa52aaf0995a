package app

import "github.com/pulpero/pulpero/analysis/value"

// Texts of customer value, in one place for the translation catalogue.
// The models' own sentences (what is missing and what to do) are
// analysis/value's Kind.Message.
const (
	NotePAlive            = "BG/NBD probability that the customer still buys, as of %s"
	NoteExpectedPurchases = "BG/NBD expected purchase days in the %d days after %s"
	NoteExpectedValue     = "Gamma-Gamma expected value of a future purchase day (net of returns)"
	NoteCLV               = "expected value × expected purchases over the %d days after %s, discounted %s (BG/NBD and Gamma-Gamma)"
	NoteValueNoSpend      = "; empty: %s"
	TextDiscount          = "%s%% per %d days"

	errValueNotComputed = "customer value was not computed"
	errValueAsOfOutside = "as of %s, purchases from %s to %s"
	errValueNoneDated   = "no purchase day on or before %s"
	errHorizonFormat    = "horizon %q: give a number of days of at least 1, as 180, 180d, 26w, 6m or 1y"
	errDiscountRange    = value.MsgBadDiscount + " (%s)"
	errDiscountFormat   = "discount %q: give a rate per period, as 0.01/month, 1%%/month, 0.1/year or 0.01/30d"
	errValueAttr        = "%s needs the customer-value models, which cannot be fitted here: %s"
	errValueFrom        = "value of a response from %q: %s"
	errValueFromNone    = "no numeric attribute has that name; compute customer value first (the Value screen, or `pulpero value`) for clv or expected_value"
)
