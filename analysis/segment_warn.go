package analysis

import (
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

func quoteAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = segment.Quote(x)
	}
	return out
}
