package model

// Kind says what a column's values are, decided from the values themselves and
// not only from the declared SQL type (a TEXT column may hold dates or yes/no).
type Kind int

const (
	KindUnknown     Kind = iota
	KindInteger          // whole numbers
	KindReal             // numbers with fractions
	KindCategorical      // few distinct values relative to rows
	KindBoolean          // yes/no-like
	KindDate             // calendar days
	KindDateTime         // instants to the second
	KindIdentifier       // a key: (nearly) unique per row
	KindText             // free text
)

var kindNames = [...]string{"unknown", "integer", "real", "categorical", "boolean", "date", "datetime", "identifier", "text"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return "unknown"
	}
	return kindNames[k]
}

// ParseKind is the inverse of Kind.String.
func ParseKind(s string) (Kind, bool) {
	for i, n := range kindNames {
		if n == s {
			return Kind(i), true
		}
	}
	return KindUnknown, false
}

// Numeric reports whether values of this kind are held as numbers
// (dates as day numbers, date-times as unix seconds).
func (k Kind) Numeric() bool {
	switch k {
	case KindInteger, KindReal, KindDate, KindDateTime:
		return true
	}
	return false
}

// Coded reports whether values of this kind are dictionary-encoded.
func (k Kind) Coded() bool { return k == KindCategorical || k == KindBoolean }
