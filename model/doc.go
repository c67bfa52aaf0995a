// Package model holds pulpero's plain data types: column kinds and roles, typed
// in-memory columns, the dataset that interaction runs on, and bitsets of rows.
//
// It is the leaf of the dependency graph: it imports only the standard library,
// so every other package can share these types without pulling in SQL or UI code.
package model
