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
	Elapsed     time.Duration
}

// Dialect is how the file was read, detected or forced.
type Dialect struct {
	Delimiter rune // ',', ';', '\t', '|' or SpaceRuns
	Header    bool
	Encoding  string
	BOM       bool
	Decimal   rune // '.' or ','
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
	Note     string   // why a column that looked typed is text, etc.
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
