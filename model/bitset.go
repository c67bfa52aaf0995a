package model

import "math/bits"

// Bitset is a set of row indexes, one bit a row. Segment rules, null masks and
// filters are bitsets so that and/or/not are word-wide operations.
type Bitset []uint64

// NewBitset returns an empty set able to hold rows 0..n-1.
func NewBitset(n int) Bitset { return make(Bitset, (n+63)/64) }

// FullBitset returns the set of all rows 0..n-1.
func FullBitset(n int) Bitset {
	b := NewBitset(n)
	for i := range b {
		b[i] = ^uint64(0)
	}
	b.trim(n)
	return b
}

// trim clears the bits past row n-1 so Count and Not stay exact.
func (b Bitset) trim(n int) {
	if r := n % 64; r != 0 && len(b) > 0 {
		b[len(b)-1] &= (uint64(1) << uint(r)) - 1
	}
}

func (b Bitset) Set(i int)      { b[i>>6] |= 1 << uint(i&63) }
func (b Bitset) Clear(i int)    { b[i>>6] &^= 1 << uint(i&63) }
func (b Bitset) Has(i int) bool { return b[i>>6]&(1<<uint(i&63)) != 0 }
func (b Bitset) Clone() Bitset  { return append(Bitset(nil), b...) }

// Count returns the number of rows in the set.
func (b Bitset) Count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// And keeps only rows also in o (in place) and returns b.
func (b Bitset) And(o Bitset) Bitset {
	for i := range b {
		b[i] &= o[i]
	}
	return b
}

// Or adds the rows of o (in place) and returns b.
func (b Bitset) Or(o Bitset) Bitset {
	for i := range b {
		b[i] |= o[i]
	}
	return b
}

// AndNot removes the rows of o (in place) and returns b.
func (b Bitset) AndNot(o Bitset) Bitset {
	for i := range b {
		b[i] &^= o[i]
	}
	return b
}

// Not complements the set over rows 0..n-1 (in place) and returns b.
func (b Bitset) Not(n int) Bitset {
	for i := range b {
		b[i] = ^b[i]
	}
	b.trim(n)
	return b
}

// AndCount returns |b ∩ o| without allocating.
func (b Bitset) AndCount(o Bitset) int {
	n := 0
	for i := range b {
		n += bits.OnesCount64(b[i] & o[i])
	}
	return n
}

// ForEach calls f for every row in the set, in ascending order.
func (b Bitset) ForEach(f func(i int)) {
	for wi, w := range b {
		for w != 0 {
			t := bits.TrailingZeros64(w)
			f(wi<<6 | t)
			w &= w - 1
		}
	}
}

// Rows returns the rows of the set in ascending order, at most limit of them
// (limit < 0 means all).
func (b Bitset) Rows(limit int) []int {
	var out []int
	for wi, w := range b {
		for w != 0 {
			if limit >= 0 && len(out) >= limit {
				return out
			}
			t := bits.TrailingZeros64(w)
			out = append(out, wi<<6|t)
			w &= w - 1
		}
	}
	return out
}
