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
)

// Texts of `pulpero rfm`.
const (
	msgFrozen         = "frozen %q version %d: cut-offs, segment table and analysis date %s (fitted on %d customers); %s now scores with them (--unfrozen to fit on the data)\n"
	msgWroteCustomers = "wrote %d customers to %s (as of %s)\n"
	msgDateDefault    = "the day after the last purchase; set another with --as-of"
	msgDateSet        = "set"
	msgAgesAsOf       = "ages and tenure as of %s (the data is historical)"
	msgFollowData     = "cut-offs: fitted on this data: they follow the data (freeze them with `pulpero rfm freeze %s NAME`)"
	msgFrozenUsed     = "cut-offs: frozen %q version %d (frozen %s, fitted as of %s): scores comparable with that data"
	msgConcentration  = "revenue: the top 1%% of customers bring %s, the top 5%% %s, the top 20%% %s"
	msgWithout        = "lines without a known customer: %s (%s of sales), never counted as customers"
	msgPurchases      = "purchases: %s lines, %s purchases by %s customers; returns: %s"
	msgNoProblems     = "no data problems"
	msgNoFrozen       = "no frozen cut-offs; freeze the current ones with `pulpero rfm freeze DB NAME`"
)

// returnRuleTexts say which return rule was applied.
var returnRuleTexts = map[string]string{
	"returned_quantity": "returned quantity × unit price",
	"return_flag":       "lines flagged as returns",
	"negative_values":   "negative quantities or amounts, and cancellation invoices (C…)",
}

func printRFM(r *app.RFMReport, format, db string, stdout, stderr io.Writer) int {
	switch format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			fmt.Fprintf(stderr, "pulpero: %v\n", err)
			return exitFail
		}
	case "csv":
		w := csv.NewWriter(stdout)
		w.WriteAll(safeRows(rfmCSV(r)))
		if err := w.Error(); err != nil {
			fmt.Fprintf(stderr, "pulpero: %v\n", err)
			return exitFail
		}
	default:
		printRFMText(r, db, stdout)
	}
	return exitOK
}

func printRFMText(r *app.RFMReport, db string, w io.Writer) {
	fmt.Fprintf(w, "%s: table %s, %s customers\n", r.Database, r.Table, commas(r.Customers))
	how := msgDateDefault
	if r.DateSet {
		how = msgDateSet
	}
	fmt.Fprintf(w, "analysis date %s (%s)\n", r.AnalysisDate, how)
	if r.AgesAsOf != "" {
		fmt.Fprintf(w, msgAgesAsOf+"\n", r.AgesAsOf)
	}
	l := r.Lines
	fmt.Fprintf(w, msgPurchases+"\n", commas(l.Lines), commas(l.Purchases), commas(l.CustomersWithPurchases), returnRuleTexts[r.Returns])
	fmt.Fprintf(w, msgWithout+"\n", commas(l.WithoutCustomer), percent(l.ShareWithoutCustomer))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, p := range r.Purchases {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", p.Role, p.Column, p.Why)
	}
	tw.Flush()
	if r.Frozen != nil {
		fmt.Fprintf(w, msgFrozenUsed+"\n", r.Frozen.Name, r.Frozen.Version, r.Frozen.FrozenAt, r.Frozen.AnalysisDate)
	} else {
		fmt.Fprintf(w, msgFollowData+"\n", db)
	}
	fmt.Fprintf(w, "method: %s\n\nTHRESHOLDS (a bin holds lower ≤ value < upper)\n", r.Method)
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "MEASURE\tBIN\tSCORE\tLOWER\tUPPER")
	for _, t := range r.Thresholds {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", t.Measure, t.Bin, t.Score, number(t.Lower), number(t.Upper))
	}
	tw.Flush()
	fmt.Fprintf(w, "\nCUSTOMERS PER SCORE (%s scored)\n", commas(r.Scored))
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "SCORE\tRECENCY\tFREQUENCY\tMONETARY\t")
	for _, b := range r.Bins {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t\n", b.Score, commas(b.Recency), commas(b.Frequency), commas(b.Monetary))
	}
	tw.Flush()
	fmt.Fprintf(w, "\nSEGMENTS (%s)\n", r.SegmentTable)
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SEGMENT\tCUSTOMERS\tSHARE\tREVENUE\tMEAN R\tMEAN F\tMEAN M")
	for _, s := range r.Segments {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%.2f\t%.2f\t%.2f\n", s.Name, commas(s.Customers), percent(s.CustomerShare),
			percent(s.RevenueShare), s.MeanR, s.MeanF, s.MeanM)
	}
	tw.Flush()
	if c := r.Concentration; c != nil {
		fmt.Fprintf(w, "\n"+msgConcentration+"\n", percent(c.Top1), percent(c.Top5), percent(c.Top20))
	}
	fmt.Fprintln(w, "\nDATA PROBLEMS")
	if len(r.Problems) == 0 {
		fmt.Fprintln(w, "  "+msgNoProblems)
		return
	}
	tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "COUNT\tKEY\tCOLUMN\tWHAT\tROWIDS")
	for _, p := range r.Problems {
		ex := make([]string, len(p.Examples))
		for i, e := range p.Examples {
			ex[i] = strconv.FormatInt(e, 10)
		}
		col := p.Table
		if p.Column != "" {
			col += "." + p.Column
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s %s\n", commas(p.Count), p.Key, col, app.ProblemText(p.Key), p.RowsTable, strings.Join(ex, " "))
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
		fmt.Fprintf(stderr, "pulpero: %v\n", err)
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
		fmt.Fprintln(stdout, msgNoFrozen)
		return exitOK
	}
	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tVERSION\tFROZEN AT\tTABLE\tANALYSIS DATE\tCUSTOMERS")
	for _, f := range list {
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\n", f.Name, f.Version, f.FrozenAt.Format(time.RFC3339), f.Table, f.AnalysisDate, commas(f.Customers))
	}
	tw.Flush()
	return exitOK
}

// commas writes n with thousands separators.
func commas(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}

func percent(share float64) string { return strconv.FormatFloat(100*share, 'f', 1, 64) + "%" }

// number writes a threshold as R prints it: whole numbers without
// decimals, others with up to 2.
func number(v float64) string {
	if v == float64(int64(v)) {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', 2, 64)
}
