// Package segment is the Segment screen: the analyst builds a segment rule
// by rule (typed in the segment language, or sent from Explore) and sees at
// every edit its size, the waterfall of what each rule removes, the profile
// of how it differs from everyone, and a few of its customers. Segments are
// saved with versions in the workspace; every edit can be undone.
package segment
