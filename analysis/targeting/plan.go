package targeting

import (
	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model/campaign"

	"fmt"
	"math"

	"github.com/pulpero/pulpero/model"
)

// CampaignSpec is what the owner decides.
type CampaignSpec struct {
	Name     string
	Target   model.Bitset // the included segment(s); nil: everyone
	Exclude  model.Bitset // nil: nobody excluded
	Channels []campaign.ChannelCost
	Value    float64 // value of one response
	Budget   float64 // ≤ 0: no limit
	Control  float64 // share held out, 0..1
	// Recent: customers contacted within the fatigue window (nil: none).
	Recent model.Bitset
	// RowValue, when not nil, is the value of a response per row (a
	// customer's clv, say); a row whose value is NaN is worth Value.
	RowValue []float64
}

// ValueOf is the value of row i's response: RowValue[i] when known, else
// Value.
func (spec CampaignSpec) ValueOf(i int) float64 {
	if spec.RowValue != nil && !math.IsNaN(spec.RowValue[i]) {
		return spec.RowValue[i]
	}
	return spec.Value
}

// Plan is the campaign pulpero proposes.
type Plan struct {
	Spec     CampaignSpec
	Steps    []campaign.Step
	Target   model.Bitset      // contacted
	Control  model.Bitset      // held out (never in Target)
	Channel  []int8            // per row: channel chosen for Target and Control rows, else -1
	Why      []campaign.Reason // per row of the matching set: why not in the list (campaign.ReasonNone if in it)
	Matching model.Bitset
	Alloc    Allocation
	Model    *ResponseModel
}

// PlanCampaign builds the list: matching rows, less excluded segments, less
// those not reachable on any offered channel, less those contacted recently,
// less those with no profitable channel; then the greedy allocation within
// the budget, with the control share held out of exactly the customers it
// chose. A row is only ever given a channel it is reachable on: options are
// built from reach's Reachable set and nothing else.
func PlanCampaign(ds *model.Dataset, reach *analysis.Reach, m *ResponseModel, spec CampaignSpec) (*Plan, error) {
	n := ds.Rows()
	if len(spec.Channels) == 0 {
		return nil, fmt.Errorf("--channel: give at least one of email, sms, phone, post")
	}
	if spec.Control < 0 || spec.Control >= 1 {
		return nil, fmt.Errorf("--control: the control share must be from 0 to under 100%%")
	}
	p := &Plan{Spec: spec, Model: m, Why: make([]campaign.Reason, n)}
	p.Matching = model.FullBitset(n)
	if spec.Target != nil {
		p.Matching = spec.Target.Clone()
	}
	left := p.Matching.Clone()
	p.Steps = append(p.Steps, campaign.Step{Name: "matching", Count: left.Count()})
	mark := func(r campaign.Reason, rows model.Bitset) {
		rows.ForEach(func(i int) { p.Why[i] = r })
		left.AndNot(rows)
	}
	if spec.Exclude != nil {
		mark(campaign.ReasonExcluded, left.Clone().And(spec.Exclude))
		p.Steps = append(p.Steps, campaign.Step{Name: "not excluded", Count: left.Count()})
	}
	onAny := model.NewBitset(n)
	for _, c := range spec.Channels {
		onAny.Or(reach.Channels[c.Channel].Reachable)
	}
	first := spec.Channels[0].Channel
	unreachable := left.Clone().AndNot(onAny)
	unreachable.ForEach(func(i int) { p.Why[i] = reach.Why(first, i) })
	left.AndNot(unreachable)
	p.Steps = append(p.Steps, campaign.Step{Name: "reachable", Count: left.Count()})
	if spec.Recent != nil {
		mark(campaign.ReasonFatigue, left.Clone().And(spec.Recent))
		p.Steps = append(p.Steps, campaign.Step{Name: "not contacted recently", Count: left.Count()})
	}
	opts := make([]Option, 0, left.Count()*len(spec.Channels))
	left.ForEach(func(i int) {
		for _, c := range spec.Channels {
			if !reach.Channels[c.Channel].Reachable.Has(i) {
				continue // consent is law: no option, no contact
			}
			pr := m.Prob(c.Channel, i)
			opts = append(opts, Option{Row: int32(i), Channel: c.Channel, Cost: c.Cost, Prob: pr, Profit: pr*spec.ValueOf(i) - c.Cost})
		}
	})
	profitable := model.NewBitset(n)
	for _, o := range opts {
		if o.Profit > 0 {
			profitable.Set(int(o.Row))
		}
	}
	mark(campaign.ReasonUnprofitable, left.Clone().AndNot(profitable))
	p.Steps = append(p.Steps, campaign.Step{Name: "profitable", Count: left.Count()})
	control := ControlRows(ds, spec.Name, spec.Control, left)
	p.Alloc = Allocate(opts, n, spec.Budget, func(r int32) bool { return control.Has(int(r)) })
	p.Channel = p.Alloc.Channel
	p.Target, p.Control = model.NewBitset(n), model.NewBitset(n)
	left.ForEach(func(i int) {
		switch {
		case p.Channel[i] < 0:
			p.Why[i] = campaign.ReasonBudget
		case control.Has(i):
			p.Control.Set(i) // in the list, marked control: no reason to give
		default:
			p.Target.Set(i)
		}
	})
	p.Steps = append(p.Steps, campaign.Step{Name: "within budget", Count: p.Target.Count() + p.Control.Count()},
		campaign.Step{Name: "control", Count: p.Control.Count()}, campaign.Step{Name: "target", Count: p.Target.Count()})
	return p, nil
}

// Reasons counts the matching rows by why they are not contacted; the
// control group, which is listed but not contacted, counts as a reason too.
func (p *Plan) Reasons() map[string]int {
	out := map[string]int{}
	if c := p.Control.Count(); c > 0 {
		out[campaign.ReasonControl.String()] = c
	}
	p.Matching.ForEach(func(i int) {
		if r := p.Why[i]; r != campaign.ReasonNone {
			out[r.String()]++
		}
	})
	return out
}

// analysis.Summary totals the plan.
func (p *Plan) Summary() campaign.Summary {
	s := campaign.Summary{Contacts: p.Alloc.Contacts, Control: p.Control.Count(), Cost: p.Alloc.Cost,
		Responses: p.Alloc.Responses, Profit: p.Alloc.Profit}
	s.Revenue = s.Responses * p.Spec.Value
	if p.Spec.RowValue != nil {
		s.Revenue = s.Profit + s.Cost // each response at its own value
	}
	if s.Cost > 0 {
		s.ROI = s.Profit / s.Cost
	}
	return s
}
