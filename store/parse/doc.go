// Package parse turns text values into typed values: numbers (with decimal
// comma and thousands separators), booleans (yes/no, si/no, true/false, y/n,
// 1/0) and dates in the layouts shops export (ISO, dd-mm-yyyy, dd/mm/yyyy,
// mm/dd/yyyy, yyyymmdd, with or without a time). It is shared by the SQLite
// column loader and the CSV importer so that both read values the same way.
package parse
