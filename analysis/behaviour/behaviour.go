package behaviour

import (
	"fmt"
	"math"

	"github.com/pulpero/pulpero/model"
)

// Result is what Compute returns: the attribute columns (one row per
// customer, Derived, in the order of the package documentation), the totals
// and the data problems.
type Result struct {
	Columns []model.Column
	Summary Summary
	Report  Report
}

// Column finds a result column by name; nil if absent.
func (r *Result) Column(name string) model.Column {
	for _, c := range r.Columns {
		if c.Meta().Name == name {
			return c
		}
	}
	return nil
}

// Compute returns the behaviour attributes of opt.Customers customers from
// the purchase lines p and the touchpoints t (t may be nil: no touchpoint
// attributes). See the package documentation for every definition.
//
// Errors are returned for slices of different lengths, a sign-up column of
// the wrong length, and when the analysis date is left to the default but no
// line has a sale and a date. Bad values inside the data are not errors: they
// are counted in Result.Report.
func Compute(p *Purchases, t *Touchpoints, opt Options) (*Result, error) {
	n := opt.Customers
	if n < 0 {
		return nil, fmt.Errorf(errCustomers, n)
	}
	if err := p.validate(); err != nil {
		return nil, err
	}
	if p.Len() > math.MaxInt32 || (t != nil && t.Len() > math.MaxInt32) {
		return nil, fmt.Errorf(errTooMany, math.MaxInt32)
	}
	if t != nil {
		if err := t.validate(); err != nil {
			return nil, err
		}
	}
	a := opt.AnalysisDay
	if !opt.SetAnalysisDay {
		d, err := DefaultAnalysisDay(p)
		if err != nil {
			return nil, err
		}
		a = d
	}
	signup, err := signupDays(opt.Signup, n)
	if err != nil {
		return nil, err
	}
	workers, keep := workerCount(opt.Workers), opt.examples()

	sum := Summary{AnalysisDay: a, Lines: p.Len(), Customers: n}
	shards := lineShards(p.Len(), workers)
	scans := scanPurchases(p, a, signup, n, keep, shards)
	for i := range scans {
		sum.LinesUsed += scans[i].used
		sum.LinesWithoutCustomer += scans[i].withoutCustomer
		sum.Sales += scans[i].sales
		sum.SalesWithoutCustomer += scans[i].salesWithout
	}
	if sum.Sales > 0 {
		sum.ShareWithoutCustomer = sum.SalesWithoutCustomer / sum.Sales
	}
	k := &kernel{p: p, t: t, a: a, out: newOutputs(p, t, n, a)}
	k.lines = countingSort(n, shards, hists(scans), lineKey(p.Customer, p.Day, n, a))
	parts := [][]tally{tallies(scans)}
	scans = nil // let the histograms go before the touchpoints' are made
	if t != nil {
		sum.Touchpoints = t.Len()
		tShards := lineShards(t.Len(), workers)
		tScans := scanTouchpoints(t, a, n, keep, tShards)
		for i := range tScans {
			sum.TouchpointsUsed += tScans[i].used
			sum.TouchpointsWithoutCustomer += tScans[i].withoutCustomer
		}
		k.touch = countingSort(n, tShards, hists(tScans), lineKey(t.Customer, t.Day, n, a))
		parts = append(parts, tallies(tScans))
	}

	scratches := make([]scratch, workers)
	for i := range scratches {
		scratches[i].channel = make([]float64, len(k.out.shares))
		if p.Category != nil {
			scratches[i].catSums = make([]float64, len(p.CategoryDict))
		}
	}
	forCustomerChunks(n, workers, func(w, lo, hi int) { k.run(&scratches[w], lo, hi) })

	for c := 0; c < n; c++ {
		if f := k.out.frequency.Values[c]; f > 0 {
			sum.CustomersWithPurchases++
			sum.Purchases += int(f)
		}
	}
	return &Result{Columns: k.out.columns(), Summary: sum, Report: mergeTallies(keep, parts...)}, nil
}
