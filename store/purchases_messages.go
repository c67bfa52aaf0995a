package store

// Texts of purchase detection and loading, in one place for the
// translation catalogue. The %s/%q/%d verbs take table and column names and
// counts.
const (
	whyName        = "name %q"
	whyOnlyDate    = "the table's only date column"
	whyLink        = "points at %s.%s"
	whyHeaderOf    = "from %s: the lines point at it through %s"
	whyProductOf   = "from %s: the lines point at it through %s"
	whySetByHand   = "set by hand"
	whyPurchases   = "%s holds purchase lines: a customer key, a date and %s"
	whyTransaction = "%s holds transactions (a customer key that repeats, a date and %s): its %d distinct customer keys are the customers"
	valueAmount    = "an amount"
	valueQtyPrice  = "quantity × unit price"

	missingDate     = "a purchase date"
	missingCustomer = "a customer key"
	missingValue    = "an amount (or a quantity and a unit price)"

	// errPurchaseMissing* are "purchases in table %q: no column holds
	// <what>; name it with ...", one sentence per thing missing, so that
	// each is one catalogue key.
	errPurchaseMissingDate     = "purchases in table %q: no column holds a purchase date; name it with `pulpero rfm %s --set %s=%s.COLUMN`"
	errPurchaseMissingCustomer = "purchases in table %q: no column holds a customer key; name it with `pulpero rfm %s --set %s=%s.COLUMN`"
	errPurchaseMissingValue    = "purchases in table %q: no column holds an amount (or a quantity and a unit price); name it with `pulpero rfm %s --set %s=%s.COLUMN`"
	errNoPurchases             = "no table holds purchases (a customer key, a date and an amount, or quantity × unit price); name the columns with `pulpero rfm %s --set purchase_amount=TABLE.COLUMN`"
	errRoleTable               = "purchase role %s: table %q is not the purchase lines (%s), their header or their products table"
	errRoleColumn              = "purchase role %s: table %q has no column %q; its columns are: %s"
	errRoleNoTable             = "purchase role %s: no table %q"
	errLinesRead               = "%s: reading purchases from %q: %s"
	errTouchRead               = "%s: reading touchpoints from %q: %s"
	errTransactionsHeader      = "the customers would be the keys of %q: build a customer table, or name the lines' own customer column with --set purchase_customer=TABLE.COLUMN"
	errTransactionsOne         = "%s: table %q holds transactions, not customers: one row per purchase line, with a customer key (%s) that repeats"
)
