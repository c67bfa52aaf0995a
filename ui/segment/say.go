package segment

import (
	"math"
	"strconv"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
	seg "github.com/pulpero/pulpero/model/segment"
)

// How the screen speaks the user's language: its sentences through the
// catalogue, rules with the keywords of the language (saved in the
// canonical English form whatever was typed), numbers and dates as the
// locale writes them.

func (m *Model) t(key string, args ...any) string { return m.common.T(key, args...) }

// loc is the user's locale; English when none was set (tests).
func (m *Model) loc() locale.Locale {
	if m.common.Locale.Lang == "" {
		return locale.Default()
	}
	return m.common.Locale
}

func (m *Model) spanish() bool { return m.common.Locale.Lang == locale.Spanish }

// show writes a rule as the user reads it: with the Spanish keywords for
// a Spanish user (y, o, no, entre, está vacío...), else canonical.
func (m *Model) show(n seg.Node) string {
	if m.spanish() {
		return seg.PrintSpanish(n)
	}
	return seg.Print(n)
}

// sayErr is an error in the user's language; a rule's error says its
// position and what was expected there.
func (m *Model) sayErr(err error) string { return m.common.Locale.Error(err) }

// caret is the caret block of a rejected rule in the user's language.
func (m *Model) caret(expr string, err error) string {
	return seg.CaretIn(expr, err, m.common.Locale.Error)
}

// number writes x with decimals digits as the locale does (0,52 in Spain).
func (m *Model) number(x float64, decimals int) string { return m.loc().Number(x, decimals) }

// when is a saved time as the locale writes it: the day, then hh:mm.
func (m *Model) when(t time.Time) string {
	t = t.Local()
	return m.loc().Date(t) + t.Format(" 15:04")
}

// customers is "%s of %s customers (%s)" for n of the table's rows.
func (m *Model) customers(format string, n int) string {
	total := m.data().Rows()
	return m.t(format, m.common.Int(n), m.common.Int(total), m.common.Percent(share(n, total)))
}

// shownExpr is a rule another screen sent, as the user reads it: as sent
// in English, in Spanish words for a Spanish user.
func (m *Model) shownExpr(expr string, rules []seg.Node) string {
	if !m.spanish() {
		return expr
	}
	return seg.PrintSpanish(seg.Join(rules))
}

// canonicalYesNo writes the values of yes/no attributes as yes and no,
// whatever the user typed (sí, si, verdadero, falso, 1...): a rule is
// saved in one canonical form, so one typed in Spanish is the same rule,
// with the same hash, as its English twin.
func (m *Model) canonicalYesNo(n seg.Node) {
	for _, c := range seg.Conditions(n) {
		col, ok := m.data().Attribute(c.Attribute).(*model.CodedColumn)
		if !ok || col.Kind != model.KindBoolean {
			continue
		}
		for i, v := range c.Values {
			if yes, ok := model.ParseYesNo(v.Text); ok {
				c.Values[i] = seg.Value{Text: model.BoolDict[0], Pos: v.Pos}
				if yes {
					c.Values[i].Text = model.BoolDict[1]
				}
			}
		}
	}
}

// Names the profile gives buckets (analysis writes them in English).
const (
	emptyBucket = "(empty)"
	otherBucket = "other"
)

// label is a profile bucket's label as the user reads it: values of the
// data as they are; the values pulpero names (yes and no, the derived
// generations and bands), the bucket of no value and the bucket of the
// rarer values ("other") in the user's language; ranges of numbers and
// dates in the user's number and date format (≤ 929,6, 955,8 – 1.707,
// 18/12/2017–20/12/2019 in Spain). English reads analysis's label as it is.
func (m *Model) label(p analysis.AttributeProfile, b analysis.ProfileBucket) string {
	switch b.Of {
	case analysis.BucketEmpty:
		return m.t(emptyBucket)
	case analysis.BucketOther:
		return m.t(otherBucket)
	}
	if !m.spanish() {
		return b.Label
	}
	switch b.Of {
	case analysis.BucketValue:
		c := m.data().Column(p.Attribute)
		if p.Kind == model.KindBoolean || c != nil && c.Meta().Derived {
			return m.common.Locale.Lookup(b.Label)
		}
	case analysis.BucketRange:
		if c := m.data().Column(p.Attribute); c != nil && c.Meta().Role == model.RoleBirthYear {
			return b.Label // years: never grouped (1950, not 1.950)
		}
		switch {
		case math.IsNaN(b.Lo) && !math.IsNaN(b.Hi):
			return "≤ " + m.edge(p.Kind, b.Hi)
		case math.IsNaN(b.Hi) && !math.IsNaN(b.Lo):
			return "> " + m.edge(p.Kind, b.Lo)
		case !math.IsNaN(b.Lo) && (p.Kind == model.KindDate || p.Kind == model.KindDateTime):
			// two dates and spaces would not fit the profile's column
			return m.edge(p.Kind, b.Lo) + "–" + m.edge(p.Kind, b.Hi)
		case !math.IsNaN(b.Lo):
			return m.edge(p.Kind, b.Lo) + " – " + m.edge(p.Kind, b.Hi)
		}
	}
	return b.Label
}

// edge is a range's bound as the user reads it: a date as the locale
// writes dates, a number to four significant digits (as analysis's label
// has it) in the locale's number format.
func (m *Model) edge(k model.Kind, v float64) string {
	switch k {
	case model.KindDate:
		return m.loc().Date(time.Unix(int64(v)*86400, 0).UTC())
	case model.KindDateTime:
		return m.loc().Date(time.Unix(int64(v), 0).UTC())
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return m.common.Figure(strconv.FormatFloat(v, 'f', 0, 64))
	}
	return m.common.Figure(strconv.FormatFloat(v, 'g', 4, 64))
}
