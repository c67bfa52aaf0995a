package clusters

import (
	"strings"

	"github.com/pulpero/pulpero/analysis/cluster"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// loc is the user's locale (English when the screen was given none).
func (m *Model) loc() locale.Locale {
	if m.common.Locale.Lang == "" {
		return locale.Default()
	}
	return m.common.Locale
}

// number writes x with decimals digits in the user's format (0,523 in
// Spanish).
func (m *Model) number(x float64, decimals int) string { return m.loc().Number(x, decimals) }

// clusterName is a cluster's suggested name in the user's language: the
// words of analysis/cluster.English said through the catalogue; the
// attributes and categories are the data's and stay as they are.
func (m *Model) clusterName(parts []cluster.NamePart) string {
	if len(parts) == 0 {
		return m.common.T(msgNameTypical)
	}
	words := make([]string, len(parts))
	for i, p := range parts {
		switch {
		case p.IsNumber && p.Direction == cluster.Low:
			words[i] = m.common.T(msgNameLow, p.Attribute)
		case p.IsNumber:
			words[i] = m.common.T(msgNameHigh, p.Attribute)
		case p.Empty:
			words[i] = m.common.T(msgNameEmpty, p.Attribute)
		case p.Boolean && strings.EqualFold(p.Category, "no"):
			words[i] = m.common.T(msgNameNo, p.Attribute)
		case p.Boolean:
			words[i] = p.Attribute
		default:
			words[i] = p.Category
		}
	}
	return strings.Join(words, cluster.NameJoin)
}

// ruleText is a rule as the user reads it: in Spanish keywords for a
// Spanish reader (the saved form stays the canonical English one).
func (m *Model) ruleText(n segment.Node, canonical string) string {
	if n == nil || m.loc().Lang != locale.Spanish {
		return canonical
	}
	return segment.PrintSpanish(n)
}

// kind names a column kind in the user's language.
func (m *Model) kind(k model.Kind) string { return m.common.T(k.String()) }
