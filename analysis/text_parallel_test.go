package analysis

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/pulpero/pulpero/model"
)

// TestSummarizeTextLargeColumn: on a column long enough to be counted on
// every core, with runs of equal values, NULLs and a subset, the summary
// equals one computed naively row by row.
func TestSummarizeTextLargeColumn(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 7))
	n := 300_000
	c := &model.TextColumn{Values: make([]string, n), Nulls: model.NewBitset(n)}
	v := ""
	for i := range n {
		if r.IntN(4) == 0 { // runs: a new value now and then
			v = fmt.Sprintf("%05d-ñ%s", r.IntN(900), string(rune('a'+r.IntN(3))))
		}
		c.Values[i] = v
		if r.IntN(17) == 0 {
			c.Nulls.Set(i)
		}
	}
	subset := model.NewBitset(n)
	for i := range n {
		if r.IntN(3) > 0 {
			subset.Set(i)
		}
	}
	for _, sub := range []model.Bitset{nil, subset} {
		got := SummarizeText(c, sub, 10)
		counts := map[string]int{}
		want := TextSummary{MinLen: 1 << 30}
		total := 0
		for i, s := range c.Values {
			if c.Nulls.Has(i) || sub != nil && !sub.Has(i) {
				if sub == nil || sub.Has(i) {
					want.Nulls++
				}
				continue
			}
			counts[s]++
			l := utf8.RuneCountInString(s)
			want.Count, total = want.Count+1, total+l
			want.MinLen, want.MaxLen = min(want.MinLen, l), max(want.MaxLen, l)
		}
		want.Distinct, want.MeanLen = len(counts), float64(total)/float64(want.Count)
		var all []ValueCount
		for s, k := range counts {
			all = append(all, ValueCount{Value: s, Code: -1, Count: k})
		}
		slices.SortFunc(all, func(a, b ValueCount) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			if a.Value < b.Value {
				return -1
			}
			return 1
		})
		want.Top = all[:10]
		if got.Count != want.Count || got.Nulls != want.Nulls || got.Distinct != want.Distinct || got.MinLen != want.MinLen ||
			got.MaxLen != want.MaxLen || got.MeanLen != want.MeanLen || !slices.Equal(got.Top, want.Top) {
			t.Fatalf("subset %v:\n got %+v\nwant %+v", sub != nil, got, want)
		}
	}
}
