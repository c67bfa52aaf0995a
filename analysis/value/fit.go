package value

import (
	"context"
	"errors"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize"
)

// FitOptions control a maximum-likelihood fit. The zero value is usable.
type FitOptions struct {
	// MinRepeatBuyers is the least number of customers with a repeat
	// purchase the fit accepts (default 10).
	MinRepeatBuyers int
	// MaxIterations bounds the quasi-Newton iterations (default 500).
	MaxIterations int
	// Progress, when set, is called after each iteration with the
	// iteration number and MaxIterations, and with (MaxIterations,
	// MaxIterations) when the fit succeeds; the fit usually needs 20 to 40
	// iterations. It is called on the fitting goroutine.
	Progress func(done, total int)
}

func (o FitOptions) withDefaults() FitOptions {
	if o.MinRepeatBuyers <= 0 {
		o.MinRepeatBuyers = 10
	}
	if o.MaxIterations <= 0 {
		o.MaxIterations = 500
	}
	return o
}

// Estimate is one fitted parameter with its standard error and 95%
// confidence interval. The parameters are estimated on the log scale, where
// the likelihood is closer to quadratic: SE is the delta-method standard
// error Value·SE(log Value), and [Lower, Upper] = exp(log Value ± 1.96·SE(log Value)),
// which stays positive.
//
// A parameter the data cannot pin down (see FitInfo.Warning) has
// Identified false and SE, Lower and Upper 0, meaning "not available".
type Estimate struct {
	Name                    string // stable key: "r", "alpha", "a", "b", "p", "q", "gamma", "s", "beta"
	Value, SE, Lower, Upper float64
	Identified              bool
}

// FitInfo describes a fit.
type FitInfo struct {
	LogLikelihood float64 // at the estimates, summed over the customers in the fit
	Estimates     []Estimate
	// Warning is KindAtBoundary when the likelihood is highest at the edge
	// of the parameter space for some parameters (Identified false): for
	// BG/NBD typically a → 0 with b → ∞, nobody appears to drop out and the
	// model becomes the NBD; for Gamma-Gamma q, γ → ∞, spend rates do not
	// vary between customers. The other estimates, the likelihood and the
	// predictions remain valid (as limits). Otherwise "".
	Warning     Kind
	Customers   int // customers in the fit
	Unique      int // distinct likelihood terms (customers with the same data share one)
	Iterations  int
	Evaluations int
}

// negLL evaluates a negative log-likelihood at log-parameters theta and,
// when grad is not nil, its gradient with respect to theta.
type negLL func(theta, grad []float64) float64

// logBound keeps log-parameters where exp does not overflow; a parameter
// that ends beyond ±logEdge is reported at the boundary (not identified).
const (
	logBound = 40
	logEdge  = 25
)

// maximise finds the maximum-likelihood log-parameters of f from theta0:
// BFGS (gonum/optimize) on the likelihood per unit weight, then Newton
// steps with a finite-difference Hessian of the analytic gradient, which
// polish the optimum and give the covariance. It checks ctx at every
// evaluation.
func maximise(ctx context.Context, f negLL, theta0 []float64, names []string, weight float64, o FitOptions) (fitResult, error) {
	k := len(theta0)
	evals := 0
	counted := func(x, g []float64) float64 { evals++; return f(x, g) }
	clamp := func(x []float64) []float64 {
		y := make([]float64, k)
		for i, v := range x {
			y[i] = math.Max(-logBound, math.Min(logBound, v))
		}
		return y
	}
	p := optimize.Problem{
		Func: func(x []float64) float64 {
			v := counted(clamp(x), nil) / weight
			if !finite(v) {
				return math.MaxFloat64 / 4
			}
			return v
		},
		Grad: func(g, x []float64) {
			counted(clamp(x), g)
			for i := range g {
				g[i] /= weight
				if !finite(g[i]) {
					g[i] = 0
				}
			}
		},
	}
	rec := &recorder{ctx: ctx, progress: o.Progress, total: o.MaxIterations}
	settings := &optimize.Settings{
		GradientThreshold: 1e-9,
		Converger:         &optimize.FunctionConverge{Absolute: 1e-13, Relative: 1e-13, Iterations: 25},
		MajorIterations:   o.MaxIterations,
		Recorder:          rec,
	}
	res, err := optimize.Minimize(p, theta0, settings, &optimize.BFGS{})
	if err := ctx.Err(); err != nil {
		return fitResult{}, &Error{Kind: KindCancelled, Err: err}
	}
	if res == nil {
		return fitResult{}, &Error{Kind: KindFitFailed, Err: err}
	}
	iters := res.Stats.MajorIterations
	fail := func(e error) (fitResult, error) { return fitResult{}, e }
	if err != nil && !errors.Is(err, optimize.ErrLinesearcherFailure) && !errors.Is(err, optimize.ErrNoProgress) {
		// A failed line search near the optimum is common and harmless:
		// the Newton steps below settle the point either way.
		return fail(&Error{Kind: KindFitFailed, Detail: res.Status.String(), Err: err})
	}
	theta, ll, grad, hess, err := newtonPolish(counted, clamp(res.X))
	if err != nil {
		return fail(err)
	}
	for i, g := range grad {
		// Per customer and on the log scale, a gradient this large means
		// the optimum was not reached.
		if math.Abs(g)/weight > 1e-5 {
			return fail(newError(KindFitFailed, "gradient %.3g in %s after %d iterations", g/weight, names[i], iters))
		}
	}
	flat := flatParams(hess, theta)
	var keep []int
	for i, fl := range flat {
		if !fl {
			keep = append(keep, i)
		}
	}
	if len(keep) == 0 {
		return fail(newError(KindNotIdentified, "the likelihood is flat in every parameter"))
	}
	// Covariance of the identified parameters, the others held at their
	// boundary values.
	sub := mat.NewSymDense(len(keep), nil)
	for a, i := range keep {
		for b, j := range keep[a:] {
			sub.SetSym(a, a+b, hess.At(i, j))
		}
	}
	var ch mat.Cholesky
	if !ch.Factorize(sub) {
		return fail(newError(KindNotIdentified, "the likelihood is flat in some direction at the estimate"))
	}
	subCov := mat.NewSymDense(len(keep), nil)
	if err := ch.InverseTo(subCov); err != nil {
		return fail(&Error{Kind: KindNotIdentified, Err: err})
	}
	cov := mat.NewSymDense(k, nil)
	for a, i := range keep {
		v := subCov.At(a, a)
		if !(v > 0) || !finite(v) {
			return fail(newError(KindNotIdentified, "%s has no finite standard error", names[i]))
		}
		for b, j := range keep {
			cov.SetSym(i, j, subCov.At(a, b))
		}
	}
	if o.Progress != nil {
		o.Progress(o.MaxIterations, o.MaxIterations)
	}
	return fitResult{theta: theta, ll: ll, cov: cov, flat: flat, iters: iters, evals: evals}, nil
}

// fitResult is what maximise found: log-parameters, log-likelihood,
// covariance on the log scale (zero rows for flat parameters), which
// parameters are flat, iterations and evaluations.
type fitResult struct {
	theta []float64
	ll    float64
	cov   *mat.SymDense
	flat  []bool
	iters int
	evals int
}

// info returns the FitInfo of a result.
func (r fitResult) info(names []string, customers, unique int) FitInfo {
	fi := FitInfo{LogLikelihood: r.ll, Customers: customers, Unique: unique, Iterations: r.iters, Evaluations: r.evals}
	fi.Estimates = make([]Estimate, len(r.theta))
	for i, v := range r.theta {
		e := Estimate{Name: names[i], Value: math.Exp(v)}
		if !r.flat[i] {
			se := math.Sqrt(r.cov.At(i, i))
			e.SE, e.Identified = e.Value*se, true
			e.Lower, e.Upper = math.Exp(v-1.959963984540054*se), math.Exp(v+1.959963984540054*se)
		} else {
			fi.Warning = KindAtBoundary
		}
		fi.Estimates[i] = e
	}
	return fi
}

// flatParams marks the parameters the likelihood cannot determine: those
// beyond ±logEdge on the log scale, and those that take part (a component
// above 0.1) in an eigenvector of the Hessian whose eigenvalue is not
// positive or below 1e-6 of the largest — a ridge along which the
// likelihood barely changes, as at a boundary maximum.
func flatParams(h *mat.SymDense, theta []float64) []bool {
	k := len(theta)
	flat := make([]bool, k)
	for i, v := range theta {
		flat[i] = math.Abs(v) > logEdge
	}
	var eig mat.EigenSym
	if !eig.Factorize(h, true) {
		for i := range flat {
			flat[i] = true
		}
		return flat
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	top := 0.0
	for _, v := range vals {
		top = math.Max(top, v)
	}
	for j, v := range vals {
		if v > 1e-6*top {
			continue
		}
		for i := 0; i < k; i++ {
			if math.Abs(vecs.At(i, j)) > 0.1 {
				flat[i] = true
			}
		}
	}
	return flat
}

// newtonPolish takes up to 8 Newton steps from theta with a central
// finite-difference Hessian of the analytic gradient, halving a step that
// lowers the likelihood, and returns the point, its log-likelihood, the
// gradient and the Hessian of the negative log-likelihood there.
func newtonPolish(f negLL, theta []float64) ([]float64, float64, []float64, *mat.SymDense, error) {
	k := len(theta)
	g := make([]float64, k)
	cur := f(theta, g)
	if !finite(cur) {
		return nil, 0, nil, nil, newError(KindFitFailed, "the likelihood is not finite at the estimate")
	}
	for iter := 0; ; iter++ {
		h := hessian(f, theta)
		if iter == 8 {
			return theta, -cur, g, h, nil
		}
		var ch mat.Cholesky
		if !ch.Factorize(h) {
			return theta, -cur, g, h, nil // reported by the caller
		}
		step := mat.NewVecDense(k, nil)
		if err := ch.SolveVecTo(step, mat.NewVecDense(k, append([]float64(nil), g...))); err != nil {
			return theta, -cur, g, h, nil
		}
		// Stop when the Newton decrement is negligible.
		dec := mat.Dot(step, mat.NewVecDense(k, g))
		if dec < 1e-12 {
			return theta, -cur, g, h, nil
		}
		improved := false
		for t := 1.0; t > 1e-4; t /= 2 {
			next := make([]float64, k)
			for i := range next {
				next[i] = theta[i] - t*step.AtVec(i)
			}
			g2 := make([]float64, k)
			v := f(next, g2)
			if finite(v) && v <= cur {
				theta, cur, g = next, v, g2
				improved = true
				break
			}
		}
		if !improved {
			return theta, -cur, g, hessian(f, theta), nil
		}
	}
}

// hessian returns the Hessian of f at theta by central differences of its
// gradient, symmetrised.
func hessian(f negLL, theta []float64) *mat.SymDense {
	k := len(theta)
	const h = 1e-5
	cols := make([][]float64, k)
	x := append([]float64(nil), theta...)
	gp, gm := make([]float64, k), make([]float64, k)
	for j := 0; j < k; j++ {
		x[j] = theta[j] + h
		f(x, gp)
		x[j] = theta[j] - h
		f(x, gm)
		x[j] = theta[j]
		cols[j] = make([]float64, k)
		for i := range gp {
			cols[j][i] = (gp[i] - gm[i]) / (2 * h)
		}
	}
	hs := mat.NewSymDense(k, nil)
	for i := 0; i < k; i++ {
		for j := i; j < k; j++ {
			hs.SetSym(i, j, (cols[i][j]+cols[j][i])/2)
		}
	}
	return hs
}

// recorder reports iterations and stops the optimisation when ctx is done.
type recorder struct {
	ctx      context.Context
	progress func(done, total int)
	total    int
}

func (r *recorder) Init() error { return nil }

func (r *recorder) Record(_ *optimize.Location, op optimize.Operation, s *optimize.Stats) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if op == optimize.MajorIteration && r.progress != nil {
		r.progress(min(s.MajorIterations, r.total), r.total)
	}
	return nil
}
