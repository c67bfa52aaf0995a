package ui

// What the root model says, in one place for the translation catalogue.
const (
	msgLoadCancelled = "Loading cancelled."
	msgMouseOff      = "mouse off: select and copy text with the mouse; M turns it back on"
	msgMouseOn       = "mouse on: the wheel scrolls; M turns it off to select text"
	msgMouseOffShort = "mouse off: select text freely"
	// the screens are up and the purchases are read behind them
	msgLoadUnfinished = "loading could not finish: %s"
)

// The loading and error screens.
const (
	msgLoading    = "Loading"
	msgLoadAgain  = "r loads again · q quits"
	msgRowsOf     = "%s / %s rows"
	msgEscCancels = "esc cancels · q quits"
	msgCannotOpen = "Cannot open this database"
	msgTryAgain   = "r tries again · q quits"
)

// The header.
const (
	msgCustomer  = "%s customer"
	msgCustomers = "%s customers"
	msgTable     = "table %s"
)
