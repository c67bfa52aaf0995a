package segment

import (
	"time"

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

// showDefinition is a saved definition as the user reads it (as it is if
// it no longer parses).
func (m *Model) showDefinition(def string) string {
	if !m.spanish() {
		return def
	}
	n, err := seg.Parse(def)
	if err != nil {
		return def
	}
	return seg.PrintSpanish(n)
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

// emptyBucket is the profile's name for the customers with no value.
const emptyBucket = "(empty)"

// label is a profile bucket's label as the user reads it: values as they
// are in the data, the bucket of no value in the user's language.
func (m *Model) label(s string) string {
	if s == emptyBucket {
		return m.t(emptyBucket)
	}
	return s
}
