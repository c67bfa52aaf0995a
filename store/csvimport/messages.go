package csvimport

// The sentences an import hands to people, in one place so that they can be
// translated. Each goes with a stable key (a Why*, Warn* or LineEnd*
// constant) that a caller may translate instead.

// Why an encoding was chosen (Dialect.EncodingWhy).
const (
	WhyForced     = "forced"      // Options.Encoding said so
	WhyBOM        = "bom"         // the file starts with a UTF-8 byte-order mark
	WhyValidUTF8  = "valid-utf8"  // every byte sequence is valid UTF-8
	WhyMostlyUTF8 = "mostly-utf8" // valid UTF-8 but for a few odd bytes, replaced (see WarnOddBytes)
	WhyNotUTF8    = "not-utf8"    // the non-ASCII bytes are mostly not UTF-8: a single-byte encoding
)

// Dialect.EncodingNote, by EncodingWhy. %d is a count (see counted).
const (
	msgForced     = "%s as asked"
	msgBOM        = "UTF-8: the file starts with a UTF-8 byte-order mark"
	msgValidUTF8  = "UTF-8: every byte is valid UTF-8"
	msgMostlyUTF8 = "UTF-8 (non-ASCII bytes: %d in UTF-8 characters, %d not, replaced by �; see the warning)"
	msgNotUTF8    = "%s (non-ASCII bytes: %d not UTF-8, %d in UTF-8 characters)"
	msgNotUTF8Und = "latin-1 (non-ASCII bytes: %d not UTF-8, %d in UTF-8 characters; some undefined in windows-1252)"
)

// Warning keys (Warning.Key).
const (
	// WarnOddBytes: bytes that are not UTF-8 in a file read as UTF-8 were
	// replaced by U+FFFD. Force another reading with Options.Encoding.
	WarnOddBytes = "odd-bytes"
	// WarnQuoteNotClosed: with Options.Lenient, quotes that did not close
	// before a line that reads as a record of its own (or before the end of
	// the file) were read as plain characters.
	WarnQuoteNotClosed = "quote-not-closed"
)

// Warning texts, by key: the count, then the first lines.
const (
	msgOddBytes       = "bytes not UTF-8, replaced by � (%d), lines: %s; use --encoding latin-1 or windows-1252 if the whole file is in that encoding"
	msgQuoteNotClosed = "quotes not closed on their line, read as plain characters (%d), lines: %s; check those lines"
)

// Column notes on values stored in another notation than the file's
// (ColumnSummary.Note, with ColumnSummary.Rewritten), and on text columns
// whose values nearly all fit a type. %d is a count (see counted).
const (
	msgNumbersRewritten = "numbers stored in plain notation (%d), e.g. %q as %s"
	msgDatesRewritten   = "dates stored as ISO 8601 (%d), e.g. %q as %q"
	msgDatesBothOrders  = "dates both day-first and month-first"
	msgCodesKept        = "codes such as %q kept as text"
	msgMostlyNumbers    = "%d of %d values are numbers; line %s has %q"
	msgMostlyDates      = "%d of %d values are dates; line %s has %q"
)

// Problems with the file or the options.
const (
	msgQuoteRecord    = "the quote opened on line %s is still open at line %s, which reads as a record of its own"
	msgQuoteEOF       = "the quote opened on line %s never closes"
	hintQuote         = "close the quote, use --lenient to read it as a plain character, or --skip-bad"
	msgTooManyColumns = "%s columns; SQLite allows at most %s in a table"
	hintTooManyCols   = "keep at most %s columns (cut the others out of the file) or split the file into several with the id column in each"
	msgReservedPrefix = "%w: table name %q starts with %q, which is reserved for pulpero's own tables (choose another with --table)"
	msgReservedFile   = "%w: the file name makes the table name %q, which starts with %q, reserved for pulpero's own tables (choose another with --table)"
	msgGzipDamaged    = "%s: %w: the gzip data is damaged (%v); decompress it (gunzip) to see how much is sound, or fetch the file again"
	msgOneField       = "%d field where the header has %d"
	msgFields         = "%d fields where the header has %d"
	msgNotUTF8Byte    = "unreadable bytes: byte 0x%02X is not UTF-8 (try --encoding latin-1)"
	msgNotUTF8Any     = "unreadable bytes: a byte is not UTF-8 (try --encoding latin-1)"
	msgUndefined1252  = "unreadable bytes: a byte that windows-1252 leaves undefined (try --encoding latin-1)"
	msgUTF16          = "unreadable bytes: the file is UTF-16; save it as UTF-8"
	msgNoData         = "file has no data"
	msgTableExists    = "table already exists: %s already has a table %q (use --replace to overwrite it, or --table to choose another name)"
	msgTableExistsNow = "table already exists: %s already has a table %q (use --replace to overwrite it)"

	// ImportError.Hint
	hintValue  = "fix the value or use --skip-bad"
	hintBinary = "is this a text file?"
	hintLine   = "fix the line or use --skip-bad"
)
