package cluster

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// evaluator selects the rows where a rule is true, with the segment
// language's meaning (as analysis evaluates it): a NULL satisfies no
// comparison and no (not) in, only "is empty"; categories compare
// case-insensitively; dates compare by calendar day. It knows the operators
// Rules writes (And, Or and conditions), nothing more.
type evaluator struct {
	cols []model.Column
	n    int
}

func newEvaluator(cols []model.Column) *evaluator {
	return &evaluator{cols: cols, n: cols[0].Len()}
}

func (e *evaluator) eval(n segment.Node) (model.Bitset, error) {
	switch x := n.(type) {
	case nil:
		return model.FullBitset(e.n), nil
	case *segment.And:
		out := model.FullBitset(e.n)
		for _, t := range x.Terms {
			s, err := e.eval(t)
			if err != nil {
				return nil, err
			}
			out.And(s)
		}
		return out, nil
	case *segment.Or:
		out := model.NewBitset(e.n)
		for _, t := range x.Terms {
			s, err := e.eval(t)
			if err != nil {
				return nil, err
			}
			out.Or(s)
		}
		return out, nil
	case *segment.Condition:
		return e.condition(x)
	}
	return nil, fmt.Errorf("rule node %T is not written by Rules", n)
}

func (e *evaluator) column(name string) model.Column {
	for _, c := range e.cols {
		if strings.EqualFold(c.Meta().Name, name) {
			return c
		}
	}
	return nil
}

func (e *evaluator) condition(c *segment.Condition) (model.Bitset, error) {
	col := e.column(c.Attribute)
	if col == nil {
		return nil, fmt.Errorf("no attribute %q", c.Attribute)
	}
	out := model.NewBitset(e.n)
	if c.Op == segment.OpEmpty || c.Op == segment.OpNotEmpty {
		for i := 0; i < e.n; i++ {
			if isNull(col, i) == (c.Op == segment.OpEmpty) {
				out.Set(i)
			}
		}
		return out, nil
	}
	switch x := col.(type) {
	case *model.NumberColumn:
		return out, numberCondition(c, x, out)
	case *model.CodedColumn:
		return out, codedCondition(c, x, out)
	}
	return nil, fmt.Errorf("%s cannot be used in rules", c.Attribute)
}

func isNull(col model.Column, i int) bool {
	if x, ok := col.(*model.CodedColumn); ok {
		return x.Codes[i] < 0 || int(x.Codes[i]) >= len(x.Dict)
	}
	return col.IsNull(i)
}

func numberCondition(c *segment.Condition, x *model.NumberColumn, out model.Bitset) error {
	date := x.Kind == model.KindDate || x.Kind == model.KindDateTime
	vals := make([]float64, len(c.Values))
	for i, v := range c.Values {
		var err error
		if date {
			var t time.Time
			t, err = time.Parse("2006-01-02", v.Text)
			vals[i] = float64(t.Unix() / 86400)
		} else {
			vals[i], err = strconv.ParseFloat(strings.ReplaceAll(v.Text, "_", ""), 64)
		}
		if err != nil {
			return fmt.Errorf("%s: %q: %w", c.Attribute, v.Text, err)
		}
	}
	if len(vals) == 0 || (c.Op == segment.OpBetween && len(vals) < 2) {
		return fmt.Errorf("%s: missing values", c.Attribute)
	}
	v0 := vals[0]
	var keep func(float64) bool
	switch c.Op {
	case segment.OpEq:
		keep = func(v float64) bool { return v == v0 }
	case segment.OpNe:
		keep = func(v float64) bool { return v != v0 }
	case segment.OpLt:
		keep = func(v float64) bool { return v < v0 }
	case segment.OpLe:
		keep = func(v float64) bool { return v <= v0 }
	case segment.OpGt:
		keep = func(v float64) bool { return v > v0 }
	case segment.OpGe:
		keep = func(v float64) bool { return v >= v0 }
	case segment.OpBetween:
		keep = func(v float64) bool { return v >= v0 && v <= vals[1] }
	default:
		return fmt.Errorf("%s: operator %s is not written by Rules", c.Attribute, c.Op)
	}
	for i, v := range x.Values {
		if x.Nulls.Has(i) {
			continue
		}
		if x.Kind == model.KindDateTime {
			v = math.Floor(v / 86400)
		}
		if keep(v) {
			out.Set(i)
		}
	}
	return nil
}

func codedCondition(c *segment.Condition, x *model.CodedColumn, out model.Bitset) error {
	var not bool
	switch c.Op {
	case segment.OpEq, segment.OpIn:
	case segment.OpNe, segment.OpNotIn:
		not = true
	default:
		return fmt.Errorf("%s: operator %s is not written by Rules", c.Attribute, c.Op)
	}
	match := make([]bool, len(x.Dict))
	for code, d := range x.Dict {
		for _, v := range c.Values {
			if strings.EqualFold(d, v.Text) {
				match[code] = true
			}
		}
	}
	for i, code := range x.Codes {
		if code >= 0 && int(code) < len(x.Dict) && match[code] != not {
			out.Set(i)
		}
	}
	return nil
}
