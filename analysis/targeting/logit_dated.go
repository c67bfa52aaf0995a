package targeting

import (
	"strings"

	"github.com/pulpero/pulpero/model"
)

// A response model learns from past contacts, so a feature must hold what was
// true on each contact's day. Reachability (consent, opt-outs, bounces) is
// read from today's data, and a campaign may itself have changed it (an
// unsubscription after a mailing): fitted as it is, later information would
// leak into the model. So the attributes made from today's reachability are
// never fitted, and consent enters instead as of each contact's day where the
// data dates it (a consent_email_date beside consent_email): that is
// ConsentAtContact.

// ConsentAtContact is the name of the dated feature: e-mail or SMS consent
// given on or before the contact's day, by the consent columns' dates.
const ConsentAtContact = "digital_consent_at_contact"

// todayOnly are the derived attributes read from today's reachability
// (analysis.AddReachability): never fitted.
func todayOnly(name string) bool {
	n := strings.ToLower(name)
	return n == "digitally_valid" || n == "bridge" || strings.HasPrefix(n, "reachable_")
}

// datedConsent reads ConsentAtContact: consent columns with their dates.
type datedConsent struct {
	consent, date []model.Column
}

// findDatedConsent pairs the e-mail and SMS consent columns with their date
// columns (named after them: consent_email_date, consent_email_at,
// fecha_consent_email, ...). ok is false when none has a date.
func findDatedConsent(ds *model.Dataset) (datedConsent, bool) {
	var out datedConsent
	for _, role := range []model.Role{model.RoleConsentEmail, model.RoleConsentSMS} {
		c := ds.ByRole(role)
		if c == nil {
			continue
		}
		if d := dateBeside(ds, c.Meta().Name); d != nil {
			out.consent, out.date = append(out.consent, c), append(out.date, d)
		}
	}
	return out, len(out.consent) > 0
}

// dateBeside finds the date column named after column name.
func dateBeside(ds *model.Dataset, name string) model.Column {
	n := strings.ToLower(name)
	for _, c := range ds.Columns {
		k := c.Meta().Kind
		if k != model.KindDate && k != model.KindDateTime {
			continue
		}
		m := strings.ToLower(c.Meta().Name)
		rest, after := strings.CutPrefix(m, n)
		if after && (strings.Contains(rest, "date") || strings.Contains(rest, "fecha") || rest == "_at" || rest == "_on") ||
			m == "fecha_"+n || m == "date_"+n {
			return c
		}
	}
	return nil
}

// at reports whether row had consent on day (days since 1970-01-01): a consent
// column reads a clear yes today and its date is known and not after day.
// A contact of unknown day (day < 0) is never counted as consented.
func (d datedConsent) at(row int, day int64) bool {
	if day < 0 {
		return false
	}
	for k, c := range d.consent {
		if !consentYes(c, row) {
			continue
		}
		dc, ok := d.date[k].(*model.NumberColumn)
		if !ok || dc.IsNull(row) {
			continue
		}
		v := int64(dc.Values[row])
		if dc.Kind == model.KindDateTime {
			v = floorDiv(v, 86400)
		}
		if v <= day {
			return true
		}
	}
	return false
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// consentYes: a clear yes (model.ConsentGiven), or the number 1.
func consentYes(c model.Column, row int) bool {
	switch x := c.(type) {
	case *model.CodedColumn:
		v, ok := x.Value(row)
		return ok && model.ConsentGiven(v)
	case *model.NumberColumn:
		return !x.IsNull(row) && x.Values[row] == 1
	}
	return false
}

// names lists the consent columns and their dates, for Describe.
func (d datedConsent) names() model.Sentence {
	var s []any
	for k, c := range d.consent {
		s = append(s, model.Say("%s by %s", c.Meta().Name, d.date[k].Meta().Name))
	}
	return list(s)
}
