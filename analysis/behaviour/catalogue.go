package behaviour

// Column names of the attributes (stable identifiers used in segment rules).
const (
	ColFirstPurchase        = "first_purchase"
	ColLastPurchase         = "last_purchase"
	ColRecencyDays          = "recency_days"
	ColFrequency            = "frequency"
	ColMonetary             = "monetary"
	ColAvgTicket            = "avg_ticket"
	ColReturnsValue         = "returns_value"
	ColReturnRate           = "return_rate"
	ColTenureDays           = "tenure_days"
	ColMeanDaysBetween      = "mean_days_between"
	ColPurchases90d         = "purchases_90d"
	ColPurchases365d        = "purchases_365d"
	ColSharePrefix          = "share_" // + channel value, see ColumnName
	ColTopCategory          = "top_category"
	ColContactsPrefix       = "contacts_" // + touchpoint kind, see ColumnName
	ColLastContact          = "last_contact"
	ColMeanSentiment        = "mean_sentiment"
	ColContactsBefore30d    = "contacts_before_purchase_30d"
	windowShort, windowLong = 90, 365 // days of purchases_90d and purchases_365d
	beforePurchaseDays      = 30      // days of contacts_before_purchase_30d
)

// Notes of the derived columns (ColumnMeta.Note): how each is computed. The
// ones with %s take a value's text; AnalysisNote is prefixed to those that
// depend on the analysis date, with the ISO date.
const (
	NoteFirstPurchase     = "earliest purchase day (a purchase is an invoice with a sale; a line without invoice is one purchase)"
	NoteLastPurchase      = "latest purchase day"
	NoteRecencyDays       = "days from the last purchase to the analysis date"
	NoteFrequency         = "number of purchases: distinct invoices with at least one sale; returns-only invoices do not count; 0 without purchases"
	NoteMonetary          = "net value: sales minus returned value over all the customer's lines; 0 without lines"
	NoteAvgTicket         = "gross sales per purchase (sales / frequency), returns not deducted"
	NoteReturnsValue      = "value returned over all the customer's lines"
	NoteReturnRate        = "returned value / sales value (can exceed 1 when older purchases are returned)"
	NoteTenureDays        = "days from the first purchase to the analysis date"
	NoteMeanDaysBetween   = "mean gap in days between consecutive distinct purchase days; empty with fewer than two"
	NotePurchases90d      = "purchases made at most 90 days before the analysis date"
	NotePurchases365d     = "purchases made at most 365 days before the analysis date"
	NoteShare             = "share of gross sales on channel %s"
	NoteTopCategory       = "category with the largest gross sales (ties: first in the category list)"
	NoteContacts          = "touchpoints of kind %s up to the analysis date"
	NoteLastContact       = "latest touchpoint day"
	NoteMeanSentiment     = "mean sentiment of the touchpoints that have one"
	NoteContactsBefore30d = "touchpoints 1 to 30 days before a purchase day (each counted once)"
	AnalysisNote          = "as of %s: "
)

// Problem identifies a kind of data problem found in the lines or the
// touchpoints. Its Key is a stable English identifier.
type Problem int

// The problems, in the order they are reported.
const (
	SaleNegative           Problem = iota // sale value < 0, NaN or infinite: counted as 0
	SaleZero                              // neither a sale nor a return on the line
	ReturnInvalid                         // returned value < 0, NaN or infinite: counted as 0
	DateMissing                           // Day is NoDay: line excluded
	DateAfterAnalysis                     // day after the analysis date: line excluded
	DateBeforeSignup                      // day before the customer's sign-up: line kept
	CustomerUnknown                       // Customer is -1 or not a row: line excluded
	CodeInvalid                           // channel or category code outside its dictionary: taken as NULL
	TouchCustomerUnknown                  // touchpoint without a known customer: excluded
	TouchDateMissing                      // touchpoint without a date: excluded
	TouchDateAfterAnalysis                // touchpoint after the analysis date: excluded
	TouchKindMissing                      // touchpoint kind NULL or outside its dictionary: no contacts_<kind>
	TouchSentimentInvalid                 // infinite sentiment: taken as missing
	problemCount
)

var problemKeys = [problemCount]string{
	"sale_negative", "sale_zero", "return_invalid", "date_missing", "date_after_analysis",
	"date_before_signup", "customer_unknown", "code_invalid", "touch_customer_unknown",
	"touch_date_missing", "touch_date_after_analysis", "touch_kind_missing", "touch_sentiment_invalid",
}

// Key returns the problem's stable identifier, e.g. "sale_negative".
func (p Problem) Key() string {
	if p < 0 || p >= problemCount {
		return "unknown"
	}
	return problemKeys[p]
}

// Touchpoint reports whether the problem's examples index touchpoints
// (otherwise they index purchase lines).
func (p Problem) Touchpoint() bool { return p >= TouchCustomerUnknown }

// Error texts.
const (
	errLength      = "behaviour: %s has %d values but %s has %d: every slice must have one value per line"
	errCustomers   = "behaviour: the number of customers must be at least 0, not %d"
	errNoPurchase  = "behaviour: no line has a sale value and a date: the analysis date cannot be the day after the last purchase; set Options.AnalysisDay"
	errSignupLen   = "behaviour: the sign-up column has %d rows but there are %d customers"
	errTooMany     = "behaviour: more than %d lines or touchpoints: split the data"
	errLineType    = "behaviour: line column %q has an unsupported type %T: use a number, coded or text column"
	errLineColumns = "behaviour: line column %q has %d rows but there are %d line customer codes"
)
