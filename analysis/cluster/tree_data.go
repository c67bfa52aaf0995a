package cluster

import (
	"math"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// treeFeature is one attribute as the tree sees it: original values, NULLs
// kept apart, numbers presorted once.
type treeFeature struct {
	name string
	kind model.Kind
	cat  bool

	// numbers (dates as day numbers, date-times by their day, as the segment
	// language compares them)
	vals   []float64
	nulls  model.Bitset
	sorted []int32 // clustered non-null rows by increasing value (ties by row)
	// their values and clusters in the same order, so that a pass reads
	// them in sequence instead of jumping around the columns
	sortedVals []float64
	sortedLab  []int32
	nullRows   []int32 // clustered NULL rows

	// categories: codes that compare equal in the language (case-insensitively)
	// share a level; the empty level is the last
	level     []int32
	levels    int
	levelText []string
}

func (f *treeFeature) date() bool {
	return f.kind == model.KindDate || f.kind == model.KindDateTime
}

// newTreeFeature prepares a column for the tree over the rows with label >= 0.
func newTreeFeature(c model.Column, labels []int32) (*treeFeature, error) {
	meta := c.Meta()
	f := &treeFeature{name: meta.Name, kind: meta.Kind}
	switch x := c.(type) {
	case *model.NumberColumn:
		f.vals, f.nulls = x.Values, x.Nulls
		if meta.Kind == model.KindDateTime {
			f.vals = make([]float64, len(x.Values))
			for i, v := range x.Values {
				f.vals[i] = math.Floor(v / 86400)
			}
		}
		bad := 0
		var keep []int32
		for i, a := range labels {
			switch {
			case a < 0:
			case x.Nulls.Has(i):
				f.nullRows = append(f.nullRows, int32(i))
			case math.IsNaN(f.vals[i]) || math.IsInf(f.vals[i], 0):
				bad++
			default:
				keep = append(keep, int32(i))
			}
		}
		if bad > 0 {
			return nil, problem(ProblemNonFinite, meta.Name, bad, 0)
		}
		f.sorted = sortByValue(keep, f.vals)
		f.sortedVals = make([]float64, len(f.sorted))
		f.sortedLab = make([]int32, len(f.sorted))
		for q, r := range f.sorted {
			f.sortedVals[q], f.sortedLab[q] = f.vals[r], labels[r]
		}
	case *model.CodedColumn:
		f.cat = true
		if err := f.levelsOf(x, labels); err != nil {
			return nil, err
		}
	default:
		return nil, problem(ProblemUnsupported, meta.Name, 0, 0)
	}
	return f, nil
}

// levelsOf merges the codes the language cannot tell apart and checks the
// number of categories present.
func (f *treeFeature) levelsOf(x *model.CodedColumn, labels []int32) error {
	levelOf := make([]int32, len(x.Dict))
	for code, v := range x.Dict {
		levelOf[code] = -1
		for l, t := range f.levelText {
			if strings.EqualFold(t, v) {
				levelOf[code] = int32(l)
				break
			}
		}
		if levelOf[code] < 0 {
			levelOf[code] = int32(len(f.levelText))
			f.levelText = append(f.levelText, v)
		}
	}
	f.levels = len(f.levelText) + 1
	empty := int32(f.levels - 1)
	f.level = make([]int32, len(x.Codes))
	present := make([]bool, f.levels)
	for i, code := range x.Codes {
		l := empty
		if code >= 0 && int(code) < len(x.Dict) {
			l = levelOf[code]
		}
		f.level[i] = l
		if labels[i] >= 0 {
			present[l] = true
		}
	}
	count := 0
	for _, p := range present {
		if p {
			count++
		}
	}
	if count > MaxLevels {
		return problem(ProblemTooManyLevels, f.name, count, MaxLevels)
	}
	return nil
}

// sortByValue orders rows by vals[row] (ties keep row order), by a
// least-significant-digit radix sort on the order-preserving bits of the
// float64 keys: linear, which is what keeps a tree on a million rows fast.
func sortByValue(rows []int32, vals []float64) []int32 {
	n := len(rows)
	keys := make([]uint64, n)
	for i, r := range rows {
		b := math.Float64bits(vals[r] + 0) // +0 turns -0 into 0
		if b>>63 == 1 {
			b = ^b
		} else {
			b |= 1 << 63
		}
		keys[i] = b
	}
	keys2 := make([]uint64, n)
	rows2 := make([]int32, n)
	src := append([]int32(nil), rows...)
	var count [1 << 16]int
	for shift := 0; shift < 64; shift += 16 {
		clear(count[:])
		for _, k := range keys {
			count[(k>>shift)&0xffff]++
		}
		if n == 0 || count[(keys[0]>>shift)&0xffff] == n {
			continue // every key has this digit
		}
		pos := 0
		for d, c := range count {
			count[d] = pos
			pos += c
		}
		for i, k := range keys {
			d := (k >> shift) & 0xffff
			keys2[count[d]] = k
			rows2[count[d]] = src[i]
			count[d]++
		}
		keys, keys2 = keys2, keys
		src, rows2 = rows2, src
	}
	return src
}
