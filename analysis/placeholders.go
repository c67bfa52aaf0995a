package analysis

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// Placeholder is a value that stands for "no value" in a column: a word
// such as "unknown" or "n/a" in a categorical, or a sentinel number such as
// 999 or -1 standing apart from the real values (Bank Marketing's pdays).
type Placeholder struct {
	Value string // as a rule or the data writes it
	Count int
	Rows  model.Bitset
}

// placeholderWords are the words data uses for a missing value, in English
// and Spanish, compared lower-case and trimmed.
var placeholderWords = map[string]bool{
	"unknown": true, "unk": true, "n/a": true, "na": true, "n.a.": true, "none": true, "null": true, "nil": true,
	"-": true, "--": true, "?": true, "missing": true, "not available": true, "undefined": true,
	"desconocido": true, "desconocida": true, "sin dato": true, "sin datos": true, "s/d": true, "nd": true, "n/d": true,
	"no informado": true, "no consta": true, "no disponible": true, "ns/nc": true,
}

// sentinels are the numbers data uses for a missing value.
var sentinels = []float64{-1, -9, -99, -999, -9999, 99, 999, 9999, 99999, 999999}

// Placeholders finds a column's placeholder values: any placeholder word
// of a categorical or text column, and a sentinel number of an integer or
// real column that is its minimum or maximum, holds at least 1% of its
// values, and stands apart from the rest (the next value is less than half
// of its distance from the median away). Derived and personal columns have
// none: pulpero computed them.
func Placeholders(c model.Column) []Placeholder {
	m := c.Meta()
	if m.Derived || m.Role == model.RoleCustomerID {
		return nil
	}
	var out []Placeholder
	switch x := c.(type) {
	case *model.CodedColumn:
		if x.Kind == model.KindBoolean {
			return nil
		}
		counts := CodeCounts(x, nil)
		for code, d := range x.Dict {
			if placeholderWords[strings.ToLower(strings.TrimSpace(d))] && counts[code+1] > 0 {
				out = append(out, Placeholder{Value: d, Count: counts[code+1], Rows: CodesIn(x, []int32{int32(code)})})
			}
		}
	case *model.TextColumn:
		found := map[string]int{}
		for i, v := range x.Values {
			if !x.Nulls.Has(i) && placeholderWords[strings.ToLower(strings.TrimSpace(v))] {
				found[v]++
			}
		}
		for v, n := range found {
			rows := model.NewBitset(x.Len())
			for i, w := range x.Values {
				if w == v && !x.Nulls.Has(i) {
					rows.Set(i)
				}
			}
			out = append(out, Placeholder{Value: v, Count: n, Rows: rows})
		}
	case *model.NumberColumn:
		if x.Kind != model.KindInteger && x.Kind != model.KindReal {
			return nil
		}
		out = sentinelPlaceholders(x)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Count > out[j].Count || out[i].Count == out[j].Count && out[i].Value < out[j].Value
	})
	return out
}

// sentinelPlaceholders finds a sentinel at either end of a column: a
// negative one (-1, -999) below values that are otherwise never negative
// (days since a contact, a count), or a large one (999, 9999) with the real
// values ending below half of it (ages up to 98, then 999).
func sentinelPlaceholders(x *model.NumberColumn) []Placeholder {
	vals := values(x, nil)
	if len(vals) < 20 {
		return nil
	}
	sort.Float64s(vals)
	var out []Placeholder
	add := func(v float64, n int) {
		if n*100 >= len(vals) && n < len(vals) {
			out = append(out, Placeholder{Value: strconv.FormatFloat(v, 'f', -1, 64), Count: n, Rows: NumberCompare(x, OpEq, v)})
		}
	}
	if lo := vals[0]; lo < 0 && isSentinel(lo) {
		n := 0
		for n < len(vals) && vals[n] == lo {
			n++
		}
		if n < len(vals) && vals[n] >= 0 {
			add(lo, n)
		}
	}
	if hi := vals[len(vals)-1]; hi > 0 && isSentinel(hi) {
		n := 0
		for n < len(vals) && vals[len(vals)-1-n] == hi {
			n++
		}
		if n < len(vals) && vals[len(vals)-1-n] <= hi/2 {
			add(hi, n)
		}
	}
	return out
}

func isSentinel(v float64) bool {
	for _, s := range sentinels {
		if v == s {
			return true
		}
	}
	return false
}

// TreatAsMissing makes the rows holding value NULL in c, for analysis only
// (the database keeps them), and says so in the column's note. It returns
// how many rows it changed; a value the column does not hold changes none.
func TreatAsMissing(c model.Column, value string) int {
	n := 0
	switch x := c.(type) {
	case *model.CodedColumn:
		for code, d := range x.Dict {
			if d != value {
				continue
			}
			for i, k := range x.Codes {
				if k == int32(code) {
					x.Codes[i] = -1
					n++
				}
			}
		}
	case *model.TextColumn:
		for i, v := range x.Values {
			if v == value && !x.Nulls.Has(i) {
				x.Nulls.Set(i)
				x.Values[i] = ""
				n++
			}
		}
	case *model.NumberColumn:
		f, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return 0
		}
		for i, v := range x.Values {
			if v == f && !x.Nulls.Has(i) {
				x.Nulls.Set(i)
				x.Values[i] = 0
				n++
			}
		}
	}
	if n > 0 {
		m := c.Meta()
		note := fmt.Sprintf("%s treated as missing (%d rows; the database keeps them)", segmentLiteral(value), n)
		if m.Note != "" {
			note = m.Note + "; " + note
		}
		m.Note = note
	}
	return n
}

func segmentLiteral(v string) string { return strconv.Quote(v) }
