package explore

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
)

// The cross-tab's scroll hint.
const (
	msgRowsShown = "rows %d–%d of %d (↑↓ pgup/pgdn)"
	msgColsShown = "columns %d–%d of %d (←→)"
)

// The quality view's placeholder key (m).
const (
	msgMissingNotPlaceholder = "m treats a placeholder value (\"unknown\", 999) as missing; this finding is %s"
	msgMissingNotAllowed     = "your role cannot change what a column's values mean"
	msgMissingDone           = "%s = %q is now missing for analysis (the table keeps it); loading again — undo with pulpero roles --not-missing %s=%s"
	msgMissingFailed         = "%s = %q: %v"
)
