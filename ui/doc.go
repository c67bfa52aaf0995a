// Package ui is pulpero's terminal interface. The root model (App) routes:
// it owns the window size, the theme, the background load of the columnar
// copy and the global keys, and hands every other key to the focused screen
// (ui/explore, ...). Screens return their concrete type from Update and a
// string from View; only App returns a tea.View. Work that touches the
// database or the dataset runs in tea.Cmd closures that capture values, and
// comes back as typed messages.
package ui
