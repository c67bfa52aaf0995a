package analysis

import (
	"math/bits"

	"github.com/pulpero/pulpero/model"
)

// CompareOp is a comparison of a number column with a constant.
type CompareOp int

const (
	OpEq CompareOp = iota
	OpNe
	OpLt
	OpLe
	OpGt
	OpGe
)

// NumberCompare returns the rows where c op v holds. As in SQL, a NULL
// matches no comparison (not even !=), so negating a rule never selects
// the rows whose value is unknown.
func NumberCompare(c *model.NumberColumn, op CompareOp, v float64) model.Bitset {
	switch op {
	case OpEq:
		return numberWhere(c, func(x float64) bool { return x == v })
	case OpNe:
		return numberWhere(c, func(x float64) bool { return x != v })
	case OpLt:
		return numberWhere(c, func(x float64) bool { return x < v })
	case OpLe:
		return numberWhere(c, func(x float64) bool { return x <= v })
	case OpGt:
		return numberWhere(c, func(x float64) bool { return x > v })
	default:
		return numberWhere(c, func(x float64) bool { return x >= v })
	}
}

// NumberBetween returns the rows with lo <= value <= hi.
func NumberBetween(c *model.NumberColumn, lo, hi float64) model.Bitset {
	return numberWhere(c, func(x float64) bool { return x >= lo && x <= hi })
}

// numberWhere builds the result a 64-row word at a time and clears nulls
// with one AndNot per word.
func numberWhere(c *model.NumberColumn, keep func(float64) bool) model.Bitset {
	n := len(c.Values)
	out := model.NewBitset(n)
	for wi := range out {
		base := wi << 6
		end := min(base+64, n)
		var w uint64
		for i := base; i < end; i++ {
			if keep(c.Values[i]) {
				w |= 1 << uint(i-base)
			}
		}
		out[wi] = w &^ c.Nulls[wi]
	}
	return out
}

// CodesIn returns the rows whose code is one of codes (NULL never matches).
func CodesIn(c *model.CodedColumn, codes []int32) model.Bitset {
	want := make([]bool, len(c.Dict)+1)
	for _, k := range codes {
		if k >= 0 && int(k) < len(c.Dict) {
			want[k+1] = true
		}
	}
	n := len(c.Codes)
	out := model.NewBitset(n)
	for wi := range out {
		base := wi << 6
		end := min(base+64, n)
		var w uint64
		for i := base; i < end; i++ {
			if want[c.Codes[i]+1] {
				w |= 1 << uint(i-base)
			}
		}
		out[wi] = w
	}
	return out
}

// Nulls returns the rows where c is NULL.
func Nulls(c model.Column) model.Bitset {
	switch x := c.(type) {
	case *model.NumberColumn:
		return x.Nulls.Clone()
	case *model.TextColumn:
		return x.Nulls.Clone()
	case *model.CodedColumn:
		return CodesNull(x)
	}
	return model.NewBitset(c.Len())
}

// CodesNull returns the rows of a coded column that are NULL.
func CodesNull(c *model.CodedColumn) model.Bitset {
	out := model.NewBitset(len(c.Codes))
	for i, k := range c.Codes {
		if k < 0 {
			out.Set(i)
		}
	}
	return out
}

// Count is |rows|, or all rows for nil, for callers that hold a subset.
func Count(rows model.Bitset, n int) int {
	if rows == nil {
		return n
	}
	c := 0
	for _, w := range rows {
		c += bits.OnesCount64(w)
	}
	return c
}
