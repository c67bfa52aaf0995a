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
}

// CampaignResult is what a campaign achieved beyond what would have happened
// anyway: treated against control.
type CampaignResult struct {
	Treated, Control Arm
	// Lift is the treated rate minus the control rate, with its 95% interval
	// (Newcombe's hybrid score interval from the two Wilson intervals).
	Lift, LiftLo, LiftHi float64
	// IncrementalResponses and IncrementalRevenue scale the per-customer
	// differences to the treated group; Cost is cost per contact × treated.
	IncrementalResponses float64
	IncrementalRevenue   float64
	Cost                 float64
	// CostPerIncremental is Cost / IncrementalResponses (+Inf when the
	// campaign caused no extra responses).
	CostPerIncremental float64
}

// MeasureCampaign compares treated and control among the contacts listed in
// idx (nil: all). A campaign with no control group has Control.N = 0 and no
// lift: without a control group the effect cannot be measured, only the
// treated response rate.
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
		a.Lo, a.Hi = Wilson(a.Responses, a.N, 1.959964)
	}
	r.Cost = costPerContact * float64(r.Treated.N)
	r.CostPerIncremental = math.Inf(1)
	if r.Treated.N == 0 || r.Control.N == 0 {
		r.LiftLo, r.LiftHi = math.NaN(), math.NaN()
		return r
	}
	t, c := r.Treated, r.Control
	r.Lift = t.Rate - c.Rate
	r.LiftLo = r.Lift - math.Sqrt(square(t.Rate-t.Lo)+square(c.Hi-c.Rate))
	r.LiftHi = r.Lift + math.Sqrt(square(t.Hi-t.Rate)+square(c.Rate-c.Lo))
	r.IncrementalResponses = r.Lift * float64(t.N)
	r.IncrementalRevenue = (t.Revenue/float64(t.N) - c.Revenue/float64(c.N)) * float64(t.N)
	if r.IncrementalResponses > 0 {
		r.CostPerIncremental = r.Cost / r.IncrementalResponses
	}
	return r
}

func square(x float64) float64 { return x * x }
