package targeting

import (
	"math"
	"slices"

	"github.com/pulpero/pulpero/model"
)

// logitFeature turns one attribute of any customer into its terms.
type logitFeature struct {
	num       *model.NumberColumn
	mean, sd  float64
	idx, miss int // coefficient of the standardised value and of "missing" (-1: none)

	coded *model.CodedColumn
	level []int // coefficient by code+1 (0: NULL); -1 for the reference

	dated *datedConsent // ConsentAtContact, coefficient idx when consented
}

func (f *logitFeature) z(row int) float64 {
	if f.num.Nulls.Has(row) {
		return 0
	}
	z := (f.num.Values[row] - f.mean) / f.sd
	if z > logitClip {
		return logitClip
	}
	if z < -logitClip {
		return -logitClip
	}
	return z
}

// addEta adds the feature's part of the log-odds of every dataset row, with
// dated features read on day (the new campaign's day).
func (f *logitFeature) addEta(eta []float64, beta []float64, day int64) {
	if f.dated != nil {
		for i := range eta {
			if f.dated.at(i, day) {
				eta[i] += beta[f.idx]
			}
		}
		return
	}
	if f.num != nil {
		b := beta[f.idx]
		for i := range eta {
			if f.num.Nulls.Has(i) {
				if f.miss >= 0 {
					eta[i] += beta[f.miss]
				}
				continue
			}
			eta[i] += b * f.z(i)
		}
		return
	}
	for i, c := range f.coded.Codes {
		if k := f.level[c+1]; k >= 0 {
			eta[i] += beta[k]
		}
	}
}

// logitDesign holds the fitted contacts' terms column by column: standardised
// numbers as float32, and for each categorical (and missing indicator) the
// coefficient each contact's level switches on (-1: the reference). Then
// the categorical slots are folded into cells, one per combination of
// levels that occurs: a contact's categorical terms are those of its cell,
// so a pass gathers and scatters once per contact for all of them (the
// Hessian's categorical blocks come from per-cell sums).
type logitDesign struct {
	n, p   int
	y      []bool
	num    [][]float32
	numIdx []int
	coded  [][]int16 // until buildCells
	cell   []int32   // per contact
	cells  [][]int16 // per cell, its coefficients in increasing order
}

// logitDenseCells bounds the (cell, level) table of buildCells; past it, a map.
var logitDenseCells = 1 << 22

// buildCells folds the categorical slots into cells, slot by slot: (cell so
// far, level) pairs get new cell numbers in order of first appearance.
func (d *logitDesign) buildCells() {
	d.cell = make([]int32, d.n)
	d.cells = [][]int16{nil}
	for _, col := range d.coded {
		first := int16(math.MaxInt16)
		for _, k := range col {
			if k >= 0 {
				first = min(first, k)
			}
		}
		width := 1
		for _, k := range col {
			width = max(width, int(k-first)+2)
		}
		local := func(k int16) int {
			if k < 0 {
				return 0
			}
			return int(k-first) + 1
		}
		var cells [][]int16
		dense := len(d.cells)*width <= logitDenseCells
		var table []int32
		byPair := map[int]int32{}
		if dense {
			table = make([]int32, len(d.cells)*width)
			for i := range table {
				table[i] = -1
			}
		}
		for i, k := range col {
			key := int(d.cell[i])*width + local(k)
			var c int32
			var ok bool
			if dense {
				c = table[key]
				ok = c >= 0
			} else {
				c, ok = byPair[key]
			}
			if !ok {
				c = int32(len(cells))
				ks := slices.Clone(d.cells[d.cell[i]])
				if k >= 0 {
					ks = append(ks, k)
				}
				cells = append(cells, ks)
				if dense {
					table[key] = c
				} else {
					byPair[key] = c
				}
			}
			d.cell[i] = c
		}
		d.cells = cells
	}
	d.coded = nil
}

// addFeature prepares column c over the contacts' rows and names its terms;
// false when it does not vary among them.
func (d *logitDesign) addFeature(c model.Column, rows []int32, fit *LogitFit) (logitFeature, bool) {
	name := c.Meta().Name
	switch c := c.(type) {
	case *model.NumberColumn:
		// Mean and sd in one pass, shifted by the first value against
		// cancellation (days since 1970, unix seconds).
		var sum, sq, shift float64
		nulls, first := 0, true
		for _, r := range rows {
			if c.Nulls.Has(int(r)) {
				nulls++
				continue
			}
			if first {
				shift, first = c.Values[r], false
			}
			v := c.Values[r] - shift
			sum += v
			sq += v * v
		}
		have := len(rows) - nulls
		if have < logitMinLevel {
			return logitFeature{}, false
		}
		mean := sum / float64(have)
		sd := math.Sqrt(max(0, sq/float64(have)-mean*mean))
		mean += shift
		if sd == 0 || math.IsNaN(sd) || math.IsInf(sd, 0) {
			return logitFeature{}, false
		}
		f := logitFeature{num: c, mean: mean, sd: sd, idx: d.p, miss: -1}
		d.p++
		fit.Terms = append(fit.Terms, LogitTerm{Feature: name})
		z := make([]float32, len(rows))
		for k, r := range rows {
			z[k] = float32(f.z(int(r)))
		}
		d.num, d.numIdx = append(d.num, z), append(d.numIdx, f.idx)
		if nulls >= logitMinLevel {
			f.miss = d.p
			d.p++
			fit.Terms = append(fit.Terms, LogitTerm{Feature: name, Level: "missing"})
			ind := make([]int16, len(rows))
			for k, r := range rows {
				ind[k] = -1
				if c.Nulls.Has(int(r)) {
					ind[k] = int16(f.miss)
				}
			}
			d.coded = append(d.coded, ind)
		}
		return f, true
	case *model.CodedColumn:
		counts := make([]int, len(c.Dict)+1)
		for _, r := range rows {
			counts[c.Codes[r]+1]++
		}
		order := make([]int, len(counts)) // levels by count, most frequent first
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return counts[b] - counts[a] })
		levelName := func(l int) string {
			if l == 0 {
				return "no value"
			}
			return c.Dict[l-1]
		}
		f := logitFeature{coded: c, level: make([]int, len(counts))}
		for i := range f.level {
			f.level[i] = -1
		}
		ref := levelName(order[0])
		kept := 0
		for _, l := range order[1:] {
			if counts[l] < logitMinLevel || kept == logitMaxLevels {
				break
			}
			f.level[l] = d.p
			d.p++
			kept++
			fit.Terms = append(fit.Terms, LogitTerm{Feature: name, Level: levelName(l), Reference: ref})
		}
		if kept == 0 {
			return logitFeature{}, false
		}
		ks := make([]int16, len(rows))
		for k, r := range rows {
			ks[k] = int16(f.level[c.Codes[r]+1])
		}
		d.coded = append(d.coded, ks)
		return f, true
	}
	return logitFeature{}, false
}

// addDated adds ConsentAtContact over the contacts (rows, and their days):
// one term, consented against not; false when either side has fewer than
// logitMinLevel contacts.
func (d *logitDesign) addDated(dc *datedConsent, rows []int32, days []int64, fit *LogitFit) (logitFeature, bool) {
	ind := make([]int16, len(rows))
	yes := 0
	for k, r := range rows {
		ind[k] = -1
		if dc.at(int(r), days[k]) {
			ind[k] = int16(d.p)
			yes++
		}
	}
	if yes < logitMinLevel || len(rows)-yes < logitMinLevel {
		return logitFeature{}, false
	}
	f := logitFeature{dated: dc, idx: d.p, miss: -1}
	d.p++
	fit.Terms = append(fit.Terms, LogitTerm{Feature: ConsentAtContact, Level: "yes", Reference: "no"})
	d.coded = append(d.coded, ind)
	return f, true
}
