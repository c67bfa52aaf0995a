// Package palette is the command palette: `:` or ctrl+k lists the actions
// of every screen (the focused one's first, each labelled with its screen)
// and the global ones by name, filters them as the user types, and runs the
// chosen one by switching to its screen and sending its key. Actions come
// from the same key bindings as the help line, so the palette cannot offer
// an action the keys do not have.
package palette
