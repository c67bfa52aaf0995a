// Package behaviour is the Behaviour screen: what the purchases say about
// the customers, as of the analysis date. It shows the R × F grid of RFM
// scores as a heat map (customers and mean monetary value per cell), the
// named segments (customers, shares of customers and revenue, mean scores),
// how concentrated the revenue is (the top 1, 5 and 20% of customers), the
// distributions of recency, frequency and monetary value, where the
// purchases were read from (which columns, which return rule) and every
// data problem met. enter sends the rule of a cell or segment to the
// Segments screen; the analysis date, the segment table and frozen
// cut-offs are set here and saved for the database.
//
// The screen reads the session's behaviour (app.Session.Behaviour); it
// computes nothing heavy itself but the three histograms, once.
package behaviour
