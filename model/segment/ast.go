package segment

import "strings"

// Node is a node of a rule tree: *And, *Or, *Not or *Condition.
type Node interface{ node() }

// And holds when every term holds. The parser flattens a chain
// `a and b and c` into one And of three terms; parentheses keep their group.
type And struct{ Terms []Node }

// Or holds when any term holds.
type Or struct{ Terms []Node }

// Not negates X. Under SQL's three-valued logic, a row whose X is unknown
// (a NULL was compared) is not selected by Not either.
type Not struct{ X Node }

// Condition is one rule on one attribute, e.g. `income > 20000`.
type Condition struct {
	Attribute string  // as written (names match case-insensitively); "" for OpInSegment
	Op        Op      // the operator
	Values    []Value // the operator's operands, see Op
	Unit      string  // OpInLast: day, week, month or year; OpThis: week, month or year
	Pos       int     // byte offset of the condition in the text it was parsed from
}

func (*And) node()       {}
func (*Or) node()        {}
func (*Not) node()       {}
func (*Condition) node() {}

// Value is a literal operand: a number as written, or a string (quoted or a
// bare word; dates are strings such as "2024-01-31").
type Value struct {
	Text   string
	Number bool
	Pos    int // byte offset in the source, for errors about this value
}

// Op is a condition's operator.
type Op int

// Operators and their operands.
const (
	OpEq         Op = iota // = v
	OpNe                   // != v
	OpLt                   // < v
	OpLe                   // <= v
	OpGt                   // > v
	OpGe                   // >= v
	OpBetween              // between lo and hi (inclusive)
	OpIn                   // in (v, ...)
	OpNotIn                // not in (v, ...)
	OpEmpty                // is empty (NULL)
	OpNotEmpty             // is not empty
	OpContains             // contains "x" (text, case-insensitive)
	OpStartsWith           // starts with "x"
	OpBefore               // before date (strictly earlier)
	OpAfter                // after date (strictly later)
	OpInLast               // in the last N units (up to and including the reference day)
	OpThis                 // in this week|month|year (of the reference day)
	OpInSegment            // in segment "NAME": membership of a saved segment
)

var opWords = [...]string{"=", "!=", "<", "<=", ">", ">=", "between", "in", "not in", "is empty", "is not empty",
	"contains", "starts with", "before", "after", "in the last", "in this", "in segment"}

// String is the operator as written in the language.
func (o Op) String() string {
	if o < 0 || int(o) >= len(opWords) {
		return "?"
	}
	return opWords[o]
}

// Conditions lists the conditions of a tree in the order they are written.
func Conditions(n Node) []*Condition {
	var out []*Condition
	var walk func(Node)
	walk = func(n Node) {
		switch x := n.(type) {
		case *And:
			for _, t := range x.Terms {
				walk(t)
			}
		case *Or:
			for _, t := range x.Terms {
				walk(t)
			}
		case *Not:
			walk(x.X)
		case *Condition:
			out = append(out, x)
		}
	}
	walk(n)
	return out
}

// Rules splits a tree into its top-level rules: the terms of a root And, or
// the root alone. The waterfall and the rule list work on these.
func Rules(n Node) []Node {
	if a, ok := n.(*And); ok {
		return append([]Node(nil), a.Terms...)
	}
	if n == nil {
		return nil
	}
	return []Node{n}
}

// Join makes one tree of rules: nil for none, the rule for one, else an And.
func Join(rules []Node) Node {
	switch len(rules) {
	case 0:
		return nil
	case 1:
		return rules[0]
	}
	return &And{Terms: append([]Node(nil), rules...)}
}

// Equal reports whether two trees are the same, ignoring source positions.
// Attribute names compare case-insensitively, as they match.
func Equal(a, b Node) bool {
	switch x := a.(type) {
	case *And:
		y, ok := b.(*And)
		return ok && equalTerms(x.Terms, y.Terms)
	case *Or:
		y, ok := b.(*Or)
		return ok && equalTerms(x.Terms, y.Terms)
	case *Not:
		y, ok := b.(*Not)
		return ok && Equal(x.X, y.X)
	case *Condition:
		y, ok := b.(*Condition)
		if !ok || !strings.EqualFold(x.Attribute, y.Attribute) || x.Op != y.Op || x.Unit != y.Unit || len(x.Values) != len(y.Values) {
			return false
		}
		for i := range x.Values {
			if x.Values[i].Text != y.Values[i].Text || x.Values[i].Number != y.Values[i].Number {
				return false
			}
		}
		return true
	case nil:
		return b == nil
	}
	return false
}

func equalTerms(a, b []Node) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}
