package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/pulpero/pulpero/analysis/value"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
)

func printValue(r app.ValueReport, v *app.Value, format string, stdout, stderr io.Writer) int {
	if format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
			return exitFail
		}
		return exitOK
	}
	printValueText(r, v, stdout)
	return exitOK
}

func printValueText(r app.ValueReport, v *app.Value, w io.Writer) {
	if v == nil {
		v = &app.Value{}
	}
	c, l := r.Customers, r.Lines
	if r.AsOfSet {
		fmt.Fprintln(w, tr.T("%s: table %s, %s customers; as of %s (set)", r.Database, r.Table, commas(c.Customers), day(r.AsOf)))
	} else {
		fmt.Fprintln(w, tr.T("%s: table %s, %s customers; as of %s (the last purchase day; set another with --as-of)", r.Database, r.Table, commas(c.Customers), day(r.AsOf)))
	}
	fmt.Fprintln(w, tr.T("purchases: %s lines read, %s used (%s without a known customer, %s without a date, %s without a sale or return); %s purchase days from %s to %s",
		commas(l.Lines), commas(l.Used), commas(l.WithoutCustomer), commas(l.WithoutDate), commas(l.WithoutValue),
		commas(l.CustomerDays-l.ReturnOnlyDays-l.DaysAfterAsOf), day(r.FirstDay), day(r.LastDay)))
	fmt.Fprintln(w, tr.T("customers: %s with a purchase by the as-of day, %s of them repeat buyers; %s without a purchase (no prediction)",
		commas(c.Modelled), commas(c.RepeatBuyers), commas(c.Customers-c.Modelled)))
	fmt.Fprintln(w, tr.T("times in %s; horizon %s days; clv discounted %s", tr.Lookup(r.Unit), commas(r.HorizonDays), discountText(r.DiscountRate, r.DiscountDays)))
	fmt.Fprintln(w)
	if m := r.BGNBD; m != nil {
		fmt.Fprintln(w, tr.T("BG/NBD (repeat purchases and P(alive)): log-likelihood %s; %s customers, %s distinct histories, %s iterations",
			vdec(m.LogLikelihood, 1), commas(m.Customers), commas(m.Unique), commas(m.Iterations)))
		printParams(w, m)
	}
	if m := r.ParetoNBD; m != nil {
		fmt.Fprintln(w, tr.T("Pareto/NBD (for comparison): log-likelihood %s; the better purchase model: %s", vdec(m.LogLikelihood, 1), r.Better))
		printParams(w, m)
	} else if r.ParetoErr != "" {
		fmt.Fprintf(w, "Pareto/NBD: %s\n", valueSay(v.ParetoErr, r.ParetoErr)) // i18n: the model's name
	}
	if g := r.GammaGamma; g != nil {
		fmt.Fprintln(w, tr.T("Gamma-Gamma (value of a purchase day): log-likelihood %s; %s repeat buyers (%s with net returns left out)",
			vdec(g.LogLikelihood, 1), commas(g.Customers), commas(g.Excluded)))
		printParams(w, &g.ModelFit)
		fmt.Fprintln(w, tr.T("  frequency-spend correlation %s (the model assumes none; beyond ±0.3 doubt it); mean value of a purchase day %s",
			vdec(g.Correlation, 3), vdec(g.PopulationMean, 2)))
	}
	if r.SpendError != "" {
		fmt.Fprintln(w, tr.T("no spend model, so no expected_value nor clv: %s", valueSay(v.SpendErr, r.SpendError)))
	}
	if t := r.Totals; t != nil {
		fmt.Fprintln(w)
		fmt.Fprintln(w, tr.T("predictions for the %s days after %s (%s customers): mean P(alive) %s, expected purchases %s, clv %s (mean %s)",
			commas(r.HorizonDays), day(r.AsOf), commas(t.Customers), vdec(t.MeanPAlive, 3), vdec(t.ExpectedPurchases, 1), vdec(t.CLV, 2), vdec(t.MeanCLV, 2)))
		printBands(w, "p_alive", r.PAlive)
		printBands(w, "clv", r.CLV)
	}
	if len(r.Top) > 0 {
		fmt.Fprintln(w, tr.T("top %s customers by clv:", commas(len(r.Top))))
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, tr.T("  customer\tx\tt_x\tT\tmean value\tp_alive\texpected\texp. value\tclv\t"))
		for _, t := range r.Top {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", t.Customer, strconv.Itoa(t.X), vdec(t.Tx, 1), vdec(t.T, 1), vdec(t.MeanValue, 2),
				vdec(t.PAlive, 3), vdec(t.ExpectedPurchases, 2), vdec(t.ExpectedValue, 2), vdec(t.CLV, 2))
		}
		tw.Flush()
	}
	fmt.Fprintln(w)
	if val := r.Validation; val != nil {
		printValidation(w, val)
	} else if r.ValidErr != "" {
		fmt.Fprintln(w, tr.T("validation: %s", valueSay(v.ValidationErr, r.ValidErr)))
	}
	s := r.Seconds
	fmt.Fprintln(w, tr.T("took %ss (reading %ss, fits %ss, predictions %ss, validation %ss)", vdec(s["total"], 1), vdec(s["read"], 1),
		vdec(s["bgnbd"]+s["gammagamma"]+s["paretonbd"], 1), vdec(s["predict"], 1), vdec(s["validate"], 1)))
}

// discountText is app.DiscountText in the run's language ("1 % cada 30
// días"); English as app writes it.
func discountText(rate float64, days int) string {
	if tr.Lang != locale.Spanish {
		return app.DiscountText(rate, days)
	}
	return tr.T(app.TextDiscount, withDecimalMark(strconv.FormatFloat(100*rate, 'g', 4, 64)), days)
}

// valueSay is a value model's error (err, app's text of it) or warning
// (err nil) in the run's language, as the Value screen says it: the
// sentence through the catalogue, its detail said too when it is a
// sentence, else kept as it is.
func valueSay(err error, text string) string {
	if tr.Lang != locale.Spanish || text == "" {
		return text
	}
	var ve *value.Error
	switch {
	case err != nil && errors.As(err, &ve) && ve.Detail != "" && ve.Said.Format != "":
		return tr.Lookup(ve.Kind.Message()) + " (" + tr.Say(ve.Said) + ")"
	case err == nil || ve != nil:
		if t := tr.Lookup(text); t != text {
			return t
		}
		if i := strings.Index(text, " ("); i > 0 {
			if t := tr.Lookup(text[:i]); t != text[:i] {
				return t + text[i:]
			}
		}
		return text
	}
	return sayErr(err)
}

// printParams lists a model's parameters with standard errors and 95%
// intervals ("not identified" when the data cannot pin one down).
func printParams(w io.Writer, m *app.ModelFit) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, p := range m.Params {
		if !p.Identified {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t\n", p.Name, vsig(p.Value), tr.T("not identified"))
			continue
		}
		fmt.Fprintln(tw, tr.T("  %s\t%s\tse %s\t95%% %s – %s\t", p.Name, vsig(p.Value), vsig(p.SE), vsig(p.Lower), vsig(p.Upper)))
	}
	tw.Flush()
	if m.Warning != "" {
		fmt.Fprintln(w, tr.T("  note: %s", valueSay(nil, m.Warning)))
	}
}

// printBands lists an attribute's bands with the rule of each.
func printBands(w io.Writer, name string, bands []app.ValueBand) {
	if len(bands) == 0 {
		return
	}
	fmt.Fprintln(w, tr.T("%s bands:", name))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, b := range bands {
		fmt.Fprintln(tw, tr.T("  %s\t%s customers\tclv %s\t%s\t", bandLabel(b.Label), commas(b.Customers), vdec(b.CLV, 2), sayRule(b.Rule)))
	}
	tw.Flush()
}

// bandLabel is a band's label ("< 0.1", "0.1–0.3", "≥ 800", "all") in the
// run's language, its numbers in the run's number format (0,1–0,3).
func bandLabel(label string) string {
	if tr.Lang != locale.Spanish {
		return label
	}
	if label == "all" {
		return tr.Lookup(label)
	}
	return bandNumber.ReplaceAllStringFunc(label, localNumber)
}

// bandNumber is a number in a band's label, as app writes it (strconv's
// 'f', -1). i18n: a pattern, not a sentence
var bandNumber = regexp.MustCompile(`-?[0-9]+(\.[0-9]+)?`)

// printValidation shows the validation's figures, the cumulative tracking
// (at most 14 rows: every k-th period and the calibration end) and the
// conditional expectations by calibration repeat purchases.
func printValidation(w io.Writer, v *app.ValidationFit) {
	fmt.Fprintln(w, tr.T("validation: BG/NBD refitted on the purchases to %s, compared with what happened after it, to %s", day(v.CalibrationEnd), day(v.HoldoutEnd)))
	corr := tr.T("undefined (no variance)")
	if v.Correlation != nil {
		corr = vdec(*v.Correlation, 3)
	}
	fmt.Fprintln(w, tr.T("  repeat purchases after the calibration end: predicted %s, actual %s (error %s%%); per-customer correlation %s",
		vdec(v.PredictedHoldout, 1), vdec(v.ActualHoldout, 0), vdec(v.TotalErrorPct, 1), corr))
	printParams(w, &v.Model)
	fmt.Fprintln(w, tr.T("  cumulative repeat purchases by week:"))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, tr.T("    week ending\tactual\texpected\t\t"))
	step := max(1, (len(v.Tracking)+13)/14)
	for k, p := range v.Tracking {
		boundary := k+1 < len(v.Tracking) && !p.Holdout && v.Tracking[k+1].Holdout
		if k%step != 0 && k != len(v.Tracking)-1 && !boundary {
			continue
		}
		mark := ""
		if boundary {
			mark = tr.T("← calibration end")
		}
		fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\t\n", day(p.End), vdec(p.CumActual, 0), vdec(p.CumExpected, 1), mark)
	}
	tw.Flush()
	fmt.Fprintln(w, tr.T("  mean purchases after the calibration end, by purchases in it:"))
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, tr.T("    repeat purchases\tcustomers\texpected\tactual\t"))
	for _, g := range v.ByRepeat {
		x := strconv.Itoa(g.X)
		if g.AndMore {
			x += "+"
		}
		fmt.Fprintf(tw, "    %s\t%s\t%s\t%s\t\n", x, commas(g.Customers), vdec(g.Expected, 3), vdec(g.Actual, 3))
	}
	tw.Flush()
}

// vdec writes x with d decimals in the run's number format (thousands
// separators from 1,000); vsig with four significant digits.
func vdec(x float64, d int) string { return localNumber(strconv.FormatFloat(x, 'f', d, 64)) }

func vsig(x float64) string { return withDecimalMark(strconv.FormatFloat(x, 'g', 4, 64)) }
