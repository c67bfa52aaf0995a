package analysis

import "fmt"

// What the data-quality findings say (Problem.Detail), as the English
// formats of model.Sentences: the interface translates them (the format is
// the catalogue's key), so their arguments keep their order in every
// language.
const (
	DetailNoValue     = "no value"
	DetailInvalid     = "not a valid %s (e.g. %s); held as missing" // the kind (a model.Kind), examples
	DetailPlaceholder = "%s looks like a stand-in for a missing value; it can be treated as missing for analysis"
	DetailDuplicates  = "the same identifier on more than one row"
	DetailNegative    = "money below zero"
	DetailAge         = "age outside 0–%d"
	DetailBirth       = "birth year implausible: before 1900, in the future or more than %d years back"
	DetailDateRange   = "before 1900 or in the future"
	DetailOutliers    = "below %s or above %s (3×IQR beyond the quartiles)" // two Approx
)

// Approx is a figure a finding quotes to four significant digits (an
// outlier fence): it prints as %.4g does, and a screen may write it in
// the user's number format instead.
type Approx float64

func (a Approx) String() string { return fmt.Sprintf("%.4g", float64(a)) }
