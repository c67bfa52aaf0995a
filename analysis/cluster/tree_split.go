package cluster

import "slices"

// Split search. A node with class counts c splits into L and R; the
// weighted Gini impurity of the children is 1 − score/n with
//
//	score = Σ_c L_c²/n_L + Σ_c R_c²/n_R
//
// so the best split has the largest score. Sums of squares are kept as
// integers and updated in O(1) as rows move left.

// numState is the running state of one node during a feature's pass.
type numState struct {
	cl, cn, tot   []int // left non-null, NULL and all non-null counts per cluster
	nl, nn, nt    int
	sll, stl, snl int64 // Σ cl², Σ tot·cl, Σ cn·cl
	stt, snn, stn int64 // Σ tot², Σ cn², Σ tot·cn
	last          float64
	best          tsplit // valid when has
	has           bool
}

// numberSplits scans a number feature's presorted rows once for all open
// nodes. At each gap between consecutive values of a node it tries NULLs on
// either side; it also tries NULLs against every value.
func (t *tree) numberSplits(f int, open []int, slotOf []int32, nodeOf []int32) []*tsplit {
	ft := t.feats[f]
	st := make([]numState, len(open))
	for s := range st {
		st[s] = numState{cl: make([]int, t.k), cn: make([]int, t.k), tot: make([]int, t.k)}
	}
	slotRow := func(r int32) int {
		id := nodeOf[r]
		if id < 0 {
			return -1
		}
		return int(slotOf[id])
	}
	for _, r := range ft.nullRows {
		if s := slotRow(r); s >= 0 {
			st[s].cn[t.labels[r]]++
			st[s].nn++
		}
	}
	for s, id := range open {
		p := &st[s]
		for c, v := range t.nodes[id].counts {
			p.tot[c] = v - p.cn[c]
			p.nt += p.tot[c]
			p.stt += int64(p.tot[c]) * int64(p.tot[c])
			p.snn += int64(p.cn[c]) * int64(p.cn[c])
			p.stn += int64(p.tot[c]) * int64(p.cn[c])
		}
		if p.nn >= t.minLeaf && p.nt >= t.minLeaf && p.nn > 0 && p.nt > 0 {
			score := float64(p.snn)/float64(p.nn) + float64(p.stt)/float64(p.nt)
			p.best, p.has = tsplit{f: f, nullOnly: true, score: score}, true
		}
	}
	for q, r := range ft.sorted {
		id := nodeOf[r]
		if id < 0 || slotOf[id] < 0 {
			continue
		}
		p := &st[slotOf[id]]
		v := ft.sortedVals[q]
		if p.nl > 0 && v > p.last {
			t.tryGap(p, f, v)
		}
		c := ft.sortedLab[q]
		p.sll += 2*int64(p.cl[c]) + 1
		p.stl += int64(p.tot[c])
		p.snl += int64(p.cn[c])
		p.cl[c]++
		p.nl++
		p.last = v
	}
	out := make([]*tsplit, len(open))
	for s := range st {
		if st[s].has {
			out[s] = &st[s].best
		}
	}
	return out
}

// tryGap scores the split between p.last and v, NULLs right then left.
func (t *tree) tryGap(p *numState, f int, v float64) {
	sqR := p.stt - 2*p.stl + p.sll // Σ (tot − cl)²
	try := func(nL int, sqL int64, nR int, sqRight int64, nullLeft bool) {
		if nL < t.minLeaf || nR < t.minLeaf {
			return
		}
		score := float64(sqL)/float64(nL) + float64(sqRight)/float64(nR)
		if !p.has || score > p.best.score {
			p.best, p.has = tsplit{f: f, lo: p.last, hi: v, nullLeft: nullLeft, nullNone: p.nn == 0, score: score}, true
		}
	}
	try(p.nl, p.sll, p.nt-p.nl+p.nn, sqR+2*(p.stn-p.snl)+p.snn, false)
	if p.nn > 0 {
		try(p.nl+p.nn, p.sll+2*p.snl+p.snn, p.nt-p.nl, sqR, true)
	}
}

// categorySplits finds, for each open node, the best subset of a
// categorical feature's levels to send left. Trying every subset is
// exponential; for each cluster c the levels are ordered by their share of
// c and every prefix is tried (for two clusters this finds the best split,
// Breiman et al. 1984, §9.4; for more it is the usual one-vs-rest
// heuristic). The empty level is a level like the others.
func (t *tree) categorySplits(f int, open []int, slotOf []int32, nodeOf []int32) []*tsplit {
	ft := t.feats[f]
	L, K := ft.levels, t.k
	cnt := make([]int, len(open)*L*K)
	for i, id := range nodeOf {
		if id < 0 || slotOf[id] < 0 {
			continue
		}
		s := int(slotOf[id])
		cnt[(s*L+int(ft.level[i]))*K+int(t.labels[i])]++
	}
	out := make([]*tsplit, len(open))
	for s, id := range open {
		out[s] = t.bestSubset(f, cnt[s*L*K:(s+1)*L*K], t.nodes[id].counts)
	}
	return out
}

func (t *tree) bestSubset(f int, cnt []int, tot []int) *tsplit {
	L, K := t.feats[f].levels, t.k
	size := make([]int, L)
	var present []int
	for l := 0; l < L; l++ {
		for c := 0; c < K; c++ {
			size[l] += cnt[l*K+c]
		}
		if size[l] > 0 {
			present = append(present, l)
		}
	}
	if len(present) < 2 {
		return nil
	}
	var stt int64
	n := 0
	for _, v := range tot {
		stt += int64(v) * int64(v)
		n += v
	}
	var best *tsplit
	order := make([]int, len(present))
	cl := make([]int, K)
	for c := 0; c < K; c++ {
		if tot[c] == 0 {
			continue
		}
		copy(order, present)
		// by decreasing share of cluster c: a/b > x/y ⇔ a·y > x·b, exactly
		slices.SortStableFunc(order, func(a, b int) int {
			l, r := int64(cnt[a*K+c])*int64(size[b]), int64(cnt[b*K+c])*int64(size[a])
			switch {
			case l > r:
				return -1
			case l < r:
				return 1
			}
			return 0
		})
		clear(cl)
		var sll, stl int64
		nl := 0
		for m, l := range order[:len(order)-1] {
			for q := 0; q < K; q++ {
				d := int64(cnt[l*K+q])
				sll += 2*int64(cl[q])*d + d*d
				stl += int64(tot[q]) * d
				cl[q] += int(d)
			}
			nl += size[l]
			nr := n - nl
			if nl < t.minLeaf || nr < t.minLeaf {
				continue
			}
			score := float64(sll)/float64(nl) + float64(stt-2*stl+sll)/float64(nr)
			if best == nil || score > best.score {
				in, out := make([]bool, L), make([]bool, L)
				for _, x := range order[:m+1] {
					in[x] = true
				}
				for x := range out {
					out[x] = !in[x] && (size[x] > 0 || x < L-1)
				}
				best = &tsplit{f: f, inLeft: in, inRight: out, score: score}
			}
		}
	}
	return best
}
