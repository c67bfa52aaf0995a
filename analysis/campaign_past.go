package analysis

import "github.com/pulpero/pulpero/model"

// PastCampaign is what the response model needs of one earlier campaign.
type PastCampaign struct {
	Channel string // as the data writes it; unknown names are ignored
	Day     int64  // days since 1970-01-01, -1 unknown
}

// MatchPastContacts turns a campaign history read column by column (one
// entry per contact: its campaign's index, customer id, control flag and
// response) into PastContacts matched to ds's rows. With sinceDay ≥ 0 only
// campaigns on or after that day count, so an owner can leave out years
// when the shop, or its customers, were different; campaigns of unknown date
// then count too, since nothing says they are old.
func MatchPastContacts(ds *model.Dataset, campaigns []PastCampaign, campaignOf []int32, customerIDs []int64,
	control, responded []bool, sinceDay int64) *PastContacts {
	keep := make([]bool, len(campaigns))
	channel := make([]Channel, len(campaigns))
	for k, c := range campaigns {
		keep[k] = sinceDay < 0 || c.Day < 0 || c.Day >= sinceDay
		ch, known := ParseChannel(c.Channel)
		if !known {
			ch = -1
		}
		channel[k] = ch
	}
	var ids []int64
	var idx []int
	for i, k := range campaignOf {
		if keep[k] {
			ids, idx = append(ids, customerIDs[i]), append(idx, i)
		}
	}
	p := &PastContacts{Row: RowsOfCustomerIDs(ds, ids), Channel: make([]Channel, len(idx)), Day: make([]int64, len(idx)),
		Control: make([]bool, len(idx)), Responded: make([]bool, len(idx))}
	for j, i := range idx {
		k := campaignOf[i]
		p.Channel[j], p.Day[j], p.Control[j], p.Responded[j] = channel[k], campaigns[k].Day, control[i], responded[i]
	}
	return p
}

// Defaults of a campaign's response model and control group, shared by the
// export command's flags and the Campaign screen so both plan alike.
const (
	DefaultResponseRate   = 0.02 // for a channel with no campaign history
	DefaultPriorContacts  = 50   // shrinkage of group rates to the channel rate
	DefaultControlPercent = 10
)
