package analysis

import (
	"github.com/pulpero/pulpero/model/campaign"

	"fmt"

	"github.com/pulpero/pulpero/model"
)

// AddReachability computes Reachability and adds it to ds as derived yes/no
// attributes, so Explore and segment rules can use them like stored columns:
// reachable_email, reachable_sms, reachable_phone, reachable_post (each only
// when the data has a consent column for that channel), digitally_valid
// (when e-mail or SMS has one) and bridge (when there is also a household).
// Call it after Derive, with the validity store read from the personal
// columns (store.DB.ReadContactValidity).
func AddReachability(ds *model.Dataset, valid ValidAddresses) *Reach {
	r := Reachability(ds, valid)
	for ch := range campaign.NumChannels {
		cr := r.Channels[ch]
		if cr.Consent == "" {
			continue
		}
		note := fmt.Sprintf("%s = yes, a well-formed %s", cr.Consent, addressWord(ch))
		switch ch {
		case campaign.ChannelEmail:
			note += ", not bounced"
		}
		ds.Add(boolColumn("reachable_"+ch.String(), note+", not unsubscribed", cr.Reachable, ds.Rows()))
	}
	if r.Channels[campaign.ChannelEmail].Consent != "" || r.Channels[campaign.ChannelSMS].Consent != "" {
		ds.Add(boolColumn("digitally_valid", "reachable by e-mail or SMS", r.Digital, ds.Rows()))
		if r.Bridge != nil {
			ds.Add(boolColumn("bridge", "not digitally valid, but shares a household with someone who is", r.Bridge, ds.Rows()))
		}
	}
	return r
}

func addressWord(ch campaign.Channel) string {
	switch ch {
	case campaign.ChannelEmail:
		return "e-mail address"
	case campaign.ChannelSMS:
		return "mobile number"
	case campaign.ChannelPhone:
		return "phone number"
	}
	return "postal address"
}

// boolColumn turns a row set into a derived boolean attribute (never NULL:
// a customer is reachable or not).
func boolColumn(name, note string, rows model.Bitset, n int) *model.CodedColumn {
	c := &model.CodedColumn{
		ColumnMeta: model.ColumnMeta{Name: name, Kind: model.KindBoolean, Derived: true, Note: note},
		Codes:      make([]int32, n), Dict: append([]string(nil), model.BoolDict...)}
	rows.ForEach(func(i int) { c.Codes[i] = 1 })
	return c
}

// ReachCount is the two counts of a segment on one channel: how many match,
// how many can be contacted, and why the others cannot.
type ReachCount struct {
	Channel   campaign.Channel
	Matching  int
	Reachable int
	Why       [campaign.NumReachReasons]int // per reachability reason; sums with Reachable to Matching
}

// Breakdown counts subset (nil: everyone) on channel ch. It is a handful of
// word-wide AND-counts, cheap enough for every keystroke.
func (r *Reach) Breakdown(ch campaign.Channel, subset model.Bitset) ReachCount {
	cr := &r.Channels[ch]
	out := ReachCount{Channel: ch}
	if subset == nil {
		out.Matching, out.Reachable = r.Rows, cr.Reachable.Count()
		for k, set := range cr.Why {
			if set != nil {
				out.Why[k] = set.Count()
			}
		}
		return out
	}
	out.Matching, out.Reachable = subset.Count(), subset.AndCount(cr.Reachable)
	for k, set := range cr.Why {
		if set != nil {
			out.Why[k] = subset.AndCount(set)
		}
	}
	return out
}

// Why returns the reachability reason of row i on channel ch (campaign.ReasonNone
// when reachable).
func (r *Reach) Why(ch campaign.Channel, i int) campaign.Reason {
	for k, set := range r.Channels[ch].Why {
		if set != nil && set.Has(i) {
			return campaign.Reason(k)
		}
	}
	return campaign.ReasonNone
}
