// Package importer is the Import screen: pick a CSV/TSV file and import it
// into the open database as a new table, with the same engine as
// `pulpero import` (store/csvimport), progress on screen and Esc to cancel.
// A transactions file imported beside the customers is linked to them by its
// customer id column, so later screens can join them.
package importer
