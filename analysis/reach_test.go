package analysis

import (
	"math/rand/v2"

	"github.com/pulpero/pulpero/model/campaign"

	"slices"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// reachFixture: 6 customers in 3 households.
//
//	row  consent_email consent_sms unsubscribed email_bounced valid email valid sms household
//	0    yes           no          no           no            yes         yes       1
//	1    no            no          no           no            yes         yes       1   → bridge
//	2    yes           yes         yes          no            yes         yes       2
//	3    yes           no          no           yes           yes         no        2
//	4    yes           yes         no           no            no          yes       3
//	5    NULL          no          no           no            yes         no        3   → bridge (4 by SMS)
func reachFixture() (*model.Dataset, ValidAddresses) {
	yesno := func(name string, role model.Role, codes ...int32) *model.CodedColumn {
		return &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: name, Kind: model.KindBoolean, Role: role},
			Codes: codes, Dict: model.BoolDict}
	}
	hh := model.NewNumberColumn(model.ColumnMeta{Name: "household_id", Kind: model.KindInteger, Role: model.RoleHousehold}, 6)
	for i, v := range []float64{1, 1, 2, 2, 3, 3} {
		hh.SetValue(i, v)
	}
	ds := &model.Dataset{Table: "customers", RowIDs: []int64{1, 2, 3, 4, 5, 6}, Columns: []model.Column{
		yesno("consent_email", model.RoleConsentEmail, 1, 0, 1, 1, 1, -1),
		yesno("consent_sms", model.RoleConsentSMS, 0, 0, 1, 0, 1, 0),
		yesno("unsubscribed", model.RoleUnsubscribed, 0, 0, 1, 0, 0, 0),
		yesno("email_bounced", model.RoleEmailBounced, 0, 0, 0, 1, 0, 0),
		hh,
	}}
	set := func(rows ...int) model.Bitset {
		b := model.NewBitset(6)
		for _, r := range rows {
			b.Set(r)
		}
		return b
	}
	return ds, ValidAddresses{Email: set(0, 1, 2, 3, 5), SMS: set(0, 1, 2, 4), Phone: set(0, 1, 2, 4)}
}

func TestReachability(t *testing.T) {
	ds, valid := reachFixture()
	r := AddReachability(ds, valid)
	wantEmail := []int{0}
	if got := r.Channels[campaign.ChannelEmail].Reachable.Rows(-1); !slices.Equal(got, wantEmail) {
		t.Errorf("email reachable %v, want %v", got, wantEmail)
	}
	if got := r.Channels[campaign.ChannelSMS].Reachable.Rows(-1); !slices.Equal(got, []int{4}) {
		t.Errorf("sms reachable %v, want [4]", got)
	}
	for row, want := range []campaign.Reason{campaign.ReasonNone, campaign.ReasonNoConsent, campaign.ReasonUnsubscribed, campaign.ReasonBounced, campaign.ReasonInvalidAddress, campaign.ReasonNoConsent} {
		if got := r.Why(campaign.ChannelEmail, row); got != want {
			t.Errorf("row %d e-mail reason %q, want %q", row, got, want)
		}
	}
	if got := r.Digital.Rows(-1); !slices.Equal(got, []int{0, 4}) {
		t.Errorf("digital %v, want [0 4]", got)
	}
	if got := r.Bridge.Rows(-1); !slices.Equal(got, []int{1, 5}) {
		t.Errorf("bridge %v, want [1 5]", got)
	}
	// no consent column for phone or post: nobody, and no attribute
	if r.Channels[campaign.ChannelPhone].Reachable.Count() != 0 || ds.Column("reachable_phone") != nil {
		t.Errorf("phone has no consent column, yet reachable %d", r.Channels[campaign.ChannelPhone].Reachable.Count())
	}
	for _, name := range []string{"reachable_email", "reachable_sms", "digitally_valid", "bridge"} {
		if c, ok := ds.Column(name).(*model.CodedColumn); !ok || !c.Derived {
			t.Errorf("attribute %s missing", name)
		}
	}
	// the breakdown adds up, for everyone and for a subset
	for _, subset := range []model.Bitset{nil, {0b110110}} {
		for ch := range campaign.NumChannels {
			b := r.Breakdown(ch, subset)
			sum := b.Reachable
			for _, k := range b.Why {
				sum += k
			}
			if sum != b.Matching {
				t.Errorf("%s: breakdown %+v does not add up to %d", ch, b, b.Matching)
			}
		}
	}
}

func TestUnsubscribedEmailOnly(t *testing.T) {
	ds, valid := reachFixture()
	ds.Columns[2].Meta().Name = "email_unsubscribed"
	r := Reachability(ds, valid)
	if !r.Channels[campaign.ChannelSMS].Reachable.Has(2) {
		t.Errorf("an e-mail unsubscription blocked SMS")
	}
	if r.Channels[campaign.ChannelEmail].Reachable.Has(2) {
		t.Errorf("an e-mail unsubscription did not block e-mail")
	}
}

func TestReachByGroup(t *testing.T) {
	ds, valid := reachFixture()
	r := Reachability(ds, valid)
	groups := r.ByGroup(ds.Column("consent_sms").(*model.CodedColumn), nil)
	if len(groups) != 2 || groups[0].Group != "no" || groups[0].Size != 4 || groups[1].Size != 2 {
		t.Fatalf("groups %+v", groups)
	}
	if groups[1].Channels[campaign.ChannelSMS].Reachable != 1 || groups[0].Digital != 1 || groups[0].Bridge != 2 {
		t.Fatalf("yes group %+v, no group %+v", groups[1], groups[0])
	}
}

// TestBridgesByDenseKeyEqualTheMap: the bitset-indexed bridge gives the
// rows the map-keyed one gives, on random households.
func TestBridgesByDenseKeyEqualTheMap(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 4))
	for trial := range 20 {
		n := 500 + trial*37
		hh := model.NewNumberColumn(model.ColumnMeta{Name: "household_id", Kind: model.KindIdentifier}, n)
		digital := model.NewBitset(n)
		for i := range n {
			if r.IntN(10) > 0 {
				hh.SetValue(i, float64(1000+r.IntN(n/2)))
			}
			if r.IntN(3) == 0 {
				digital.Set(i)
			}
		}
		dense := bridgeByDenseKey(hh, digital, n)
		viaMap := bridgeBy(digital, n, func(i int) (float64, bool) { return hh.Values[i], !hh.Nulls.Has(i) })
		if dense == nil || !slices.Equal(dense, viaMap) {
			t.Fatalf("trial %d: dense and map bridges differ", trial)
		}
	}
}
