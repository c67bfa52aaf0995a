package rfm

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
