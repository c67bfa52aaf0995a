// Package roles is the Roles screen: what pulpero decided each column means
// (e-mail, consent, birth date, ...) and why, and a way to correct it. The
// corrections are saved in pulpero's workspace, never in the user's tables,
// and take effect when the data is reloaded.
package roles
