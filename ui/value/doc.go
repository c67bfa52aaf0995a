// Package value is the Value screen: what the purchases say about the
// customers' future (app.ComputeValue). It shows the BG/NBD and
// Gamma-Gamma fits with standard errors and log-likelihoods, the holdout
// validation as a cumulative line chart and bars by calibration
// purchases, the distributions of p_alive and clv in bands (enter sends a
// band's rule to the Segments screen) and the customers with the highest
// clv.
//
// The models are computed on request (the first time the screen is shown,
// or r), in a Cmd that reports its progress and stops with esc; the
// screen never blocks. The attributes reach the other screens when asked
// (a, or enter on a band): the root is handed a copy of the session with
// them added (common.SessionMsg).
package value
