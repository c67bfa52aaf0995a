// Package value models customer value in non-contractual settings ("buy
// till you die"): the BG/NBD model of purchase counts (Fader, Hardie & Lee
// 2005, "Counting your customers the easy way") and the Gamma-Gamma model
// of spend per purchase (Fader & Hardie 2013, "The Gamma-Gamma model of
// monetary value"), fitted by maximum likelihood, with per-customer
// P(alive), expected purchases, expected value and CLV, a holdout
// validation, and a simulator.
//
// # Flow
//
//	s, err := value.Summarise(purchases, customers, calibrationEnd, value.Weeks)
//	m, err := value.FitBGNBD(ctx, s, value.FitOptions{})
//	g, err := value.FitGammaGamma(ctx, s, value.FitOptions{})
//	pr, err := value.Predict(ctx, s, m, &g, value.DefaultPredictOptions())
//	v, err := value.Validate(ctx, purchases, customers, value.ValidateOptions{Unit: value.Weeks})
//
// To predict the future, summarise with the calibration end on the last
// purchase day; Validate picks an earlier one (two thirds into the data by
// default) and compares the model with what happened after it.
//
// # Data
//
// A purchase day is a day on which a customer has a line with a
// non-negative amount; its value is the sum of that day's amounts. Days
// with only returns are not purchases (Summary.Counts.ReturnOnlyDays).
// x counts the repeat purchase days (purchase days minus one), t_x runs from
// the first to the last purchase day and T from the first purchase day to
// the calibration end D, whose purchases count: with D = 1997-09-30 a
// customer who first bought on 1997-01-01 has T = 272 days = 38.86 weeks.
// The mean value is over the repeat days only. Times are in weeks (the
// literature's unit) or days; the BG/NBD rate α is per that unit.
//
// # Numerics
//
// The likelihoods are summed once per distinct (x, t_x, T), sorted, with
// weights, so fits are fast and do not depend on the order of customers.
// Parameters are estimated on the log scale with gonum's BFGS and analytic
// gradients, then polished by Newton steps; the standard errors come from
// the Hessian (finite differences of the analytic gradient). The BG/NBD
// conditional expectation needs the Gaussian hypergeometric function near
// z = 1, where its textbook form overflows for large x; growth explains the
// rearranged series used instead, with a quadrature fallback.
//
// No result holds NaN or Inf: data that cannot support a quantity gives an
// *Error with a Kind (messages.go has one sentence per kind for the
// translation catalogue).
package value
