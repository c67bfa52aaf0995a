package csvimport

import (
	"time"

	"github.com/pulpero/pulpero/model"
)

// Result says what an import stored.
type Result struct {
	Database    string
	Table       string
	Created     bool  // the database file was created by this import
	Rows        int64 // rows written
	Rejected    int64 // bad lines skipped (SkipBad)
	RejectsFile string
	Dialect     Dialect
	Key         string // the customer id column, indexed; "" if none
	Links       []Link // other tables' id columns the key joins with
	Columns     []ColumnSummary
	// Warnings are things read in a way people should know about: odd
	// bytes replaced, quotes read as plain characters (Lenient).
	Warnings []Warning
	Elapsed  time.Duration
}

// Dialect is how the file was read, detected or forced.
type Dialect struct {
	Delimiter rune // ',', ';', '\t', '|' or SpaceRuns
	Header    bool
	Encoding  string
	// EncodingWhy is a stable key (WhyValidUTF8, WhyMostlyUTF8, WhyNotUTF8,
	// WhyBOM, WhyForced); EncodingNote says the same in a sentence, with
	// the byte counts that decided.
	EncodingWhy  string
	EncodingNote string
	// EncodingSentence is EncodingNote for the faces to translate (its
	// counts in the reader's number format).
	EncodingSentence model.Sentence
	BOM              bool
	Decimal          rune   // '.' or ','
	LineEnd          string // LineEndLF, LineEndCRLF or LineEndCR: the most frequent
	Gzip             bool   // the file was gzip-compressed and read through gunzip
}

// Line ends (Dialect.LineEnd).
const (
	LineEndLF   = "lf"
	LineEndCRLF = "crlf"
	LineEndCR   = "cr" // old Mac and Excel for Mac exports
)

// Warning is something about the whole import people should read: a kind
// (a stable key, Warn*), how often it happened, the first lines it
// happened on, and a sentence.
type Warning struct {
	Key   string
	Count int64
	Lines []int // up to maxWarnLines, ascending
	Text  string
	// Sentence is Text for the faces to translate.
	Sentence model.Sentence
}

// ColumnSummary describes one stored column.
type ColumnSummary struct {
	Name     string     // as written in the header, and in the table
	Alias    string     // lower_snake_case ASCII, for typing
	SQLType  string     // INTEGER, REAL or TEXT
	Kind     model.Kind // what pulpero makes of it
	Key      bool       // the indexed customer id
	Nulls    int64
	Examples []string // up to three distinct stored values
	// Note says why a column that looked typed is text, or, with Rewritten,
	// how values were stored in another notation than the file's (decimal
	// commas and thousands separators read, dates written as ISO 8601).
	Note      string
	Rewritten int64 // values stored in another notation than the file's
	// NoteSentence is Note for the faces to translate (zero when Note is
	// empty).
	NoteSentence model.Sentence
}

// Link is a column of another table that a key joins with.
type Link struct {
	Table, Column string
}

// DelimiterName spells a delimiter for people.
func DelimiterName(d rune) string {
	switch d {
	case '\t':
		return "tab"
	case SpaceRuns:
		return "spaces"
	}
	return string(d)
}
