package analysis

import (
	"regexp"
	"strings"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// Warnings lists values in tree's rules that no customer has in a
// categorical or yes/no attribute, such as zone = "nort": not an error (a
// saved segment may meet data where the value is absent), but most often a
// typo, so the closest values present are suggested.
func (e *Evaluator) Warnings(tree segment.Node) []string {
	var out []string
	for _, w := range e.WarningSentences(tree) {
		out = append(out, w.String())
	}
	return out
}

// WarningSentences are the Warnings as sentences, for a screen or command
// to say in the user's language.
func (e *Evaluator) WarningSentences(tree segment.Node) []model.Sentence {
	var out []model.Sentence
	for _, c := range segment.Conditions(tree) {
		for _, v := range c.Values {
			if v.Number && thousandsLike.MatchString(v.Text) { // 1.500: fifteen hundred to a Spanish eye
				out = append(out, model.Say(MsgPointIsDecimal, v.Text, strings.ReplaceAll(v.Text, ".", "")))
			}
		}
		switch c.Op {
		case segment.OpEq, segment.OpNe, segment.OpIn, segment.OpNotIn:
		default:
			continue
		}
		col, ok := e.Data.Attribute(c.Attribute).(*model.CodedColumn)
		if !ok || col.Kind == model.KindBoolean {
			continue
		}
		for _, v := range c.Values {
			if len(matchCodes(col.Dict, func(d string) bool { return strings.EqualFold(d, v.Text) })) > 0 {
				continue
			}
			w := model.Say(MsgNoCustomerHas, col.Name, segment.Quote(v.Text))
			if near := segment.Closest(v.Text, col.Dict, 3); len(near) > 0 {
				w = model.Say(MsgNoCustomerHasNear, col.Name, segment.Quote(v.Text), orList(quoteAll(near)))
			}
			out = append(out, w)
		}
	}
	return out
}

// thousandsLike is a number written as a thousands figure is in Spain and
// much of Latin America (1.500, 2.000.000): the rule language reads the
// point as a decimal mark, so it is read as 1.5.
var thousandsLike = regexp.MustCompile(`^-?[0-9]{1,3}(\.[0-9]{3})+$`)

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = segment.Quote(x)
	}
	return out
}
