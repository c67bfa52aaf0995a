package behaviour

// Every user-facing text of the screen: English sentences, the keys of the
// translation catalogue (app/locale/spanish_behaviour.go). %s/%d verbs take
// dates, names and counts.
const (
	Title = "Behaviour"

	msgAsOfDefault  = "as of %s (day after the last purchase)"
	msgAsOfSet      = "as of %s (set)"
	msgFollowData   = "cut-offs follow the data"
	msgFrozen       = "frozen cut-offs %q v%d (as of %s)"
	msgScored       = "%s of %s scored"
	msgReturns      = "returns: %s"
	msgProblem      = "%d data problem (p)"
	msgProblems     = "%d data problems (p)"
	msgNoProblem    = "no data problems"
	msgGridTitle    = "R × F: customers and their mean monetary value"
	msgSegTitle     = "segment"
	msgCellDetail   = "R%d F%d: %s customers, mean monetary %s · enter: %s"
	msgSegDetail    = "%s: enter adds its rule to the Segments screen"
	msgTop          = "revenue: top 1%% %s · top 5%% %s · top 20%% %s"
	msgNoRevenue    = "revenue concentration: %s"
	msgNoBehaviour  = "No behaviour attributes."
	msgReading      = "Reading the purchases…"
	msgReadingMore  = "This screen fills in as soon as they are read; the other screens can be used meanwhile."
	msgNoRFM        = "No RFM scores: %s"
	msgAgesAsOf     = "ages and tenure as of %s"
	msgDistTitle    = "%s (%s customers with purchases)"
	msgRolesTitle   = "Purchases read from"
	msgProbTitle    = "Data problems"
	msgLines        = "%s lines, %s purchases by %s customers; without a known customer %s lines (%s of sales)"
	msgReturnRule   = "return rule: %s"
	msgTouchTable   = "touchpoints: %s"
	msgFix          = "correct a column with: pulpero rfm DB --set ROLE=TABLE.COLUMN"
	msgDatePrompt   = "analysis date (YYYY-MM-DD, empty = day after the last purchase): "
	msgFreezePrompt = "freeze the cut-offs as: "
	msgSavedReload  = "saved; reloading"
	msgFrozenDone   = "frozen %q version %d: later loads score with it (u to follow the data again)"
	msgSegsSaved    = "saved %d RFM segments (named %q…) in the segment library"
	msgNotScored    = "no RFM scores yet"
	msgHidden       = "… %d more (↑↓)"
	msgTransactions = "customers: the %s distinct values of %s in %s (a table of transactions)"
	msgProblemLine  = "%s (%s; rowids %s)"

	colCustomers     = "cust."
	colShare         = "share"
	colRevenue       = "revenue"
	colR, colF, colM = "R", "F", "M"

	// the return rules, as the header and the sources view name them
	msgReturnedQty = "returned qty × unit price"
	msgReturnFlag  = "lines flagged as returns"
	msgNegative    = "negative values, cancellations (C…)"
)

// segPrefix starts the names of the RFM segments saved in the library
// ("RFM Champions"): saved names are the same for every user, in English,
// like the rules.
const segPrefix = "RFM "

// returnRuleTexts say which return rule was applied.
var returnRuleTexts = map[string]string{
	"returned_quantity": msgReturnedQty,
	"return_flag":       msgReturnFlag,
	"negative_values":   msgNegative,
}

// Names of the distributions shown: the attributes' own names, as rules
// write them.
var distNames = []string{"recency_days", "frequency", "monetary"}
