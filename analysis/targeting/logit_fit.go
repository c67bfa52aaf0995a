package targeting

import (
	"math"
	"slices"
	"sync"

	"gonum.org/v1/gonum/mat"
)

// logitSums are the log-loss, its gradient and (when h is set) its Hessian
// (p×p, filled in any triangle) summed over contacts. gc and hc are the
// per-cell sums the categorical parts come from: residuals; weights and
// weights times each number.
type logitSums struct {
	f      float64
	g, h   []float64
	gc, hc []float64
}

// sums evaluates contacts [lo, hi) at beta. They are cut into logitParts
// fixed parts, evaluated concurrently and added in order, so the result does
// not depend on the number of cores.
func (d *logitDesign) sums(beta []float64, lo, hi int, hess bool) logitSums {
	cb := make([]float64, len(d.cells)) // each cell's categorical log-odds
	for c, ks := range d.cells {
		for _, k := range ks {
			cb[c] += beta[k]
		}
	}
	nn := len(d.num) + 1
	parts := make([]logitSums, logitParts)
	var wg sync.WaitGroup
	per := (hi - lo + logitParts - 1) / logitParts
	for k := range parts {
		a, b := lo+k*per, min(hi, lo+(k+1)*per)
		parts[k].g = make([]float64, d.p)
		parts[k].gc = make([]float64, len(d.cells))
		if hess {
			parts[k].h = make([]float64, d.p*d.p)
			parts[k].hc = make([]float64, len(d.cells)*nn)
		}
		if a >= b {
			continue
		}
		if hi-lo < 50_000 {
			d.part(beta, cb, a, b, &parts[k])
			continue
		}
		wg.Go(func() { d.part(beta, cb, a, b, &parts[k]) })
	}
	wg.Wait()
	out := parts[0]
	for _, s := range parts[1:] {
		out.f += s.f
		for j := range out.g {
			out.g[j] += s.g[j]
		}
		for j := range out.gc {
			out.gc[j] += s.gc[j]
		}
		for j := range out.h {
			out.h[j] += s.h[j]
		}
		for j := range out.hc {
			out.hc[j] += s.hc[j]
		}
	}
	// The categorical terms from the cells: an indicator squared is itself,
	// so a cell's weight goes to the intercept row, the diagonal and every
	// pair of its levels alike.
	p, h := d.p, out.h
	for c, ks := range d.cells {
		for a, k := range ks {
			out.g[k] += out.gc[c]
			if h == nil {
				continue
			}
			w := out.hc[c*nn]
			h[k] += w // (0, k)
			for _, k2 := range ks[a:] {
				h[int(k)*p+int(k2)] += w
			}
			for j, idx := range d.numIdx {
				h[idx*p+int(k)] += out.hc[c*nn+1+j]
			}
		}
	}
	return out
}

// part accumulates contacts [a, b) into s, a block at a time.
func (d *logitDesign) part(beta, cb []float64, a, b int, s *logitSums) {
	var eta, r, w [logitBlock]float64
	z := make([][logitBlock]float64, len(d.num))
	num := make([][]float64, len(d.num))
	nn := len(d.num) + 1
	p := d.p
	for i0 := a; i0 < b; i0 += logitBlock {
		i1 := min(b, i0+logitBlock)
		m := i1 - i0
		for j, col := range d.num {
			for i, v := range col[i0:i1] {
				z[j][i] = float64(v)
			}
			num[j] = z[j][:m]
		}
		cell := d.cell[i0:i1]
		e, rr, ww := eta[:m], r[:m], w[:m]
		for i, c := range cell {
			e[i] = beta[0] + cb[c]
		}
		for j, col := range num {
			bj := beta[d.numIdx[j]]
			for i, v := range col {
				e[i] += bj * v
			}
		}
		// The loss of a contact is log(1+e^-|x|) + max(x, 0) − y·x. The
		// logarithms are taken of products of 512 factors in (1, 2] (at most
		// 2^512): one log per 512 contacts instead of one each, the
		// costliest part of the pass otherwise, at a relative error ~1e-14.
		var sr, sw, lin float64
		prod := 1.0
		for i, y := range d.y[i0:i1] {
			x := e[i]
			var pr float64
			if x >= 0 {
				ex := math.Exp(-x)
				pr = 1 / (1 + ex)
				prod *= 1 + ex
				lin += x
			} else {
				ex := math.Exp(x)
				pr = ex / (1 + ex)
				prod *= 1 + ex
			}
			if y {
				lin -= x
				rr[i] = pr - 1
			} else {
				rr[i] = pr
			}
			if i&511 == 511 {
				s.f += math.Log(prod)
				prod = 1
			}
			sr += rr[i]
			ww[i] = pr * (1 - pr)
			sw += ww[i]
		}
		s.f += math.Log(prod) + lin
		s.g[0] += sr
		for j, col := range num {
			acc := 0.0
			for i, v := range col {
				acc += rr[i] * v
			}
			s.g[d.numIdx[j]] += acc
		}
		if len(d.cells) > 1 {
			for i, c := range cell {
				s.gc[c] += rr[i]
			}
		}
		if s.h == nil {
			continue
		}
		h := s.h
		h[0] += sw
		for j, zj := range num {
			var a0 float64
			for i, v := range zj {
				a0 += ww[i] * v
			}
			h[d.numIdx[j]] += a0 // (0, j)
			for l := j; l < len(num); l++ {
				zl := num[l]
				acc := 0.0
				for i, v := range zj {
					acc += ww[i] * v * zl[i]
				}
				h[d.numIdx[j]*p+d.numIdx[l]] += acc
			}
		}
		if len(d.cells) > 1 {
			for i, c := range cell {
				hc := s.hc[int(c)*nn : int(c)*nn+nn]
				hc[0] += ww[i]
				for j := range num {
					hc[1+j] += ww[i] * num[j][i]
				}
			}
		}
	}
}

// fit minimises the penalised log-loss over contacts [lo, hi) by Newton's
// method from start, and returns the coefficients. Each step solves the
// Hessian system by Cholesky (gonum/mat); a step that would raise the loss
// is halved. The Hessian costs as much as the rest of a pass, so it is
// recomputed only while steps are large (over logitRehess in log-odds):
// near the optimum it barely changes, and the old one still converges
// fast, to the exact optimum, since the gradient is always exact. It stops
// when the next step moves no coefficient by more than tol; that step is
// taken.
func (d *logitDesign) fit(start []float64, lo, hi int, tol float64) []float64 {
	p := d.p
	eval := func(b []float64, hess bool) logitSums {
		s := d.sums(b, lo, hi, hess)
		for j := 1; j < p; j++ {
			s.f += LogitLambda / 2 * b[j] * b[j]
			s.g[j] += LogitLambda * b[j]
		}
		return s
	}
	beta := slices.Clone(start)
	cur := eval(beta, true)
	hess := mat.NewSymDense(p, nil)
	step := mat.NewVecDense(p, nil)
	trial := make([]float64, p)
	var chol mat.Cholesky
	for range 50 {
		if cur.h != nil {
			for a := range p {
				for b := a; b < p; b++ {
					v := cur.h[a*p+b]
					if a != b {
						v += cur.h[b*p+a]
					} else if a > 0 {
						v += LogitLambda
					}
					hess.SetSym(a, b, v)
				}
			}
			if !chol.Factorize(hess) {
				break // not positive definite: cannot happen with λ > 0 and a contact, but stop safely
			}
		}
		if chol.SolveVecTo(step, mat.NewVecDense(p, slices.Clone(cur.g))) != nil {
			break
		}
		size := maxAbs(step.RawVector().Data)
		if size < tol {
			for j := range beta {
				beta[j] -= step.AtVec(j)
			}
			break
		}
		accepted := false
		for t := 1.0; t > 1e-6; t /= 2 {
			for j := range trial {
				trial[j] = beta[j] - t*step.AtVec(j)
			}
			if next := eval(trial, t*size > logitRehess); next.f <= cur.f && finite(next.g) {
				copy(beta, trial)
				cur, accepted = next, true
				break
			}
		}
		if !accepted {
			break // at the optimum to rounding
		}
	}
	return beta
}

func maxAbs(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		m = max(m, math.Abs(v))
	}
	return m
}

func finite(x []float64) bool {
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// predict gives the probabilities of contacts [lo, hi) at beta.
func (d *logitDesign) predict(beta []float64, lo, hi int) []float64 {
	out := make([]float64, hi-lo)
	for i := range out {
		out[i] = beta[0]
	}
	for j, col := range d.num {
		b := beta[d.numIdx[j]]
		for i, z := range col[lo:hi] {
			out[i] += b * float64(z)
		}
	}
	for i, c := range d.cell[lo:hi] {
		for _, k := range d.cells[c] {
			out[i] += beta[k]
		}
	}
	for i, e := range out {
		out[i] = sigmoid(e)
	}
	return out
}
