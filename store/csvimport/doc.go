// Package csvimport writes a delimited text file (CSV, TSV, semicolon- or
// space-separated, plain or gzip-compressed) into a table of a SQLite
// database, deciding the dialect and the type of every column from the file
// itself.
//
// It is shaped like encoding/csv: an Options value whose zero value means
// "detect everything", a structured ImportError that names file, line and
// column, and a Result that summarises what was stored and how the file was
// read (Dialect, with the reasons for the encoding, and Warnings).
//
// Defaults, each overridden by a field of Options:
//   - Compression: a file that starts with gzip's magic bytes (.csv.gz,
//     .tsv.gz, .txt.gz) is read through gunzip; its fingerprint (Source) is
//     the compressed file's.
//   - Line ends: LF, with a CR before it dropped (CRLF and LF may mix); a
//     file whose lone CRs outnumber its LFs (old Mac and Excel for Mac
//     exports) ends lines at CR, CRLF or LF alike.
//   - Delimiter: the one of , ; TAB | or runs of spaces that splits the first
//     lines into the most consistent number of fields (ties go to TAB, ;, ,, |).
//   - Header: the first line is a header unless one of its fields is a number
//     or a date. A table takes at most 2,000 columns (SQLite's limit).
//   - Encoding: UTF-8 (a BOM is dropped) when the whole file is valid UTF-8,
//     or when more of its non-ASCII bytes form UTF-8 characters than not:
//     the odd bytes are then replaced by U+FFFD and counted, with their
//     lines, in a warning. Otherwise Windows-1252, or Latin-1 when a byte
//     undefined in Windows-1252 appears. Output is always UTF-8. A forced
//     "utf-8" is strict: an odd byte is an error.
//   - Quotes: a quoted field may span lines. One that takes in a line that
//     reads as a record of its own (sound quotes, the record's number of
//     fields, a first field shaped like the records') is taken to miss its
//     closing quote: an ErrQuote error on the line it opened, or, with
//     Options.Lenient, a plain character and a warning. Lines are never
//     merged silently.
//   - Decimal: the mark that unambiguous numbers ("1,5", "2.25",
//     "1.234,56") vote for; a point when nothing decides.
//   - Types: decided by every value of the file; a column takes the
//     narrowest type all its values fit: boolean, integer, real, date,
//     date-time, else text (with a note when nearly all values fitted a
//     type). Values are stored as the file says: text as text, yes/no
//     words as written (pulpero's kind inference reads them as booleans),
//     numbers as INTEGER or REAL, dates as ISO 8601 TEXT. A column whose
//     values were stored in another notation (decimal commas, thousands
//     separators, dd/mm/yyyy dates) says so in its note, with an example.
//     Day-first is assumed for dd/mm dates unless the data proves
//     month-first. Values with a leading zero ("0042") stay text. On a long
//     file, a first pass over 50,000 rows guesses the types and the writing
//     pass checks every value against the guess, writing again in the rare
//     case the whole file disagrees. Options.SampleRows instead fixes the
//     types from a sample, making a later misfit an error.
//   - Values are trimmed; empty values are NULL.
//   - Table: the file name in lower_snake_case; an existing table is never
//     replaced unless Options.Replace is set. Names starting with pulpero_
//     (pulpero's own tables) or sqlite_ are refused.
//
// The import is one transaction, committed at the end: an error or a
// cancelled context leaves the database as it was, and a database file the
// import created is removed again. A column named like a customer id
// (CustomerID, customer_id, id_cliente, cliente_id, ...) or chosen with
// Options.Key is indexed, as are the same-named id columns of the other
// tables, so that customers and transactions join. Every import is recorded
// in pulpero_meta under "import:TABLE" (an ImportRecord).
package csvimport
