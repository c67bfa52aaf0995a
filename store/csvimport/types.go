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
	tBool             // TEXT as written: yes/no words (store's kind inference reads them as booleans)
	tReal             // REAL
	tDate             // TEXT YYYY-MM-DD
	tDateTime         // TEXT YYYY-MM-DD HH:MM:SS
)

func (t colType) sql() string {
	switch t {
	case tInteger:
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
	note    model.Sentence  // why a column is text though most values look typed
	isKey   bool
	nulls   int64
	samples []string // first distinct stored values, for the summary

	// Values stored in another notation than the file's, and the first one.
	rewritten              int64
	rewroteFrom, rewroteTo string
}

// keepStored takes what the writing pass counted from the column it wrote
// with (the same storage, decided from a sample).
func (c *column) keepStored(from *column) {
	c.nulls, c.samples = from.nulls, from.samples
	c.rewritten, c.rewroteFrom, c.rewroteTo = from.rewritten, from.rewroteFrom, from.rewroteTo
}

// summaryNote is the column's note: why it is text, or what was rewritten
// (empty when there is nothing to say).
func (c *column) summaryNote() model.Sentence {
	if c.rewritten == 0 {
		return c.note
	}
	if c.typ == tDate || c.typ == tDateTime {
		return model.Say(msgDatesRewritten, int64(c.rewritten), clipValue(c.rewroteFrom), c.rewroteTo)
	}
	return model.Say(msgNumbersRewritten, int64(c.rewritten), clipValue(c.rewroteFrom), c.rewroteTo)
}
