// Package campaign holds the campaign domain's types, shared by the
// analysis that plans a campaign, the store that writes and records its
// list, the application layer and both faces: the channels and their costs,
// the reasons a customer is left out, the typed request a campaign is set up
// with, and the manifest written beside every list.
//
// It is a leaf beside model: standard library only, no behaviour beyond
// naming, parsing and checking these values.
package campaign
