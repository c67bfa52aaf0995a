package sample

import (
	"fmt"
	"strconv"
	"strings"
)

// customerRow fills row (len = customers columns) with p's values.
func (w *world) customerRow(p *person, row []any) {
	nb := &w.neighbourhoods[p.nb]
	row[0] = p.id
	row[1] = p.first + " " + p.last1 + " " + p.last2
	row[2] = genderValues[p.gender]
	row[3] = formatDate(p.birth)
	row[4] = maritalNames[p.marital]
	row[5] = int64(p.children)
	row[6] = nil
	if p.incomeKnown {
		row[6] = p.income
	}
	row[7] = zones[nb.zone]
	row[8] = nb.id
	row[9] = p.emailText()
	row[10], row[11] = nil, nil
	switch p.phone {
	case mobilePhone:
		row[10], row[11] = phoneText('6', p.phoneNum), "mobile"
	case landlinePhone:
		row[10], row[11] = phoneText('9', p.phoneNum), "landline"
	}
	row[12] = flag(p.smartphone)
	row[13] = flag(p.internet)
	for ch := range numContactChannels {
		row[14+2*ch] = flag(p.consent[ch])
		row[15+2*ch] = nil
		if p.consent[ch] {
			row[15+2*ch] = formatDate(p.consentDay[ch])
		}
	}
	row[22] = flag(p.bounced)
	row[23] = flag(p.unsubscribed)
	row[24] = p.address()
	row[25] = nb.postcode
	row[26] = formatDate(p.signup)
	row[27] = acquisitionChannels[p.acquisition]
	row[28] = nil
	if p.preferred >= 0 {
		row[28] = contactChannels[p.preferred]
	}
	row[29] = flag(p.loyalty)
	row[30] = p.household
}

func flag(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func phoneText(lead byte, n int) string {
	s := strconv.Itoa(n) // 8 digits
	return string(lead) + s[:2] + " " + s[2:5] + " " + s[5:]
}

func (p *person) address() string {
	if p.floor == 0 {
		return fmt.Sprintf("%s %d, bajo", streets[p.street], p.number)
	}
	return fmt.Sprintf("%s %d, %dº %c", streets[p.street], p.number, p.floor, p.door)
}

// emailText spells the address, or a broken one, or nil.
func (p *person) emailText() any {
	first, last, last2 := mailName(p.first), mailName(p.last1), mailName(p.last2)
	dom := emailDomains[p.emailDomain]
	switch p.email {
	case validEmail:
		switch p.emailStyle {
		case 0:
			return first + "." + last + "@" + dom
		case 1:
			return first + last + strconv.Itoa(p.emailNum) + "@" + dom
		case 2:
			return first[:1] + "." + last + "." + last2 + "@" + dom
		case 3:
			return first + "_" + last + "@" + dom
		}
		return first + strconv.Itoa(1950+p.emailNum%60) + "@" + dom
	case malformedEmail:
		switch p.emailStyle {
		case 0:
			return first + "." + last + "@@mail"
		case 1:
			return first + " " + last + "@" + dom
		case 2:
			return first + "." + last + "@" + dom[:strings.LastIndexByte(dom, '.')]
		case 3:
			return first + "." + last + "." + dom
		}
		return first + last + "@" + dom + ".."
	case placeholderEmail:
		return []string{"no-email", "none", "-", "sin correo", "no tiene"}[p.emailStyle]
	}
	return nil
}
