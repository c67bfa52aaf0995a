// Package analysis holds pure functions over the columnar copy: summary
// statistics, histograms, frequencies, predicates as bitsets, derived
// attributes, segments and reachability. Campaign planning is in the
// subpackage targeting.
//
// In gonum's shape: plain functions over model columns, the formula and the
// preconditions documented, errors for data problems. No I/O, no clock (the
// reference date is a parameter), explicit random seeds. Every function that
// takes a subset restricts itself to those rows; a nil subset means all rows.
package analysis
