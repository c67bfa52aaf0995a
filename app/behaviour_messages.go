package app

// Texts of behaviour and RFM, in one place for the translation catalogue.
const (
	StageDetectPurchases = "finding the purchases"
	StageReadPurchases   = "reading purchases"
	StageReadTouch       = "reading touchpoints"
	StageBehaviour       = "computing behaviour"
	StageRFM             = "scoring RFM"
	StageTransactions    = "building customers from the transactions"
	StageCheckContacts   = "checking contact details and consent"

	NoteAgesAsOf        = "as of %s (the analysis date: the data is historical): "
	NoteRenamed         = " (renamed: the table has its own %s)"
	NoteTenurePurchases = "days from the first purchase to the analysis date"

	errNoPurchaseTable = "no table holds purchases (a customer key, a date and an amount, or quantity × unit price), so there are no behaviour attributes; name the columns with `pulpero rfm %s --set purchase_amount=TABLE.COLUMN`"
	errNoSaleDated     = "no purchase line has a sale and a date on or before %s, so there is no analysis date; give one with --as-of"
	errNoCustomerKey   = "the customer table %q has no customer key column to match the purchases' %s against; set it with `pulpero roles %s --set customer_id=COLUMN`"
	errSegmentsTable   = "--segments %q: want 0.3 (rfm 0.3.0, ten segments) or 0.2 (the older vignette's eleven)"
	errFrozenRef       = "frozen cut-offs %q: want NAME or NAME@VERSION"
	errFrozenJSON      = "frozen cut-offs %s v%d cannot be read (%w); freeze them again"
	errNoBehaviour     = "no behaviour attributes: %w"
	errAsOfFormat      = "analysis date %q: want YYYY-MM-DD"

	WhyTransactions = "transactions: the %s customers are the distinct %s of %s"
)

// Keys of the behaviour settings saved per database.
const (
	settingAsOf     = "behaviour.as_of"
	settingSegments = "rfm.segments"
	settingFrozen   = "rfm.frozen"
)
