package cluster

import (
	"github.com/pulpero/pulpero/model/segment"
)

// constraints is what a path from the root says about each feature, kept
// per feature so that repeated splits on one attribute merge into one range
// or one set ("x > 3 and x <= 10", not three conditions).
type constraints struct {
	feats []*treeFeature
	order []int // features in the order the path first asks about them
	used  []bool
	num   []numCons
	cat   [][]bool // allowed levels, the empty level last
}

// numCons is a number's range on a path. Numbers: lo < x <= hi; dates:
// lo <= x < hi (day boundaries). The texts are the thresholds as written.
type numCons struct {
	lo, hi         float64
	loText, hiText string
	hasLo, hasHi   bool
	nullOK         bool // NULL is allowed
	valueOK        bool // a value is allowed (false after "is empty")
}

func newConstraints(feats []*treeFeature) *constraints {
	c := &constraints{feats: feats, used: make([]bool, len(feats)), num: make([]numCons, len(feats)), cat: make([][]bool, len(feats))}
	for f, ft := range feats {
		c.num[f] = numCons{nullOK: true, valueOK: true}
		if ft.cat {
			c.cat[f] = make([]bool, ft.levels)
			for l := range c.cat[f] {
				c.cat[f][l] = true
			}
		}
	}
	return c
}

func (c *constraints) clone() *constraints {
	d := &constraints{feats: c.feats, order: append([]int(nil), c.order...), used: append([]bool(nil), c.used...),
		num: append([]numCons(nil), c.num...), cat: make([][]bool, len(c.cat))}
	for f, s := range c.cat {
		d.cat[f] = append([]bool(nil), s...)
	}
	return d
}

// branch returns the constraints of a split's two children.
func (c *constraints) branch(sp *tsplit) (left, right *constraints) {
	left, right = c.clone(), c.clone()
	f := sp.f
	if !c.used[f] {
		left.used[f], right.used[f] = true, true
		left.order, right.order = append(left.order, f), append(right.order, f)
	}
	ft := c.feats[f]
	if ft.cat {
		for l, in := range sp.inLeft {
			left.cat[f][l] = left.cat[f][l] && in
			right.cat[f][l] = right.cat[f][l] && sp.inRight[l]
		}
		return left, right
	}
	ln, rn := &left.num[f], &right.num[f]
	if sp.nullOnly {
		ln.valueOK = false
		rn.nullOK = false
		return left, right
	}
	var cut float64
	var text string
	if ft.date() {
		cut = readableDay(sp.lo, sp.hi)
		text = isoDay(cut)
	} else {
		cut, text = readable(sp.lo, sp.hi)
	}
	if !ln.hasHi || cut < ln.hi {
		ln.hi, ln.hiText, ln.hasHi = cut, text, true
	}
	if !rn.hasLo || cut > rn.lo {
		rn.lo, rn.loText, rn.hasLo = cut, text, true
	}
	switch {
	case sp.nullNone:
		ln.nullOK, rn.nullOK = false, false
	case sp.nullLeft:
		rn.nullOK = false
	default:
		ln.nullOK = false
	}
	return left, right
}

// conditions writes a path as rules of the language, one per feature asked
// about (an Or when NULLs are allowed besides a range or a set).
func (c *constraints) conditions() []segment.Node {
	var out []segment.Node
	for _, f := range c.order {
		ft := c.feats[f]
		if ft.cat {
			out = append(out, c.categoryRule(f)...)
		} else {
			out = append(out, c.numberRule(f)...)
		}
	}
	return out
}

func cond(attr string, op segment.Op, vals ...segment.Value) *segment.Condition {
	return &segment.Condition{Attribute: attr, Op: op, Values: vals}
}

func num(text string) segment.Value { return segment.Value{Text: text, Number: true} }
func str(text string) segment.Value { return segment.Value{Text: text} }

// withEmpty adds "or x is empty" to a rule, or requires a value.
func withEmpty(attr string, bounds []segment.Node, nullOK bool) []segment.Node {
	switch {
	case nullOK && len(bounds) == 0:
		return nil
	case nullOK:
		return []segment.Node{&segment.Or{Terms: []segment.Node{segment.Join(bounds), cond(attr, segment.OpEmpty)}}}
	case len(bounds) == 0:
		return []segment.Node{cond(attr, segment.OpNotEmpty)}
	}
	return bounds
}

func (c *constraints) numberRule(f int) []segment.Node {
	ft, nc := c.feats[f], c.num[f]
	a := ft.name
	if !nc.valueOK {
		return []segment.Node{cond(a, segment.OpEmpty)}
	}
	var bounds []segment.Node
	switch {
	case ft.date() && nc.hasLo && nc.hasHi:
		bounds = append(bounds, cond(a, segment.OpBetween, str(nc.loText), str(isoDay(nc.hi-1))))
	case ft.date():
		if nc.hasLo {
			bounds = append(bounds, cond(a, segment.OpGe, str(nc.loText)))
		}
		if nc.hasHi {
			bounds = append(bounds, cond(a, segment.OpLt, str(nc.hiText)))
		}
	default:
		if nc.hasLo {
			bounds = append(bounds, cond(a, segment.OpGt, num(nc.loText)))
		}
		if nc.hasHi {
			bounds = append(bounds, cond(a, segment.OpLe, num(nc.hiText)))
		}
	}
	return withEmpty(a, bounds, nc.nullOK)
}

func (c *constraints) categoryRule(f int) []segment.Node {
	ft, allowed := c.feats[f], c.cat[f]
	a := ft.name
	var in, out []segment.Value
	for l, text := range ft.levelText {
		if allowed[l] {
			in = append(in, str(text))
		} else {
			out = append(out, str(text))
		}
	}
	emptyOK := allowed[ft.levels-1]
	var rule []segment.Node
	switch {
	case len(in) == 0:
		return []segment.Node{cond(a, segment.OpEmpty)}
	case len(out) == 0:
	case len(in) == 1:
		rule = []segment.Node{cond(a, segment.OpEq, in...)}
	case len(in) <= len(out):
		rule = []segment.Node{cond(a, segment.OpIn, in...)}
	case len(out) == 1:
		rule = []segment.Node{cond(a, segment.OpNe, out...)}
	default:
		rule = []segment.Node{cond(a, segment.OpNotIn, out...)}
	}
	return withEmpty(a, rule, emptyOK)
}
