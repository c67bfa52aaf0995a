package cluster

// AdjustedRand returns the adjusted Rand index (L. Hubert & P. Arabie,
// "Comparing partitions", J. of Classification 1985) of two labelings of the
// same rows, e.g. clusters against the demo's true buyer types. From the
// contingency table n_ij with row sums a_i and column sums b_j over n rows:
//
//	index    = Σ C(n_ij, 2)
//	expected = Σ C(a_i, 2) · Σ C(b_j, 2) / C(n, 2)
//	maximum  = (Σ C(a_i, 2) + Σ C(b_j, 2)) / 2
//	ARI      = (index − expected) / (maximum − expected)
//
// 1 is the same partition, about 0 a chance agreement; it can be negative.
// Rows where either label is negative (not clustered) are left out. When the
// maximum equals the expected value (both labelings put every row in one
// group, or each row alone) the partitions are the same and ARI is 1, as in
// scikit-learn. Labels may be any non-negative numbers (they need not be
// 0…k−1). Fewer than 2 labelled rows is an *Error.
func AdjustedRand(a, b []int32) (float64, error) {
	if len(a) != len(b) {
		return 0, problem(ProblemLengthMismatch, "labels", len(b), len(a))
	}
	type pair struct{ x, y int32 }
	cells := map[pair]int{}
	rows := map[int32]int{}
	cols := map[int32]int{}
	n := 0
	for i := range a {
		if a[i] < 0 || b[i] < 0 {
			continue
		}
		cells[pair{a[i], b[i]}]++
		rows[a[i]]++
		cols[b[i]]++
		n++
	}
	if n < 2 {
		return 0, problem(ProblemTooFewRows, "", n, 2)
	}
	c2 := func(m int) float64 { return float64(m) * float64(m-1) / 2 }
	var index, sa, sb float64
	for _, v := range cells {
		index += c2(v)
	}
	for _, v := range rows {
		sa += c2(v)
	}
	for _, v := range cols {
		sb += c2(v)
	}
	expected := sa * sb / c2(n)
	maximum := (sa + sb) / 2
	if maximum == expected {
		return 1, nil
	}
	return (index - expected) / (maximum - expected), nil
}
