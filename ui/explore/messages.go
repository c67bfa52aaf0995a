package explore

// title is the screen's name: the key of its tab (translated where shown).
const title = "Explore"

// segmentsTitle is the screen marked bars are sent to.
const segmentsTitle = "Segments"

// Sentences of the Explore screen, in one place for the translation
// catalogue. The %s are the attribute's name and kind.
const (
	msgBinsDate      = "%s is a %s: dates are counted by year, quarter, month or weekday, not in bins (d changes which)"
	msgBinsCoded     = "%s is %s: its bars are its values, not bins (s sorts them)"
	msgBinsText      = "%s is %s: it lists its most frequent values, not bins"
	msgSortNumber    = "%s is a number (%s): its bars are in value order; s sorts the bars of a category"
	msgSortDate      = "%s is a %s: its bars are in calendar order (d groups them by year, quarter, month or weekday)"
	msgSortText      = "%s is %s: its values are listed most frequent first"
	msgDateByNotDate = "d groups dates; %s is %s"
	msgNoBarsDate    = "bars of dates do not become rules: write one in Segments, e.g. %s in the last 90 days"
	msgNoBarsText    = "%s has no bars to mark: only categories and numbers become rules"
	msgOtherNotOne   = "\"other\" holds many values: mark them one by one (s sorts by value)"
	msgMarkFirst     = "move to a bar with [ and ], mark bars with space, then S"
)

// The attribute list and the panes.
const (
	msgAttribute    = "attribute"
	msgKind         = "kind"
	msgNulls        = "nulls"
	msgUnique       = "unique"
	msgNoColumns    = "This table has no columns pulpero can analyse (only personal data)."
	msgDerived      = "derived"
	msgPickBanner   = "cross-tab of %s by this: x/enter opens, esc cancels"
	msgComputing    = "computing…"
	msgCounts       = "values %s · missing %s (%s)"
	msgOther        = "other"
	msgOtherN       = "other (%s)"
	msgByCount      = "by count   (s changes)"
	msgByValue      = "by value   (s changes)"
	msgDateSpan     = "%s to %s, median %s"
	msgQuarter      = "%s Q%d" // a year and its quarter: 2025 Q3
	msgBins         = "%d bins · %s   (+ - b l)"
	msgEqualWidth   = "equal width"
	msgLogScale     = "log scale"
	msgQuantile     = "quantile"
	msgTextCounts   = "values %s · missing %s · distinct %s"
	msgTextLengths  = "length min %d · mean %.1f · max %d"
	msgMostFrequent = "most frequent values"
)

// The date groupings of a date pane, in analysis.DateGrouping's order.
const (
	msgByYear    = "by year   (d changes)"
	msgByQuarter = "by quarter   (d changes)"
	msgByMonth   = "by month   (d changes)"
	msgByWeekday = "by weekday   (d changes)"
)

var msgDateBy = [...]string{msgByYear, msgByQuarter, msgByMonth, msgByWeekday}

// The days of the week, Monday first, as analysis.DateCounts labels them.
const (
	msgMon = "Mon"
	msgTue = "Tue"
	msgWed = "Wed"
	msgThu = "Thu"
	msgFri = "Fri"
	msgSat = "Sat"
	msgSun = "Sun"
)

var msgWeekdays = [...]string{msgMon, msgTue, msgWed, msgThu, msgFri, msgSat, msgSun}

// The summary figures of a number pane.
const (
	msgMin    = "min"
	msgMax    = "max"
	msgMedian = "median"
	msgMean   = "mean"
	msgStd    = "std"
)

// The cross-tab.
const (
	msgCannotCross   = "%s is %s: too many values to cross; choose a category, number or date"
	msgCrossStart    = "cross-tab: move to the second attribute and press x or enter (esc cancels)"
	msgCrossOther    = "choose a different attribute to cross %s with"
	msgCrossInfo     = "%s · %s customers · %s missing either   (%% counts/row %%/column %%)"
	msgCountsPct     = "counts"
	msgRowPct        = "row %"
	msgColumnPct     = "column %"
	msgTotal         = "total"
	msgRowsShown     = "rows %d–%d of %d (↑↓ pgup/pgdn)"
	msgColsShown     = "columns %d–%d of %d (←→)"
	msgStillComputed = "the distribution is still being computed"
)

// What y copies, in the status line; the header of a copied distribution.
const (
	msgCopiedDist    = "copied the distribution of %s to the clipboard"
	msgCopiedCross   = "copied the cross-tab to the clipboard"
	msgCopiedProblem = "copied the problem to the clipboard"
	msgCopiedRow     = "copied the row to the clipboard"
	msgDistHeader    = "%s\tcount\tshare"
)

// The rows view.
const (
	msgAllCustomers = "all customers"
	msgProblemRows  = "%s: %s (%s rows)"
	msgRowsInfo     = " · %s rows · page %s/%s"
	msgSortedBy     = " · sorted by %s %s"
	msgReading      = " · reading…"
	msgReadingRows  = "reading rows…"
	msgPersonalSort = "%s is personal data kept in the database: rows cannot be sorted by it"
	msgNoRowToCopy  = "no row to copy yet"
)

// The quality view.
const (
	msgQuality         = "Data quality"
	msgCheckingColumns = "checking every column…"
	msgFindings        = " · %d findings on %d columns"
	msgFindingsKeys    = " · enter opens the rows · m: a placeholder is missing" // when the line has room
	msgContactErr      = " · contact columns: %s"
	msgCheckingContact = " · checking e-mails and phones…"
	msgNoProblems      = "No problems found."
	msgColumn          = "column"
	msgProblem         = "problem"
	msgRows            = "rows"
	msgShare           = "share"
	msgDetail          = "detail"
	msgRowsUnknown     = "%s: the rows of this finding are not known; open the \"missing\" problem of %s, which holds them"
	msgUnusableEmail   = "missing or not a well-formed e-mail address"
	msgUnusablePhone   = "missing or not a dialable phone number"
)

// The quality view's placeholder key (m).
const (
	msgMissingNotPlaceholder = "m treats a placeholder value (\"unknown\", 999) as missing; this finding is %s"
	msgMissingNotAllowed     = "your role cannot change what a column's values mean"
	msgMissingDone           = "%s = %q is now missing for analysis (the table keeps it); loading again — undo with pulpero roles --not-missing %s=%s"
	msgMissingFailed         = "%s = %q: %s"
)

// The kinds in the attribute list, in four cells (model.Kind's names cut).
const (
	msgInt  = "int"
	msgReal = "real"
	msgCat  = "cat"
	msgBool = "bool"
	msgDate = "date"
	msgTime = "time"
	msgID   = "id"
	msgText = "text"
)
