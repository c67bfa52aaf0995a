package cluster

import (
	"context"
	"math"
	"math/rand/v2"
)

// seed chooses k starting centres by greedy k-means++ (Arthur &
// Vassilvitskii 2007): the first centre is a uniformly random customer; each
// next one is the best, by the resulting potential Σ min D², of 2+⌊ln k⌋
// candidates drawn with probability proportional to D², the squared distance
// to the nearest centre so far (scikit-learn's _kmeans_plusplus does the
// same). Above 2·seedSample rows the candidates' potentials are estimated on
// a random sample of seedSample rows (drawn for each restart): it only ranks
// 2–4 candidates, and over all rows it cost a third of a table of k.
// Fewer than k distinct customers is a *Error.
//
// It leaves each point labelled with its nearest centre and with Hamerly's
// bounds set, so that Lloyd starts without a full pass. The triangle
// inequality skips most distances: when ‖c_a − y‖ >= 2‖x − c_a‖ for x's
// nearest centre c_a, y is no nearer to x than c_a, and ‖c_a − y‖ − ‖x − c_a‖
// is a lower bound on ‖x − y‖.
// seedSample is the size of the sample that ranks k-means++ candidates.
const seedSample = 1 << 16

func (l *lloyd) seed(ctx context.Context, rng *rand.Rand) error {
	x, n, d, k := l.x, l.n, l.d, l.k
	d2, s2, near := l.d2, l.s2, l.labels
	chunks := chunkCount(n)
	csum := make([]float64, chunks)
	first := rng.IntN(n)
	copy(l.c[:d], x[first*d:(first+1)*d])
	forChunks(n, func(ch, lo, hi int) {
		c0 := l.c[:d]
		var s float64
		for i := lo; i < hi; i++ {
			d2[i] = sqDist(x[i*d:(i+1)*d], c0)
			s2[i] = math.Inf(1)
			near[i] = 0
			s += d2[i]
		}
		csum[ch] = s
	})
	trials := 2 + int(math.Log(float64(k)))
	cand := make([]int, trials)
	var rows []int // the rows that rank candidates; nil for all
	if n > 2*seedSample {
		rows = sampleRows(n, seedSample, rng)
	}
	nr := n
	if rows != nil {
		nr = len(rows)
	}
	pots := make([]float64, chunkCount(nr)*trials)
	cc := make([]float64, k*trials) // ‖c_a − candidate t‖²
	for j := 1; j < k; j++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		var total float64
		for _, s := range csum {
			total += s
		}
		if !(total > 0) {
			return problem(ProblemTooFewDistinct, "", j, k)
		}
		for t := range cand {
			cand[t] = pickByWeight(d2, csum, rng.Float64()*total)
			for a := 0; a < j; a++ {
				cc[a*trials+t] = sqDist(l.c[a*d:(a+1)*d], x[cand[t]*d:(cand[t]+1)*d])
			}
		}
		forChunks(nr, func(ch, lo, hi int) {
			p := pots[ch*trials : (ch+1)*trials]
			clear(p)
			for q := lo; q < hi; q++ {
				i := q
				if rows != nil {
					i = rows[q]
				}
				far := cc[int(near[i])*trials : (int(near[i])+1)*trials]
				for t, ci := range cand {
					if far[t] >= 4*d2[i] {
						p[t] += d2[i]
					} else {
						p[t] += min(d2[i], sqDist(x[i*d:(i+1)*d], x[ci*d:(ci+1)*d]))
					}
				}
			}
		})
		best, bestPot := 0, math.Inf(1)
		for t := range cand {
			var s float64
			for ch := 0; ch < chunkCount(nr); ch++ {
				s += pots[ch*trials+t]
			}
			if s < bestPot {
				best, bestPot = t, s
			}
		}
		cj := l.c[j*d : (j+1)*d]
		copy(cj, x[cand[best]*d:(cand[best]+1)*d])
		toJ := make([]float64, j) // ‖c_a − c_j‖²
		for a := range toJ {
			toJ[a] = sqDist(l.c[a*d:(a+1)*d], cj)
		}
		forChunks(n, func(ch, lo, hi int) {
			var s float64
			for i := lo; i < hi; i++ {
				if f := toJ[near[i]]; f >= 4*d2[i] {
					lb := math.Sqrt(f) - math.Sqrt(d2[i])
					s2[i] = min(s2[i], lb*lb)
				} else if dd := sqDist(x[i*d:(i+1)*d], cj); dd < d2[i] {
					s2[i], d2[i], near[i] = d2[i], dd, int32(j)
				} else {
					s2[i] = min(s2[i], dd)
				}
				s += d2[i]
			}
			csum[ch] = s
		})
	}
	forChunks(n, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			l.upper[i], l.lower[i] = up32(math.Sqrt(d2[i])), down32(math.Sqrt(s2[i]))
		}
	})
	return nil
}

// pickByWeight returns the first index whose running sum of w exceeds r,
// walking chunk sums first. Rounding can leave r past the end: then the last
// index of positive weight is taken.
func pickByWeight(w, csum []float64, r float64) int {
	var acc float64
	for ch, s := range csum {
		if acc+s > r {
			lo, hi := ch*chunkRows, min(len(w), (ch+1)*chunkRows)
			for i := lo; i < hi; i++ {
				acc += w[i]
				if acc > r && w[i] > 0 {
					return i
				}
			}
			break
		}
		acc += s
	}
	for i := len(w) - 1; i > 0; i-- {
		if w[i] > 0 {
			return i
		}
	}
	return 0
}
