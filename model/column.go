package model

// ColumnMeta describes a column of the analysis copy.
type ColumnMeta struct {
	Name    string // as shown and as used in segment rules
	Kind    Kind
	Role    Role
	Derived bool   // computed by pulpero (age, generation, ...), not stored in the table
	Note    string // how a derived column is computed, or why a kind was chosen

	// Invalid counts values that contradicted the kind (text in a number
	// column, impossible dates); they are held as NULL. InvalidExamples keeps
	// a few of them for the data-quality view.
	Invalid         int
	InvalidExamples []string
	InvalidRows     []int32 // the rows that held them, so they can be opened
}

// Column is one typed column of the analysis copy. The concrete types are
// *NumberColumn, *CodedColumn and *TextColumn; analysis switches on them.
type Column interface {
	Meta() *ColumnMeta
	Len() int
	IsNull(row int) bool
}

// NumberColumn holds integers, reals, dates (days since 1970-01-01) and
// date-times (unix seconds) as float64, with a bitmap of nulls. float64 holds
// every integer below 2^53 exactly, which covers ids, money and epochs.
type NumberColumn struct {
	ColumnMeta
	Values []float64
	Nulls  Bitset // a set bit means NULL; Values[i] is then 0
}

func (c *NumberColumn) Meta() *ColumnMeta   { return &c.ColumnMeta }
func (c *NumberColumn) Len() int            { return len(c.Values) }
func (c *NumberColumn) IsNull(row int) bool { return c.Nulls.Has(row) }

// NewNumberColumn returns a column of n rows, all NULL until set.
func NewNumberColumn(meta ColumnMeta, n int) *NumberColumn {
	return &NumberColumn{ColumnMeta: meta, Values: make([]float64, n), Nulls: FullBitset(n)}
}

// SetValue stores v at row and marks it not NULL.
func (c *NumberColumn) SetValue(row int, v float64) {
	c.Values[row] = v
	c.Nulls.Clear(row)
}

// CodedColumn holds categorical and boolean values dictionary-encoded: Codes
// index Dict, and -1 is NULL. Booleans use the dictionary {"no", "yes"}.
type CodedColumn struct {
	ColumnMeta
	Codes []int32
	Dict  []string
}

func (c *CodedColumn) Meta() *ColumnMeta   { return &c.ColumnMeta }
func (c *CodedColumn) Len() int            { return len(c.Codes) }
func (c *CodedColumn) IsNull(row int) bool { return c.Codes[row] < 0 }

// Value returns the text of row's value, and false for NULL.
func (c *CodedColumn) Value(row int) (string, bool) {
	if k := c.Codes[row]; k >= 0 {
		return c.Dict[k], true
	}
	return "", false
}

// Code returns the code of a dictionary value, or -1.
func (c *CodedColumn) Code(v string) int32 {
	for i, d := range c.Dict {
		if d == v {
			return int32(i)
		}
	}
	return -1
}

// BoolDict is the dictionary of every boolean column: code 0 is no, 1 is yes.
var BoolDict = []string{"no", "yes"}

// TextColumn holds non-personal free text and text identifiers. Personal
// columns never reach the analysis copy; see Role.Personal.
type TextColumn struct {
	ColumnMeta
	Values []string
	Nulls  Bitset
}

func (c *TextColumn) Meta() *ColumnMeta   { return &c.ColumnMeta }
func (c *TextColumn) Len() int            { return len(c.Values) }
func (c *TextColumn) IsNull(row int) bool { return c.Nulls.Has(row) }
