package sample

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Household composition (share of households). Only customers are generated:
// a couple household is one where both partners are customers.
const (
	shareSingleHouseholds = 0.80 // one customer
	shareCouples          = 0.13 // two partners, both customers
	// the rest: a parent (sometimes both parents) with an adult child at home
)

// Generations by birth year and their shares among household anchors (the
// first adult drawn for a single or couple household). Adults only.
var generations = []struct {
	name     string
	from, to int // birth years, inclusive
	share    float64
}{
	{"baby boomers", 1935, 1964, 0.25},
	{"generation X", 1965, 1978, 0.27},
	{"millennials", 1979, 1996, 0.31},
	{"centennials", 1997, 2007, 0.17},
}

var generationShares = func() []float64 {
	s := make([]float64, len(generations))
	for i, g := range generations {
		s[i] = g.share
	}
	return s
}()

// population regenerates the customers in id order.
type population struct {
	w       *world
	s       *streams
	members [4]person
}

func newPopulation(w *world, seed uint64) *population {
	return &population{w: w, s: newStreams(seed)}
}

// each calls fn with customers 1..n in order; fn must not keep the pointer.
func (pop *population) each(n int, fn func(p *person) error) error {
	next := int64(1)
	for h := int64(1); next <= int64(n); h++ {
		r := pop.s.at(streamHousehold, uint64(h))
		members := pop.household(r, h, next, int64(n)-next+1)
		for i := range members {
			if err := fn(&members[i]); err != nil {
				return err
			}
		}
		next += int64(len(members))
	}
	return nil
}

// household draws one household of at most room customers, ids from first.
func (pop *population) household(r *rand.Rand, h, first, room int64) []person {
	w := pop.w
	base := person{household: h, nb: w.pickNeighbourhood(r), street: r.IntN(len(streets)),
		number: between(r, 1, 140), floor: between(r, 0, 9), door: byte('A' + r.IntN(4))}
	landline := 10_000_000 + r.IntN(89_999_999)
	var ms []person
	switch u := r.Float64(); {
	case u < shareSingleHouseholds:
		a := base
		a.birth = drawBirth(r)
		a.gender = drawGender(r)
		a.marital = soloMarital(r, ageAt(a.birth, today))
		ms = append(pop.members[:0], a)
	case u < shareSingleHouseholds+shareCouples:
		a, b := base, base
		a.birth = drawBirth(r)
		a.gender = drawGender(r)
		b.gender = partnerGender(r, a.gender)
		b.birth = partnerBirth(r, a)
		a.marital = married
		if chance(r, cohabitingShare(ageAt(a.birth, today))) {
			a.marital = cohabiting
		}
		b.marital = a.marital
		ms = append(pop.members[:0], a, b)
	default:
		child := base
		child.birth = daysFromCivil(between(r, 1988, 2007), 1, 1) + r.IntN(365)
		child.gender = drawGender(r)
		child.livesWithParents = true
		child.marital = single
		if chance(r, 0.06) {
			child.marital = divorced
		}
		p := base
		p.birth = child.birth - between(r, 22*365, 38*365)
		p.gender = drawGender(r)
		ms = append(pop.members[:0], p)
		if chance(r, 0.3) {
			q := base
			q.gender = partnerGender(r, p.gender)
			q.birth = partnerBirth(r, p)
			p.marital, q.marital = married, married
			ms = append(pop.members[:0], p, q)
		} else {
			ms[0].marital = []marital{single, divorced, widowed, married}[pick(r, loneParentMarital(ageAt(p.birth, today)))]
		}
		ms = append(ms, child)
	}
	if int64(len(ms)) > room {
		ms = ms[:room]
	}
	// Names: partners keep their own surnames; a child takes the parent's first.
	for i := range ms {
		m := &ms[i]
		m.id = first + int64(i)
		m.age = ageAt(m.birth, today)
		m.first = firstName(r, m.gender)
		m.last1, m.last2 = surnames[r.IntN(len(surnames))], surnames[r.IntN(len(surnames))]
		if m.livesWithParents {
			m.last1 = ms[0].last1
		}
		m.phoneNum = landline // shared by the household if it ends up a landline
	}
	kids := -1
	for i := range ms {
		m := &ms[i]
		switch {
		case m.livesWithParents:
			m.children = 0
			if chance(r, 0.05) {
				m.children = 1
			}
		case kids >= 0 && (m.marital == married || m.marital == cohabiting):
			m.children = kids // the partner's children are the same children
		default:
			m.children = drawChildren(r, m.age, m.marital)
			if i == 0 && len(ms) > 1 && ms[len(ms)-1].livesWithParents {
				m.children = max(1, m.children)
			}
			kids = m.children
		}
		pop.w.demographics(r, m)
	}
	return ms
}

// drawBirth draws an anchor's birth date: generation by share, then the year
// (older boomers rarer, as fewer of them are alive) and the day.
func drawBirth(r *rand.Rand) int {
	g := generations[pick(r, generationShares)]
	y := between(r, g.from, g.to)
	if g.from == 1935 {
		// density rising linearly from 1935 to 1964
		y = g.from + int(float64(g.to-g.from+1)*math.Sqrt(r.Float64()))
		y = min(y, g.to)
	}
	return daysFromCivil(y, 1, 1) + r.IntN(365)
}

func drawGender(r *rand.Rand) gender {
	return gender(pick(r, []float64{0.51, 0.475, 0.008, 0.007}))
}

func partnerGender(r *rand.Rand, g gender) gender {
	switch {
	case g == female && chance(r, 0.93):
		return male
	case g == male && chance(r, 0.93):
		return female
	}
	return drawGender(r)
}

// partnerBirth puts partners within a few years of each other, men slightly
// older on average, and keeps them adult.
func partnerBirth(r *rand.Rand, a person) int {
	gap := 3.5 * r.NormFloat64()
	if a.gender == female {
		gap -= 2
	} else if a.gender == male {
		gap += 2
	}
	b := a.birth + int(gap*365.25)
	return max(daysFromCivil(1932, 1, 1), min(b, daysFromCivil(2007, 12, 31)))
}

func cohabitingShare(age int) float64 {
	switch {
	case age < 35:
		return 0.5
	case age < 55:
		return 0.25
	}
	return 0.08
}

// soloMarital: the status of a customer whose partner, if any, is not a
// customer, by age band.
func soloMarital(r *rand.Rand, age int) marital {
	var w []float64 // single, married, cohabiting, divorced, widowed
	switch {
	case age < 30:
		w = []float64{0.70, 0.13, 0.15, 0.02, 0}
	case age < 45:
		w = []float64{0.30, 0.40, 0.17, 0.12, 0.01}
	case age < 65:
		w = []float64{0.15, 0.52, 0.08, 0.20, 0.05}
	default:
		w = []float64{0.08, 0.48, 0.04, 0.12, 0.28}
	}
	return marital(pick(r, w))
}

// loneParentMarital weights single, divorced, widowed, married (spouse not a
// customer) for a parent living with an adult child.
func loneParentMarital(age int) []float64 {
	if age >= 65 {
		return []float64{0.08, 0.3, 0.42, 0.2}
	}
	return []float64{0.15, 0.5, 0.1, 0.25}
}

// drawChildren: Poisson with a mean set by marital status and age.
func drawChildren(r *rand.Rand, age int, m marital) int {
	status := [...]float64{single: 0.25, married: 1.8, cohabiting: 1.0, divorced: 1.5, widowed: 2.1}[m]
	var ageF float64
	switch {
	case age < 25:
		ageF = 0.15
	case age < 30:
		ageF = 0.4
	case age < 35:
		ageF = 0.7
	case age < 45:
		ageF = 1.0
	default:
		ageF = 1.1
	}
	return min(7, poisson(r, status*ageF))
}

func firstName(r *rand.Rand, g gender) string {
	switch g {
	case female:
		return femaleNames[r.IntN(len(femaleNames))]
	case male:
		return maleNames[r.IntN(len(maleNames))]
	case otherGender:
		return otherNames[r.IntN(len(otherNames))]
	}
	if chance(r, 0.5) {
		return femaleNames[r.IntN(len(femaleNames))]
	}
	return maleNames[r.IntN(len(maleNames))]
}

// pickNeighbourhood draws a neighbourhood by population weight.
func (w *world) pickNeighbourhood(r *rand.Rand) int {
	u := r.Float64() * w.nbCum[len(w.nbCum)-1]
	return sort.SearchFloat64s(w.nbCum, u)
}
