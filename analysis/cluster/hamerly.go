package cluster

import (
	"context"
	"math"
)

// lloyd is one k-means run over x (n×d): Lloyd's algorithm with Hamerly's
// bounds (G. Hamerly, "Making k-means even faster", SDM 2010). Each point
// keeps an upper bound on the distance to its centre and a lower bound on
// the distance to any other; when the upper bound is below both the lower
// bound and half the distance from its centre to the next centre, the point
// cannot change cluster and no distance is computed. The labels are those
// of plain Lloyd (up to exact ties, which stay with the current centre): the
// bounds only skip work.
type lloyd struct {
	x       []float64
	n, d, k int

	c      []float64 // centres, k×d
	labels []int32
	// The bounds are float32, rounded outwards, to halve the memory each
	// pass streams through: a pass is memory-bound once the bounds skip
	// most distance computations.
	upper, lower []float32
	d2, s2       []float64 // seeding: squared distance to the nearest centre, a lower bound for the second
	move, half   []float64 // per centre: how far it moved; half the distance to the nearest other
	neigh        []int32   // per centre, the k−1 others by increasing distance
	nd           []float64 // and their distances
	maxMove      float64   // largest move, and the centre that made it
	maxIdx       int32
	secondMove   float64

	// Per chunk: the coordinate sums and sizes of each cluster, kept up to
	// date as points change cluster, so a pass reads a point only when its
	// bounds fail.
	sums    []float64
	counts  []int
	changed []int     // per chunk: labels changed in the last pass
	tot     []float64 // reduced sums
	cnt     []int
}

func newLloyd(x []float64, n, d, k int) *lloyd {
	ch := chunkCount(n)
	return &lloyd{x: x, n: n, d: d, k: k,
		c: make([]float64, k*d), labels: make([]int32, n), upper: make([]float32, n), lower: make([]float32, n),
		d2: make([]float64, n), s2: make([]float64, n), move: make([]float64, k), half: make([]float64, k), neigh: make([]int32, k*(k-1)), nd: make([]float64, k*(k-1)),
		sums: make([]float64, ch*k*d), counts: make([]int, ch*k), changed: make([]int, ch),
		tot: make([]float64, k*d), cnt: make([]int, k)}
}

// run iterates from the centres in l.c until no label changes, or the
// centres moved less than tol in all (Σ‖Δc‖² <= tol, then the labels are
// brought in line with the last centres), or maxIter updates were made; then
// it sets each centre to the exact mean of its points.
func (l *lloyd) run(ctx context.Context, maxIter int, tol float64) (iters int, converged bool, err error) {
	l.exactSums() // the labels and bounds come from seeding
	l.neighbours()
	for iters < maxIter {
		if err := ctx.Err(); err != nil {
			return iters, false, err
		}
		iters++
		relocated, err := l.update()
		if err != nil {
			return iters, false, err
		}
		shift := 0.0
		for _, m := range l.move {
			shift += m * m
		}
		if l.assign() == 0 && relocated == 0 || relocated == 0 && shift <= tol {
			converged = true
			break
		}
	}
	l.exactSums()
	l.reduce()
	for j := 0; j < l.k; j++ {
		if l.cnt[j] > 0 {
			l.centre(j)
		}
	}
	return iters, converged, nil
}

// up32 and down32 round a bound outwards to float32, so that it stays a
// bound: widened by 2^-20 first, the rounding (at most 2^-24 relative)
// cannot cross v, so the check that follows is almost never taken (a
// branch taken half the time cost more than the rest of a pass). Both take
// v >= 0 (distances; a negative lower bound says nothing and is stored as 0).
func up32(v float64) float32 {
	f := float32(v * (1 + 0x1p-20))
	if float64(f) < v { // tiny v underflowing float32
		f = math.Float32frombits(math.Float32bits(f) + 1)
	}
	return f
}

func down32(v float64) float32 {
	if v <= 0 {
		return 0
	}
	f := float32(v * (1 - 0x1p-20))
	if float64(f) > v {
		f = math.Float32frombits(math.Float32bits(f) - 1)
	}
	return f
}

// assign labels every point with its nearest centre, skipping the points
// whose bounds prove it unchanged, and moves a changed point's coordinates
// between its chunk's cluster sums.
func (l *lloyd) assign() int {
	x, d, k := l.x, l.d, l.k
	forChunks(l.n, func(ch, lo, hi int) {
		s := l.sums[ch*k*d : (ch+1)*k*d]
		cnt := l.counts[ch*k : (ch+1)*k]
		changed := 0
		for i := lo; i < hi; i++ {
			a := l.labels[i]
			u := float64(l.upper[i]) + l.move[a]
			lb := float64(l.lower[i]) - l.maxMove
			if a == l.maxIdx {
				lb = float64(l.lower[i]) - l.secondMove
			}
			if m := max(l.half[a], lb); u > m {
				xi := x[i*d : (i+1)*d]
				u = math.Sqrt(sqDist(xi, l.c[int(a)*d:(int(a)+1)*d]))
				if u > m {
					var b int32
					b, u, lb = l.nearestFrom(xi, a, u)
					if b != a {
						sa, sb := s[int(a)*d:(int(a)+1)*d], s[int(b)*d:(int(b)+1)*d]
						for t, v := range xi {
							sa[t] -= v
							sb[t] += v
						}
						cnt[a]--
						cnt[b]++
						l.labels[i] = b
						changed++
					}
				}
			}
			l.upper[i], l.lower[i] = up32(u), down32(lb)
		}
		l.changed[ch] = changed
	})
	total := 0
	for _, c := range l.changed {
		total += c
	}
	return total
}

// exactSums recomputes every chunk's cluster sums from the points.
func (l *lloyd) exactSums() {
	x, d, k := l.x, l.d, l.k
	forChunks(l.n, func(ch, lo, hi int) {
		s := l.sums[ch*k*d : (ch+1)*k*d]
		cnt := l.counts[ch*k : (ch+1)*k]
		clear(s)
		clear(cnt)
		for i := lo; i < hi; i++ {
			a := int(l.labels[i])
			sa := s[a*d : (a+1)*d]
			for t, v := range x[i*d : (i+1)*d] {
				sa[t] += v
			}
			cnt[a]++
		}
	})
}

// reduce adds the chunk sums in chunk order.
func (l *lloyd) reduce() {
	kd := l.k * l.d
	clear(l.tot)
	clear(l.cnt)
	for ch := range l.changed {
		s := l.sums[ch*kd : (ch+1)*kd]
		for t, v := range s {
			l.tot[t] += v
		}
		for j, c := range l.counts[ch*l.k : (ch+1)*l.k] {
			l.cnt[j] += c
		}
	}
}

// centre sets centre j to the mean of its points.
func (l *lloyd) centre(j int) {
	inv := 1 / float64(l.cnt[j])
	for t := 0; t < l.d; t++ {
		l.c[j*l.d+t] = l.tot[j*l.d+t] * inv
	}
}

// update moves every centre to the mean of its points, after giving each
// empty cluster the point farthest from its centre, and refreshes the
// per-centre quantities the bounds need.
func (l *lloyd) update() (relocated int, err error) {
	l.reduce()
	relocated, err = l.relocateEmpty()
	if err != nil {
		return 0, err
	}
	d := l.d
	old := make([]float64, d)
	l.maxMove, l.secondMove, l.maxIdx = 0, 0, 0
	for j := 0; j < l.k; j++ {
		copy(old, l.c[j*d:(j+1)*d])
		if l.cnt[j] > 0 { // a cluster emptied by a relocation keeps its centre
			l.centre(j)
		}
		l.move[j] = math.Sqrt(sqDist(old, l.c[j*d:(j+1)*d]))
		switch m := l.move[j]; {
		case m > l.maxMove:
			l.secondMove, l.maxMove, l.maxIdx = l.maxMove, m, int32(j)
		case m > l.secondMove:
			l.secondMove = m
		}
	}
	l.neighbours()
	return relocated, nil
}

// neighbours lists, for each centre, the others by increasing distance, and
// sets half[j] to half the distance to the nearest other centre.
func (l *lloyd) neighbours() {
	k, d := l.k, l.d
	for j := 0; j < k; j++ {
		row := l.neigh[j*(k-1) : (j+1)*(k-1)]
		dist := l.nd[j*(k-1) : (j+1)*(k-1)]
		q := 0
		for o := 0; o < k; o++ {
			if o != j {
				row[q], dist[q] = int32(o), math.Sqrt(sqDist(l.c[j*d:(j+1)*d], l.c[o*d:(o+1)*d]))
				q++
			}
		}
		for a := 1; a < len(row); a++ { // insertion sort: k is small
			for b := a; b > 0 && dist[b] < dist[b-1]; b-- {
				row[b], row[b-1] = row[b-1], row[b]
				dist[b], dist[b-1] = dist[b-1], dist[b]
			}
		}
		l.half[j] = dist[0] / 2
	}
}

// nearestFrom finds x's nearest centre when its bounds failed, knowing its
// exact distance u to its centre a. Centres are tried from a's nearest
// outwards; once ‖c_a − c_j‖ >= 2u, c_j and every farther centre are at
// least ‖c_a − c_j‖ − u >= u from x, so they cannot be nearer than a and
// their distance is bounded without computing it (the sorted-neighbour
// pruning of Newling & Fleuret's Exponion, 2016). It returns the nearest
// centre (the current one on a tie), its distance and a lower bound on the
// distance to every other centre.
func (l *lloyd) nearestFrom(x []float64, a int32, u float64) (best int32, d1, d2 float64) {
	k, d := l.k, l.d
	best, d1, d2 = a, u, math.Inf(1)
	b1, b2 := u*u, math.Inf(1)
	row := l.neigh[int(a)*(k-1) : (int(a)+1)*(k-1)]
	dist := l.nd[int(a)*(k-1) : (int(a)+1)*(k-1)]
	for q, j := range row {
		if dist[q] >= 2*u {
			d2 = dist[q] - u
			break
		}
		s := sqDist(x, l.c[int(j)*d:(int(j)+1)*d])
		if s < b1 {
			b2, b1, best = b1, s, j
		} else if s < b2 {
			b2 = s
		}
	}
	if best != a {
		d1 = math.Sqrt(b1)
	}
	return best, d1, min(d2, math.Sqrt(b2))
}

// relocateEmpty moves, for each empty cluster, the point farthest from its
// own centre into it (as scikit-learn does), keeping the sums in step. The
// moved point's bounds are reset so that the next pass measures it.
func (l *lloyd) relocateEmpty() (int, error) {
	var empty []int
	for j, c := range l.cnt {
		if c == 0 {
			empty = append(empty, j)
		}
	}
	if len(empty) == 0 {
		return 0, nil
	}
	far := l.farthest(len(empty))
	if len(far) < len(empty) {
		return 0, problem(ProblemTooFewDistinct, "", l.k-len(empty), l.k)
	}
	d, k := l.d, l.k
	for e, j := range empty {
		p := far[e]
		ch := p / chunkRows
		s := l.sums[ch*k*d : (ch+1)*k*d]
		old := int(l.labels[p])
		for t, v := range l.x[p*d : (p+1)*d] {
			s[old*d+t] -= v
			s[j*d+t] += v
		}
		l.counts[ch*k+old]--
		l.counts[ch*k+j]++
		l.labels[p] = int32(j)
		l.upper[p], l.lower[p] = float32(math.Inf(1)), 0
	}
	l.reduce()
	return len(empty), nil
}

// farthest returns up to m points with the largest positive distance to
// their centre, farthest first, ties to the lower index.
func (l *lloyd) farthest(m int) []int {
	type cand struct {
		i int
		s float64
	}
	better := func(a, b cand) bool { return a.s > b.s || (a.s == b.s && a.i < b.i) }
	per := make([][]cand, chunkCount(l.n))
	insert := func(top []cand, c cand) []cand {
		if c.s <= 0 || (len(top) == m && !better(c, top[m-1])) {
			return top
		}
		if len(top) < m {
			top = append(top, c)
		} else {
			top[m-1] = c
		}
		for q := len(top) - 1; q > 0 && better(top[q], top[q-1]); q-- {
			top[q], top[q-1] = top[q-1], top[q]
		}
		return top
	}
	d := l.d
	forChunks(l.n, func(ch, lo, hi int) {
		var top []cand
		for i := lo; i < hi; i++ {
			a := int(l.labels[i])
			top = insert(top, cand{i, sqDist(l.x[i*d:(i+1)*d], l.c[a*d:(a+1)*d])})
		}
		per[ch] = top
	})
	var top []cand
	for _, p := range per {
		for _, c := range p {
			top = insert(top, c)
		}
	}
	out := make([]int, len(top))
	for q, c := range top {
		out[q] = c.i
	}
	return out
}

// inertia is Σ‖x − c(x)‖² over the points, summed by chunks in order.
func (l *lloyd) inertia() float64 {
	part := make([]float64, chunkCount(l.n))
	d := l.d
	forChunks(l.n, func(ch, lo, hi int) {
		var s float64
		for i := lo; i < hi; i++ {
			a := int(l.labels[i])
			s += sqDist(l.x[i*d:(i+1)*d], l.c[a*d:(a+1)*d])
		}
		part[ch] = s
	})
	var s float64
	for _, p := range part {
		s += p
	}
	return s
}

// startFrom sets the centres and gives every point its nearest centre and
// exact bounds (a full pass), for a run that does not begin with seeding.
func (l *lloyd) startFrom(c []float64) {
	copy(l.c, c)
	d := l.d
	forChunks(l.n, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			a, d1, d2 := nearest2(l.x[i*d:(i+1)*d], l.c, l.k, d)
			l.labels[i], l.upper[i], l.lower[i] = a, up32(d1), down32(d2)
		}
	})
}
