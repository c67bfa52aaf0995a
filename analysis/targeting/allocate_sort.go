package targeting

import "math"

// sortIncrements orders increments by efficiency, best first, keeping the
// given order among equal efficiencies (ladders emits them by row, then
// level, so a row's steps stay in order). It is an LSD radix sort on the
// float's bits, 16 bits a pass: a comparison sort of the 2-4 million steps of
// a million customers took most of the allocation's second.
func sortIncrements(incs []increment) []increment {
	n := len(incs)
	if n < 2 {
		return incs
	}
	keys := make([]uint64, n)
	idx := make([]int32, n)
	for i, in := range incs {
		b := math.Float64bits(in.eff)
		if b>>63 == 1 {
			b = ^b
		} else {
			b |= 1 << 63
		}
		keys[i] = ^b // descending
		idx[i] = int32(i)
	}
	tmpKeys := make([]uint64, n)
	tmpIdx := make([]int32, n)
	var count [1 << 16]int
	for shift := uint(0); shift < 64; shift += 16 {
		clear(count[:])
		for _, k := range keys {
			count[(k>>shift)&0xffff]++
		}
		if count[keys[0]>>shift&0xffff] == n {
			continue // every key has this digit: the pass would change nothing
		}
		sum := 0
		for d, c := range count {
			count[d] = sum
			sum += c
		}
		for i, k := range keys {
			d := (k >> shift) & 0xffff
			tmpKeys[count[d]], tmpIdx[count[d]] = k, idx[i]
			count[d]++
		}
		keys, tmpKeys = tmpKeys, keys
		idx, tmpIdx = tmpIdx, idx
	}
	out := make([]increment, n)
	for i, k := range idx {
		out[i] = incs[k]
	}
	return out
}
