package explore

import (
	"strings"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
)

// T is key in the user's language.
func (m *Model) T(key string, args ...any) string { return m.common.T(key, args...) }

// say is a finding's sentence in the user's language; the names pulpero
// gives (a column kind, a kind of problem) are translated as well, and a
// figure quoted to four digits takes the user's decimal mark.
func (m *Model) say(s model.Sentence) string {
	args := make([]any, len(s.Args))
	for i, a := range s.Args {
		switch x := a.(type) {
		case model.Kind:
			args[i] = m.common.KindName(x)
		case analysis.ProblemKind:
			args[i] = m.problemName(x)
		case analysis.Approx:
			args[i] = m.approx(x)
		default:
			args[i] = a
		}
	}
	return m.common.Locale.Say(model.Sentence{Format: s.Format, Args: args})
}

// approx writes a as %.4g does, in the user's number format (1.641 and
// 955,8 in Spain).
func (m *Model) approx(a analysis.Approx) string {
	if m.common.Locale.Lang != locale.Spanish {
		return a.String()
	}
	return m.common.Figure(a.String())
}

// problemName is a kind of data-quality problem as the user reads it; the
// kind itself stays the canonical English name.
func (m *Model) problemName(k analysis.ProblemKind) string {
	return m.common.Locale.Lookup(string(k))
}

// kindName is a column kind as the user reads it.
func (m *Model) kindName(k model.Kind) string { return m.common.KindName(k) }

// valueName is a category's value as the user reads it: the values pulpero
// names (yes and no, the generations and income bands it derives, the
// segments of RFM) are translated when the catalogue has them; the values
// of the data are shown as they are.
func (m *Model) valueName(c model.Column, v string) string {
	if meta := c.Meta(); meta.Derived || meta.Kind == model.KindBoolean {
		return m.common.Locale.Lookup(v)
	}
	return v
}

// axisLabels are a cross-tab side's labels as the user reads them: values
// by valueName, and a number's bins ("[0.5, 1)", "[1046, 1255)") in the
// region's number format ("[0,5; 1)", "[1.046; 1.255)" in Spain, where the
// comma separates decimals).
func (m *Model) axisLabels(c model.Column, labels []string) []string {
	out := make([]string, len(labels))
	for i, l := range labels {
		switch {
		case c.Meta().Kind.Coded():
			out[i] = m.valueName(c, l)
		case c.Meta().Kind == model.KindDate || c.Meta().Kind == model.KindDateTime || c.Meta().Role == model.RoleBirthYear:
			out[i] = l // years, never grouped
		case strings.HasPrefix(l, "[") && m.common.DecimalMark("0.5") == "0,5":
			out[i] = strings.Replace(m.common.Figure(l), ", ", "; ", 1)
		default:
			out[i] = m.common.Figure(l)
		}
	}
	return out
}
