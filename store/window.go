package store

// window is where a part's slice of a column starts in the array the
// parts of a parallel load share (all nil: the slice has its own array).
type window[T any] struct {
	all []T
	off int
}

// windows splits one array of sum(counts) elements into consecutive empty
// slices with room for counts[k] each: the parts of a parallel load append
// into their window, and join puts neighbouring windows back together.
func windows[T any](counts []int) ([][]T, []window[T]) {
	total := 0
	for _, c := range counts {
		total += c
	}
	all := make([]T, total)
	out := make([][]T, len(counts))
	wins := make([]window[T], len(counts))
	off := 0
	for k, c := range counts {
		out[k] = all[off : off : off+c] // capped: a part that reads more rows reallocates, never writes into the next
		wins[k] = window[T]{all: all, off: off}
		off += c
	}
	return out, wins
}

// join is append(a, b...) without copying when a and b are neighbouring
// windows of one array, a filled to the start of b (the usual case: each
// part read exactly the rows counted); otherwise (a writer changed the
// table meanwhile) it copies. Plain slicing of the shared array: no
// pointer arithmetic, so the result never spans two allocations.
func join[T any](a []T, wa window[T], b []T, wb window[T]) ([]T, window[T]) {
	switch {
	case len(b) == 0:
		return a, wa
	case len(a) == 0:
		return b, wb
	case wa.all != nil && wb.all != nil && &wa.all[0] == &wb.all[0] && wa.off+len(a) == wb.off &&
		wb.off+len(b) <= len(wb.all) && &wa.all[wa.off] == &a[0] && &wb.all[wb.off] == &b[0]:
		end := wb.off + len(b)
		return wa.all[wa.off:end:end], wa
	}
	return append(a, b...), window[T]{}
}
