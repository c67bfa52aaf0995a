package store

import (
	"time"

	"github.com/pulpero/pulpero/model"
)

// reachJudge decides again, from the values read with a row's contact,
// whether the row may be contacted on its channel, by the rules the loaded
// columns were judged by (model.ConsentGiven, model.OptedOut,
// model.OptedOutOn) and the same reading of each column's kind.
type reachJudge struct {
	checks  map[string]ReachCheck
	readers map[string]*numberBuilder // opt-out columns read as numbers or dates
	asOf    time.Time
}

func newReachJudge(cols ListColumns) reachJudge {
	j := reachJudge{checks: cols.Checks, readers: map[string]*numberBuilder{}, asOf: cols.AsOf}
	for _, p := range cols.Profiles {
		switch p.Kind {
		case model.KindInteger, model.KindReal, model.KindDate, model.KindDateTime:
			j.readers[p.Name] = &numberBuilder{meta: model.ColumnMeta{Name: p.Name, Kind: p.Kind}, order: p.DateOrder}
		}
	}
	return j
}

// why is "" when the row may be contacted on channel, else the reason.
func (j reachJudge) why(channel string, r Row, pos map[string]int) string {
	c, ok := j.checks[channel]
	if !ok {
		return ""
	}
	if c.Consent == "" || !model.ConsentGiven(r.Values[pos[c.Consent]]) {
		return "no consent"
	}
	for _, col := range c.OptOut {
		if j.optedOut(col, r, pos[col]) {
			return "unsubscribed"
		}
	}
	for _, col := range c.Bounced {
		if j.optedOut(col, r, pos[col]) {
			return "bounced"
		}
	}
	return ""
}

// optedOut reads one opt-out value: a number other than 0, a date up to
// the as-of day, a value the column's kind cannot read, or text that is not
// a clear no.
func (j reachJudge) optedOut(col string, r Row, i int) bool {
	b, numeric := j.readers[col]
	if !numeric || r.raw == nil {
		return model.OptedOut(r.Values[i])
	}
	f, ok, null := b.convert(r.raw[i])
	switch {
	case null:
		return false
	case !ok:
		return true // unreadable is not a clear no
	case b.meta.Kind == model.KindDate || b.meta.Kind == model.KindDateTime:
		if j.asOf.IsZero() {
			return true
		}
		day := int64(f)
		if b.meta.Kind == model.KindDateTime {
			day = int64(f) / 86400
		}
		return model.OptedOutOn(day, j.asOf.Unix()/86400)
	}
	return f != 0
}
