package csvimport

import (
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store/parse"
)

// colType is how a column's values are stored.
type colType int

const (
	tText     colType = iota
	tInteger          // INTEGER
	tBool             // INTEGER 0/1, from yes/no words
	tReal             // REAL
	tDate             // TEXT YYYY-MM-DD
	tDateTime         // TEXT YYYY-MM-DD HH:MM:SS
)

func (t colType) sql() string {
	switch t {
	case tInteger, tBool:
		return "INTEGER"
	case tReal:
		return "REAL"
	}
	return "TEXT"
}

func (t colType) article() string {
	return [...]string{"text", "an integer", "a yes/no value", "a number", "a date", "a date-time"}[t]
}

func (t colType) plural() string {
	return [...]string{"text", "integers", "yes/no values", "numbers", "dates", "date-times"}[t]
}

// column is the decision for one column: how to store it and what it is.
type column struct {
	name    string
	alias   string
	typ     colType
	kind    model.Kind
	order   parse.DateOrder // for dates written with day and month as numbers
	note    string          // why a column is text though most values look typed
	isKey   bool
	nulls   int64
	samples []string // first distinct stored values, for the summary
}
