package behaviour

import (
	"fmt"
	"math"

	"github.com/pulpero/pulpero/model"
)

// LineAttribute says whether a descriptive line column (Country in Online
// Retail) is really a customer attribute, and holds its per-customer values.
type LineAttribute struct {
	Name string
	// Constant: no customer's lines hold two different non-NULL values.
	Constant bool
	// Varying counts the customers whose lines hold more than one value;
	// Example is the first such customer row (-1 when Constant).
	Varying int
	Example int
	// Column has one row per customer, of the same type and kind as the
	// line column: the value of the customer's lines, the most frequent one
	// when they differ (ties: the value seen first), NULL when the customer
	// has no line with a value. Derived, with a Note.
	Column model.Column
}

// Notes of the per-customer columns made from line columns.
const (
	NoteLineConstant = "from the lines' %s (one value per customer)"
	NoteLineVarying  = "from the lines' %s: the most frequent value per customer (%d customers have more than one)"
)

// CustomerAttributes judges each line column as a customer attribute: for
// every column, whether it is constant within each customer, and its values
// per customer. customer[i] is line i's customer row (-1, or a value outside
// [0, customers), for a line without a known customer: ignored). NULL line
// values are ignored, so a customer with lines "UK" and NULL is constant.
//
// Columns must be *model.NumberColumn (values compared exactly),
// *model.CodedColumn or *model.TextColumn, with one row per line.
func CustomerAttributes(lines []model.Column, customer []int32, customers int) ([]LineAttribute, error) {
	if customers < 0 {
		return nil, fmt.Errorf(errCustomers, customers)
	}
	for _, c := range lines {
		if c.Len() != len(customer) {
			return nil, fmt.Errorf(errLineColumns, c.Meta().Name, c.Len(), len(customer))
		}
	}
	if len(customer) > math.MaxInt32 {
		return nil, fmt.Errorf(errTooMany, math.MaxInt32)
	}
	shards := lineShards(len(customer), workerCount(0))
	hs := make([][]int32, len(shards))
	runShards(len(shards), func(s int) {
		hs[s] = make([]int32, customers)
		for i := shards[s][0]; i < shards[s][1]; i++ {
			if c := customer[i]; c >= 0 && int(c) < customers {
				hs[s][c]++
			}
		}
	})
	g := countingSort(customers, shards, hs, func(i int) int32 {
		if c := customer[i]; c >= 0 && int(c) < customers {
			return c
		}
		return -1
	})
	out := make([]LineAttribute, 0, len(lines))
	for _, col := range lines {
		a, err := lineAttribute(col, &g, customers)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func lineAttribute(col model.Column, g *groups, n int) (LineAttribute, error) {
	name := col.Meta().Name
	a := LineAttribute{Name: name, Example: -1}
	meta := model.ColumnMeta{Name: name, Kind: col.Meta().Kind, Derived: true}
	var set func(c int, line int32)
	switch lc := col.(type) {
	case *model.NumberColumn:
		out := model.NewNumberColumn(meta, n)
		set = func(c int, line int32) { out.SetValue(c, lc.Values[line]) }
		a.Column = out
		a.Varying, a.Example = perCustomer(g, n, set, lc.IsNull, func(l int32) uint64 { return math.Float64bits(lc.Values[l]) })
	case *model.CodedColumn:
		out := &model.CodedColumn{ColumnMeta: meta, Codes: make([]int32, n), Dict: append([]string(nil), lc.Dict...)}
		for i := range out.Codes {
			out.Codes[i] = -1
		}
		set = func(c int, line int32) { out.Codes[c] = lc.Codes[line] }
		a.Column = out
		a.Varying, a.Example = perCustomer(g, n, set, lc.IsNull, func(l int32) int32 { return lc.Codes[l] })
	case *model.TextColumn:
		out := &model.TextColumn{ColumnMeta: meta, Values: make([]string, n), Nulls: model.FullBitset(n)}
		set = func(c int, line int32) { out.Values[c] = lc.Values[line]; out.Nulls.Clear(c) }
		a.Column = out
		a.Varying, a.Example = perCustomer(g, n, set, lc.IsNull, func(l int32) string { return lc.Values[l] })
	default:
		return a, fmt.Errorf(errLineType, name, col)
	}
	a.Constant = a.Varying == 0
	if a.Constant {
		a.Column.Meta().Note = fmt.Sprintf(NoteLineConstant, name)
	} else {
		a.Column.Meta().Note = fmt.Sprintf(NoteLineVarying, name, a.Varying)
	}
	return a, nil
}

// perCustomer sets each customer's value from one of its lines: the only
// non-NULL value, or the most frequent (ties: the value seen first). It
// returns how many customers had more than one value and the first of them.
// Values are told apart by key; a map takes over from the linear search when
// a customer has many distinct values (descriptions of thousands of lines).
func perCustomer[K comparable](g *groups, n int, set func(c int, line int32), null func(int) bool, key func(line int32) K) (varying, example int) {
	const linearUpTo = 8
	example = -1
	var (
		keys   []K
		first  []int32 // a line holding each distinct value, in order of first appearance
		counts []int
		index  map[K]int
	)
	for c := 0; c < n; c++ {
		keys, first, counts = keys[:0], first[:0], counts[:0]
		clear(index)
		for _, li := range g.of(c) {
			if null(int(li)) {
				continue
			}
			kv := key(li)
			k := -1
			if len(keys) <= linearUpTo {
				for j := range keys {
					if keys[j] == kv {
						k = j
						break
					}
				}
			} else {
				if len(index) == 0 {
					if index == nil {
						index = make(map[K]int)
					}
					for j, x := range keys {
						index[x] = j
					}
				}
				if j, ok := index[kv]; ok {
					k = j
				}
			}
			if k < 0 {
				k = len(keys)
				keys, first, counts = append(keys, kv), append(first, li), append(counts, 0)
				if len(index) > 0 {
					index[kv] = k
				}
			}
			counts[k]++
		}
		if len(keys) == 0 {
			continue
		}
		best := 0
		for k := range counts {
			if counts[k] > counts[best] {
				best = k
			}
		}
		if len(keys) > 1 {
			varying++
			if example < 0 {
				example = c
			}
		}
		set(c, first[best])
	}
	return varying, example
}
