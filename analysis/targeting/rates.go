package targeting

import (
	"github.com/pulpero/pulpero/model/campaign"

	"fmt"
	"math"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// PastContacts are earlier campaign contacts, one entry per contact, already
// matched to rows of the dataset (Row -1: the customer is not in it).
type PastContacts struct {
	Row       []int32
	Channel   []campaign.Channel // -1 for a channel pulpero does not know
	Day       []int64            // days since 1970-01-01, -1 unknown
	Control   []bool             // held out then: not contacted
	Responded []bool
}

// Len is the number of contacts.
func (p *PastContacts) Len() int { return len(p.Row) }

// RowsOfCustomerIDs maps customer ids to dataset rows through the column with
// the customer-id role (-1 when unknown, or when there is no such column).
func RowsOfCustomerIDs(ds *model.Dataset, ids []int64) []int32 {
	out := make([]int32, len(ids))
	col, _ := ds.ByRole(model.RoleCustomerID).(*model.NumberColumn)
	byID := map[int64]int32{}
	if col != nil {
		for i, v := range col.Values {
			if !col.Nulls.Has(i) {
				byID[int64(v)] = int32(i)
			}
		}
	}
	for i, id := range ids {
		r, ok := byID[id]
		if !ok {
			r = -1
		}
		out[i] = r
	}
	return out
}

// RateCell is the response rate of treated (not control) contacts on one
// channel within one group, with its 95% Wilson interval and the rate after
// shrinkage to the channel's mean.
type RateCell struct {
	Group            string
	N, Responses     int
	Raw, Lo, Hi      float64
	Rate             float64 // used for customers of the group
	FromDefault      bool    // the channel has no history: Rate is the default
	ControlN         int     // control contacts, for the lift in the manifest
	ControlRate      float64 // response rate of the control group (buying anyway)
	ControlResponses int
}

// ResponseModel gives each customer a response probability per channel.
//
// Method: for each channel, the response rate of treated past contacts in
// each group of the By attribute, shrunk towards the channel's overall rate
// as if Prior contacts at that rate had been added: (r + Prior·p̄)/(n + Prior).
// Small groups thus lean on the channel mean and large ones on their own
// data. A channel with no history uses Default, and says so.
type ResponseModel struct {
	Method  string // "rates" (FitResponseRates) or "logistic" (FitLogisticResponse)
	By      string // grouping attribute, "" for none
	Prior   float64
	Default float64
	Channel [campaign.NumChannels]RateCell
	Groups  [campaign.NumChannels][]RateCell // indexed by code+1 of By (0: no value)
	// Uplift: Rate is the treated rate less the control rate (each shrunk
	// the same way), the chance of a response the contact itself causes.
	Uplift bool
	// Logit: the logistic model of each channel with history (Method
	// "logistic"); Prob reads its per-customer probabilities.
	Logit [campaign.NumChannels]*LogitFit
	// LeftOut: attributes asked of the logistic model but not fitted, being
	// known only as of today (digitally_valid: consent, opt-outs and bounces
	// now, not on the contacts' days).
	LeftOut []string

	codes []int32
	dated *datedConsent // ConsentAtContact's columns, when fitted
}

// FitResponseRates estimates the model from past contacts. by names a
// categorical or yes/no attribute ("" for channel rates only).
func FitResponseRates(ds *model.Dataset, past *PastContacts, by string, prior, defaultRate float64) (*ResponseModel, error) {
	m := &ResponseModel{Method: "rates", By: by, Prior: prior, Default: defaultRate}
	ngroups := 1
	if by != "" {
		c, ok := ds.Column(by).(*model.CodedColumn)
		if !ok {
			return nil, fmt.Errorf("--by %s: not a categorical attribute of the customers; give a column such as generation or gender", by)
		}
		m.By, m.codes, ngroups = c.Name, c.Codes, len(c.Dict)+1
		defer func() {
			for ch := range campaign.NumChannels {
				for g := range m.Groups[ch] {
					if g > 0 {
						m.Groups[ch][g].Group = c.Dict[g-1]
					}
				}
			}
		}()
	}
	for ch := range campaign.NumChannels {
		m.Groups[ch] = make([]RateCell, ngroups)
	}
	if past != nil {
		for i := range past.Len() {
			ch, row := past.Channel[i], past.Row[i]
			if ch < 0 || ch >= campaign.NumChannels || row < 0 {
				continue
			}
			g := 0
			if m.codes != nil {
				g = int(m.codes[row]) + 1
			}
			cells := []*RateCell{&m.Channel[ch], &m.Groups[ch][g]}
			for _, c := range cells {
				if past.Control[i] {
					c.ControlN++
					if past.Responded[i] {
						c.ControlResponses++
					}
					continue
				}
				c.N++
				if past.Responded[i] {
					c.Responses++
				}
			}
		}
	}
	for ch := range campaign.NumChannels {
		mean := &m.Channel[ch]
		mean.Group = "all"
		finishCell(mean, defaultRate, 0)
		for g := range m.Groups[ch] {
			finishCell(&m.Groups[ch][g], mean.Rate, prior)
			if m.Groups[ch][g].N == 0 {
				m.Groups[ch][g].FromDefault = mean.FromDefault
			}
		}
	}
	return m, nil
}

// finishCell computes the raw rate, the Wilson interval and the rate used:
// shrunk to base with weight prior (prior 0 and no data: base itself).
func finishCell(c *RateCell, base, prior float64) {
	if c.ControlN > 0 {
		c.ControlRate = float64(c.ControlResponses) / float64(c.ControlN)
	}
	if c.N == 0 {
		c.Rate, c.FromDefault = base, prior == 0
		return
	}
	c.Raw = float64(c.Responses) / float64(c.N)
	c.Lo, c.Hi = Wilson(c.Responses, c.N, 1.959964)
	c.Rate = (float64(c.Responses) + prior*base) / (float64(c.N) + prior)
}

// Wilson is the Wilson score interval of k successes in n trials at z.
func Wilson(k, n int, z float64) (lo, hi float64) {
	if n == 0 {
		return 0, 1
	}
	p, nf := float64(k)/float64(n), float64(n)
	den := 1 + z*z/nf
	mid := (p + z*z/(2*nf)) / den
	half := z * math.Sqrt(p*(1-p)/nf+z*z/(4*nf*nf)) / den
	return math.Max(0, mid-half), math.Min(1, mid+half)
}

// UseUplift turns every rate into the incremental one: treated minus control,
// both shrunk to their channel's rates, never below 0. Channels without a
// control group in the history keep their rate and say so in Describe.
func (m *ResponseModel) UseUplift() {
	m.Uplift = true
	m.logitUplift()
	for ch := range campaign.NumChannels {
		mean := &m.Channel[ch]
		if mean.ControlN == 0 {
			continue
		}
		for g := range m.Groups[ch] {
			c := &m.Groups[ch][g]
			ctl := (float64(c.ControlResponses) + m.Prior*mean.ControlRate) / (float64(c.ControlN) + m.Prior)
			c.Rate = max(0, c.Rate-ctl)
		}
		mean.Rate = max(0, mean.Rate-mean.ControlRate)
	}
}

// Prob is row's response probability on ch.
func (m *ResponseModel) Prob(ch campaign.Channel, row int) float64 {
	if f := m.Logit[ch]; f != nil && f.prob != nil {
		return float64(f.prob[row])
	}
	if m.codes == nil {
		return m.Groups[ch][0].Rate
	}
	return m.Groups[ch][m.codes[row]+1].Rate
}

// Describe says in one line per channel how the probability is estimated and
// how sure it is: Explain's parts, in English, joined by "; ".
func (m *ResponseModel) Describe(ch campaign.Channel) string {
	parts := m.Explain(ch)
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p.String()
	}
	return strings.Join(out, "; ")
}

// Explain is Describe in parts, as sentences a screen can say in the
// user's language (their arguments: the channel, numbers, attribute names,
// and sentences).
func (m *ResponseModel) Explain(ch campaign.Channel) []model.Sentence {
	c := m.Channel[ch]
	if c.FromDefault {
		return []model.Sentence{model.Say("%s: no campaign history; default rate %.2f%% (--rate)", ch, 100*m.Default)}
	}
	if m.Method == "logistic" {
		return m.explainLogit(ch)
	}
	s := []model.Sentence{model.Say("%s: %d past treated contacts, %.2f%% responded (95%% CI %.2f–%.2f%%)", ch, c.N, 100*c.Raw, 100*c.Lo, 100*c.Hi)}
	if c.ControlN > 0 {
		s = append(s, model.Say("control %.2f%% of %d", 100*c.ControlRate, c.ControlN))
	}
	if m.By != "" {
		s = append(s, model.Say("by %s, shrunk to the channel rate with a prior of %.0f contacts", m.By, m.Prior))
	}
	switch {
	case m.Uplift && c.ControlN > 0:
		s = append(s, model.Say("uplift: treated minus control"))
	case m.Uplift:
		s = append(s, model.Say("no control group in the history, so not uplift"))
	}
	return s
}

// ContactedSince returns the rows contacted (treated, not control) on any
// channel on or after day fromDay: the contact-fatigue set.
func ContactedSince(past *PastContacts, rows int, fromDay int64) model.Bitset {
	out := model.NewBitset(rows)
	if past == nil {
		return out
	}
	for i := range past.Len() {
		if r := past.Row[i]; r >= 0 && !past.Control[i] && past.Day[i] >= fromDay {
			out.Set(int(r))
		}
	}
	return out
}
