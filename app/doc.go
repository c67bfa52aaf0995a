// Package app is the application layer that both of pulpero's faces call:
// the command line (cli) and the screens (ui). It opens a database and its
// workspace, loads a Session (the customers with their derived and
// reachability attributes), keeps the segment library (list, resolve with the
// loop check, save with versions), plans a campaign from a typed request and
// exports it. There is one road for each: a segment counted on screen and on
// the command line, or a list exported from either, goes through the same
// code here.
//
// app imports store (the only package that speaks SQL) and analysis; it
// imports no terminal library, and neither face reaches store except through
// it. The clock is a parameter (Session.AsOf, a request's Now), read once by
// the caller.
package app
