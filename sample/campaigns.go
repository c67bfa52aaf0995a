package sample

import (
	"math"
	"math/rand/v2"
)

// campaign is one past marketing action. A share of the eligible customers
// was selected; of those, a control group was held out (not contacted) so the
// effect can be measured as treated minus control response.
type campaign struct {
	id      int64
	name    string
	channel int // contact channel
	day     int
	cost    float64 // per contact
	goal    string
	reach   float64 // share of eligible customers selected
}

var campaigns = []campaign{
	{1, "Winter sales reminder", chEmail, daysFromCivil(2024, 2, 5), 0.01, "seasonal sale", 0.6},
	{2, "Spring catalogue", chPost, daysFromCivil(2024, 3, 18), 0.65, "cross-sell", 0.4},
	{3, "Mother's Day offers", chSMS, daysFromCivil(2024, 4, 29), 0.05, "seasonal sale", 0.5},
	{4, "Join the loyalty club", chEmail, daysFromCivil(2024, 6, 10), 0.01, "loyalty signup", 0.7},
	{5, "We miss you", chPhone, daysFromCivil(2024, 9, 16), 2.4, "win-back", 0.35},
	{6, "New collection preview", chPost, daysFromCivil(2024, 10, 21), 0.7, "new collection", 0.4},
	{7, "Black Friday 2024", chEmail, daysFromCivil(2024, 11, 25), 0.01, "seasonal sale", 0.6},
	{8, "Black Friday flash", chSMS, daysFromCivil(2024, 11, 28), 0.05, "seasonal sale", 0.5},
	{9, "Spring catalogue 2025", chPost, daysFromCivil(2025, 3, 17), 0.68, "cross-sell", 0.4},
	{10, "Tech week", chEmail, daysFromCivil(2025, 5, 19), 0.01, "cross-sell", 0.5},
	{11, "Back to routine call", chPhone, daysFromCivil(2025, 9, 15), 2.5, "reactivation", 0.35},
	{12, "Black Friday 2025", chEmail, daysFromCivil(2025, 11, 24), 0.01, "seasonal sale", 0.6},
}

// controlShare of selected customers is held out as the control group.
const controlShare = 0.15

// Response probability without contact (baseRate: they buy anyway) and the
// extra probability contact adds (lift), by buyer type and channel
// (e-mail, SMS, phone, post). Frequent value buyers answer e-mail and SMS
// offers; luxury buyers a catalogue or a personal call; traditional buyers
// post and phone; researchers barely react to anything.
var baseRate = [numBuyerTypes][numContactChannels]float64{
	FrequentValue: {0.05, 0.05, 0.04, 0.03},
	Researcher:    {0.03, 0.02, 0.01, 0.01},
	LuxurySocial:  {0.03, 0.02, 0.03, 0.04},
	Traditional:   {0.02, 0.03, 0.05, 0.04},
}

var lift = [numBuyerTypes][numContactChannels]float64{
	FrequentValue: {0.07, 0.08, 0.03, 0.02},
	Researcher:    {0.02, 0.01, 0.0, 0.005},
	LuxurySocial:  {0.02, 0.01, 0.06, 0.08},
	Traditional:   {0.01, 0.02, 0.09, 0.08},
}

// revenueMedian of a response, by buyer type.
var revenueMedian = [numBuyerTypes]float64{35, 140, 320, 60}

// contact is one campaign_contacts row.
type contact struct {
	campaign  int64
	control   bool
	responded bool
	revenue   float64
}

// contacts regenerates p's campaign contacts from p's campaign stream.
func contacts(r *rand.Rand, p *person, buf []contact) []contact {
	buf = buf[:0]
	for i := range campaigns {
		c := &campaigns[i]
		if p.signup >= c.day || !p.reachable(c.channel) {
			continue
		}
		if c.goal == "loyalty signup" && p.loyalty {
			continue
		}
		if !chance(r, c.reach) {
			continue
		}
		ct := contact{campaign: c.id, control: chance(r, controlShare)}
		pr := baseRate[p.btype][c.channel]
		if !ct.control {
			pr += lift[p.btype][c.channel]
		}
		if p.loyalty {
			pr *= 1.2
		}
		if ct.responded = chance(r, pr); ct.responded {
			ct.revenue = round2(revenueMedian[p.btype] * math.Exp(0.5*r.NormFloat64()))
		}
		buf = append(buf, ct)
	}
	return buf
}
