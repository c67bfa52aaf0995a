package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/pulpero/pulpero/app"
)

// Texts of `pulpero value`.
const (
	msgValueWrote     = "wrote %d customers to %s (as of %s)\n"
	msgValueHead      = "%s: table %s, %s customers; as of %s (%s)\n"
	msgValueAsOfLast  = "the last purchase day; set another with --as-of"
	msgValueAsOfSet   = "set"
	msgValueLines     = "purchases: %s lines read, %s used (%s without a known customer, %s without a date, %s without a sale or return); %s purchase days from %s to %s\n"
	msgValueCustomers = "customers: %s with a purchase by the as-of day, %s of them repeat buyers; %s without a purchase (no prediction)\n"
	msgValueSetup     = "times in %s; horizon %d days; clv discounted %s\n"
	msgValueBG        = "BG/NBD (repeat purchases and P(alive)): log-likelihood %s; %s customers, %s distinct histories, %d iterations\n"
	msgValuePareto    = "Pareto/NBD (for comparison): log-likelihood %s; the better purchase model: %s\n"
	msgValueGG        = "Gamma-Gamma (value of a purchase day): log-likelihood %s; %s repeat buyers (%s with net returns left out)\n"
	msgValueGGCheck   = "  frequency-spend correlation %s (the model assumes none; beyond ±0.3 doubt it); mean value of a purchase day %s\n"
	msgValueNoSpend   = "no spend model, so no expected_value nor clv: %s\n"
	msgValuePred      = "predictions for the %d days after %s (%s customers): mean P(alive) %s, expected purchases %s, clv %s (mean %s)\n"
	msgValueVal       = "validation: BG/NBD refitted on the purchases to %s, compared with what happened after it, to %s\n"
	msgValueValFig    = "  repeat purchases after the calibration end: predicted %s, actual %s (error %s%%); per-customer correlation %s\n"
	msgValueNoVal     = "validation: %s\n"
	msgValueTook      = "took %ss (reading %ss, fits %ss, predictions %ss, validation %ss)\n"
)

func printValue(r app.ValueReport, format string, stdout, stderr io.Writer) int {
	if format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			fmt.Fprintf(stderr, "pulpero: %v\n", err)
			return exitFail
		}
		return exitOK
	}
	printValueText(r, stdout)
	return exitOK
}

func printValueText(r app.ValueReport, w io.Writer) {
	how := msgValueAsOfLast
	if r.AsOfSet {
		how = msgValueAsOfSet
	}
	c, l := r.Customers, r.Lines
	fmt.Fprintf(w, msgValueHead, r.Database, r.Table, commas(c.Customers), r.AsOf, how)
	fmt.Fprintf(w, msgValueLines, commas(l.Lines), commas(l.Used), commas(l.WithoutCustomer), commas(l.WithoutDate), commas(l.WithoutValue),
		commas(l.CustomerDays-l.ReturnOnlyDays-l.DaysAfterAsOf), r.FirstDay, r.LastDay)
	fmt.Fprintf(w, msgValueCustomers, commas(c.Modelled), commas(c.RepeatBuyers), commas(c.Customers-c.Modelled))
	fmt.Fprintf(w, msgValueSetup, r.Unit, r.HorizonDays, app.DiscountText(r.DiscountRate, r.DiscountDays))
	fmt.Fprintln(w)
	if m := r.BGNBD; m != nil {
		fmt.Fprintf(w, msgValueBG, vdec(m.LogLikelihood, 1), commas(m.Customers), commas(m.Unique), m.Iterations)
		printParams(w, m)
	}
	if m := r.ParetoNBD; m != nil {
		fmt.Fprintf(w, msgValuePareto, vdec(m.LogLikelihood, 1), r.Better)
		printParams(w, m)
	} else if r.ParetoErr != "" {
		fmt.Fprintf(w, "Pareto/NBD: %s\n", r.ParetoErr)
	}
	if g := r.GammaGamma; g != nil {
		fmt.Fprintf(w, msgValueGG, vdec(g.LogLikelihood, 1), commas(g.Customers), commas(g.Excluded))
		printParams(w, &g.ModelFit)
		fmt.Fprintf(w, msgValueGGCheck, vdec(g.Correlation, 3), vdec(g.PopulationMean, 2))
	}
	if r.SpendError != "" {
		fmt.Fprintf(w, msgValueNoSpend, r.SpendError)
	}
	if t := r.Totals; t != nil {
		fmt.Fprintln(w)
		fmt.Fprintf(w, msgValuePred, r.HorizonDays, r.AsOf, commas(t.Customers), vdec(t.MeanPAlive, 3), vdec(t.ExpectedPurchases, 1),
			vdec(t.CLV, 2), vdec(t.MeanCLV, 2))
		printBands(w, "p_alive", r.PAlive)
		printBands(w, "clv", r.CLV)
	}
	if len(r.Top) > 0 {
		fmt.Fprintf(w, "top %d customers by clv:\n", len(r.Top))
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "  customer\tx\tt_x\tT\tmean value\tp_alive\texpected\texp. value\tclv\t\n")
		for _, t := range r.Top {
			fmt.Fprintf(tw, "  %s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", t.Customer, t.X, vdec(t.Tx, 1), vdec(t.T, 1), vdec(t.MeanValue, 2),
				vdec(t.PAlive, 3), vdec(t.ExpectedPurchases, 2), vdec(t.ExpectedValue, 2), vdec(t.CLV, 2))
		}
		tw.Flush()
	}
	fmt.Fprintln(w)
	if v := r.Validation; v != nil {
		printValidation(w, v)
	} else if r.ValidErr != "" {
		fmt.Fprintf(w, msgValueNoVal, r.ValidErr)
	}
	s := r.Seconds
	fmt.Fprintf(w, msgValueTook, vdec(s["total"], 1), vdec(s["read"], 1), vdec(s["bgnbd"]+s["gammagamma"]+s["paretonbd"], 1),
		vdec(s["predict"], 1), vdec(s["validate"], 1))
}

// printParams lists a model's parameters with standard errors and 95%
// intervals ("not identified" when the data cannot pin one down).
func printParams(w io.Writer, m *app.ModelFit) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, p := range m.Params {
		if !p.Identified {
			fmt.Fprintf(tw, "  %s\t%s\tnot identified\t\n", p.Name, vsig(p.Value))
			continue
		}
		fmt.Fprintf(tw, "  %s\t%s\tse %s\t95%% %s – %s\t\n", p.Name, vsig(p.Value), vsig(p.SE), vsig(p.Lower), vsig(p.Upper))
	}
	tw.Flush()
	if m.Warning != "" {
		fmt.Fprintf(w, "  note: %s\n", m.Warning)
	}
}

// printBands lists an attribute's bands with the rule of each.
func printBands(w io.Writer, name string, bands []app.ValueBand) {
	if len(bands) == 0 {
		return
	}
	fmt.Fprintf(w, "%s bands:\n", name)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, b := range bands {
		fmt.Fprintf(tw, "  %s\t%s customers\tclv %s\t%s\t\n", b.Label, commas(b.Customers), vdec(b.CLV, 2), b.Rule)
	}
	tw.Flush()
}

// printValidation shows the validation's figures, the cumulative tracking
// (at most 14 rows: every k-th period and the calibration end) and the
// conditional expectations by calibration repeat purchases.
func printValidation(w io.Writer, v *app.ValidationFit) {
	fmt.Fprintf(w, msgValueVal, v.CalibrationEnd, v.HoldoutEnd)
	corr := "undefined (no variance)"
	if v.Correlation != nil {
		corr = vdec(*v.Correlation, 3)
	}
	fmt.Fprintf(w, msgValueValFig, vdec(v.PredictedHoldout, 1), vdec(v.ActualHoldout, 0), vdec(v.TotalErrorPct, 1), corr)
	printParams(w, &v.Model)
	fmt.Fprintln(w, "  cumulative repeat purchases by week:")
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "    week ending\tactual\texpected\t\t\n")
	step := max(1, (len(v.Tracking)+13)/14)
	for k, p := range v.Tracking {
		boundary := k+1 < len(v.Tracking) && !p.Holdout && v.Tracking[k+1].Holdout
		if k%step != 0 && k != len(v.Tracking)-1 && !boundary {
			continue
		}
		mark := ""
		if boundary {
			mark = "← calibration end"
		}
		fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\t\n", p.End, vdec(p.CumActual, 0), vdec(p.CumExpected, 1), mark)
	}
	tw.Flush()
	fmt.Fprintln(w, "  mean purchases after the calibration end, by purchases in it:")
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "    repeat purchases\tcustomers\texpected\tactual\t\n")
	for _, g := range v.ByRepeat {
		x := strconv.Itoa(g.X)
		if g.AndMore {
			x += "+"
		}
		fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\t\n", x, commas(g.Customers), vdec(g.Expected, 3), vdec(g.Actual, 3))
	}
	tw.Flush()
}

// vdec writes x with d decimals and thousands separators; vsig with four
// significant digits.
func vdec(x float64, d int) string {
	s := strconv.FormatFloat(x, 'f', d, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, err := strconv.Atoi(whole)
	if err != nil || (n > -1000 && n < 1000) {
		return s
	}
	if frac != "" {
		frac = "." + frac
	}
	if n == 0 && strings.HasPrefix(whole, "-") { // -0.5 keeps its sign
		return s
	}
	return commas(n) + frac
}

func vsig(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }
