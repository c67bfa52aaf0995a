// Package common holds what every screen shares: the session (database,
// workspace, dataset), the window size and the styles built from the theme.
package common
