// Package segment is the segment language: the rule tree (And, Or, Not and
// Condition nodes), a hand-written lexer and parser for the readable syntax
//
//	income > 20000 and marital = "single" and zone in ("north", "north-east")
//
// and a printer whose output parses back to the same tree, so the printed
// form is the canonical definition that is saved, compared and hashed.
//
// The package knows nothing of columns: it checks syntax only. Binding names
// to a dataset's columns and checking values against their kinds is done by
// analysis, which reports problems with the same *Error type so that every
// message carries a byte position and renders with a caret. Messages are
// model.Sentences (messages.go): the faces say them in the user's language
// (locale.Error, or CaretIn under the caret), and their English reads as
// it always did.
package segment
