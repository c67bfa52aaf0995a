package app

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
)

// TestValueCampaignByCLV: with a response worth the customer's clv, the
// budget goes to the largest expected value first: every customer
// chosen is worth at least as much (probability × clv) as every customer
// the budget left out, computed here from the plan's probabilities and
// the clv column; revenue is then the chosen customers' own values.
func TestValueCampaignByCLV(t *testing.T) {
	_, db := valueDemo(t, 3000, 16)
	ctx := context.Background()
	s, err := db.Load(ctx, LoadRequest{AsOf: valueToday})
	if err != nil {
		t.Fatal(err)
	}
	lib, err := db.Library(ctx)
	if err != nil {
		t.Fatal(err)
	}
	req := campaign.Request{Channels: []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.05}}, ValueFrom: ColCLV,
		Budget: 20, DefaultRate: campaign.DefaultResponseRate, Model: campaign.ModelRates, Prior: campaign.DefaultPriorContacts}
	if _, err := s.PlanCampaign(lib, nil, req, ResponseFit{}); err == nil || !strings.Contains(err.Error(), "compute customer value first") {
		t.Fatalf("planning by clv before it exists: %v", err)
	}
	if err := s.EnsureValue(ctx, lib, req, nil); err != nil {
		t.Fatal(err)
	}
	clv := s.Data.Column(ColCLV).(*model.NumberColumn)
	worth := func(p *CampaignPlan, i int) float64 {
		v := p.Request.Value
		if !clv.IsNull(i) {
			v = clv.Values[i]
		}
		return p.Plan.Model.Prob(campaign.ChannelEmail, i) * v
	}
	p, err := s.PlanCampaign(lib, nil, req, ResponseFit{})
	if err != nil {
		t.Fatal(err)
	}
	chosen := p.Plan.Target.Clone().Or(p.Plan.Control)
	minChosen, maxLeft, revenue := math.Inf(1), math.Inf(-1), 0.0
	chosen.ForEach(func(i int) {
		minChosen = min(minChosen, worth(p, i))
		revenue += worth(p, i)
	})
	p.Plan.Matching.ForEach(func(i int) {
		if p.Plan.Why[i] == campaign.ReasonBudget {
			maxLeft = max(maxLeft, worth(p, i))
		}
	})
	if chosen.Count() == 0 || maxLeft == math.Inf(-1) || minChosen < maxLeft-1e-9 {
		t.Fatalf("%d chosen (least worth %v), the budget left out one worth %v", chosen.Count(), minChosen, maxLeft)
	}
	if math.Abs(p.Summary.Revenue-revenue) > 1e-6*revenue {
		t.Errorf("revenue %v, the chosen customers' expected values add to %v", p.Summary.Revenue, revenue)
	}
	// a flat value per response spends the same budget on customers worth less
	flat := req
	flat.ValueFrom, flat.Value = "", 40
	pf, err := s.PlanCampaign(lib, nil, flat, ResponseFit{})
	if err != nil {
		t.Fatal(err)
	}
	mean := func(b model.Bitset) float64 {
		sum := 0.0
		b.ForEach(func(i int) { sum += clv.Values[i] })
		return sum / float64(b.Count())
	}
	if !(mean(chosen) > mean(pf.Plan.Target.Clone().Or(pf.Plan.Control))) {
		t.Errorf("mean clv of the chosen: %v by clv, %v at a flat value", mean(chosen), mean(pf.Plan.Target.Clone().Or(pf.Plan.Control)))
	}
}
