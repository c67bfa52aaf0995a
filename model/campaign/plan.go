package campaign

import "math"

// Step is one stage of the funnel from matching to the list, for the screen
// and the manifest.
type Step struct {
	Name  string `json:"step"`
	Count int    `json:"count"`
}

// Summary is the expected outcome of a plan's target rows.
type Summary struct {
	Contacts  int     `json:"contacts"`
	Control   int     `json:"control"`
	Cost      float64 `json:"cost"`
	Responses float64 `json:"expected_responses"`
	Revenue   float64 `json:"expected_revenue"`
	Profit    float64 `json:"expected_profit"`
	ROI       float64 `json:"return_on_spend"` // profit / cost
}

// Rounded is the summary as files show it: money to the cent, responses and
// the return on spend to two decimals (the sums of a million float products
// otherwise print as 59.999999999999304).
func (s Summary) Rounded() Summary {
	s.Cost, s.Responses, s.Revenue, s.Profit, s.ROI = Cents(s.Cost), Cents(s.Responses), Cents(s.Revenue), Cents(s.Profit), Cents(s.ROI)
	return s
}

// CurvePoint is the expected profit of the greedy choice at a budget.
type CurvePoint struct {
	Budget    float64 `json:"budget"`
	Profit    float64 `json:"profit"`
	Responses float64 `json:"responses"`
	Contacts  int     `json:"contacts"`
}

// Cents rounds an amount of money to two decimals.
func Cents(v float64) float64 { return math.Round(v*100) / 100 }

// ChannelCounts is one offered channel's two counts, how many match and how
// many of them can be contacted, with the reasons for the rest.
type ChannelCounts struct {
	Channel   string         `json:"channel"`
	Matching  int            `json:"matching"`
	Reachable int            `json:"reachable"`
	Why       map[string]int `json:"not_reachable"`
}
