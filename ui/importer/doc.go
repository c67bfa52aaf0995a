// Package importer is the Import screen: pick a CSV/TSV file (from the
// working directory; only files pulpero can import are listed, and the
// folder is read again when the screen is shown or r is pressed), see how it
// would be read — delimiter, encoding and why, column types, row count and
// the table name — by a trial import into a temporary database, then import
// it into the open database as a new table with enter, with the same engine
// as `pulpero import` (store/csvimport), progress on screen and esc to
// cancel. A transactions file imported beside the customers is linked to
// them by its customer id column, so later screens can join them.
package importer
