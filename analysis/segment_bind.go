package analysis

import (
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// bind checks a condition against its column (the attribute exists, the
// operator suits the column's kind, the values read as that kind) and
// returns the work that computes its rows.
func (e *Evaluator) bind(c *segment.Condition) (func() Truth, error) {
	col := e.Data.Attribute(c.Attribute)
	if col == nil {
		return nil, unknownAttribute(e.Data, c)
	}
	rows := e.Data.Rows()
	switch c.Op {
	case segment.OpEmpty, segment.OpNotEmpty:
		// emptiness is never unknown: it is exactly what IS NULL asks
		return func() Truth {
			t := Nulls(col)
			if c.Op == segment.OpNotEmpty {
				t.Not(rows)
			}
			return Truth{True: t, Unknown: model.NewBitset(rows)}
		}, nil
	}
	var rowsOf func() model.Bitset
	var err error
	switch x := col.(type) {
	case *model.NumberColumn:
		if x.Kind == model.KindDate || x.Kind == model.KindDateTime {
			rowsOf, err = e.bindDate(c, x)
		} else {
			rowsOf, err = bindNumber(c, x)
		}
	case *model.CodedColumn:
		if x.Kind == model.KindBoolean {
			rowsOf, err = bindBool(c, x)
		} else {
			rowsOf, err = bindCoded(c, x)
		}
	case *model.TextColumn:
		rowsOf, err = bindText(c, x)
	default:
		err = &segment.Error{Pos: c.Pos, Msg: model.Say(MsgNotInRules, c.Attribute)}
	}
	if err != nil {
		return nil, err
	}
	// a comparison with NULL is unknown, whatever the operator
	return func() Truth { return Truth{True: rowsOf(), Unknown: Nulls(col)} }, nil
}

func unknownAttribute(ds *model.Dataset, c *segment.Condition) error {
	if role, ok := personalAttribute(ds, c.Attribute); ok {
		use := model.Say(MsgUseReachable)
		switch role {
		case model.RoleEmail:
			use = model.Say(MsgUseReachableEmail)
		case model.RolePhone, model.RoleMobile:
			use = model.Say(MsgUseReachablePhone)
		case model.RoleAddress:
			use = model.Say("reachable_post")
		}
		return &segment.Error{Pos: c.Pos, Msg: model.Say(MsgPersonalInRule, c.Attribute, use)}
	}
	names := ds.Names()
	if near := segment.Closest(c.Attribute, names, 3); len(near) > 0 {
		return &segment.Error{Pos: c.Pos, Msg: model.Say(MsgNoAttributeNear, c.Attribute, orList(near))}
	}
	if len(names) > 10 {
		names = append(names[:10:10], "…")
	}
	return &segment.Error{Pos: c.Pos, Msg: model.Say(MsgNoAttribute, c.Attribute, strings.Join(names, ", "))}
}

// orList writes "a", "a or b", "a, b or c" (as a sentence: "or" is a
// word of the user's language).
func orList(s []string) model.Sentence {
	if len(s) == 1 {
		return model.Say("%s", s[0])
	}
	return model.Say(MsgOrList, strings.Join(s[:len(s)-1], ", "), s[len(s)-1])
}

// wrongOp: what the column holds and the operators to use (sentences of
// messages.go).
func wrongOp(c *segment.Condition, what, use string) error {
	return &segment.Error{Pos: c.Pos, Msg: model.Say(MsgWrongOp, c.Attribute, model.Say(what), model.Say(c.Op.String()), model.Say(use))}
}

func valueError(v segment.Value, c *segment.Condition, want string) error {
	return &segment.Error{Pos: v.Pos, Msg: model.Say(MsgNotAValue, c.Attribute, model.Say(want), segment.Literal(v))}
}

func bindNumber(c *segment.Condition, x *model.NumberColumn) (func() model.Bitset, error) {
	nums := make([]float64, len(c.Values))
	for i, v := range c.Values {
		f, err := strconv.ParseFloat(strings.ReplaceAll(v.Text, "_", ""), 64)
		if err != nil {
			return nil, valueError(v, c, MsgHoldsNumbers)
		}
		nums[i] = f
	}
	switch c.Op {
	case segment.OpEq, segment.OpNe, segment.OpLt, segment.OpLe, segment.OpGt, segment.OpGe:
		op := compareOf(c.Op)
		return func() model.Bitset { return NumberCompare(x, op, nums[0]) }, nil
	case segment.OpBetween:
		return func() model.Bitset { return NumberBetween(x, nums[0], nums[1]) }, nil
	case segment.OpIn, segment.OpNotIn:
		return func() model.Bitset { return numberIn(x, nums, c.Op == segment.OpNotIn, nil) }, nil
	}
	return nil, wrongOp(c, MsgHoldsNumbers, MsgUseNumber)
}

func compareOf(op segment.Op) CompareOp {
	return map[segment.Op]CompareOp{segment.OpEq: OpEq, segment.OpNe: OpNe, segment.OpLt: OpLt,
		segment.OpLe: OpLe, segment.OpGt: OpGt, segment.OpGe: OpGe, segment.OpBefore: OpLt, segment.OpAfter: OpGt}[op]
}

// numberIn selects the non-null rows whose value (through conv, when given)
// is in the list, or not in it.
func numberIn(x *model.NumberColumn, list []float64, not bool, conv func(float64) float64) model.Bitset {
	set := make(map[float64]bool, len(list))
	for _, v := range list {
		set[v] = true
	}
	return segNumberRows(x, func(v float64) bool {
		if conv != nil {
			v = conv(v)
		}
		return set[v] != not
	})
}

// segNumberRows selects the non-null rows where keep holds. It is the
// general path; the common comparisons use NumberCompare's faster loop.
func segNumberRows(x *model.NumberColumn, keep func(float64) bool) model.Bitset {
	n := len(x.Values)
	out := model.NewBitset(n)
	for wi := range out {
		base := wi << 6
		var w uint64
		for j, v := range x.Values[base:min(base+64, n)] {
			if keep(v) {
				w |= 1 << uint(j)
			}
		}
		out[wi] = w &^ x.Nulls[wi]
	}
	return out
}

// matchCodes returns the codes of dictionary values that match, compared
// as the language promises: case-insensitively.
func matchCodes(dict []string, match func(d string) bool) []int32 {
	var out []int32
	for i, d := range dict {
		if match(d) {
			out = append(out, int32(i))
		}
	}
	return out
}

// codesRows is CodesIn, or its complement among non-null rows.
func codesRows(x *model.CodedColumn, codes []int32, not bool) model.Bitset {
	t := CodesIn(x, codes)
	if not {
		t.Not(len(x.Codes)).AndNot(CodesNull(x))
	}
	return t
}

func bindCoded(c *segment.Condition, x *model.CodedColumn) (func() model.Bitset, error) {
	switch c.Op {
	case segment.OpEq, segment.OpNe, segment.OpIn, segment.OpNotIn:
		codes := matchCodes(x.Dict, func(d string) bool {
			for _, v := range c.Values {
				if strings.EqualFold(d, v.Text) {
					return true
				}
			}
			return false
		})
		not := c.Op == segment.OpNe || c.Op == segment.OpNotIn
		return func() model.Bitset { return codesRows(x, codes, not) }, nil
	case segment.OpContains, segment.OpStartsWith:
		codes := matchCodes(x.Dict, func(d string) bool { return textMatch(c.Op, d, strings.ToLower(c.Values[0].Text)) })
		return func() model.Bitset { return CodesIn(x, codes) }, nil
	}
	return nil, wrongOp(c, MsgHoldsCategories, MsgUseText)
}

// textMatch is contains / starts with, case-insensitively; low is lowered.
func textMatch(op segment.Op, s, low string) bool {
	s = strings.ToLower(s)
	if op == segment.OpContains {
		return strings.Contains(s, low)
	}
	return strings.HasPrefix(s, low)
}

// ParseYesNo reads the boolean values the language accepts.
func ParseYesNo(s string) (yes, ok bool) { return model.ParseYesNo(s) }

func bindBool(c *segment.Condition, x *model.CodedColumn) (func() model.Bitset, error) {
	switch c.Op {
	case segment.OpEq, segment.OpNe, segment.OpIn, segment.OpNotIn:
	default:
		return nil, wrongOp(c, MsgHoldsYesNo, MsgUseYesNo)
	}
	var codes []int32
	for _, v := range c.Values {
		yes, ok := ParseYesNo(v.Text)
		if !ok {
			return nil, valueError(v, c, MsgHoldsYesNoValues)
		}
		code := int32(0)
		if yes {
			code = 1
		}
		codes = append(codes, code)
	}
	not := c.Op == segment.OpNe || c.Op == segment.OpNotIn
	return func() model.Bitset { return codesRows(x, codes, not) }, nil
}

func bindText(c *segment.Condition, x *model.TextColumn) (func() model.Bitset, error) {
	var keep func(s string) bool
	switch c.Op {
	case segment.OpEq, segment.OpNe, segment.OpIn, segment.OpNotIn:
		not := c.Op == segment.OpNe || c.Op == segment.OpNotIn
		keep = func(s string) bool {
			for _, v := range c.Values {
				if strings.EqualFold(s, v.Text) {
					return !not
				}
			}
			return not
		}
	case segment.OpContains, segment.OpStartsWith:
		low := strings.ToLower(c.Values[0].Text)
		keep = func(s string) bool { return textMatch(c.Op, s, low) }
	default:
		return nil, wrongOp(c, MsgHoldsText, MsgUseText)
	}
	return func() model.Bitset {
		out := model.NewBitset(len(x.Values))
		for i, s := range x.Values {
			if keep(s) {
				out.Set(i)
			}
		}
		return out.AndNot(x.Nulls)
	}, nil
}

// personalAttribute reports whether name is one of the table's personal
// columns, or the name of a personal role (email, phone, name, address).
func personalAttribute(ds *model.Dataset, name string) (model.Role, bool) {
	for col, role := range ds.Personal {
		if strings.EqualFold(col, name) {
			return role, true
		}
	}
	if r, ok := model.ParseRole(strings.ToLower(name)); ok && r.Personal() {
		return r, true
	}
	return "", false
}
