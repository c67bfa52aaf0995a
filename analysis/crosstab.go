package analysis

import (
	"fmt"
	"math"

	"github.com/pulpero/pulpero/model"
)

// Axis is one side of a cross-tab: a label per category and each row's
// category (-1: the row is NULL and left out of the table).
type Axis struct {
	Name   string
	Labels []string
	Index  []int32
}

// AxisOf turns a column into categories: a categorical or boolean by its
// values (its codes are used as they are, without a copy), a date by year,
// and any other number by an equal-width histogram of bins bins. Text has
// too many values to cross and returns an error.
func AxisOf(c model.Column, bins int) (Axis, error) {
	name := c.Meta().Name
	switch x := c.(type) {
	case *model.CodedColumn:
		return Axis{Name: name, Labels: x.Dict, Index: x.Codes}, nil
	case *model.NumberColumn:
		if x.Kind == model.KindDate || x.Kind == model.KindDateTime {
			return dateAxis(x), nil
		}
		if a, ok := smallIntegerAxis(x, bins); ok {
			return a, nil
		}
		h := EqualWidthHistogram(x, nil, bins)
		a := Axis{Name: name, Index: make([]int32, x.Len())}
		for b := range h.Counts {
			lo, hi := h.Edges[b], h.Edges[b+1]
			switch {
			case h.Whole && hi-1 > lo:
				a.Labels = append(a.Labels, shortNumber(x.Kind, lo)+"–"+shortNumber(x.Kind, hi-1))
			case h.Whole:
				a.Labels = append(a.Labels, shortNumber(x.Kind, lo))
			default:
				a.Labels = append(a.Labels, binLabel(x.Kind, lo, hi, b == len(h.Counts)-1))
			}
		}
		for i, v := range x.Values {
			a.Index[i] = -1
			if !x.Nulls.Has(i) {
				a.Index[i] = int32(h.BinOf(v))
			}
		}
		return a, nil
	}
	return Axis{}, fmt.Errorf("%s is %s: too many different values to cross-tabulate", name, c.Meta().Kind)
}

// smallIntegerAxis gives a whole-number column with at most bins different
// values one category per value (children 0..3), where bins would cut
// between integers and read "[0.375, 0.75)".
func smallIntegerAxis(c *model.NumberColumn, bins int) (Axis, bool) {
	lo, hi, n, _ := minMax(c, nil)
	if n == 0 || hi-lo+1 > float64(bins) {
		return Axis{}, false
	}
	for i, v := range c.Values {
		if !c.Nulls.Has(i) && v != math.Trunc(v) {
			return Axis{}, false
		}
	}
	a := Axis{Name: c.Name, Index: make([]int32, c.Len())}
	for v := lo; v <= hi; v++ {
		a.Labels = append(a.Labels, fmt.Sprint(int64(v)))
	}
	for i, v := range c.Values {
		a.Index[i] = -1
		if !c.Nulls.Has(i) {
			a.Index[i] = int32(v - lo)
		}
	}
	return a, true
}

func dateAxis(c *model.NumberColumn) Axis {
	groups, _ := DateCounts(c, nil, ByYear)
	a := Axis{Name: c.Name, Index: make([]int32, c.Len())}
	if len(groups) == 0 {
		for i := range a.Index {
			a.Index[i] = -1
		}
		return a
	}
	first := groups[0].Key
	for y := first; y <= groups[len(groups)-1].Key; y++ {
		a.Labels = append(a.Labels, fmt.Sprint(y))
	}
	for i, v := range c.Values {
		a.Index[i] = -1
		if !c.Nulls.Has(i) {
			day := int64(v)
			if c.Kind == model.KindDateTime {
				day = floorDay(v)
			}
			y, _, _ := civil(day)
			a.Index[i] = int32(y - first)
		}
	}
	return a
}

func floorDay(secs float64) int64 {
	d := int64(secs) / 86400
	if secs < 0 && int64(secs)%86400 != 0 {
		d--
	}
	return d
}

// binLabel names a histogram bin as an interval: "[10, 20)" or "[90, 100]".
func binLabel(k model.Kind, lo, hi float64, last bool) string {
	closer := ")"
	if last {
		closer = "]"
	}
	return "[" + shortNumber(k, lo) + ", " + shortNumber(k, hi) + closer
}

func shortNumber(k model.Kind, v float64) string {
	if v == float64(int64(v)) {
		return fmt.Sprint(int64(v))
	}
	return fmt.Sprintf("%.4g", v)
}

// CrossTab counts rows by two axes. Rows where either side is NULL are left
// out and counted in Missing.
type CrossTab struct {
	Rows, Cols           Axis
	Counts               [][]int // [row category][column category]
	RowTotals, ColTotals []int
	Total, Missing       int
}

// CrossTabulate counts the rows of subset (nil: all) by a and b, which must
// have the same length. It is one pass over two int32 slices.
func CrossTabulate(a, b Axis, subset model.Bitset) CrossTab {
	na, nb := len(a.Labels), len(b.Labels)
	flat := make([]int, na*nb)
	missing := 0
	add := func(i int) {
		x, y := a.Index[i], b.Index[i]
		if x < 0 || y < 0 {
			missing++
			return
		}
		flat[int(x)*nb+int(y)]++
	}
	if subset == nil {
		for i := range a.Index {
			add(i)
		}
	} else {
		subset.ForEach(add)
	}
	t := CrossTab{Rows: a, Cols: b, Counts: make([][]int, na), RowTotals: make([]int, na), ColTotals: make([]int, nb), Missing: missing}
	for r := range na {
		t.Counts[r] = flat[r*nb : (r+1)*nb]
		for c, n := range t.Counts[r] {
			t.RowTotals[r] += n
			t.ColTotals[c] += n
			t.Total += n
		}
	}
	return t
}

// DropEmpty removes categories with no rows on either axis, so a
// dictionary value that no customer holds takes no space on screen.
func (t CrossTab) DropEmpty() CrossTab {
	var rows, cols []int
	for r, n := range t.RowTotals {
		if n > 0 {
			rows = append(rows, r)
		}
	}
	for c, n := range t.ColTotals {
		if n > 0 {
			cols = append(cols, c)
		}
	}
	out := CrossTab{Total: t.Total, Missing: t.Missing,
		Rows: Axis{Name: t.Rows.Name}, Cols: Axis{Name: t.Cols.Name}} // indexes no longer match the kept labels
	for _, r := range rows {
		out.Rows.Labels = append(out.Rows.Labels, t.Rows.Labels[r])
		out.RowTotals = append(out.RowTotals, t.RowTotals[r])
		line := make([]int, 0, len(cols))
		for _, c := range cols {
			line = append(line, t.Counts[r][c])
		}
		out.Counts = append(out.Counts, line)
	}
	for _, c := range cols {
		out.Cols.Labels = append(out.Cols.Labels, t.Cols.Labels[c])
		out.ColTotals = append(out.ColTotals, t.ColTotals[c])
	}
	return out
}
