package analysis

import (
	"math"
	"time"

	"github.com/pulpero/pulpero/model/campaign"

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
	Consent string
	// OptOut and Bounced name the opt-out and bounce columns that apply to
	// the channel, so the export can check them again as it writes.
	OptOut, Bounced []string
	Reachable       model.Bitset
	Why             [campaign.NumReachReasons]model.Bitset // indexed by the reachability reasons
}

// Reach is reachability over every channel, plus the digital and bridge sets.
type Reach struct {
	Rows     int
	Channels [campaign.NumChannels]ChannelReach
	// Digital: reachable on e-mail or SMS. Bridge: not digital, but in a
	// household with someone who is (nil when the data has no household).
	Digital, Bridge model.Bitset
	Notes           []string // what each rule read, for the screen and the manifest
	// Said is Notes as sentences, for a person to read in their language.
	Said []model.Sentence
}

// note records what a rule read, in English and as a sentence.
func (r *Reach) note(s model.Sentence) {
	r.Said = append(r.Said, s)
	r.Notes = append(r.Notes, s.String())
}

// Reachability decides, for every customer and channel: consent given (a
// consent column, or a general marketing consent when the channel has none
// of its own, whose value is a clear yes: NULL, no and anything unclear are
// no consent), not opted out (every unsubscribed / do-not-contact column
// whose name does not restrict it to another channel; any value but a
// clear no counts, and a date counts from that day, ds.AsOf being today), a
// well-formed address for the channel (for post also a postcode, when the
// data has a postcode column), and for e-mail not bounced (any value but a
// clear no). The first failing check is the customer's reason.
func Reachability(ds *model.Dataset, valid ValidAddresses) *Reach {
	n := ds.Rows()
	r := &Reach{Rows: n}
	optOuts := ds.AllByRole(model.RoleUnsubscribed)
	bounces := ds.AllByRole(model.RoleEmailBounced)
	for _, c := range optOuts {
		scope := model.ScopeOfName(c.Meta().Name)
		r.note(model.Say("opted out: %s (%s; %s; applies to %s)", c.Meta().Name, model.Say(c.Meta().Kind.String()), optOutRule(c), scopeWords[scope]))
	}
	for _, c := range bounces {
		r.note(model.Say("bounced: %s (%s; %s; applies to e-mail)", c.Meta().Name, model.Say(c.Meta().Kind.String()), optOutRule(c)))
	}
	general := ds.ByRole(model.RoleConsentAny)
	for ch := range campaign.NumChannels {
		cr := ChannelReach{Channel: ch}
		left := model.FullBitset(n) // not yet given a reason
		take := func(reason campaign.Reason, rows model.Bitset) {
			set := left.Clone().And(rows)
			cr.Why[reason] = set
			left.AndNot(set)
		}
		consentCol := ds.ByRole(consentRole[ch])
		if consentCol == nil && general != nil {
			consentCol = general
		}
		consent := yesRows(consentCol, n)
		if consentCol != nil {
			cr.Consent = consentCol.Meta().Name
		}
		take(campaign.ReasonNoConsent, model.FullBitset(n).AndNot(consent))
		out := model.NewBitset(n)
		for _, c := range optOuts {
			if s := model.ScopeOfName(c.Meta().Name); s == model.ScopeAll || s == channelScope[ch] {
				out.Or(OptedOutRows(c, ds.AsOf))
				cr.OptOut = append(cr.OptOut, c.Meta().Name)
			}
		}
		take(campaign.ReasonUnsubscribed, out)
		addr := valid.of(ch)
		if addr == nil {
			addr = model.NewBitset(n)
		}
		if pc := ds.ByRole(model.RolePostcode); ch == campaign.ChannelPost && pc != nil {
			// a letter needs its postcode as much as its street
			addr = addr.Clone().AndNot(Nulls(pc))
		}
		take(campaign.ReasonInvalidAddress, model.FullBitset(n).AndNot(addr))
		bounced := model.NewBitset(n)
		if ch == campaign.ChannelEmail {
			for _, c := range bounces {
				bounced.Or(OptedOutRows(c, ds.AsOf))
				cr.Bounced = append(cr.Bounced, c.Meta().Name)
			}
		}
		take(campaign.ReasonBounced, bounced)
		cr.Reachable = left
		r.Channels[ch] = cr
		if cr.Consent == "" {
			r.note(model.Say("%s: no consent column, so nobody is reachable", model.Say(ch.String())))
		} else if consentCol == general && general != nil {
			r.note(model.Say("%s: general marketing consent %s = yes (no column of its own)", model.Say(ch.String()), general.Meta().Name))
		}
	}
	r.Digital = r.Channels[campaign.ChannelEmail].Reachable.Clone().Or(r.Channels[campaign.ChannelSMS].Reachable)
	r.Bridge = bridges(ds.ByRole(model.RoleHousehold), r.Digital, n)
	return r
}

var channelScope = [campaign.NumChannels]model.OptOutScope{model.ScopeEmail, model.ScopeSMS, model.ScopePhone, model.ScopePost}

var scopeWords = map[model.OptOutScope]model.Sentence{model.ScopeAll: model.Say("every channel"), model.ScopeEmail: model.Say("e-mail only"),
	model.ScopeSMS: model.Say("SMS only"), model.ScopePhone: model.Say("phone only"), model.ScopePost: model.Say("post only")}

// optOutRule says how an opt-out column's values are read.
func optOutRule(c model.Column) model.Sentence {
	switch c.Meta().Kind {
	case model.KindDate, model.KindDateTime:
		return model.Say("a date counts from that day")
	}
	return model.Say("any value but a clear no counts")
}

// yesRows returns the rows where a consent column gives consent: a value
// that is a clear yes (model.ConsentGiven), or the number 1 (a 2 or a -1 in
// a consent column is not a clear yes, and consent is never guessed). NULL
// and values that contradicted the column's kind are never yes. A missing
// column gives the empty set.
func yesRows(c model.Column, n int) model.Bitset {
	out := model.NewBitset(n)
	switch x := c.(type) {
	case *model.CodedColumn:
		yes := make([]bool, len(x.Dict))
		for i, d := range x.Dict {
			yes[i] = model.ConsentGiven(d)
		}
		for i, k := range x.Codes {
			if k >= 0 && yes[k] {
				out.Set(i)
			}
		}
	case *model.NumberColumn:
		if x.Kind == model.KindDate || x.Kind == model.KindDateTime {
			return out
		}
		for i, v := range x.Values {
			if v == 1 && !x.Nulls.Has(i) {
				out.Set(i)
			}
		}
	case *model.TextColumn:
		for i, v := range x.Values {
			if !x.Nulls.Has(i) && model.ConsentGiven(v) {
				out.Set(i)
			}
		}
	}
	return out
}

// OptedOutRows returns the rows an opt-out or bounce column takes out of
// reach (model.OptedOut's rule): any value but a clear no, and values that
// contradicted the column's kind ("unknown" in a 0/1 column); for a date, the
// days up to asOf (every dated row when asOf is zero). NULL is a clear no.
func OptedOutRows(c model.Column, asOf time.Time) model.Bitset {
	n := c.Len()
	out := model.NewBitset(n)
	switch x := c.(type) {
	case *model.CodedColumn:
		opted := make([]bool, len(x.Dict))
		for i, d := range x.Dict {
			opted[i] = model.OptedOut(d)
		}
		for i, k := range x.Codes {
			if k >= 0 && opted[k] {
				out.Set(i)
			}
		}
	case *model.NumberColumn:
		date := x.Kind == model.KindDate || x.Kind == model.KindDateTime
		today := asOf.Unix() / 86400
		for i, v := range x.Values {
			switch {
			case x.Nulls.Has(i):
			case !date:
				if v != 0 {
					out.Set(i)
				}
			case asOf.IsZero():
				out.Set(i)
			default:
				day := int64(v)
				if x.Kind == model.KindDateTime {
					day = int64(v) / 86400
				}
				if model.OptedOutOn(day, today) {
					out.Set(i)
				}
			}
		}
	case *model.TextColumn:
		for i, v := range x.Values {
			if !x.Nulls.Has(i) && model.OptedOut(v) {
				out.Set(i)
			}
		}
	}
	for _, r := range c.Meta().InvalidRows {
		if int(r) < n {
			out.Set(int(r)) // unreadable is not a clear no
		}
	}
	return out
}

// bridges returns the rows not in digital whose household holds a row in
// digital; nil when there is no household column.
func bridges(c model.Column, digital model.Bitset, n int) model.Bitset {
	switch x := c.(type) {
	case *model.NumberColumn:
		if b := bridgeByDenseKey(x, digital, n); b != nil {
			return b
		}
		return bridgeBy(digital, n, func(i int) (float64, bool) { return x.Values[i], !x.Nulls.Has(i) })
	case *model.CodedColumn:
		return bridgeBy(digital, n, func(i int) (int32, bool) { return x.Codes[i], x.Codes[i] >= 0 })
	case *model.TextColumn:
		return bridgeBy(digital, n, func(i int) (string, bool) { return x.Values[i], !x.Nulls.Has(i) })
	}
	return nil
}

// bridgeByDenseKey is bridges for whole-number household ids in a range not
// much wider than the table (the usual case): a bitset indexed by id instead
// of a map, several times faster on a million customers. nil when the ids
// do not allow it.
func bridgeByDenseKey(x *model.NumberColumn, digital model.Bitset, n int) model.Bitset {
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, v := range x.Values {
		if x.Nulls.Has(i) {
			continue
		}
		if v != math.Trunc(v) {
			return nil
		}
		lo, hi = min(lo, v), max(hi, v)
	}
	if lo > hi || hi-lo > float64(8*n+64) {
		return nil
	}
	has := model.NewBitset(int(hi-lo) + 1)
	digital.ForEach(func(i int) {
		if !x.Nulls.Has(i) {
			has.Set(int(x.Values[i] - lo))
		}
	})
	out := model.NewBitset(n)
	for i, v := range x.Values {
		if !x.Nulls.Has(i) && !digital.Has(i) && has.Has(int(v-lo)) {
			out.Set(i)
		}
	}
	return out
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
