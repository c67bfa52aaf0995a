package targeting

import (
	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model/campaign"

	"math/rand/v2"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// campaignWorld is a synthetic million-customer dataset with the demo's
// shares of consent and valid contact data, for the campaign benchmarks.
func campaignWorld(n int) (*model.Dataset, analysis.ValidAddresses, *PastContacts) {
	r := rand.New(rand.NewPCG(11, 12))
	flag := func(name string, role model.Role, p float64) *model.CodedColumn {
		c := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: name, Kind: model.KindBoolean, Role: role},
			Codes: make([]int32, n), Dict: model.BoolDict}
		for i := range c.Codes {
			if r.Float64() < p {
				c.Codes[i] = 1
			}
		}
		return c
	}
	id := model.NewNumberColumn(model.ColumnMeta{Name: "customer_id", Kind: model.KindIdentifier, Role: model.RoleCustomerID}, n)
	hh := model.NewNumberColumn(model.ColumnMeta{Name: "household_id", Kind: model.KindInteger, Role: model.RoleHousehold}, n)
	gen := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "generation", Kind: model.KindCategorical},
		Codes: make([]int32, n), Dict: []string{"boomers", "x", "millennials", "centennials"}}
	ds := &model.Dataset{Table: "customers", RowIDs: make([]int64, n)}
	for i := range n {
		ds.RowIDs[i] = int64(i + 1)
		id.SetValue(i, float64(i+1))
		hh.SetValue(i, float64(i/2))
		gen.Codes[i] = int32(r.IntN(4))
	}
	ds.Columns = []model.Column{id, hh, gen,
		flag("consent_email", model.RoleConsentEmail, 0.55), flag("consent_sms", model.RoleConsentSMS, 0.4),
		flag("consent_phone", model.RoleConsentPhone, 0.3), flag("consent_post", model.RoleConsentPost, 0.25),
		flag("unsubscribed", model.RoleUnsubscribed, 0.04), flag("email_bounced", model.RoleEmailBounced, 0.03)}
	valid := func(p float64) model.Bitset {
		b := model.NewBitset(n)
		for i := range n {
			if r.Float64() < p {
				b.Set(i)
			}
		}
		return b
	}
	v := analysis.ValidAddresses{Email: valid(0.85), SMS: valid(0.9), Phone: valid(0.97), Post: valid(0.99)}
	past := &PastContacts{}
	for i := range 2 * n {
		past.Row = append(past.Row, int32(r.IntN(n)))
		past.Channel = append(past.Channel, campaign.Channel(i%4))
		past.Day = append(past.Day, 20000)
		past.Control = append(past.Control, r.IntN(7) == 0)
		past.Responded = append(past.Responded, r.IntN(12) == 0)
	}
	return ds, v, past
}

// BenchmarkReachBreakdown is the work after a segment changes: the two
// counts and the reasons on every channel.
func BenchmarkReachBreakdown(b *testing.B) {
	ds, v, _ := campaignWorld(1_000_000)
	reach := analysis.Reachability(ds, v)
	seg := analysis.CodesIn(ds.Column("generation").(*model.CodedColumn), []int32{1, 2})
	b.ResetTimer()
	for b.Loop() {
		for ch := range campaign.NumChannels {
			reach.Breakdown(ch, seg)
		}
	}
}

// BenchmarkReachability is the one-off computation after load.
func BenchmarkReachability(b *testing.B) {
	ds, v, _ := campaignWorld(1_000_000)
	b.ResetTimer()
	for b.Loop() {
		analysis.Reachability(ds, v)
	}
}

func benchPlan(b *testing.B, channels []campaign.ChannelCost) {
	ds, v, past := campaignWorld(1_000_000)
	reach := analysis.Reachability(ds, v)
	m, err := FitResponseRates(ds, past, "generation", 50, 0.02)
	if err != nil {
		b.Fatal(err)
	}
	spec := CampaignSpec{Name: "bench", Channels: channels, Value: 40, Budget: 20000, Control: 0.1}
	b.ResetTimer()
	for b.Loop() {
		p, err := PlanCampaign(ds, reach, m, spec)
		if err != nil || p.Target.Count() == 0 {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlanOneChannel: funnel, control hashes and allocation, e-mail.
func BenchmarkPlanOneChannel(b *testing.B) {
	benchPlan(b, []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.05}})
}

// BenchmarkPlanFourChannels: the same over all four channels at once.
func BenchmarkPlanFourChannels(b *testing.B) {
	benchPlan(b, []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.05}, {Channel: campaign.ChannelSMS, Cost: 0.08}, {Channel: campaign.ChannelPhone, Cost: 2.5}, {Channel: campaign.ChannelPost, Cost: 0.65}})
}
