package value

import (
	"cmp"
	"context"
	"math"
	"slices"
)

// GammaGammaParams are the parameters of the Gamma-Gamma model of spend per
// transaction (Fader & Hardie 2013, "The Gamma-Gamma model of monetary
// value"; Colombo & Jiang 1999): a customer's transaction values are
// Gamma(shape P, rate ν), and ν ~ Gamma(shape Q, rate Gamma) across
// customers. The mean spend per transaction of a random customer is
// P·Gamma/(Q−1), finite when Q > 1.
type GammaGammaParams struct {
	P, Q, Gamma float64
}

// GammaGamma is a fitted Gamma-Gamma model.
type GammaGamma struct {
	GammaGammaParams
	Fit FitInfo
	// Excluded counts the repeat buyers left out of the fit because their
	// mean repeat-day value is zero or negative (net returns): the model
	// needs positive spend.
	Excluded int
	// FrequencySpendCorrelation is the Pearson correlation of x and the
	// mean value over the customers in the fit. The model assumes spend
	// does not depend on purchase frequency; a correlation far from 0
	// (say beyond ±0.3) says the assumption is doubtful. It is 0 when
	// either has no variance.
	FrequencySpendCorrelation float64
}

var ggNames = []string{"p", "q", "gamma"}

func (m GammaGammaParams) check() error {
	for _, v := range []float64{m.P, m.Q, m.Gamma} {
		if !(v > 0) || math.IsInf(v, 0) {
			return newError(KindBadInput, "Gamma-Gamma parameters must be positive and finite: p %v, q %v, gamma %v", m.P, m.Q, m.Gamma)
		}
	}
	return nil
}

// LogLikelihood returns the log-likelihood of a customer whose x ≥ 1
// transactions have mean value mean > 0 (Fader & Hardie 2013):
//
//	f(m | x) = Γ(px+q)/(Γ(px)Γ(q)) · γ^q m^(px−1) x^(px) / (γ+mx)^(px+q)
func (m GammaGammaParams) LogLikelihood(x int, mean float64) (float64, error) {
	if err := m.check(); err != nil {
		return 0, err
	}
	if x < 1 || !(mean > 0) || math.IsInf(mean, 0) {
		return 0, newError(KindBadInput, "need x ≥ 1 and a positive mean: x %d, mean %v", x, mean)
	}
	fx := float64(x)
	px := m.P * fx
	l1, _ := math.Lgamma(px + m.Q)
	l2, _ := math.Lgamma(px)
	l3, _ := math.Lgamma(m.Q)
	return l1 - l2 - l3 + m.Q*math.Log(m.Gamma) + (px-1)*math.Log(mean) + px*math.Log(fx) - (px+m.Q)*math.Log(m.Gamma+mean*fx), nil
}

// PopulationMean returns the expected spend per transaction of a customer
// about whom nothing is known, p·γ/(q−1). It fails with
// KindInfiniteMeanSpend when q ≤ 1.
func (m GammaGammaParams) PopulationMean() (float64, error) {
	if err := m.check(); err != nil {
		return 0, err
	}
	if m.Q <= 1 {
		return 0, newError(KindInfiniteMeanSpend, "q = %.4g", m.Q)
	}
	return m.P * m.Gamma / (m.Q - 1), nil
}

// ExpectedValue returns the expected value of a customer's future
// transactions given x repeat transactions with mean value mean (Fader &
// Hardie 2013), a weighted average of the population mean and the
// customer's own:
//
//	E[M | x, m] = p(γ + x·m)/(px + q − 1)
//	            = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · m.
//
// With x = 0, or a mean that is not positive (the model does not apply to
// net returns), it is the population mean pγ/(q−1).
func (m GammaGammaParams) ExpectedValue(x int, mean float64) (float64, error) {
	if err := m.check(); err != nil {
		return 0, err
	}
	if x < 0 || !finite(mean) {
		return 0, newError(KindBadInput, "x %d, mean %v", x, mean)
	}
	if x == 0 || mean <= 0 {
		return m.PopulationMean()
	}
	fx := float64(x)
	d := m.P*fx + m.Q - 1
	if d <= 0 {
		return 0, newError(KindInfiniteMeanSpend, "p·x + q − 1 = %.4g", d)
	}
	return m.P * (m.Gamma + fx*mean) / d, nil
}

// ggData are the distinct (x, mean) of the repeat buyers with positive
// mean, sorted, with weights; lm = log mean, lx = log x.
type ggData struct {
	x        []float64
	m, lm, w []float64
	xs, xw   []float64 // distinct x and their total weights
	xlm      []float64 // per distinct x, Σ w·log m
	xrun     []int32
	total    float64
	sum      float64 // Σ m, for the starting point
}

// FitGammaGamma fits the Gamma-Gamma model by maximum likelihood to the
// repeat buyers of s (X > 0) whose MeanValue is positive; repeat buyers
// with a zero or negative mean are left out and counted in Excluded. The
// log-likelihood (LogLikelihood summed over customers) is maximised over
// log(p, q, γ) as in FitBGNBD.
func FitGammaGamma(ctx context.Context, s Summary, o FitOptions) (GammaGamma, error) {
	o = o.withDefaults()
	d, excluded := ggDataOf(s)
	if int(d.total) < o.MinRepeatBuyers {
		return GammaGamma{}, newError(KindNoPositiveSpend, "%d repeat buyers with positive spend (%d excluded), need %d", int(d.total), excluded, o.MinRepeatBuyers)
	}
	// Start at p = 2, q = 3 and γ giving the observed mean spend.
	theta0 := []float64{math.Log(2), math.Log(3), math.Log(d.sum / d.total)}
	res, err := maximise(ctx, d.negLL, theta0, ggNames, d.total, o)
	if err != nil {
		return GammaGamma{}, err
	}
	fi := res.info(ggNames, int(d.total), len(d.w))
	est := fi.Estimates
	return GammaGamma{
		GammaGammaParams:          GammaGammaParams{P: est[0].Value, Q: est[1].Value, Gamma: est[2].Value},
		Fit:                       fi,
		Excluded:                  excluded,
		FrequencySpendCorrelation: d.correlation(),
	}, nil
}

// negLL is the negative Gamma-Gamma log-likelihood at theta = log(p, q, γ)
// and its gradient:
//
//	∂/∂p = x[ψ(px+q) − ψ(px) + log m + log x − log(γ+mx)]
//	∂/∂q = ψ(px+q) − ψ(q) + log γ − log(γ+mx)
//	∂/∂γ = q/γ − (px+q)/(γ+mx)
func (d *ggData) negLL(theta, grad []float64) float64 {
	p, q, g := math.Exp(theta[0]), math.Exp(theta[1]), math.Exp(theta[2])
	lq, _ := math.Lgamma(q)
	dq := digamma(q)
	lg := math.Log(g)
	var ll, gp, gq, gg float64
	// Per distinct x: the terms that do not involve m.
	cx := make([]float64, len(d.xs)) // ψ(px+q) − ψ(px) + log x, for ∂p
	for k, x := range d.xs {
		w := d.xw[k]
		px := p * x
		l1, _ := math.Lgamma(px + q)
		l2, _ := math.Lgamma(px)
		lx := math.Log(x)
		ll += w*(l1-l2-lq+q*lg+px*lx) + (px-1)*d.xlm[k]
		d1 := digamma(px + q)
		cx[k] = d1 - digamma(px) + lx
		gp += x * (w*cx[k] + d.xlm[k])
		gq += w * (d1 - dq + lg)
		gg += w * q / g
	}
	for i, x := range d.x {
		w := d.w[i]
		px := p * x
		s := g + d.m[i]*x
		ls := math.Log(s)
		ll -= w * (px + q) * ls
		gp -= w * x * ls
		gq -= w * ls
		gg -= w * (px + q) / s
	}
	if grad != nil {
		grad[0], grad[1], grad[2] = -gp*p, -gq*q, -gg*g
	}
	return -ll
}

// ggDataOf groups the repeat buyers of s with a positive mean by (x, mean),
// sorted, and returns them with the number of repeat buyers left out.
func ggDataOf(s Summary) (ggData, int) {
	type xm struct{ x, m float64 }
	var rows []xm
	excluded := 0
	for i, ok := range s.Modelled {
		if !ok || s.X[i] == 0 {
			continue
		}
		if !(s.MeanValue[i] > 0) {
			excluded++
			continue
		}
		rows = append(rows, xm{float64(s.X[i]), s.MeanValue[i]})
	}
	slices.SortFunc(rows, func(a, b xm) int {
		if c := cmp.Compare(a.x, b.x); c != 0 {
			return c
		}
		return cmp.Compare(a.m, b.m)
	})
	var d ggData
	for i, r := range rows {
		d.sum += r.m
		if i > 0 && r == rows[i-1] {
			d.w[len(d.w)-1]++
			continue
		}
		d.x, d.m, d.lm, d.w = append(d.x, r.x), append(d.m, r.m), append(d.lm, math.Log(r.m)), append(d.w, 1)
	}
	d.total = float64(len(rows))
	d.xrun = make([]int32, len(d.x))
	for i, x := range d.x {
		if len(d.xs) == 0 || d.xs[len(d.xs)-1] != x {
			d.xs, d.xw, d.xlm = append(d.xs, x), append(d.xw, 0), append(d.xlm, 0)
		}
		k := len(d.xs) - 1
		d.xrun[i] = int32(k)
		d.xw[k] += d.w[i]
		d.xlm[k] += d.w[i] * d.lm[i]
	}
	return d, excluded
}

// correlation returns the weighted Pearson correlation of x and m, 0 when
// either is constant.
func (d *ggData) correlation() float64 {
	mx, mm := 0.0, 0.0
	for i := range d.x {
		mx += d.w[i] * d.x[i]
		mm += d.w[i] * d.m[i]
	}
	mx /= d.total
	mm /= d.total
	var sxx, smm, sxm float64
	for i := range d.x {
		dx, dm := d.x[i]-mx, d.m[i]-mm
		sxx += d.w[i] * dx * dx
		smm += d.w[i] * dm * dm
		sxm += d.w[i] * dx * dm
	}
	if sxx == 0 || smm == 0 {
		return 0
	}
	return sxm / math.Sqrt(sxx*smm)
}
