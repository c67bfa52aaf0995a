// Package campaign is the Campaign screen: the owner picks the segments to
// include and exclude, the channels and what a contact costs, the value of a
// response, a budget, a control share and a fatigue window; the screen shows
// at once the two counts per channel (matching, and reachable with why the
// others are not), the funnel, the expected responses, revenue, cost, profit
// and return on spend, and the curve of profit against budget; `e` writes
// the list with the export command's own code. Two more views: who can be
// reached on each channel by generation, and what past campaigns achieved
// against their control groups.
package campaign
