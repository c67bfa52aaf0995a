package app

import (
	"strings"

	"github.com/pulpero/pulpero/analysis/behaviour"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// chunkBehaviour computes behaviour chunk by chunk (store.PurchaseChunk:
// whole customers [Lo, Hi)) into columns over all n customers. Each chunk
// is one behaviour.Compute on its customers alone, renumbered from 0, so
// the attributes are exactly those of one Compute over everything: every
// attribute of a customer depends only on that customer's lines and
// touchpoints and the analysis date. Sums, counts and examples add up.
type chunkBehaviour struct {
	n      int
	day    int32
	signup *model.NumberColumn
	cols   map[string]model.Column
	order  []string // the last chunk's column order (the fullest)
	sum    behaviour.Summary
	probs  map[behaviour.Problem]*DataProblem
}

func newChunkBehaviour(n int, day int32, signup *model.NumberColumn) *chunkBehaviour {
	return &chunkBehaviour{n: n, day: day, signup: signup, cols: map[string]model.Column{}, probs: map[behaviour.Problem]*DataProblem{}}
}

// add computes one chunk and writes its customers' rows.
func (cb *chunkBehaviour) add(ch *store.PurchaseChunk) error {
	lo, hi := ch.Lo, ch.Hi
	rebase := func(cust []int32) {
		for i, c := range cust {
			if c >= 0 {
				if int(c) < lo || int(c) >= hi {
					cust[i] = -1 // cannot happen with store's chunks; never index out of range
				} else {
					cust[i] = c - int32(lo)
				}
			}
		}
	}
	p := purchasesOf(ch.Lines)
	rebase(p.Customer)
	var t *behaviour.Touchpoints
	if ch.Touch != nil {
		t = touchpointsOf(ch.Touch)
		rebase(t.Customer)
	}
	res, err := behaviour.Compute(p, t, behaviour.Options{Customers: hi - lo, AnalysisDay: cb.day, SetAnalysisDay: true,
		Signup: sliceNumber(cb.signup, lo, hi)})
	if err != nil {
		return err
	}
	cb.order = cb.order[:0]
	for _, c := range res.Columns {
		name := c.Meta().Name
		cb.order = append(cb.order, name)
		f, ok := cb.cols[name]
		if !ok {
			f = cb.newColumn(c, lo)
			cb.cols[name] = f
		}
		copyRows(f, c, lo)
	}
	cb.addSummary(res.Summary)
	for _, pc := range res.Report.Problems {
		dp := cb.probs[pc.Problem]
		if dp == nil {
			dp = &DataProblem{Key: pc.Key, touch: pc.Problem.Touchpoint()}
			cb.probs[pc.Problem] = dp
		}
		dp.Count += pc.Count
		for _, e := range pc.Examples {
			if len(dp.Examples) == maxExamples {
				break
			}
			if dp.touch {
				dp.Examples = append(dp.Examples, ch.Touch.Rows.RowID(e))
			} else {
				dp.Examples = append(dp.Examples, ch.Lines.Rows.RowID(e))
			}
		}
	}
	return nil
}

// maxExamples is how many rowids a data problem keeps.
const maxExamples = 5

// newColumn makes the all-customers column of a chunk's attribute. One
// that appears only in a later chunk (a channel or touchpoint kind first
// met there) is filled for the earlier customers as Compute would have:
// a channel share is 0 for customers with purchases and NULL for others,
// a touchpoint count 0.
func (cb *chunkBehaviour) newColumn(c model.Column, lo int) model.Column {
	switch x := c.(type) {
	case *model.CodedColumn:
		codes := make([]int32, cb.n)
		for i := range codes {
			codes[i] = -1
		}
		return &model.CodedColumn{ColumnMeta: x.ColumnMeta, Codes: codes, Dict: x.Dict}
	case *model.NumberColumn:
		f := model.NewNumberColumn(x.ColumnMeta, cb.n)
		if lo == 0 {
			return f
		}
		freq, _ := cb.cols[behaviour.ColFrequency].(*model.NumberColumn)
		for i := 0; i < lo; i++ {
			switch {
			case strings.HasPrefix(x.Name, behaviour.ColContactsPrefix) && x.Name != behaviour.ColContactsBefore30d:
				f.SetValue(i, 0)
			case strings.HasPrefix(x.Name, behaviour.ColSharePrefix) && freq != nil && freq.Values[i] > 0:
				f.SetValue(i, 0)
			}
		}
		return f
	}
	return c
}

// copyRows writes chunk column src into dst from row lo.
func copyRows(dst, src model.Column, lo int) {
	switch s := src.(type) {
	case *model.NumberColumn:
		d := dst.(*model.NumberColumn)
		copy(d.Values[lo:], s.Values)
		for i := range s.Values {
			if s.IsNull(i) {
				d.Nulls.Set(lo + i)
			} else {
				d.Nulls.Clear(lo + i)
			}
		}
	case *model.CodedColumn:
		d := dst.(*model.CodedColumn)
		copy(d.Codes[lo:], s.Codes)
		if len(s.Dict) > len(d.Dict) {
			d.Dict = s.Dict // dictionaries only grow, keeping earlier codes
		}
	}
}

func (cb *chunkBehaviour) addSummary(s behaviour.Summary) {
	t := &cb.sum
	t.Lines += s.Lines
	t.LinesUsed += s.LinesUsed
	t.LinesWithoutCustomer += s.LinesWithoutCustomer
	t.Sales += s.Sales
	t.SalesWithoutCustomer += s.SalesWithoutCustomer
	t.CustomersWithPurchases += s.CustomersWithPurchases
	t.Purchases += s.Purchases
	t.Touchpoints += s.Touchpoints
	t.TouchpointsUsed += s.TouchpointsUsed
	t.TouchpointsWithoutCustomer += s.TouchpointsWithoutCustomer
}

// result returns the columns in the fullest chunk's order, the totals and
// the problems in behaviour's order.
func (cb *chunkBehaviour) result() ([]model.Column, behaviour.Summary, []DataProblem) {
	var cols []model.Column
	seen := map[string]bool{}
	for _, name := range cb.order {
		cols, seen[name] = append(cols, cb.cols[name]), true
	}
	for name, c := range cb.cols { // (a column only earlier chunks had cannot happen; kept, not lost)
		if !seen[name] {
			cols = append(cols, c)
		}
	}
	s := cb.sum
	s.AnalysisDay, s.Customers = cb.day, cb.n
	if s.Sales > 0 {
		s.ShareWithoutCustomer = s.SalesWithoutCustomer / s.Sales
	}
	var probs []DataProblem
	for p := behaviour.Problem(0); p.Key() != "unknown"; p++ {
		if dp := cb.probs[p]; dp != nil {
			probs = append(probs, *dp)
		}
	}
	return cols, s, probs
}

// sliceNumber returns rows [lo, hi) of c as a column of their own (nil
// for nil).
func sliceNumber(c *model.NumberColumn, lo, hi int) *model.NumberColumn {
	if c == nil {
		return nil
	}
	out := &model.NumberColumn{ColumnMeta: c.ColumnMeta, Values: c.Values[lo:hi], Nulls: model.NewBitset(hi - lo)}
	for i := lo; i < hi; i++ {
		if c.IsNull(i) {
			out.Nulls.Set(i - lo)
		}
	}
	return out
}
