package value

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/stat/distuv"
)

// SimulateOptions describe a simulated customer base.
type SimulateOptions struct {
	Customers int
	Seed      uint64
	// Model is the BG/NBD process in Unit (α per Unit).
	Model BGNBDParams
	Unit  TimeUnit
	// Spend, when set, draws each transaction's amount from the
	// Gamma-Gamma model; otherwise every amount is 1.
	Spend *GammaGammaParams
	// First purchases fall uniformly on the AcquisitionDays days from
	// FirstDay; nothing is recorded after LastDay.
	FirstDay        int32
	AcquisitionDays int
	LastDay         int32
}

// Simulate draws purchase lines from the BG/NBD process, deterministically
// for a given seed (and gonum version): customer i has a first purchase on
// a uniform day of the acquisition window, λ ~ Gamma(r, α), p ~ Beta(a, b);
// repeat purchases follow at exponential(λ) intervals, and after each one
// the customer drops out with probability p. Times are continuous, starting
// at the beginning of the first purchase day; a purchase is recorded on the
// day it falls in, so two purchases on one day become one purchase day in
// Summarise. With Spend, customer i's amounts are Gamma(p, ν) with
// ν ~ Gamma(q, γ), rounded to cents. Lines come out by customer, then time.
func Simulate(o SimulateOptions) (Purchases, error) {
	if err := o.Model.check(); err != nil {
		return Purchases{}, err
	}
	if err := o.Unit.valid(); err != nil {
		return Purchases{}, err
	}
	if o.Spend != nil {
		if err := o.Spend.check(); err != nil {
			return Purchases{}, err
		}
	}
	if o.Customers < 0 || o.AcquisitionDays < 1 || o.LastDay < o.FirstDay+int32(o.AcquisitionDays)-1 {
		return Purchases{}, newError(KindBadInput, "%d customers, acquisition %d days from %s, last day %s",
			o.Customers, o.AcquisitionDays, dayString(o.FirstDay), dayString(o.LastDay))
	}
	src := rand.NewPCG(o.Seed, 0x5851f42d4c957f2d)
	rng := rand.New(src)
	lam := distuv.Gamma{Alpha: o.Model.R, Beta: o.Model.Alpha, Src: src}
	drop := distuv.Beta{Alpha: o.Model.A, Beta: o.Model.B, Src: src}
	var p Purchases
	unit := o.Unit.Days()
	for c := 0; c < o.Customers; c++ {
		f := o.FirstDay + int32(rng.IntN(o.AcquisitionDays))
		l := lam.Rand()
		pd := drop.Rand()
		amount := func() float64 { return 1 }
		if o.Spend != nil {
			// ν can underflow for tiny q; keep it positive and the amounts finite.
			nu := max(distuv.Gamma{Alpha: o.Spend.Q, Beta: o.Spend.Gamma, Src: src}.Rand(), 1e-300)
			z := distuv.Gamma{Alpha: o.Spend.P, Beta: nu, Src: src}
			amount = func() float64 { return math.Round(min(z.Rand(), 1e12)*100) / 100 }
		}
		emit := func(day int32) {
			p.Customer = append(p.Customer, int32(c))
			p.Day = append(p.Day, day)
			p.Amount = append(p.Amount, amount())
		}
		emit(f)
		room := float64(o.LastDay-f) + 1 // days from the start of f to the end of LastDay
		t := 0.0
		for {
			t += rng.ExpFloat64() / l
			if !(t*unit < room) { // also stops when λ underflowed to 0
				break
			}
			emit(f + int32(t*unit))
			if rng.Float64() < pd {
				break
			}
		}
	}
	return p, nil
}
