// Package csvimport writes a delimited text file (CSV, TSV, semicolon- or
// space-separated) into a table of a SQLite database, deciding the dialect
// and the type of every column from the file itself.
//
// It is shaped like encoding/csv: an Options value whose zero value means
// "detect everything", a structured ImportError that names file, line and
// column, and a Result that summarises what was stored.
//
// Defaults, each overridden by a field of Options:
//   - Delimiter: the one of , ; TAB | or runs of spaces that splits the first
//     lines into the most consistent number of fields (ties go to TAB, ;, ,, |).
//   - Header: the first line is a header unless one of its fields is a number
//     or a date.
//   - Encoding: UTF-8 (a BOM is dropped) when the whole file is valid UTF-8,
//     otherwise Windows-1252, or Latin-1 when a byte undefined in
//     Windows-1252 appears. Output is always UTF-8.
//   - Decimal: the mark that unambiguous numbers ("1,5", "2.25",
//     "1.234,56") vote for; a point when nothing decides.
//   - Types: decided by every value of the file; a column takes the
//     narrowest type all its values fit: boolean, integer, real, date,
//     date-time, else text (with a note when nearly all values fitted a
//     type). Dates are stored as ISO 8601 TEXT, booleans as INTEGER 0/1.
//     Day-first is assumed for dd/mm dates unless the data proves
//     month-first. Values with a leading zero ("0042") stay text. On a long
//     file, a first pass over 50,000 rows guesses the types and the writing
//     pass checks every value against the guess, writing again in the rare
//     case the whole file disagrees. Options.SampleRows instead fixes the
//     types from a sample, making a later misfit an error.
//   - Values are trimmed; empty values are NULL.
//   - Table: the file name in lower_snake_case; an existing table is never
//     replaced unless Options.Replace is set.
//
// The import is one transaction, committed at the end: an error or a
// cancelled context leaves the database as it was, and a database file the
// import created is removed again. A column named like a customer id
// (CustomerID, customer_id, id_cliente, cliente_id, ...) or chosen with
// Options.Key is indexed, as are the same-named id columns of the other
// tables, so that customers and transactions join. Every import is recorded
// in pulpero_meta under "import:TABLE" (an ImportRecord).
package csvimport
