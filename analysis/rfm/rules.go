package rfm

import (
	"strconv"

	"github.com/pulpero/pulpero/model/segment"
)

// Definition is a segment of a table written as a pulpero segment rule over
// the columns r_score, f_score and m_score.
type Definition struct {
	Name string
	Rule string
}

// Node returns the rule's ranges as a segment tree:
// `r_score between 4 and 5 and f_score = 1 and m_score between 1 and 3`.
func (r Rule) Node() segment.Node {
	return &segment.And{Terms: []segment.Node{
		scoreRange(ColR, r.RMin, r.RMax), scoreRange(ColF, r.FMin, r.FMax), scoreRange(ColM, r.MMin, r.MMax)}}
}

// Text returns the rule's ranges in the segment language (see Node). A
// customer may match the ranges of several rules; Definitions gives the
// segments as the table assigns them.
func (r Rule) Text() string { return segment.Print(r.Node()) }

func scoreRange(col string, lo, hi int) segment.Node {
	num := func(v int) segment.Value { return segment.Value{Text: strconv.Itoa(v), Number: true} }
	if lo == hi {
		return &segment.Condition{Attribute: col, Op: segment.OpEq, Values: []segment.Value{num(lo)}}
	}
	return &segment.Condition{Attribute: col, Op: segment.OpBetween, Values: []segment.Value{num(lo), num(hi)}}
}

// Definitions writes every segment of the table, then Others, as pulpero
// segment rules with the table's first-match-wins meaning: segment i is its
// ranges and not the ranges of any earlier rule; Others is every scored
// customer (r_score is not empty) matching no rule. Each customer with scores
// is in exactly one of them, the same as Assign and the rfm_segment column
// (`rfm_segment = "Champions"` selects the same customers).
func (t *Table) Definitions() []Definition {
	out := make([]Definition, 0, len(t.Rules)+1)
	var earlier []segment.Node
	for _, r := range t.Rules {
		terms := []segment.Node{r.Node()}
		for _, e := range earlier {
			terms = append(terms, &segment.Not{X: e})
		}
		var n segment.Node = terms[0]
		if len(terms) > 1 {
			n = &segment.And{Terms: terms}
		}
		out = append(out, Definition{Name: r.Name, Rule: segment.Print(n)})
		earlier = append(earlier, r.Node())
	}
	terms := []segment.Node{&segment.Condition{Attribute: ColR, Op: segment.OpNotEmpty}}
	for _, e := range earlier {
		terms = append(terms, &segment.Not{X: e})
	}
	var n segment.Node = terms[0]
	if len(terms) > 1 {
		n = &segment.And{Terms: terms}
	}
	return append(out, Definition{Name: Others, Rule: segment.Print(n)})
}
