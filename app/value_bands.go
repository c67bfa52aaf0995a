package app

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
)

// pAliveEdges cut P(alive) into bands people name: nearly gone, at risk,
// undecided, probably active, active.
var pAliveEdges = []float64{0.1, 0.3, 0.5, 0.7, 0.9}

// clvQuantiles are where the clv bands are cut: the bottom half, the next
// 30%, the next 15%, the next 4% and the top 1% (edges rounded to two
// significant digits, so the rules read well).
var clvQuantiles = []float64{0.5, 0.8, 0.95, 0.99}

// valueBands sums the predictions and cuts p_alive and clv into bands,
// each with its rule in the segment language; a band's customers are
// exactly those its rule selects (the same comparisons).
func (s *Session) valueBands(v *Value) (*ValueTotals, []ValueBand, []ValueBand) {
	pr := v.Predictions
	t := &ValueTotals{}
	var clvs []float64
	for i, ok := range pr.Modelled {
		if !ok {
			continue
		}
		t.Customers++
		t.MeanPAlive += pr.PAlive[i]
		t.ExpectedPurchases += pr.Expected[i]
		if pr.CLV != nil {
			t.CLV += pr.CLV[i]
			clvs = append(clvs, pr.CLV[i])
		}
	}
	if t.Customers == 0 {
		return t, nil, nil
	}
	t.MeanPAlive /= float64(t.Customers)
	if pr.CLV != nil {
		t.MeanCLV = t.CLV / float64(t.Customers)
	}
	t.MeanPAlive, t.ExpectedPurchases, t.CLV, t.MeanCLV = clean(t.MeanPAlive), clean(t.ExpectedPurchases), clean(t.CLV), clean(t.MeanCLV)
	pa := bandsOf(ColPAlive, pAliveEdges, pr.Modelled, pr.PAlive, pr.CLV)
	if pr.CLV == nil {
		return t, pa, nil
	}
	slices.Sort(clvs)
	var edges []float64
	for _, q := range clvQuantiles {
		e := roundEdge(clvs[int(math.Ceil(q*float64(len(clvs))))-1])
		if e > 0 && (len(edges) == 0 || e > edges[len(edges)-1]) {
			edges = append(edges, e)
		}
	}
	return t, pa, bandsOf(ColCLV, edges, pr.Modelled, pr.CLV, pr.CLV)
}

// bandsOf counts the modelled customers of each band of x cut at edges:
// x < e1, e1 ≤ x < e2, ..., x ≥ ek; clv (may be nil) is summed per band.
func bandsOf(name string, edges []float64, modelled []bool, x, clv []float64) []ValueBand {
	out := make([]ValueBand, len(edges)+1)
	for k := range out {
		b := &out[k]
		switch {
		case len(edges) == 0:
			b.Label, b.Rule = "all", name+" >= 0"
		case k == 0:
			b.Label, b.Rule = "< "+edgeText(edges[0]), fmt.Sprintf("%s < %s", name, edgeText(edges[0]))
		case k == len(edges):
			b.Label, b.Rule = "≥ "+edgeText(edges[k-1]), fmt.Sprintf("%s >= %s", name, edgeText(edges[k-1]))
		default:
			b.Label = edgeText(edges[k-1]) + "–" + edgeText(edges[k])
			b.Rule = fmt.Sprintf("%s >= %s and %s < %s", name, edgeText(edges[k-1]), name, edgeText(edges[k]))
		}
	}
	for i, ok := range modelled {
		if !ok || !finite(x[i]) {
			continue
		}
		k, _ := slices.BinarySearch(edges, x[i]) // first edge ≥ x
		if k < len(edges) && edges[k] == x[i] {
			k++ // x ≥ edge: the band above
		}
		out[k].Customers++
		if clv != nil {
			out[k].CLV += clv[i]
		}
	}
	return out
}

// roundEdge rounds a positive x to two significant digits, as a number
// whose shortest text reads back as itself.
func roundEdge(x float64) float64 {
	if !(x > 0) || !finite(x) {
		return 0
	}
	k := int(math.Floor(math.Log10(x))) - 1
	if k >= 0 {
		p := math.Pow(10, float64(k))
		return math.Round(x/p) * p
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', -k, 64), 64)
	return r
}

// edgeText writes a band edge as the rule language reads it.
func edgeText(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// topCustomers are the n customers with the highest clv (expected
// purchases without a spend model), ties by row.
func (s *Session) topCustomers(v *Value, n int) []TopCustomer {
	pr, sum := v.Predictions, v.Summary
	score := pr.CLV
	if score == nil {
		score = pr.Expected
	}
	var rows []int
	for i, ok := range pr.Modelled {
		if ok && finite(score[i]) {
			rows = append(rows, i)
		}
	}
	slices.SortStableFunc(rows, func(a, b int) int { return cmp.Compare(score[b], score[a]) })
	rows = rows[:min(n, len(rows))]
	key := s.customerKey()
	out := make([]TopCustomer, 0, len(rows))
	for _, i := range rows {
		c := TopCustomer{Customer: key(i), X: int(sum.X[i]), Tx: clean(sum.Tx[i]), T: clean(sum.T[i]), MeanValue: clean(sum.MeanValue[i]),
			PAlive: clean(pr.PAlive[i]), ExpectedPurchases: clean(pr.Expected[i])}
		if pr.CLV != nil {
			c.ExpectedValue, c.CLV = clean(pr.Value[i]), clean(pr.CLV[i])
		}
		out = append(out, c)
	}
	return out
}
