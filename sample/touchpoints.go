package sample

import (
	"math"
	"math/rand/v2"
	"slices"
)

// touch is one recorded contact between a customer and the shop.
type touch struct {
	day       int
	kind      string
	channel   string
	sentiment float64 // NaN: none (opens, clicks and visits carry no text)
}

var socialNetworks = []string{"instagram", "facebook", "tiktok"}

// touchpoints regenerates p's touchpoints, in date order, from p's touch
// stream and p's invoices. The buyer types leave distinct traces: researchers
// visit the website in the weeks before each purchase; luxury buyers' purchases
// follow social mentions and reviews; traditional buyers call the call centre.
func touchpoints(r *rand.Rand, p *person, invs []invoice, buf []touch) []touch {
	buf = buf[:0]
	lo := max(p.signup, historyStart)
	if lo > historyEnd {
		return buf
	}
	years := float64(historyEnd-lo+1) / 365.25
	add := func(day int, kind, ch string, sent float64) {
		if day >= lo && day <= historyEnd {
			buf = append(buf, touch{day: day, kind: kind, channel: ch, sentiment: sent})
		}
	}
	web := func() string {
		if p.smartphone && chance(r, 0.4) {
			return "app"
		}
		return "web"
	}
	none := math.NaN()
	t := p.btype
	if p.reachable(chEmail) {
		opens := [numBuyerTypes]float64{3, 2, 1.5, 0.8}[t]
		clicks := [numBuyerTypes]float64{0.25, 0.4, 0.2, 0.1}[t]
		for range poisson(r, opens*years*gamma2(r)) {
			d := between(r, lo, historyEnd)
			add(d, "email_open", "email", none)
			if chance(r, clicks) {
				add(d, "email_click", "email", none)
			}
		}
	}
	if p.internet {
		visits := [numBuyerTypes]float64{0.8, 1.5, 1, 0.2}[t]
		for range poisson(r, visits*years) {
			add(between(r, lo, historyEnd), "web_visit", web(), none)
		}
	}
	for _, inv := range invs {
		switch t {
		case Researcher:
			for range 2 + poisson(r, 3) {
				add(inv.day-between(r, 3, 45), "web_visit", web(), none)
			}
			if chance(r, 0.25) {
				add(inv.day+between(r, 3, 30), "review", "web", sentiment(r, 0.35, 0.45))
			}
		case LuxurySocial:
			for range 1 + poisson(r, 1) {
				if chance(r, 0.6) {
					add(inv.day-between(r, 1, 21), "social_mention", socialNetworks[r.IntN(3)], sentiment(r, 0.55, 0.3))
				} else {
					add(inv.day-between(r, 1, 21), "review", "web", sentiment(r, 0.5, 0.3))
				}
			}
		}
	}
	if t != LuxurySocial && p.internet {
		for range poisson(r, 0.1*years) {
			add(between(r, lo, historyEnd), "social_mention", socialNetworks[r.IntN(3)], sentiment(r, 0.1, 0.5))
		}
	}
	calls := [numBuyerTypes]float64{0.15, 0.1, 0.2, 0.8}[t]
	for range poisson(r, calls*years) {
		add(between(r, lo, historyEnd), "call_centre", "phone", sentiment(r, -0.15, 0.45))
	}
	slices.SortStableFunc(buf, func(a, b touch) int { return a.day - b.day })
	return buf
}

// sentiment draws a score in [-1, 1] rounded to hundredths.
func sentiment(r *rand.Rand, mean, sd float64) float64 {
	return round2(clamp(mean+sd*r.NormFloat64(), -1, 1))
}
