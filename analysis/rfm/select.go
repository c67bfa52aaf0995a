package rfm

// placeAt puts in v[i], for every index i of at (ascending), the value a
// full ascending sort would put there, with everything before i ≤ it and
// everything after ≥ it. The cut-offs read only a few order statistics, so
// selecting them (Hoare's quickselect, each search narrowed to the part
// after the last) costs O(n) where sorting a million values cost O(n log n).
func placeAt(v []float64, at []int) {
	from := 0
	for _, k := range at {
		if k < from || k >= len(v) {
			continue
		}
		selectIn(v, from, len(v)-1, k)
		from = k
	}
}

// selectIn partially orders v[lo..hi] so that v[k] is the value a sort
// would put there (median-of-three pivots; equal values split evenly, so
// columns of a few repeated values stay linear).
func selectIn(v []float64, lo, hi, k int) {
	for lo < hi {
		mid := lo + (hi-lo)/2
		if v[mid] < v[lo] {
			v[mid], v[lo] = v[lo], v[mid]
		}
		if v[hi] < v[lo] {
			v[hi], v[lo] = v[lo], v[hi]
		}
		if v[hi] < v[mid] {
			v[hi], v[mid] = v[mid], v[hi]
		}
		pivot := v[mid]
		i, j := lo, hi
		for i <= j {
			for v[i] < pivot {
				i++
			}
			for v[j] > pivot {
				j--
			}
			if i <= j {
				v[i], v[j] = v[j], v[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return
		}
	}
}

// edgeIndices are the positions of a sorted column that rEdges and the
// scale's Min and Max read, ascending.
func edgeIndices(n, bins int) []int {
	at := []int{0}
	for _, p := range innerProbs(bins) {
		index := 1 + float64(max(n-1, 0))*p
		lo := int(index)
		at = append(at, lo-1)
		if float64(lo) < index {
			at = append(at, lo)
		}
	}
	return append(at, n-1)
}
