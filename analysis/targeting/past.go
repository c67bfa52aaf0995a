package targeting

import (
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
)

// PastCampaign is what the response model needs of one earlier campaign.
type PastCampaign struct {
	Channel string // as the data writes it; unknown names are ignored
	Day     int64  // days since 1970-01-01, -1 unknown
}

// MatchPastContacts turns a campaign history read column by column (one
// entry per contact: its campaign's index, customer id, control flag and
// response) into PastContacts matched to ds's rows.
func MatchPastContacts(ds *model.Dataset, campaigns []PastCampaign, campaignOf []int32, customerIDs []int64,
	control, responded []bool) *PastContacts {
	p := &PastContacts{Row: RowsOfCustomerIDs(ds, customerIDs), Channel: make([]campaign.Channel, len(campaignOf)),
		Day: make([]int64, len(campaignOf)), Control: control, Responded: responded}
	channel := make([]campaign.Channel, len(campaigns))
	for k, c := range campaigns {
		ch, known := campaign.ParseChannel(c.Channel)
		if !known {
			ch = -1
		}
		channel[k] = ch
	}
	for i, k := range campaignOf {
		p.Channel[i], p.Day[i] = channel[k], campaigns[k].Day
	}
	return p
}

// Since keeps the contacts of campaigns on or after day, so an owner can
// leave out years when the shop, or its customers, were different. Contacts
// of unknown date stay, since nothing says they are old; day < 0 keeps all.
func (p *PastContacts) Since(day int64) *PastContacts {
	if p == nil || day < 0 {
		return p
	}
	out := &PastContacts{}
	for i := range p.Len() {
		if d := p.Day[i]; d < 0 || d >= day {
			out.Row, out.Channel, out.Day = append(out.Row, p.Row[i]), append(out.Channel, p.Channel[i]), append(out.Day, d)
			out.Control, out.Responded = append(out.Control, p.Control[i]), append(out.Responded, p.Responded[i])
		}
	}
	return out
}
