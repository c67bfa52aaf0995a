package analysis

import (
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
)

// GroupReach is reachability within one value of an attribute (a generation,
// a zone): the Reachability view's rows.
type GroupReach struct {
	Group    string
	Size     int
	Channels [campaign.NumChannels]ReachCount
	Digital  int
	Bridge   int
}

// ByGroup breaks reachability down by the values of a categorical or yes/no
// attribute, within subset (nil: everyone); customers with no value form a
// last group named "(empty)" when there are any.
func (r *Reach) ByGroup(c *model.CodedColumn, subset model.Bitset) []GroupReach {
	var out []GroupReach
	for code := int32(-1); code < int32(len(c.Dict)); code++ {
		var rows model.Bitset
		name := "(empty)"
		if code < 0 {
			rows = CodesNull(c)
		} else {
			rows, name = CodesIn(c, []int32{code}), c.Dict[code]
		}
		if subset != nil {
			rows.And(subset)
		}
		g := GroupReach{Group: name, Size: rows.Count(), Digital: rows.AndCount(r.Digital)}
		if g.Size == 0 {
			continue
		}
		if r.Bridge != nil {
			g.Bridge = rows.AndCount(r.Bridge)
		}
		for ch := range campaign.NumChannels {
			g.Channels[ch] = r.Breakdown(ch, rows)
		}
		out = append(out, g)
	}
	// the empty group was built first; show it last
	if len(out) > 1 && out[0].Group == "(empty)" {
		out = append(out[1:], out[0])
	}
	return out
}
