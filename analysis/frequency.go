package analysis

import (
	"math/bits"
	"sort"

	"github.com/pulpero/pulpero/model"
)

func trailingZeros(w uint64) int { return bits.TrailingZeros64(w) }

// ValueCount is one value of a categorical and how many rows hold it.
type ValueCount struct {
	Value string
	Code  int32
	Count int
}

// Frequency counts each dictionary value of c over subset, most frequent
// first (ties by value), leaving out values with no rows. Nulls are counted
// apart.
func Frequency(c *model.CodedColumn, subset model.Bitset) (counts []ValueCount, nulls int) {
	byCode := CodeCounts(c, subset)
	for code, n := range byCode[1:] {
		if n > 0 {
			counts = append(counts, ValueCount{Value: c.Dict[code], Code: int32(code), Count: n})
		}
	}
	sort.Slice(counts, func(i, j int) bool {
		if counts[i].Count != counts[j].Count {
			return counts[i].Count > counts[j].Count
		}
		return counts[i].Value < counts[j].Value
	})
	return counts, byCode[0]
}

// CodeCounts returns counts indexed by code+1: element 0 counts nulls.
func CodeCounts(c *model.CodedColumn, subset model.Bitset) []int {
	counts := make([]int, len(c.Dict)+1)
	if subset == nil {
		words := (len(c.Codes) + 63) / 64
		parts := make([][]int, chunkCount(words))
		forWordChunks(words, func(chunk, w0, w1 int) {
			part := make([]int, len(counts))
			for _, code := range c.Codes[w0*64 : min(w1*64, len(c.Codes))] {
				part[code+1]++
			}
			parts[chunk] = part
		})
		for _, part := range parts {
			for i, n := range part {
				counts[i] += n
			}
		}
		return counts
	}
	for wi, w := range subset {
		for w != 0 {
			i := wi<<6 | bits.TrailingZeros64(w)
			counts[c.Codes[i]+1]++
			w &= w - 1
		}
	}
	return counts
}
