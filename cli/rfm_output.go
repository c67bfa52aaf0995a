package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
)

// returnRuleText says which return rule was applied, in the run's
// language.
func returnRuleText(rule string) string {
	switch rule {
	case "returned_quantity":
		return tr.T("returned quantity × unit price")
	case "return_flag":
		return tr.T("lines flagged as returns")
	case "negative_values":
		return tr.T("negative quantities or amounts, and cancellation invoices (C…)")
	}
	return rule
}

func printRFM(r *app.RFMReport, format, db string, stdout, stderr io.Writer) int {
	switch format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
			return exitFail
		}
	case "csv":
		w := csv.NewWriter(stdout)
		w.WriteAll(safeRows(rfmCSV(r)))
		if err := w.Error(); err != nil {
			fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
			return exitFail
		}
	default:
		printRFMText(r, db, stdout)
	}
	return exitOK
}

func printRFMText(r *app.RFMReport, db string, w io.Writer) {
	fmt.Fprintln(w, tr.T("%s: table %s, %s customers", r.Database, r.Table, commas(r.Customers)))
	if r.DateSet {
		fmt.Fprintln(w, tr.T("analysis date %s (set)", day(r.AnalysisDate)))
	} else {
		fmt.Fprintln(w, tr.T("analysis date %s (the day after the last purchase; set another with --as-of)", day(r.AnalysisDate)))
	}
	if r.AgesAsOf != "" {
		fmt.Fprintln(w, tr.T("ages and tenure as of %s (the data is historical)", day(r.AgesAsOf)))
	}
	l := r.Lines
	fmt.Fprintln(w, tr.T("purchases: %s lines, %s purchases by %s customers; returns: %s",
		commas(l.Lines), commas(l.Purchases), commas(l.CustomersWithPurchases), returnRuleText(r.Returns)))
	fmt.Fprintln(w, tr.T("lines without a known customer: %s (%s of sales), never counted as customers", commas(l.WithoutCustomer), percent(l.ShareWithoutCustomer)))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, p := range r.Purchases {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", p.Role, p.Column, saidAll(p.Says, p.Why))
	}
	tw.Flush()
	if r.Frozen != nil {
		fmt.Fprintln(w, tr.T("cut-offs: frozen %q version %d (frozen %s, fitted as of %s): scores comparable with that data",
			r.Frozen.Name, r.Frozen.Version, day(r.Frozen.FrozenAt), day(r.Frozen.AnalysisDate)))
	} else {
		fmt.Fprintln(w, tr.T("cut-offs: fitted on this data: they follow the data (freeze them with `pulpero rfm freeze %s NAME`)", db))
	}
	fmt.Fprintln(w, tr.T("method: %s", r.Method))
	fmt.Fprintln(w)
	fmt.Fprintln(w, tr.T("THRESHOLDS (a bin holds lower ≤ value < upper)"))
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, tr.T("MEASURE\tBIN\tSCORE\tLOWER\tUPPER"))
	for _, t := range r.Thresholds {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", tr.Lookup(t.Measure), t.Bin, t.Score, number(t.Lower), number(t.Upper))
	}
	tw.Flush()
	fmt.Fprintln(w)
	fmt.Fprintln(w, tr.T("CUSTOMERS PER SCORE (%s scored)", commas(r.Scored)))
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, tr.T("SCORE\tRECENCY\tFREQUENCY\tMONETARY\t"))
	for _, b := range r.Bins {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t\n", b.Score, commas(b.Recency), commas(b.Frequency), commas(b.Monetary))
	}
	tw.Flush()
	fmt.Fprintln(w)
	fmt.Fprintln(w, tr.T("SEGMENTS (%s)", r.SegmentTable))
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, tr.T("SEGMENT\tCUSTOMERS\tSHARE\tREVENUE\tMEAN R\tMEAN F\tMEAN M"))
	for _, s := range r.Segments {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", tr.Lookup(s.Name), commas(s.Customers), percent(s.CustomerShare),
			percent(s.RevenueShare), fixed(s.MeanR, 2), fixed(s.MeanF, 2), fixed(s.MeanM, 2))
	}
	tw.Flush()
	if c := r.Concentration; c != nil {
		fmt.Fprintln(w)
		fmt.Fprintln(w, tr.T("revenue: the top 1%% of customers bring %s, the top 5%% %s, the top 20%% %s", percent(c.Top1), percent(c.Top5), percent(c.Top20)))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, tr.T("DATA PROBLEMS"))
	if len(r.Problems) == 0 {
		fmt.Fprintln(w, "  "+tr.T("no data problems"))
		return
	}
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, tr.T("COUNT\tKEY\tCOLUMN\tWHAT\tROWIDS"))
	for _, p := range r.Problems {
		ex := make([]string, len(p.Examples))
		for i, e := range p.Examples {
			ex[i] = strconv.FormatInt(e, 10)
		}
		col := p.Table
		if p.Column != "" {
			col += "." + p.Column
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s %s\n", commas(p.Count), p.Key, col, tr.Say(app.ProblemText(p.Key)), p.RowsTable, strings.Join(ex, " "))
	}
	tw.Flush()
}

// rfmCSV is the report as one table: section, then the fields of each.
func rfmCSV(r *app.RFMReport) [][]string {
	out := [][]string{{"section", "name", "bin", "score", "lower", "upper", "customers", "customer_share", "revenue_share",
		"mean_r", "mean_f", "mean_m", "analysis_date"}}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	for _, t := range r.Thresholds {
		out = append(out, []string{"threshold", t.Measure, strconv.Itoa(t.Bin), strconv.Itoa(t.Score), f(t.Lower), f(t.Upper), "", "", "", "", "", "", r.AnalysisDate})
	}
	for _, b := range r.Bins {
		for _, m := range []struct {
			name string
			n    int
		}{{"recency", b.Recency}, {"frequency", b.Frequency}, {"monetary", b.Monetary}} {
			out = append(out, []string{"bin", m.name, "", strconv.Itoa(b.Score), "", "", strconv.Itoa(m.n), "", "", "", "", "", r.AnalysisDate})
		}
	}
	for _, s := range r.Segments {
		out = append(out, []string{"segment", s.Name, "", "", "", "", strconv.Itoa(s.Customers), f(s.CustomerShare), f(s.RevenueShare),
			f(s.MeanR), f(s.MeanF), f(s.MeanM), r.AnalysisDate})
	}
	for _, p := range r.Problems {
		out = append(out, []string{"problem", p.Key, "", "", "", "", strconv.Itoa(p.Count), "", "", "", "", "", r.AnalysisDate})
	}
	return out
}

func printFrozen(ctx context.Context, db *app.Database, format string, stdout, stderr io.Writer) int {
	list, err := db.FrozenRFMs(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	if format == "json" {
		type row struct {
			Name         string `json:"name"`
			Version      int    `json:"version"`
			FrozenAt     string `json:"frozen_at"`
			Table        string `json:"table"`
			AnalysisDate string `json:"analysis_date"`
			Customers    int    `json:"customers"`
		}
		rows := []row{}
		for _, f := range list {
			rows = append(rows, row{f.Name, f.Version, f.FrozenAt.Format(time.RFC3339), f.Table, f.AnalysisDate, f.Customers})
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.Encode(rows)
		return exitOK
	}
	if len(list) == 0 {
		fmt.Fprintln(stdout, tr.T("no frozen cut-offs; freeze the current ones with `pulpero rfm freeze DB NAME`"))
		return exitOK
	}
	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, tr.T("NAME\tVERSION\tFROZEN AT\tTABLE\tANALYSIS DATE\tCUSTOMERS"))
	for _, f := range list {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", f.Name, f.Version, day(f.FrozenAt.Format(time.RFC3339)), f.Table, day(f.AnalysisDate), commas(f.Customers))
	}
	tw.Flush()
	return exitOK
}

// commas writes n with the run's thousands separators: 1,234 in English,
// 1.234 in Spanish.
func commas(n int) string { return tr.Int(n) }

// percent writes a share as a percentage with one decimal: 12.3% (12,3%).
func percent(share float64) string {
	return localNumber(strconv.FormatFloat(100*share, 'f', 1, 64)) + "%"
}

// number writes a threshold as R prints it: whole numbers without
// decimals, others with 2; in English without a thousands separator, in
// Spanish in the run's number format (7.058,00) as every other figure.
func number(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	if v == float64(int64(v)) {
		s = strconv.FormatInt(int64(v), 10)
	}
	if tr.Lang == locale.Spanish {
		return localNumber(s)
	}
	return s
}

// withDecimalMark is s, a number strconv wrote, with the run's decimal
// mark and no other change.
func withDecimalMark(s string) string {
	if decimalMark() == "," {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}

// fixed writes x with d decimals in the run's number format.
func fixed(x float64, d int) string { return localNumber(strconv.FormatFloat(x, 'f', d, 64)) }

// localNumber rewrites a number strconv wrote (its digits are kept, so a
// figure rounds the same in every language) in the run's number format:
// the region's thousands separator and decimal mark.
func localNumber(s string) string {
	sign, rest := "", s
	if strings.HasPrefix(rest, "-") {
		sign, rest = "-", rest[1:]
	}
	whole, frac, hasFrac := strings.Cut(rest, ".")
	n, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return s
	}
	out := sign + tr.Int(int(n))
	if hasFrac {
		out += decimalMark() + frac
	}
	return out
}

// day writes an ISO day (YYYY-MM-DD), or an RFC 3339 moment, as the
// run's language writes dates for people: as it is in English, 02/01/2006
// (and 15:04:05 UTC) in Spanish. Anything else is kept as it is.
func day(s string) string {
	if tr.Lang != locale.Spanish {
		return s
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return tr.Date(d)
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return tr.Date(t) + t.Format(" 15:04:05 MST")
	}
	return s
}
