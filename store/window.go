package store

import "unsafe"

// windows splits one array of sum(counts) elements into consecutive empty
// slices with room for counts[k] each: the parts of a parallel load append
// into their window, and join puts neighbouring windows back together.
func windows[T any](counts []int) [][]T {
	total := 0
	for _, c := range counts {
		total += c
	}
	all := make([]T, total)
	out := make([][]T, len(counts))
	off := 0
	for k, c := range counts {
		out[k] = all[off : off : off+c]
		off += c
	}
	return out
}

// join is append(a, b...) without copying when b's window starts right
// after a full a in the same array (the usual case: each part read exactly
// the rows counted); otherwise (a writer changed the table meanwhile) it
// copies.
func join[T any](a, b []T) []T {
	if len(b) == 0 {
		return a
	}
	var zero T
	size := unsafe.Sizeof(zero)
	if len(a) == cap(a) && len(a) > 0 &&
		unsafe.Pointer(unsafe.SliceData(b)) == unsafe.Add(unsafe.Pointer(unsafe.SliceData(a)), uintptr(len(a))*size) {
		return unsafe.Slice(unsafe.SliceData(a), len(a)+len(b))
	}
	return append(a, b...)
}
