package sample

import (
	"math"
	"math/rand/v2"
)

// demographics completes a person whose household, birth, gender, marital
// status and children are known: income, digital reachability, buyer type,
// sign-up, channels and consents. The order of draws matters for determinism
// only within a household stream.
func (w *world) demographics(r *rand.Rand, p *person) {
	band := w.neighbourhoods[p.nb].band
	// Income: log-normal around the neighbourhood band's median, with an age
	// curve (students, a career peak in the fifties, pensions after 66).
	ln := math.Log(bandMedianIncome[band]) + incomeAgeEffect(p.age) + 0.42*r.NormFloat64()
	if p.gender == female {
		ln -= 0.08
	}
	if p.livesWithParents {
		ln -= 0.3
	}
	p.income = round2(math.Exp(ln))
	p.incomeKnown = !chance(r, 0.03)

	digital(r, p, band)
	p.btype = chooseBuyerType(r, p)
	b := &behaviours[p.btype]
	p.loyalty = chance(r, b.loyalty)
	p.acquisition = pick(r, b.acquisition)
	if !p.internet && p.acquisition != 0 && p.acquisition != 3 && p.acquisition != 5 {
		p.acquisition = 0 // no website, social or marketplace sign-up without internet
	}

	// Sign-up: the customer file grows over time (density rising linearly
	// from 2012), and nobody signs up before turning 18.
	span := float64(historyEnd - 14 - firstSignup)
	p.signup = firstSignup + int(span*math.Sqrt(r.Float64()))
	if adult := addYears(p.birth, 18); p.signup < adult {
		p.signup = min(historyEnd-1, adult+r.IntN(400))
	}
	consents(r, p)
}

func incomeAgeEffect(age int) float64 {
	switch {
	case age < 23:
		return -0.55
	case age < 30:
		return -0.2
	case age < 40:
		return 0
	case age < 55:
		return 0.12
	case age < 67:
		return 0.08
	}
	return -0.25
}

// digital draws devices and contact data. Reachability falls with age: the
// share owning a smartphone halves around 76, and e-mail follows internet use.
func digital(r *rand.Rand, p *person, band int) {
	a := float64(p.age)
	pSmart := 0.985 * logistic((76-a)/8)
	if band <= 1 {
		pSmart = math.Min(0.99, pSmart+0.03)
	}
	p.smartphone = chance(r, pSmart)
	if p.smartphone {
		p.internet = chance(r, 0.96)
	} else {
		p.internet = chance(r, 0.55*logistic((72-a)/7))
	}
	hasEmail := chance(r, 0.12)
	if p.internet {
		hasEmail = chance(r, 0.94)
	}
	switch {
	case hasEmail:
		p.email = validEmail
		malformed := 0.03
		if p.age >= 60 {
			malformed = 0.07 // addresses typed at the till
		}
		if chance(r, malformed) {
			p.email = malformedEmail
		}
	case chance(r, 0.1):
		p.email = placeholderEmail
	}
	p.emailStyle = r.IntN(5)
	p.emailDomain = pick(r, emailDomainWeights)
	p.emailNum = between(r, 1, 99)
	switch {
	case p.smartphone && !(p.age >= 65 && chance(r, 0.1)):
		p.phone = mobilePhone
	case chance(r, 0.5):
		p.phone = mobilePhone // a basic mobile phone
	case chance(r, map65(p.age, 0.35, 0.85)):
		p.phone = landlinePhone
	}
	if p.phone == mobilePhone {
		p.phoneNum = 10_000_000 + r.IntN(89_999_999)
	}
}

// map65 returns young below 45, old from 65, linearly in between.
func map65(age int, young, old float64) float64 {
	t := clamp(float64(age-45)/20, 0, 1)
	return young + t*(old-young)
}

// consents draws consent per channel (given at sign-up or later), bounces,
// unsubscriptions and the preferred contact channel.
func consents(r *rand.Rand, p *person) {
	pr := [numContactChannels]float64{}
	if p.email == validEmail || p.email == malformedEmail {
		pr[chEmail] = clamp(0.72-0.0055*float64(p.age-18), 0.3, 0.72)
		if p.loyalty {
			pr[chEmail] += 0.12
		}
	}
	if p.phone == mobilePhone {
		pr[chSMS] = 0.42
		if p.btype == FrequentValue {
			pr[chSMS] += 0.15
		}
	}
	if p.phone != noPhone {
		pr[chPhone] = map65(p.age, 0.22, 0.4)
		if p.btype == Traditional {
			pr[chPhone] += 0.1
		}
	}
	pr[chPost] = map65(p.age, 0.3, 0.55)
	if p.btype == LuxurySocial {
		pr[chPost] += 0.15
	}
	for ch := range numContactChannels {
		if chance(r, pr[ch]) {
			p.consent[ch] = true
			p.consentDay[ch] = p.signup
			if !chance(r, 0.65) {
				p.consentDay[ch] = between(r, p.signup, historyEnd)
			}
		}
	}
	switch p.email {
	case malformedEmail:
		p.bounced = chance(r, 0.9)
	case validEmail:
		p.bounced = chance(r, 0.025)
	}
	if p.consent[chEmail] && chance(r, 0.08) {
		p.consent[chEmail], p.consentDay[chEmail] = false, 0
		p.unsubscribed = true
	}
	// Preferred contact channel: among those with contact data, consented
	// ones first; younger people prefer e-mail and SMS, older phone and post.
	p.preferred = -1
	if chance(r, 0.12) {
		return // never asked
	}
	var wts [numContactChannels]float64
	if p.email == validEmail {
		wts[chEmail] = map65(p.age, 3, 0.8)
	}
	if p.phone == mobilePhone {
		wts[chSMS] = map65(p.age, 1.8, 0.6)
	}
	if p.phone != noPhone {
		wts[chPhone] = map65(p.age, 0.5, 2.5)
	}
	wts[chPost] = map65(p.age, 0.4, 2)
	for ch := range numContactChannels {
		if p.consent[ch] {
			wts[ch] *= 3
		}
	}
	p.preferred = pick(r, wts[:])
}
