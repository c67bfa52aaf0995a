package targeting

import (
	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model/campaign"

	"math"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// TestPlanInvariants: over a synthetic world, whatever the parameters, the
// list only holds customers reachable on their channel, control and target
// never meet, every matching customer is listed or has one reason, the
// budget holds, and the control group is the same on a re-run and different
// for another campaign name.
func TestPlanInvariants(t *testing.T) {
	ds, v, past := campaignWorld(20_000)
	reach := analysis.Reachability(ds, v)
	m, err := FitResponseRates(ds, past, "generation", 50, 0.02)
	if err != nil {
		t.Fatal(err)
	}
	seg := analysis.CodesIn(ds.Column("generation").(*model.CodedColumn), []int32{0, 2})
	excl := analysis.CodesIn(ds.Column("consent_post").(*model.CodedColumn), []int32{1})
	specs := []CampaignSpec{
		{Name: "a", Channels: []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.05}}, Value: 40, Control: 0.1},
		{Name: "b", Target: seg, Exclude: excl, Channels: []campaign.ChannelCost{{Channel: campaign.ChannelSMS, Cost: 0.08}, {Channel: campaign.ChannelPhone, Cost: 2.5}}, Value: 60, Budget: 300, Control: 0.2},
		{Name: "c", Target: seg, Channels: []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.05}, {Channel: campaign.ChannelSMS, Cost: 0.08}, {Channel: campaign.ChannelPhone, Cost: 2.5}, {Channel: campaign.ChannelPost, Cost: 0.65}},
			Value: 30, Budget: 900, Control: 0.05, Recent: ContactedSince(past, ds.Rows(), 20000)},
	}
	for _, spec := range specs {
		p, err := PlanCampaign(ds, reach, m, spec)
		if err != nil {
			t.Fatal(err)
		}
		if p.Target.AndCount(p.Control) != 0 {
			t.Fatalf("%s: control customers in the target", spec.Name)
		}
		listed := p.Target.Clone().Or(p.Control)
		listed.ForEach(func(i int) {
			ch := p.Channel[i]
			if ch < 0 || !reach.Channels[ch].Reachable.Has(i) {
				t.Fatalf("%s: row %d listed for channel %d without being reachable", spec.Name, i, ch)
			}
		})
		reasons := 0
		for _, n := range p.Reasons() {
			reasons += n
		}
		if got := p.Target.Count() + reasons; got != p.Matching.Count() {
			t.Fatalf("%s: %d target + %d with reasons (control included) != %d matching", spec.Name, p.Target.Count(), reasons, p.Matching.Count())
		}
		if spec.Budget > 0 && p.Alloc.Cost > spec.Budget+1e-6 {
			t.Fatalf("%s: cost %.2f over budget %.2f", spec.Name, p.Alloc.Cost, spec.Budget)
		}
		if spec.Recent != nil && listed.AndCount(spec.Recent) != 0 {
			t.Fatalf("%s: recently contacted customers listed", spec.Name)
		}
		if spec.Exclude != nil && listed.AndCount(spec.Exclude) != 0 {
			t.Fatalf("%s: excluded customers listed", spec.Name)
		}
		share := float64(p.Control.Count()) / float64(listed.Count())
		if listed.Count() > 1000 && math.Abs(share-spec.Control) > 0.03 {
			t.Errorf("%s: control share %.3f, asked %.2f", spec.Name, share, spec.Control)
		}
		again, _ := PlanCampaign(ds, reach, m, spec)
		if again.Control.AndCount(p.Control) != p.Control.Count() || again.Control.Count() != p.Control.Count() {
			t.Errorf("%s: a re-run held out different customers", spec.Name)
		}
		other := spec
		other.Name += " (2)"
		if o, _ := PlanCampaign(ds, reach, m, other); o.Control.Count() > 50 && o.Control.AndCount(p.Control) == o.Control.Count() {
			t.Errorf("%s: another campaign name held out the same customers", spec.Name)
		}
	}
}

// TestUplift: with no grouping, the rate becomes treated minus control; a
// channel without control contacts keeps its rate.
func TestUplift(t *testing.T) {
	ds := &model.Dataset{RowIDs: []int64{1, 2}}
	past := &PastContacts{}
	add := func(ch campaign.Channel, control, responded bool, times int) {
		for range times {
			past.Row = append(past.Row, 0)
			past.Channel = append(past.Channel, ch)
			past.Day = append(past.Day, 0)
			past.Control = append(past.Control, control)
			past.Responded = append(past.Responded, responded)
		}
	}
	add(campaign.ChannelEmail, false, true, 10)
	add(campaign.ChannelEmail, false, false, 90)
	add(campaign.ChannelEmail, true, true, 4)
	add(campaign.ChannelEmail, true, false, 96)
	add(campaign.ChannelSMS, false, true, 5)
	add(campaign.ChannelSMS, false, false, 45)
	m, err := FitResponseRates(ds, past, "", 50, 0.02)
	if err != nil {
		t.Fatal(err)
	}
	if p := m.Prob(campaign.ChannelEmail, 0); math.Abs(p-0.10) > 1e-12 {
		t.Fatalf("treated rate %.4f, want 0.10", p)
	}
	m.UseUplift()
	if p := m.Prob(campaign.ChannelEmail, 0); math.Abs(p-0.06) > 1e-12 {
		t.Fatalf("uplift %.4f, want 0.06", p)
	}
	if p := m.Prob(campaign.ChannelSMS, 1); math.Abs(p-0.10) > 1e-12 {
		t.Fatalf("sms without control %.4f, want 0.10", p)
	}
	if p := m.Prob(campaign.ChannelPost, 1); p != 0.02 {
		t.Fatalf("post without history %.4f, want the default 0.02", p)
	}
}

// TestMeasureCampaignNewcombe checks the lift interval against Newcombe
// (1998), Statistics in Medicine 17:873, example (a): 56/70 against 48/80,
// difference 0.2000, hybrid score interval (method 10) 0.0524 to 0.3339.
func TestMeasureCampaignNewcombe(t *testing.T) {
	var control, responded []bool
	add := func(ctl bool, k, n int) {
		for i := range n {
			control = append(control, ctl)
			responded = append(responded, i < k)
		}
	}
	add(false, 56, 70)
	add(true, 48, 80)
	r := MeasureCampaign(control, responded, nil, nil, 2)
	if math.Abs(r.Lift-0.2) > 1e-9 || math.Abs(r.LiftLo-0.0524) > 1e-4 || math.Abs(r.LiftHi-0.3339) > 1e-4 {
		t.Fatalf("lift %.4f (%.4f to %.4f), want 0.2000 (0.0524 to 0.3339)", r.Lift, r.LiftLo, r.LiftHi)
	}
	if math.Abs(r.IncrementalResponses-70*r.Lift) > 1e-9 || math.Abs(r.CostPerIncremental-140/r.IncrementalResponses) > 1e-9 {
		t.Fatalf("incremental %.3f, cost per incremental %.3f", r.IncrementalResponses, r.CostPerIncremental)
	}
}
