package analysis

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// Truth is the result of a rule over every row under SQL's three-valued
// logic: True holds the rows where the rule is true, Unknown the rows where
// it is neither true nor false because a NULL was compared. A row in neither
// is false. Carrying Unknown is what lets Not agree with SQL: NOT of an
// unknown stays unknown, so `not income > 100` does not pick the rows whose
// income is empty.
type Truth struct {
	True, Unknown model.Bitset
}

// SegmentResolver returns the rule tree of a saved segment by name, for
// `in segment "NAME"`; ok is false when there is no such segment. A nil
// resolver knows no segments.
type SegmentResolver func(name string) (tree segment.Node, ok bool)

// Evaluator turns rule trees into row sets over one dataset. It remembers
// the rows of each condition it has evaluated (keyed by the condition's
// printed form), so after an edit only the changed rule is recomputed: that
// is what keeps a recount of a 10-rule segment within a keystroke. It is
// safe for use by several goroutines.
type Evaluator struct {
	Data    *model.Dataset
	AsOf    time.Time // the reference day of relative dates ("in the last 90 days")
	Resolve SegmentResolver

	mu    sync.Mutex
	cache map[string]Truth
}

// NewEvaluator returns an evaluator over ds with asOf as "today".
func NewEvaluator(ds *model.Dataset, asOf time.Time, resolve SegmentResolver) *Evaluator {
	return &Evaluator{Data: ds, AsOf: asOf, Resolve: resolve, cache: map[string]Truth{}}
}

// EvaluateSegment returns the rows of ds where tree is true.
func EvaluateSegment(ds *model.Dataset, tree segment.Node, asOf time.Time, resolve SegmentResolver) (model.Bitset, error) {
	t, err := NewEvaluator(ds, asOf, resolve).Eval(tree)
	return t.True, err
}

// Eval evaluates tree. Errors are *segment.Error with the position of the
// condition or value at fault (unknown attribute, a value of the wrong kind).
// A nil tree (no rules yet) selects everyone.
func (e *Evaluator) Eval(tree segment.Node) (Truth, error) {
	t, err := e.eval(tree, nil)
	if err != nil {
		return Truth{}, err
	}
	// the sets of a lone condition are the cache's own: hand out copies
	return Truth{True: t.True.Clone(), Unknown: t.Unknown.Clone()}, nil
}

// Check reports the first binding error of tree without counting rows.
func (e *Evaluator) Check(tree segment.Node) error {
	for _, c := range segment.Conditions(tree) {
		if c.Op == segment.OpInSegment {
			continue
		}
		if _, err := e.bind(c); err != nil {
			return err
		}
	}
	return nil
}

func (e *Evaluator) eval(n segment.Node, stack []string) (Truth, error) {
	rows := e.Data.Rows()
	switch x := n.(type) {
	case nil:
		return Truth{True: model.FullBitset(rows), Unknown: model.NewBitset(rows)}, nil
	case *segment.And:
		// true: all true; unknown: none false but not all true
		t := Truth{True: model.FullBitset(rows), Unknown: model.FullBitset(rows)}
		for _, term := range x.Terms {
			s, err := e.eval(term, stack)
			if err != nil {
				return Truth{}, err
			}
			t.True.And(s.True)
			t.Unknown.And(s.True.Clone().Or(s.Unknown))
		}
		t.Unknown.AndNot(t.True)
		return t, nil
	case *segment.Or:
		t := Truth{True: model.NewBitset(rows), Unknown: model.NewBitset(rows)}
		for _, term := range x.Terms {
			s, err := e.eval(term, stack)
			if err != nil {
				return Truth{}, err
			}
			t.True.Or(s.True)
			t.Unknown.Or(s.Unknown)
		}
		t.Unknown.AndNot(t.True)
		return t, nil
	case *segment.Not:
		s, err := e.eval(x.X, stack)
		if err != nil {
			return Truth{}, err
		}
		return Truth{True: s.True.Clone().Or(s.Unknown).Not(rows), Unknown: s.Unknown.Clone()}, nil
	case *segment.Condition:
		if x.Op == segment.OpInSegment {
			return e.inSegment(x, stack)
		}
		return e.condition(x)
	}
	return Truth{}, fmt.Errorf("unknown rule node %T", n)
}

// condition evaluates one rule, from the cache when it was seen before.
// Cached sets are shared, so callers never modify what eval returns for a
// condition in place: And/Or above start from fresh sets.
func (e *Evaluator) condition(c *segment.Condition) (Truth, error) {
	k := segment.Print(c)
	e.mu.Lock()
	t, ok := e.cache[k]
	e.mu.Unlock()
	if ok {
		return t, nil
	}
	p, err := e.bind(c)
	if err != nil {
		return Truth{}, err
	}
	t = p()
	e.mu.Lock()
	if len(e.cache) > 512 { // a long session of edits: start again rather than grow without end
		e.cache = map[string]Truth{}
	}
	e.cache[k] = t
	e.mu.Unlock()
	return t, nil
}

// inSegment is membership of a saved segment: two-valued (a customer is in
// it or not), so `not in segment "VIP"` is everyone outside VIP.
func (e *Evaluator) inSegment(c *segment.Condition, stack []string) (Truth, error) {
	name := ""
	if len(c.Values) > 0 {
		name = c.Values[0].Text
	}
	for _, s := range stack {
		if strings.EqualFold(s, name) {
			return Truth{}, &segment.Error{Pos: c.Pos, Msg: model.Say(MsgSelfReference, name, strings.Join(stack, " → "))}
		}
	}
	var tree segment.Node
	ok := false
	if e.Resolve != nil {
		tree, ok = e.Resolve(name)
	}
	if !ok {
		return Truth{}, &segment.Error{Pos: c.Pos, Msg: model.Say(MsgNoSavedSegment, name)}
	}
	t, err := e.eval(tree, append(stack, name))
	if err != nil {
		return Truth{}, &segment.Error{Pos: c.Pos, Msg: model.Say(MsgSavedSegment, name, sentenceOf(err))}
	}
	return Truth{True: t.True, Unknown: model.NewBitset(e.Data.Rows())}, nil
}

// WaterfallStep is one top-level rule's effect: how many customers remain
// after it (and every rule before it), and how many it removed.
type WaterfallStep struct {
	Rule      string // the rule as printed
	Remaining int
	Removed   int
}

// Waterfall applies tree's top-level rules (the terms of a root And) one
// after another, starting from everyone. The last step's Remaining is the
// segment's size; the final set is returned too.
func (e *Evaluator) Waterfall(tree segment.Node) ([]WaterfallStep, model.Bitset, error) {
	rows := e.Data.Rows()
	cur := model.FullBitset(rows)
	n := rows
	var steps []WaterfallStep
	for _, r := range segment.Rules(tree) {
		t, err := e.eval(r, nil)
		if err != nil {
			return nil, nil, err
		}
		cur.And(t.True)
		m := cur.Count()
		steps = append(steps, WaterfallStep{Rule: segment.Print(r), Remaining: m, Removed: n - m})
		n = m
	}
	return steps, cur, nil
}

// Overlap returns the pairwise intersections of sets: m[i][j] = |sets[i] ∩
// sets[j]|, and m[i][i] is the size of set i.
func Overlap(sets []model.Bitset) [][]int {
	m := make([][]int, len(sets))
	for i := range sets {
		m[i] = make([]int, len(sets))
	}
	for i := range sets {
		m[i][i] = sets[i].Count()
		for j := i + 1; j < len(sets); j++ {
			c := sets[i].AndCount(sets[j])
			m[i][j], m[j][i] = c, c
		}
	}
	return m
}
