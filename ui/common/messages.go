package common

// What the shared pieces say, in one place for the translation catalogue.
const (
	msgMoreBoth  = "↑ %d more above · ↓ %d more below (pgup/pgdn)"
	msgMoreBelow = "↓ %d more lines (pgdn)"
	msgMoreAbove = "↑ %d more lines above (pgup)"
	msgKeySpace  = "space" // the space bar's name in key help
	msgKeyHome   = "home"
	msgKeyEnd    = "end"
	msgKeyPgUp   = "pgup"
	msgKeyPgDown = "pgdown"
	msgKeyPgDn   = "pgdn" // how the help writes it
)

// reasonFormats are the formats with which the layers below write the
// reasons and notes the screens show as finished English (store's kind
// and role detection, analysis's derived attributes): Reason reads a
// sentence made from one back and says it in the user's language. A format
// changed below and not here is shown in English, as it was made.
var reasonFormats = []string{
	reasonDistinct, reasonName, reasonEmails, reasonPhones, reasonNames, reasonConsent, reasonPrimaryKey, reasonNameUnique, reasonTransactions,
	noteYears, noteBirthYearOf, noteFromYear, noteMinus, noteQuintiles, noteDaysFrom,
	noteReachEmail, noteReachSMS, noteReachPhone, noteReachPost,
	noteShare, noteContacts, noteR, noteF, noteM, noteSegment, noteCustomerKeys,
}

// yearFormats are the reasonFormats whose %d is a year: not grouped.
var yearFormats = map[string]bool{noteMinus: true}

// The formats of store's detection (ColumnProfile.KindWhy, RoleWhy).
const (
	reasonDistinct   = "%d distinct values in a sample of %d"
	reasonName       = "name %q"
	reasonEmails     = "%.0f%% of values look like e-mail addresses"
	reasonPhones     = "%.0f%% of values look like phone numbers"
	reasonNames      = "%.0f%% of values look like people's names"
	reasonConsent    = "looks like consent (%s) but another column has that role; if it is the consent, say so with --set %s=%s"
	reasonPrimaryKey = "%q is the table's declared primary key"
	reasonNameUnique = "name %q, and every value is present and different"
	// app.WhyTransactions: the customers are read from the purchases (the
	// first %s a count grouped in English: 1,234)
	reasonTransactions = "transactions: the %s customers are the distinct %s of %s"
)

// The formats of analysis's derived attributes (their ColumnMeta.Note).
const (
	noteYears       = "whole years from %s to %s"
	noteBirthYearOf = "birth year of %s: baby boomers born 1900–1964, gen x 1965–78, millennials 1979–96, centennials 1997–2010, then born after 2010; a birth year before 1900, in the future or more than 110 years back is \"birth year implausible\""
	noteFromYear    = "from %s: baby boomers born 1900–1964, gen x 1965–78, millennials 1979–96, centennials 1997–2010, then born after 2010; a birth year before 1900, in the future or more than 110 years back is \"birth year implausible\""
	noteMinus       = "%d minus %s (age reached this year)"
	noteQuintiles   = "quintiles of %s: cuts at %s"
	noteDaysFrom    = "days from %s to the reference date"
	noteReachEmail  = "%s = yes, a well-formed e-mail address, not bounced, not unsubscribed"
	noteReachSMS    = "%s = yes, a well-formed mobile number, not unsubscribed"
	noteReachPhone  = "%s = yes, a well-formed phone number, not unsubscribed"
	noteReachPost   = "%s = yes, a well-formed postal address, not unsubscribed"
)

// The formats of the behaviour and RFM attributes' notes (analysis/behaviour
// and analysis/rfm catalogue.go); their fixed notes are catalogue sentences,
// and each behaviour note starts "as of DATE: " (asOfNote).
const (
	noteShare        = "share of gross sales on channel %s"
	noteContacts     = "touchpoints of kind %s up to the analysis date"
	noteR            = "recency score 1–%d: bins of recency_days at quantiles + 1 (R rfm 0.3.0), recent = high"
	noteF            = "frequency score 1–%d: bins of frequency at quantiles + 1 (R rfm 0.3.0)"
	noteM            = "monetary score 1–%d: bins of monetary at quantiles + 1 (R rfm 0.3.0)"
	noteSegment      = "RFM segment of table %q: first matching rule, otherwise Others"
	noteCustomerKeys = "the distinct customer keys of the transactions"
	asOfNote         = "as of %s: "
)
