package analysis

import (
	"fmt"
	"math"

	"github.com/pulpero/pulpero/model"
)

// HistogramWithEdges counts c's values over subset into the bins given by
// ascending edges: bin i holds [edges[i], edges[i+1]), the last bin also its
// upper edge. Values outside the edges are not counted (callers build edges
// from the minimum and maximum, so none are).
func HistogramWithEdges(c *model.NumberColumn, subset model.Bitset, edges []float64) Histogram {
	h := Histogram{Edges: edges}
	if len(edges) < 2 {
		_, _, _, h.Nulls = minMax(c, subset)
		return h
	}
	h.Counts = make([]int, len(edges)-1)
	n := 0
	eachValue(c, subset, func(v float64) {
		n++
		if b := h.BinOf(v); b >= 0 {
			h.Counts[b]++
		}
	})
	h.Nulls = rowsIn(c.Len(), subset) - n
	return h
}

// QuantileHistogram bins c's values so that each bin holds about the same
// number of values: the edges are the type-7 quantiles at 0, 1/bins, ..., 1.
// Edges that coincide (many equal values) are merged, so a bin may hold more
// than its share and there may be fewer bins than asked for.
func QuantileHistogram(c *model.NumberColumn, subset model.Bitset, bins int) Histogram {
	vals := values(c, subset)
	if len(vals) == 0 || bins < 1 {
		return Histogram{Nulls: rowsIn(c.Len(), subset) - len(vals)}
	}
	probs := make([]float64, bins+1)
	for i := range probs {
		probs[i] = float64(i) / float64(bins)
	}
	q := Quantiles(vals, probs)
	edges := []float64{q[0]}
	for _, e := range q[1:] {
		if e > edges[len(edges)-1] {
			edges = append(edges, e)
		}
	}
	if len(edges) == 1 {
		edges = append(edges, edges[0]) // one distinct value: one closed bin
	}
	return HistogramWithEdges(c, subset, edges)
}

// LogHistogram bins c's values with edges equally spaced on a log10 scale
// between the smallest positive value and the maximum, which spreads out
// skewed money amounts. Values ≤ 0, if any, get a first bin of their own
// (from the minimum up to the smallest positive value).
func LogHistogram(c *model.NumberColumn, subset model.Bitset, bins int) Histogram {
	lo, hi, n, nulls := minMax(c, subset)
	if n == 0 || bins < 1 {
		return Histogram{Nulls: nulls}
	}
	minPos := math.Inf(1)
	eachValue(c, subset, func(v float64) {
		if v > 0 && v < minPos {
			minPos = v
		}
	})
	var edges []float64
	if lo <= 0 {
		edges = append(edges, lo)
	}
	if math.IsInf(minPos, 1) { // nothing positive: a log scale cannot help
		return EqualWidthHistogram(c, subset, bins)
	}
	if minPos == hi {
		edges = append(edges, hi, hi)
		if lo <= 0 {
			edges = edges[:2]
		}
		return HistogramWithEdges(c, subset, edges)
	}
	l0, l1 := math.Log10(minPos), math.Log10(hi)
	for i := 0; i <= bins; i++ {
		e := math.Pow(10, l0+(l1-l0)*float64(i)/float64(bins))
		switch i {
		case 0:
			e = minPos
		case bins:
			e = hi
		}
		if len(edges) == 0 || e > edges[len(edges)-1] {
			edges = append(edges, e)
		}
	}
	return HistogramWithEdges(c, subset, edges)
}

// DefaultBins is the bin count a histogram starts with: √n, at least 5 and
// at most 24, so a small table is not cut into one-row bins and a big one
// stays readable in a terminal.
func DefaultBins(n int) int {
	return max(5, min(24, int(math.Sqrt(float64(n)))))
}

// DateGrouping says how dates are counted: by calendar year, quarter,
// month, or day of the week.
type DateGrouping int

const (
	ByYear DateGrouping = iota
	ByQuarter
	ByMonth
	ByWeekday
)

var groupingNames = [...]string{"year", "quarter", "month", "weekday"}

func (g DateGrouping) String() string { return groupingNames[g] }

// LabelCount is one group of a grouping and how many rows fall in it.
type LabelCount struct {
	Label string
	Key   int // sort key: year, year*4+quarter, year*12+month, or weekday 0=Monday
	Count int
}

var weekdays = [...]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}

// DateCounts counts a date or date-time column's values over subset by g,
// in calendar order, leaving out empty groups (every weekday is kept).
// Date-times are grouped by their UTC day.
func DateCounts(c *model.NumberColumn, subset model.Bitset, g DateGrouping) (groups []LabelCount, nulls int) {
	lo, hi, n, nulls := minMax(c, subset)
	if n == 0 {
		return nil, nulls
	}
	toDay := func(v float64) int64 {
		if c.Kind == model.KindDateTime {
			return int64(math.Floor(v / 86400))
		}
		return int64(math.Floor(v))
	}
	// keys grow with the day (weekdays aside), so a dense slice from the
	// first key to the last counts without a map
	first, last := dateKey(toDay(lo), g), dateKey(toDay(hi), g)
	if g == ByWeekday {
		first, last = 0, 6
	}
	counts := make([]int, last-first+1)
	// a table from day to group saves the calendar arithmetic per value when
	// the days span less than about 500 years (always, for customers)
	d0, d1 := toDay(lo), toDay(hi)
	if span := d1 - d0 + 1; span <= 200_000 {
		table := make([]int32, span)
		for d := range table {
			table[d] = int32(dateKey(d0+int64(d), g) - first)
		}
		if subset == nil && c.Kind == model.KindDate {
			for wi, nulls := range c.Nulls {
				base := wi << 6
				for j, v := range c.Values[base:min(base+64, len(c.Values))] {
					if nulls&(1<<uint(j)) == 0 {
						counts[table[int64(math.Floor(v))-d0]]++
					}
				}
			}
		} else {
			forEachValue(c, subset, func(v float64) { counts[table[toDay(v)-d0]]++ })
		}
	} else {
		eachValue(c, subset, func(v float64) { counts[dateKey(toDay(v), g)-first]++ })
	}
	for i, k := range counts {
		if k > 0 || g == ByWeekday {
			groups = append(groups, LabelCount{Label: dateLabel(first+i, g), Key: first + i, Count: k})
		}
	}
	return groups, nulls
}

func dateKey(day int64, g DateGrouping) int {
	y, m, _ := civil(day)
	switch g {
	case ByQuarter:
		return y*4 + (m-1)/3
	case ByMonth:
		return y*12 + m - 1
	case ByWeekday:
		// 1970-01-01 was a Thursday (3 with Monday = 0)
		return int(((day+3)%7 + 7) % 7)
	}
	return y
}

func dateLabel(k int, g DateGrouping) string {
	switch g {
	case ByQuarter:
		return fmt.Sprintf("%d Q%d", floorDiv(k, 4), k-4*floorDiv(k, 4)+1)
	case ByMonth:
		return fmt.Sprintf("%d-%02d", floorDiv(k, 12), k-12*floorDiv(k, 12)+1)
	case ByWeekday:
		return weekdays[k]
	}
	return fmt.Sprint(k)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// civil converts days since 1970-01-01 to a proleptic Gregorian date
// without going through time.Time, which is several times slower on a
// million rows (H. Hinnant's days_from_civil inverse).
func civil(day int64) (year, month, dayOfMonth int) {
	z := day + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return int(y), int(m), int(d)
}

// SummarizeQuick computes the same Summary as Summarize, exactly, in a
// fixed number of passes: quantiles come from a bucketed selection (count
// values in 4,096 equal-width buckets, then select inside the few buckets
// that hold the wanted order statistics) instead of repeated quickselects
// over a copy of the column, which is what makes a cursor move over a
// million rows fit in a frame budget.
func SummarizeQuick(c *model.NumberColumn, subset model.Bitset) Summary {
	lo, hi, n, nulls := minMax(c, subset)
	s := Summary{Count: n, Nulls: nulls, Quantiles: make([]float64, len(SummaryProbs))}
	if n == 0 {
		nan := math.NaN()
		s.Min, s.Max, s.Mean, s.Std = nan, nan, nan, nan
		for i := range s.Quantiles {
			s.Quantiles[i] = nan
		}
		return s
	}
	s.Min, s.Max = lo, hi
	const buckets = 4096
	scale := 0.0
	if hi > lo {
		scale = float64(buckets) / (hi - lo)
	}
	bucket := func(v float64) int { return min(buckets-1, int((v-lo)*scale)) } // monotone in v
	counts := make([]int, buckets)
	var sum float64
	if subset == nil {
		// written out rather than through a callback: this pass and the next
		// run on every cursor move over a million rows
		for wi, nulls := range c.Nulls {
			base := wi << 6
			for j, v := range c.Values[base:min(base+64, len(c.Values))] {
				if nulls&(1<<uint(j)) == 0 {
					counts[min(buckets-1, int((v-lo)*scale))]++
					sum += v
				}
			}
		}
	} else {
		eachValue(c, subset, func(v float64) {
			counts[bucket(v)]++
			sum += v
		})
	}
	s.Mean = sum / float64(n)
	// the order statistics type-7 interpolation needs: ⌊h⌋ and ⌊h⌋+1 per p
	want := map[int]bool{}
	for _, p := range SummaryProbs {
		k := int(math.Floor(float64(n-1) * p))
		want[k], want[min(k+1, n-1)] = true, true
	}
	start := make([]int, buckets) // rank of each bucket's first value
	for b := 1; b < buckets; b++ {
		start[b] = start[b-1] + counts[b-1]
	}
	bucketOf := func(k int) int {
		b := sortSearch(buckets, func(b int) bool { return start[b]+counts[b] > k })
		return b
	}
	// slot maps a bucket to its gathered values (-1: not needed); a slice,
	// not a map, because it is consulted once per value
	slot := make([]int32, buckets)
	for b := range slot {
		slot[b] = -1
	}
	var gather [][]float64
	for k := range want {
		if b := bucketOf(k); slot[b] < 0 {
			slot[b] = int32(len(gather))
			gather = append(gather, make([]float64, 0, counts[b]))
		}
	}
	var m2 float64
	mean := s.Mean
	visit := func(v float64) {
		d := v - mean
		m2 += d * d
		if g := slot[bucket(v)]; g >= 0 {
			gather[g] = append(gather[g], v)
		}
	}
	if subset == nil {
		for wi, nulls := range c.Nulls {
			base := wi << 6
			for j, v := range c.Values[base:min(base+64, len(c.Values))] {
				if nulls&(1<<uint(j)) != 0 {
					continue
				}
				d := v - mean
				m2 += d * d
				if g := slot[min(buckets-1, int((v-lo)*scale))]; g >= 0 {
					gather[g] = append(gather[g], v)
				}
			}
		}
	} else {
		eachValue(c, subset, visit)
	}
	s.Std = math.NaN()
	if n > 1 {
		s.Std = math.Sqrt(m2 / float64(n-1))
	}
	order := func(k int) float64 {
		b := bucketOf(k)
		g := gather[slot[b]]
		if allEqual(g) { // a small integer column: each bucket is one value
			return g[0]
		}
		return selectKth(g, k-start[b])
	}
	for i, p := range SummaryProbs {
		h := float64(n-1) * p
		k := int(math.Floor(h))
		x := order(k)
		if frac := h - float64(k); frac > 0 && k+1 < n {
			x += frac * (order(k+1) - x)
		}
		s.Quantiles[i] = x
	}
	return s
}

func allEqual(v []float64) bool {
	for _, x := range v {
		if x != v[0] {
			return false
		}
	}
	return true
}

func sortSearch(n int, f func(int) bool) int {
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if !f(mid) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// forEachValue is eachValue with the all-rows case written as a plain loop
// over 64-row words, which the compiler can inline f into: the passes of
// SummarizeQuick and DateCounts run on every cursor move over a million rows.
func forEachValue(c *model.NumberColumn, subset model.Bitset, f func(float64)) {
	if subset != nil {
		eachValue(c, subset, f)
		return
	}
	vals := c.Values
	for wi, nulls := range c.Nulls {
		base := wi << 6
		chunk := vals[base:min(base+64, len(vals))]
		if nulls == 0 {
			for _, v := range chunk {
				f(v)
			}
			continue
		}
		for j, v := range chunk {
			if nulls&(1<<uint(j)) == 0 {
				f(v)
			}
		}
	}
}
