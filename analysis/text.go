package analysis

import (
	"sort"
	"unicode/utf8"

	"github.com/pulpero/pulpero/model"
)

// TextSummary describes a text or identifier column: how many values, how
// many different ones, the most frequent, and their lengths in characters.
type TextSummary struct {
	Count, Nulls, Distinct int
	Top                    []ValueCount // most frequent first, ties by value; Code is unused (-1)
	MinLen, MaxLen         int
	MeanLen                float64
}

// SummarizeText computes a TextSummary of c over subset with the top most
// frequent values. Lengths count characters (runes), as SQLite's length().
//
// A million strings cost a map lookup each, so large columns are counted in
// one map per core, merged after; and a value equal to the row before's
// (postcodes and zones come in runs) reuses its counter without hashing.
func SummarizeText(c *model.TextColumn, subset model.Bitset, top int) TextSummary {
	type part struct {
		counts                       map[string]*int
		count, total, minLen, maxLen int
	}
	n := c.Len()
	parts := make([]part, chunkCount(len(c.Nulls)))
	forWordChunks(len(c.Nulls), func(chunk, w0, w1 int) {
		p := part{counts: map[string]*int{}, minLen: -1}
		var prev string
		var prevCount *int
		prevLen := 0
		for wi := w0; wi < w1; wi++ {
			keep := ^c.Nulls[wi]
			if subset != nil {
				keep &= subset[wi]
			}
			base := wi << 6
			for keep != 0 {
				i := base | trailingZeros(keep)
				if i >= n {
					break
				}
				keep &= keep - 1
				v := c.Values[i]
				if prevCount == nil || v != prev {
					prevCount = p.counts[v]
					if prevCount == nil {
						prevCount = new(int)
						p.counts[v] = prevCount
					}
					prev, prevLen = v, utf8.RuneCountInString(v)
				}
				*prevCount++
				p.total += prevLen
				if p.minLen < 0 || prevLen < p.minLen {
					p.minLen = prevLen
				}
				p.maxLen = max(p.maxLen, prevLen)
				p.count++
			}
		}
		parts[chunk] = p
	})
	counts := map[string]int{}
	s := TextSummary{MinLen: -1}
	total := 0
	for _, p := range parts {
		for v, k := range p.counts {
			counts[v] += *k
		}
		s.Count += p.count
		total += p.total
		if p.minLen >= 0 && (s.MinLen < 0 || p.minLen < s.MinLen) {
			s.MinLen = p.minLen
		}
		s.MaxLen = max(s.MaxLen, p.maxLen)
	}
	s.Nulls = rowsIn(n, subset) - s.Count
	s.Distinct = len(counts)
	if s.Count > 0 {
		s.MeanLen = float64(total) / float64(s.Count)
	} else {
		s.MinLen = 0
	}
	s.Top = topValues(counts, top)
	return s
}

// topValues returns the k most frequent values, most frequent first, ties
// by value, without sorting every distinct value.
func topValues(counts map[string]int, k int) []ValueCount {
	out := make([]ValueCount, 0, k+1)
	less := func(a, b ValueCount) bool { return a.Count > b.Count || a.Count == b.Count && a.Value < b.Value }
	for v, n := range counts {
		vc := ValueCount{Value: v, Code: -1, Count: n}
		if len(out) == k && (k == 0 || !less(vc, out[k-1])) {
			continue
		}
		i := sort.Search(len(out), func(i int) bool { return less(vc, out[i]) })
		out = append(out, ValueCount{})
		copy(out[i+1:], out[i:])
		out[i] = vc
		if len(out) > k {
			out = out[:k]
		}
	}
	return out
}

// eachRow calls f for every row in subset (nil: all rows) that is not in nulls.
func eachRow(n int, nulls, subset model.Bitset, f func(i int)) {
	for wi, w := range nulls {
		keep := ^w
		if subset != nil {
			keep &= subset[wi]
		}
		base := wi << 6
		for keep != 0 {
			i := base | trailingZeros(keep)
			if i >= n {
				break
			}
			f(i)
			keep &= keep - 1
		}
	}
}

// DistinctNumbers counts the different non-null values of c.
func DistinctNumbers(c *model.NumberColumn) int {
	vals := values(c, nil)
	if len(vals) == 0 {
		return 0
	}
	sort.Float64s(vals)
	n := 1
	for i := 1; i < len(vals); i++ {
		if vals[i] != vals[i-1] {
			n++
		}
	}
	return n
}

// Distinct counts the different non-null values of any column.
func Distinct(c model.Column) int {
	switch x := c.(type) {
	case *model.NumberColumn:
		return DistinctNumbers(x)
	case *model.CodedColumn:
		n := 0
		for _, k := range CodeCounts(x, nil)[1:] {
			if k > 0 {
				n++
			}
		}
		return n
	case *model.TextColumn:
		seen := make(map[string]struct{})
		eachRow(x.Len(), x.Nulls, nil, func(i int) { seen[x.Values[i]] = struct{}{} })
		return len(seen)
	}
	return 0
}
