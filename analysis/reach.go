package analysis

import (
	"github.com/pulpero/pulpero/model/campaign"

	"fmt"
	"strings"

	"github.com/pulpero/pulpero/model"
)

var consentRole = [campaign.NumChannels]model.Role{model.RoleConsentEmail, model.RoleConsentSMS, model.RoleConsentPhone, model.RoleConsentPost}

// ValidAddresses holds, per row, whether the row's address or number is
// well-formed for each channel (read from the personal columns by store, see
// store.ContactValidity, whose fields match these). Nil: no such column.
type ValidAddresses struct {
	Email, SMS, Phone, Post model.Bitset
}

func (v ValidAddresses) of(c campaign.Channel) model.Bitset {
	return [campaign.NumChannels]model.Bitset{v.Email, v.SMS, v.Phone, v.Post}[c]
}

// ChannelReach is who can be contacted on one channel and why not the others.
// Reachable and the four reason sets partition the rows.
type ChannelReach struct {
	Channel campaign.Channel
	// Consent is the consent column's name; "" means the data has none, and
	// then nobody is reachable on the channel: consent is never assumed.
	Consent   string
	Reachable model.Bitset
	Why       [campaign.ReasonBounced + 1]model.Bitset // indexed by the reachability reasons
}

// Reach is reachability over every channel, plus the digital and bridge sets.
type Reach struct {
	Rows     int
	Channels [campaign.NumChannels]ChannelReach
	// Digital: reachable on e-mail or SMS. Bridge: not digital, but in a
	// household with someone who is (nil when the data has no household).
	Digital, Bridge model.Bitset
	Notes           []string // what each rule read, for the screen and the manifest
}

// Reachability decides, for every customer and channel: consent given (a
// consent column whose value is yes; NULL and no are no consent), not
// unsubscribed (an unsubscribed column counts for every channel unless its
// name says it is about e-mail), a well-formed address for the channel (for
// post also a postcode, when the data has a postcode column), and for e-mail
// not bounced. The first failing check is the customer's reason.
func Reachability(ds *model.Dataset, valid ValidAddresses) *Reach {
	n := ds.Rows()
	r := &Reach{Rows: n}
	unsub := yesRows(ds.ByRole(model.RoleUnsubscribed), n)
	unsubEmailOnly := false
	if c := ds.ByRole(model.RoleUnsubscribed); c != nil {
		name := strings.ToLower(c.Meta().Name)
		unsubEmailOnly = strings.Contains(name, "mail") || strings.Contains(name, "correo")
		r.Notes = append(r.Notes, fmt.Sprintf("unsubscribed: %s = yes (applies to %s)", c.Meta().Name,
			map[bool]string{true: "e-mail only", false: "every channel"}[unsubEmailOnly]))
	}
	bounced := yesRows(ds.ByRole(model.RoleEmailBounced), n)
	for ch := range campaign.NumChannels {
		cr := ChannelReach{Channel: ch}
		left := model.FullBitset(n) // not yet given a reason
		take := func(reason campaign.Reason, rows model.Bitset) {
			set := left.Clone().And(rows)
			cr.Why[reason] = set
			left.AndNot(set)
		}
		consentCol := ds.ByRole(consentRole[ch])
		consent := yesRows(consentCol, n)
		if consentCol != nil {
			cr.Consent = consentCol.Meta().Name
		}
		take(campaign.ReasonNoConsent, model.FullBitset(n).AndNot(consent))
		if unsubEmailOnly && ch != campaign.ChannelEmail {
			take(campaign.ReasonUnsubscribed, model.NewBitset(n))
		} else {
			take(campaign.ReasonUnsubscribed, unsub)
		}
		addr := valid.of(ch)
		if addr == nil {
			addr = model.NewBitset(n)
		}
		if pc := ds.ByRole(model.RolePostcode); ch == campaign.ChannelPost && pc != nil {
			// a letter needs its postcode as much as its street
			addr = addr.Clone().AndNot(Nulls(pc))
		}
		take(campaign.ReasonInvalidAddress, model.FullBitset(n).AndNot(addr))
		if ch == campaign.ChannelEmail {
			take(campaign.ReasonBounced, bounced)
		} else {
			take(campaign.ReasonBounced, model.NewBitset(n))
		}
		cr.Reachable = left
		r.Channels[ch] = cr
		if cr.Consent == "" {
			r.Notes = append(r.Notes, fmt.Sprintf("%s: no consent column, so nobody is reachable", ch))
		}
	}
	r.Digital = r.Channels[campaign.ChannelEmail].Reachable.Clone().Or(r.Channels[campaign.ChannelSMS].Reachable)
	r.Bridge = bridges(ds.ByRole(model.RoleHousehold), r.Digital, n)
	return r
}

// yesRows returns the rows where a yes/no column says yes: code "yes" of a
// boolean, a dictionary value read as yes, or the number 1 (a 2 or a -1 in a
// consent column is not a clear yes, and consent is never guessed). NULL is
// never yes. A missing column gives the empty set.
func yesRows(c model.Column, n int) model.Bitset {
	out := model.NewBitset(n)
	switch x := c.(type) {
	case *model.CodedColumn:
		yes := make([]bool, len(x.Dict))
		for i, d := range x.Dict {
			yes[i], _ = ParseYesNo(d)
		}
		for i, k := range x.Codes {
			if k >= 0 && yes[k] {
				out.Set(i)
			}
		}
	case *model.NumberColumn:
		for i, v := range x.Values {
			if v == 1 && !x.Nulls.Has(i) {
				out.Set(i)
			}
		}
	}
	return out
}

// bridges returns the rows not in digital whose household holds a row in
// digital; nil when there is no household column.
func bridges(c model.Column, digital model.Bitset, n int) model.Bitset {
	switch x := c.(type) {
	case *model.NumberColumn:
		return bridgeBy(digital, n, func(i int) (float64, bool) { return x.Values[i], !x.Nulls.Has(i) })
	case *model.CodedColumn:
		return bridgeBy(digital, n, func(i int) (int32, bool) { return x.Codes[i], x.Codes[i] >= 0 })
	case *model.TextColumn:
		return bridgeBy(digital, n, func(i int) (string, bool) { return x.Values[i], !x.Nulls.Has(i) })
	}
	return nil
}

func bridgeBy[K comparable](digital model.Bitset, n int, key func(i int) (K, bool)) model.Bitset {
	has := map[K]bool{}
	digital.ForEach(func(i int) {
		if k, ok := key(i); ok {
			has[k] = true
		}
	})
	out := model.NewBitset(n)
	for i := range n {
		if digital.Has(i) {
			continue
		}
		if k, ok := key(i); ok && has[k] {
			out.Set(i)
		}
	}
	return out
}
