package csvimport

import "time"

// HeaderMode says whether the first line holds the column names.
type HeaderMode int

const (
	HeaderDetect HeaderMode = iota // decide from the values (the default)
	HeaderYes                      // the first line is a header
	HeaderNo                       // the first line is data; columns are named column_1, column_2, ...
)

// Encoding names accepted by Options.Encoding.
const (
	EncodingUTF8        = "utf-8"
	EncodingLatin1      = "latin-1"
	EncodingWindows1252 = "windows-1252"
)

// SpaceRuns as Options.Delimiter splits fields at runs of spaces and tabs.
const SpaceRuns = ' '

// Options tune an import. The zero value detects everything.
type Options struct {
	// Delimiter is one of ',', ';', '\t', '|' or SpaceRuns; 0 detects it.
	Delimiter rune
	// Header says whether the first line names the columns.
	Header HeaderMode
	// Encoding is "", "utf-8", "latin-1" or "windows-1252"; "" detects it.
	Encoding string
	// Decimal is '.' or ','; 0 detects it.
	Decimal rune
	// Table is the table to write; "" derives it from the file name.
	Table string
	// Replace drops an existing table of that name (in the same transaction).
	Replace bool
	// SkipBad writes bad lines to a rejects file and goes on; otherwise the
	// first bad line stops the import.
	SkipBad bool
	// Lenient reads a quote that does not close before a line that reads as
	// a record of its own (or before the end of the file) as a plain
	// character, and says so in a Result warning. Without it such a quote
	// is an ErrQuote error naming the line it opened on (or, with SkipBad,
	// that line is rejected); it never silently merges lines.
	Lenient bool
	// Key names the customer id column (by name or clean alias); "" looks
	// for one named like customer_id, CustomerID, id_cliente, cliente_id.
	Key string
	// SampleRows limits the rows that decide the column types; 0 reads the
	// whole file. With a sample, a later value that does not fit its
	// column's type is an error (or a reject with SkipBad).
	SampleRows int
	// RejectsPath is where rejected lines go; "" means FILE.rejects.csv
	// beside the input.
	RejectsPath string
	// RecordSource stores the file's size, modification time and SHA-256 in
	// pulpero_meta (key "source_csv"), in the same transaction, so that
	// SourceUnchanged can later tell whether the database is up to date.
	RecordSource bool
	// Progress, when set, is called every 100 ms or so, and at the end of
	// each phase; calls never overlap, but may come from a goroutine of the
	// import's own (send a message, do not touch UI state).
	Progress func(Progress)
}

// Phase names a step of an import.
type Phase string

const (
	PhaseScan   Phase = "scan"   // reading bytes: encoding and line count
	PhaseTypes  Phase = "types"  // first pass: deciding column types
	PhaseInsert Phase = "insert" // second pass: writing rows
	PhaseIndex  Phase = "index"  // building indexes and committing
)

// Progress reports how far an import has come.
type Progress struct {
	Phase      Phase
	Rows       int64 // rows read so far in this phase
	Bytes      int64 // bytes of the file read so far in this phase
	TotalBytes int64 // size of the file
	TotalRows  int64 // rows expected (an estimate from the line count), 0 if unknown
	Elapsed    time.Duration
}

// Fraction is how much of the current phase is done, 0..1.
func (p Progress) Fraction() float64 {
	if p.TotalBytes <= 0 {
		return 0
	}
	f := float64(p.Bytes) / float64(p.TotalBytes)
	return min(max(f, 0), 1)
}
