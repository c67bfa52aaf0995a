// Package store is the only package that speaks SQL. It opens a user's SQLite
// database read-only, introspects its tables, decides each column's kind and
// role from its values, loads the analysable columns into the columnar copy
// (model.Dataset), reads rows for display and export, and keeps pulpero's own
// work in its own pulpero_* tables (see Workspace).
//
// Personal columns (names, e-mails, phones, addresses) are never loaded into
// the copy: they are read by rowid for the rows on screen and for exports.
package store
