package targeting

import "math"

// Arm is one side of a campaign's measurement: the treated (contacted) or
// the control (held out) customers.
type Arm struct {
	N         int     `json:"customers"`
	Responses int     `json:"responses"`
	Rate      float64 `json:"response_rate"`
	Lo, Hi    float64 // 95% Wilson interval of Rate
	Revenue   float64 `json:"revenue"`

	revenueSq float64 // Σ revenue², for the variance of the mean
}

// CampaignResult is what a campaign achieved beyond what would have happened
// anyway: treated against control. Every figure after Measured is 0 unless
// Measured; no field is ever NaN or infinite.
type CampaignResult struct {
	Treated, Control Arm
	// Measured: both arms have customers, so the lift can be measured. A
	// campaign with no control group has only the treated response rate.
	Measured bool
	// Lift is the treated rate minus the control rate, with its 95% interval
	// (Newcombe's hybrid score interval from the two Wilson intervals).
	Lift, LiftLo, LiftHi float64
	// IncrementalResponses is Lift × treated customers, its interval the
	// lift's scaled the same way.
	IncrementalResponses, IncrementalResponsesLo, IncrementalResponsesHi float64
	// IncrementalRevenue is the difference of the arms' mean revenue per
	// customer × treated customers; its 95% interval is the normal one of a
	// difference of means, d ± 1.96·√(s²t/nt + s²c/nc) (unequal variances,
	// Welch), scaled the same way. RevenueInterval is false when an arm has
	// fewer than 2 customers, so no variance.
	IncrementalRevenue, IncrementalRevenueLo, IncrementalRevenueHi float64
	RevenueInterval                                                bool
	// Cost is cost per contact × treated customers.
	Cost float64
	// CostPerIncremental is Cost / IncrementalResponses, when the campaign
	// caused extra responses (HasCostPerIncremental). Its interval comes from
	// the incremental responses' one: from Cost / IncrementalResponsesHi to
	// Cost / IncrementalResponsesLo; when the lift's interval reaches 0 the
	// campaign may have caused no extra response at all and there is no upper
	// bound (CostPerIncrementalUnbounded, CostPerIncrementalHi 0).
	CostPerIncremental, CostPerIncrementalLo, CostPerIncrementalHi float64
	HasCostPerIncremental, CostPerIncrementalUnbounded             bool
}

// MeasureCampaign compares treated and control among the contacts listed in
// idx (nil: all). revenue may be nil (no revenue known: every sum is 0).
func MeasureCampaign(control, responded []bool, revenue []float64, idx []int, costPerContact float64) CampaignResult {
	var r CampaignResult
	add := func(i int) {
		a := &r.Treated
		if control[i] {
			a = &r.Control
		}
		a.N++
		if responded[i] {
			a.Responses++
		}
		if revenue != nil {
			a.Revenue += revenue[i]
			a.revenueSq += revenue[i] * revenue[i]
		}
	}
	if idx == nil {
		for i := range control {
			add(i)
		}
	} else {
		for _, i := range idx {
			add(i)
		}
	}
	for _, a := range []*Arm{&r.Treated, &r.Control} {
		if a.N > 0 {
			a.Rate = float64(a.Responses) / float64(a.N)
		}
		a.Lo, a.Hi = Wilson(a.Responses, a.N, z95)
	}
	r.Cost = costPerContact * float64(r.Treated.N)
	if r.Treated.N == 0 || r.Control.N == 0 {
		return r
	}
	r.Measured = true
	t, c := r.Treated, r.Control
	nt := float64(t.N)
	r.Lift = t.Rate - c.Rate
	r.LiftLo = r.Lift - math.Sqrt(square(t.Rate-t.Lo)+square(c.Hi-c.Rate))
	r.LiftHi = r.Lift + math.Sqrt(square(t.Hi-t.Rate)+square(c.Rate-c.Lo))
	r.IncrementalResponses, r.IncrementalResponsesLo, r.IncrementalResponsesHi = r.Lift*nt, r.LiftLo*nt, r.LiftHi*nt
	diff := t.Revenue/nt - c.Revenue/float64(c.N)
	r.IncrementalRevenue = diff * nt
	r.IncrementalRevenueLo, r.IncrementalRevenueHi = r.IncrementalRevenue, r.IncrementalRevenue
	if t.N > 1 && c.N > 1 {
		se := math.Sqrt(meanVariance(t) + meanVariance(c))
		r.IncrementalRevenueLo, r.IncrementalRevenueHi, r.RevenueInterval = (diff-z95*se)*nt, (diff+z95*se)*nt, true
	}
	if r.IncrementalResponses > 0 {
		r.HasCostPerIncremental = true
		r.CostPerIncremental = r.Cost / r.IncrementalResponses
		r.CostPerIncrementalLo = r.Cost / r.IncrementalResponsesHi
		if r.IncrementalResponsesLo > 0 {
			r.CostPerIncrementalHi = r.Cost / r.IncrementalResponsesLo
		} else {
			r.CostPerIncrementalUnbounded = true
		}
	}
	return r
}

// meanVariance is the variance of an arm's mean revenue, s²/n, with the
// sample variance s² = (Σx² − n·x̄²)/(n − 1) (revenues are money: sums of
// squares of a few thousand amounts lose nothing that matters here).
func meanVariance(a Arm) float64 {
	n := float64(a.N)
	mean := a.Revenue / n
	s2 := max(0, (a.revenueSq-n*mean*mean)/(n-1))
	return s2 / n
}

func square(x float64) float64 { return x * x }
