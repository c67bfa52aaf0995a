// Package importer is the Import screen: pick a CSV/TSV file (from the
// working directory; only files pulpero can import are listed, and the
// folder is read again when the screen is shown or r is pressed), see how it
// would be read — delimiter, encoding and why, column types, row count and
// the table name — by a trial import into a temporary database, then import
// it into the open database as a new table with enter, with the same engine
// as `pulpero import` (store/csvimport), progress on screen and esc to
// cancel. A transactions file imported beside the customers is linked to
// them by its customer id column, so later screens can join them.
//
// It speaks the user's language (issue 19): its own sentences and what the
// import says (errors at a place of the file, the encoding note, warnings,
// column notes: model.Sentences from store/csvimport) go through the
// catalogue; file names, paths and commands stay as they are.
package importer
