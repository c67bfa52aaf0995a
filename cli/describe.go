package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
)

// describeOptions are describe's flags.
type describeOptions struct {
	table, column, format, dataDir, asOf, dates string
	bins                                        int
}

// runDescribe prints, without the interface, the statistics and histograms
// Explore shows: for scripts, and so tests can compare them with SQL.
func runDescribe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("describe", stderr)
	var o describeOptions
	fs.StringVar(&o.table, "table", "", tr.T("the customer table (default: detected)"))
	fs.StringVar(&o.column, "column", "", tr.T("describe only this attribute (stored or derived)"))
	fs.StringVar(&o.format, "format", "text", tr.T("text, csv or json"))
	fs.IntVar(&o.bins, "bins", 0, tr.T("histogram bins for numbers (default: √n, 5 to 24)"))
	fs.StringVar(&o.dates, "dates", "year", tr.T("count dates by year, quarter, month or weekday"))
	fs.StringVar(&o.asOf, "as-of", "", tr.T("reference date YYYY-MM-DD for age and tenure (default: today)"))
	fs.StringVar(&o.dataDir, "data-dir", "", tr.T("where workspaces of read-only databases live"))
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	usage := tr.T("usage: pulpero describe DB [--table T] [--column C] [--format text|csv|json]")
	if err != nil || len(pos) != 1 {
		fmt.Fprintln(stderr, usage)
		return exitUsage
	}
	grouping, okDates := descGrouping(o.dates)
	asOf, errAsOf := descAsOf(o.asOf)
	switch {
	case o.format != "text" && o.format != "csv" && o.format != "json":
		fmt.Fprintln(stderr, tr.T("pulpero: --format %q: want text, csv or json", o.format))
		return exitUsage
	case !okDates:
		fmt.Fprintln(stderr, tr.T("pulpero: --dates %q: want year, quarter, month or weekday", o.dates))
		return exitUsage
	case errAsOf != nil:
		fmt.Fprintln(stderr, tr.T("pulpero: --as-of %q: want a date as YYYY-MM-DD", o.asOf))
		return exitUsage
	case o.bins < 0:
		fmt.Fprintln(stderr, tr.T("pulpero: --bins must be positive"))
		return exitUsage
	}
	ds, err := descLoad(context.Background(), pos[0], o, asOf)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	cols := ds.Columns
	if o.column != "" {
		c := ds.Column(o.column)
		if c == nil {
			fmt.Fprintln(stderr, tr.T("pulpero: table %q has no attribute %q; the attributes are: %s", ds.Table, o.column, strings.Join(ds.Names(), ", ")))
			return exitFail
		}
		cols = []model.Column{c}
	}
	out := make([]descColumn, len(cols))
	for i, c := range cols {
		out[i] = describeColumn(c, o.bins, grouping)
	}
	if err := descWrite(stdout, o.format, ds.Table, out); err != nil {
		fmt.Fprintln(stderr, tr.T("pulpero: writing: %s", sayErr(err)))
		return exitFail
	}
	return exitOK
}

func descGrouping(s string) (analysis.DateGrouping, bool) {
	for g := analysis.ByYear; g <= analysis.ByWeekday; g++ {
		if g.String() == s {
			return g, true
		}
	}
	return 0, false
}

func descAsOf(s string) (time.Time, error) {
	if s == "" {
		return time.Now().UTC(), nil
	}
	return app.ParseDay(s)
}

// descLoad opens the database and loads the customers exactly as the
// interface does: saved role corrections, derived and reachability
// attributes included.
func descLoad(ctx context.Context, path string, o describeOptions, asOf time.Time) (*model.Dataset, error) {
	db, err := app.Open(path, app.OpenOptions{DataDir: o.dataDir})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	req := app.LoadRequest{Table: o.table, AsOf: asOf}
	if o.column != "" {
		req.Attributes = []string{o.column}
	}
	s, err := db.Load(ctx, req)
	if err != nil {
		return nil, err
	}
	return s.Data, nil
}

// descColumn is one attribute's description; the JSON form is its fields.
type descColumn struct {
	Name      string         `json:"name"`
	Kind      string         `json:"kind"`
	Role      string         `json:"role,omitempty"`
	Derived   bool           `json:"derived,omitempty"`
	Count     int            `json:"count"`
	Nulls     int            `json:"nulls"`
	Distinct  int            `json:"distinct"`
	Stats     []descStat     `json:"stats,omitempty"`
	Histogram []descBin      `json:"histogram,omitempty"`
	Groups    []descGroup    `json:"groups,omitempty"` // values, date groups or most frequent texts
	Grouping  string         `json:"grouping,omitempty"`
	Lengths   map[string]any `json:"lengths,omitempty"`
	// Placeholders are values that look like stand-ins for a missing value
	// ("unknown", 999), with how many rows hold each.
	Placeholders []descGroup `json:"placeholders,omitempty"`
}

// descStat is one figure. For a date column the figures are dates
// (Date, ISO) and the spread is a span in days (Days); JSON writes each
// in its own field, never a day number.
type descStat struct {
	Name  string
	Value float64 // the number, or for a date the day number the date is
	Date  string  // ISO date (or date-time) for the figures of a date column
	Days  bool    // Value is a span in days
	Note  string  // what the figure is, where its name does not say
}

func (s descStat) MarshalJSON() ([]byte, error) {
	out := map[string]any{"name": s.Name}
	switch {
	case s.Date != "":
		out["date"] = s.Date
	case s.Days:
		out["days"] = s.Value
	default:
		out["value"] = s.Value
	}
	if s.Note != "" {
		out["note"] = s.Note
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads what MarshalJSON writes (a date's day number is
// recovered from the date), so scripts and tests can read describe back.
func (s *descStat) UnmarshalJSON(b []byte) error {
	var in struct {
		Name  string   `json:"name"`
		Value *float64 `json:"value"`
		Date  string   `json:"date"`
		Days  *float64 `json:"days"`
		Note  string   `json:"note"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	*s = descStat{Name: in.Name, Date: in.Date, Note: in.Note}
	switch {
	case in.Value != nil:
		s.Value = *in.Value
	case in.Days != nil:
		s.Value, s.Days = *in.Days, true
	case in.Date != "":
		if t, err := time.Parse(time.DateOnly, in.Date); err == nil {
			s.Value = float64(t.Unix() / 86400)
		} else if t, err := time.Parse(time.RFC3339, in.Date); err == nil {
			s.Value = float64(t.Unix())
		}
	}
	return nil
}

// text is the figure as a person reads it, in the run's language: a date
// as the language writes it, numbers with its marks.
func (s descStat) text() string {
	switch {
	case s.Date != "":
		return descDate(s.Date)
	case s.Days:
		return tr.T("%s days", tr.Number(s.Value, 1))
	}
	return descNumber(s.Value)
}

// label is the figure's name as printed in text, in the run's language:
// the standard deviation says it is the sample's (n−1).
func (s descStat) label() string {
	if s.Name == "std" {
		return tr.T("std (n-1)")
	}
	return tr.Lookup(s.Name) // mean, min, median, max, share yes; p5 stays
}

// stdNote tells scripts what std is; JSON stays English.
const stdNote = "sample standard deviation (n-1)" // i18n: machine-readable (a JSON note)

// descNumber writes x with six significant digits, as strconv's 'g' does,
// in the run's language (1.234,5 in Spanish).
func descNumber(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'g', 6, 64)
	}
	g := strconv.FormatFloat(x, 'g', 6, 64)
	if strings.ContainsAny(g, "e") { // very large or small: keep the exponent
		return tr.T("%.6g", x)
	}
	decimals := 0
	if _, frac, ok := strings.Cut(g, "."); ok {
		decimals = len(frac)
	}
	return tr.Number(x, decimals)
}

// descDate writes an ISO date (or date-time) figure as the run's language
// writes a day on screen; a date-time keeps its time.
func descDate(iso string) string {
	if t, err := time.Parse(time.DateOnly, iso); err == nil {
		return tr.Date(t)
	}
	if t, err := time.Parse(time.RFC3339, iso); err == nil {
		return tr.Date(t) + " " + t.Format("15:04:05")
	}
	return iso
}

type descBin struct {
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"` // exclusive, except for the last bin of a column with fractions
	Count int     `json:"count"`
	Share float64 `json:"share"`
}

type descGroup struct {
	Label string  `json:"label"`
	Count int     `json:"count"`
	Share float64 `json:"share"`
}

// describeColumn computes with the same analysis functions as Explore.
func describeColumn(c model.Column, bins int, g analysis.DateGrouping) descColumn {
	m := c.Meta()
	d := descColumn{Name: m.Name, Kind: m.Kind.String(), Role: string(m.Role), Derived: m.Derived, Distinct: analysis.Distinct(c)}
	for _, p := range analysis.Placeholders(c) {
		d.Placeholders = append(d.Placeholders, descGroup{Label: p.Value, Count: p.Count, Share: float64(p.Count) / float64(max(1, c.Len()))})
	}
	share := func(n, of int) float64 { return float64(n) / float64(max(1, of)) }
	switch x := c.(type) {
	case *model.NumberColumn:
		s := analysis.SummarizeQuick(x, nil)
		d.Count, d.Nulls = s.Count, s.Nulls
		if s.Count > 0 {
			d.Stats = []descStat{{Name: "mean", Value: s.Mean}, {Name: "std", Value: s.Std, Note: stdNote}, {Name: "min", Value: s.Min},
				{Name: "p5", Value: s.Quantiles[0]}, {Name: "p25", Value: s.Quantiles[1]}, {Name: "median", Value: s.Quantiles[2]},
				{Name: "p75", Value: s.Quantiles[3]}, {Name: "p95", Value: s.Quantiles[4]}, {Name: "max", Value: s.Max}}
		}
		if m.Kind == model.KindDate || m.Kind == model.KindDateTime {
			for i := range d.Stats {
				st := &d.Stats[i]
				if st.Name == "std" {
					st.Days = true // a spread of dates is a span
					if m.Kind == model.KindDateTime {
						st.Value /= 86400
					}
					continue
				}
				st.Date = isoOf(m.Kind, st.Value)
			}
			groups, _ := analysis.DateCounts(x, nil, g)
			d.Grouping = g.String()
			for _, lc := range groups {
				d.Groups = append(d.Groups, descGroup{lc.Label, lc.Count, share(lc.Count, s.Count)})
			}
			break
		}
		if bins == 0 {
			bins = analysis.DefaultBins(x.Len())
		}
		h := analysis.EqualWidthHistogram(x, nil, bins)
		for i, n := range h.Counts {
			d.Histogram = append(d.Histogram, descBin{h.Edges[i], h.Edges[i+1], n, share(n, s.Count)})
		}
	case *model.CodedColumn:
		vals, nulls := analysis.Frequency(x, nil)
		d.Nulls = nulls
		yes := 0
		for _, v := range vals {
			d.Count += v.Count
			if v.Value == "yes" {
				yes = v.Count
			}
		}
		if m.Kind == model.KindBoolean && d.Count > 0 {
			// i18n: machine-readable (the figure's name in JSON and CSV; text says it translated)
			d.Stats = []descStat{{Name: "share yes", Value: share(yes, d.Count), Note: yesNote}}
		}
		for _, v := range vals {
			d.Groups = append(d.Groups, descGroup{v.Value, v.Count, share(v.Count, d.Count)})
		}
	case *model.TextColumn:
		t := analysis.SummarizeText(x, nil, 10)
		d.Count, d.Nulls = t.Count, t.Nulls
		d.Lengths = map[string]any{"min": t.MinLen, "mean": t.MeanLen, "max": t.MaxLen}
		for _, v := range t.Top {
			d.Groups = append(d.Groups, descGroup{v.Value, v.Count, share(v.Count, t.Count)})
		}
	}
	return d
}

// yesNote tells scripts what "share yes" is; JSON stays English.
const yesNote = "the share of yes among values, which is the mean of a 0/1 column" // i18n: machine-readable (a JSON note)

func descWrite(w io.Writer, format, table string, cols []descColumn) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"table": table, "columns": descJSONSafe(cols)}) // i18n: machine-readable
	case "csv":
		return descCSV(w, cols)
	}
	return descText(w, table, cols)
}

// descJSONSafe replaces NaN (a std of one value) by nothing: JSON has no NaN.
func descJSONSafe(cols []descColumn) []descColumn {
	for i := range cols {
		kept := cols[i].Stats[:0]
		for _, s := range cols[i].Stats {
			if !math.IsNaN(s.Value) {
				kept = append(kept, s)
			}
		}
		cols[i].Stats = kept
	}
	return cols
}

// descCSV writes one tidy row per figure: column, kind, section, label, lo,
// hi, count, share, value.
func descCSV(w io.Writer, cols []descColumn) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"column", "kind", "section", "label", "lo", "hi", "count", "share", "value"})
	num := func(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
	for _, c := range cols {
		row := func(section, label, lo, hi, count, share, value string) {
			cw.Write(safeRow([]string{c.Name, c.Kind, section, label, lo, hi, count, share, value}))
		}
		row("count", "values", "", "", strconv.Itoa(c.Count), "", "")
		row("count", "nulls", "", "", strconv.Itoa(c.Nulls), "", "")
		row("count", "distinct", "", "", strconv.Itoa(c.Distinct), "", "")
		for _, s := range c.Stats {
			v := num(s.Value)
			if s.Date != "" {
				v = s.Date
			}
			row("stat", s.Name, "", "", "", "", v)
		}
		for _, b := range c.Histogram {
			row("bin", "", num(b.Lo), num(b.Hi), strconv.Itoa(b.Count), num(b.Share), "")
		}
		for _, g := range c.Groups {
			row("group", g.Label, "", "", strconv.Itoa(g.Count), num(g.Share), "")
		}
	}
	cw.Flush()
	return cw.Error()
}

func descText(w io.Writer, table string, cols []descColumn) error {
	bw := &errWriter{w: w}
	for i, c := range cols {
		if i > 0 {
			bw.printf("\n")
		}
		mark := ""
		if c.Derived {
			mark = " " + tr.T("(derived)")
		}
		bw.printf("%s.%s  %s%s\n", table, c.Name, tr.Lookup(c.Kind), mark)
		bw.printf("  %s\n", tr.T("values %d  nulls %d  distinct %d", c.Count, c.Nulls, c.Distinct))
		if len(c.Stats) > 0 {
			var parts []string
			for _, s := range c.Stats {
				if s.Name == "share yes" && tr.Lang == locale.Spanish { // i18n: the statistic's JSON name
					parts = append(parts, percent(s.Value)+" "+tr.Lookup("yes")) // 89,2% sí
					continue
				}
				parts = append(parts, s.label()+" "+s.text())
			}
			bw.printf("  %s\n", strings.Join(parts, "  "))
		}
		for _, p := range c.Placeholders {
			bw.printf("  %s\n", tr.T("%q looks like a stand-in for a missing value (%d rows): treat it so with `pulpero roles DB --missing %s=%s`",
				p.Label, p.Count, c.Name, p.Label))
		}
		if c.Lengths != nil {
			bw.printf("  %s\n", tr.T("length min %v  mean %.1f  max %v", c.Lengths["min"], c.Lengths["mean"], c.Lengths["max"]))
		}
		for i, b := range c.Histogram {
			closer := ")" // the last bin holds its upper edge
			if i == len(c.Histogram)-1 {
				closer = "]"
			}
			label := "[" + binEdge(b.Lo) + binSeparator() + binEdge(b.Hi) + closer
			bw.printf("  %-24s %9s %6s%% %s\n", label, tr.Int(b.Count), tr.Number(100*b.Share, 1), strings.Repeat("#", int(math.Round(30*b.Share))))
		}
		for _, g := range c.Groups {
			label := g.Label
			if c.Kind == model.KindBoolean.String() && (label == "yes" || label == "no") {
				label = tr.Lookup(label) // sí/no, as the Explore screen says them
			}
			bw.printf("  %-20s %9s %6s%% %s\n", label, tr.Int(g.Count), tr.Number(100*g.Share, 1), strings.Repeat("#", int(math.Round(30*g.Share))))
		}
	}
	return bw.err
}

// binSeparator parts a bin's edges: "[1.5, 2.5)" in English, "[1,5; 2,5)"
// where the comma is the decimal mark.
func binSeparator() string {
	if decimalMark() == "," {
		return "; "
	}
	return ", "
}

// binEdge writes a bin's edge with six significant digits, with the
// language's decimal mark; grouped as the language groups thousands when
// the edges are parted by "; " (1.046,5), else without grouping (a
// grouping comma would read as the separator).
func binEdge(x float64) string {
	g := strconv.FormatFloat(x, 'g', 6, 64)
	if decimalMark() == "," && !strings.ContainsAny(g, "eEnN") {
		return localNumber(g)
	}
	return strings.Replace(g, ".", decimalMark(), 1)
}

// decimalMark is the run's decimal mark: "." or ",".
func decimalMark() string { return strings.Trim(tr.Number(0.5, 1), "05") }

// errWriter keeps the first write error so the printing code stays flat.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// isoOf writes a date column's value (days, or seconds for date-times) as
// ISO 8601.
func isoOf(k model.Kind, v float64) string {
	if k == model.KindDateTime {
		return time.Unix(int64(math.Round(v)), 0).UTC().Format(time.RFC3339)
	}
	return time.Unix(int64(math.Floor(v))*86400, 0).UTC().Format(time.DateOnly)
}
