package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"regexp"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
)

// campaignUsage is `pulpero campaign`'s help, in the run's language.
func campaignUsage() string {
	return tr.T(`usage:
  pulpero campaign list DB                                     every campaign: the data's own and pulpero's exports
  pulpero campaign responses DB --campaign NAME --in FILE.csv  import who responded to an export and what they spent
  pulpero campaign results DB [--campaign NAME]                treated against control: response rates, lift, cost
options: --format text|json (list, results)  --data-dir DIR

responses file: a CSV (',', ';' or tab; UTF-8) with a customer id column (customer_id, id, cliente, ...),
optionally responded (yes/no, sí/no, 1/0; without it everyone listed responded) and revenue (revenue, spent,
amount, importe; 12.50 or 12,50). It replaces the campaign's earlier responses; ids not in the list are reported.`)
}

type campaignOpts struct {
	name, in, format, dataDir string
	stdout, stderr            io.Writer
}

// runCampaign is `pulpero campaign SUBCOMMAND ...`: the campaigns of the
// data and those pulpero exported, their responses and their results.
func runCampaign(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		if len(args) == 0 {
			fmt.Fprintln(stderr, campaignUsage())
			return exitUsage
		}
		fmt.Fprintln(stdout, campaignUsage())
		return exitOK
	}
	sub, args := args[0], args[1:]
	fs := newFlags("campaign "+sub, stderr)
	o := campaignOpts{stdout: stdout, stderr: stderr}
	fs.StringVar(&o.name, "campaign", "", tr.T("the campaign's name (results: default all; responses: the latest export of that name)"))
	fs.StringVar(&o.in, "in", "", tr.T("responses: the CSV of who responded and what they spent"))
	fs.StringVar(&o.format, "format", "text", tr.T("output format: text or json"))
	fs.StringVar(&o.dataDir, "data-dir", "", tr.T("where workspaces of read-only databases live"))
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(stdout, campaignUsage())
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	switch {
	case sub != "list" && sub != "responses" && sub != "results":
		fmt.Fprintf(stderr, "%s\n%s\n", tr.T("pulpero: no campaign command %q", sub), campaignUsage())
		return exitUsage
	case len(pos) != 1:
		fmt.Fprintf(stderr, "%s\n%s\n", tr.T("pulpero campaign %s: give one database", sub), campaignUsage())
		return exitUsage
	case sub == "responses" && (o.name == "" || o.in == ""):
		fmt.Fprintf(stderr, "%s\n%s\n", tr.T("pulpero campaign responses: give --campaign NAME and --in FILE.csv"), campaignUsage())
		return exitUsage
	case o.format != "text" && o.format != "json":
		fmt.Fprintln(stderr, tr.T("pulpero: --format %q: use text or json", o.format))
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	db, err := app.Open(pos[0], app.OpenOptions{DataDir: o.dataDir})
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	defer db.Close()
	if sub == "responses" {
		res, err := db.ImportResponses(ctx, o.name, o.in)
		if err != nil {
			fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
			return exitFail
		}
		writeImported(stdout, res, pos[0])
		return exitOK
	}
	all, err := db.CampaignOutcomes(ctx)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	if o.name != "" {
		names, err := db.CampaignNames(ctx)
		if err != nil {
			fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
			return exitFail
		}
		found, err := app.PickCampaign(names, o.name)
		if err != nil {
			fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
			return exitFail
		}
		picked := all[:0:0]
		for _, c := range all {
			if c.Source == found[0].Source && c.Date == found[0].Date && campaign.SameName(c.Name, found[0].Name) {
				picked = append(picked, c)
			}
		}
		all = picked
	}
	if sub == "list" {
		return o.list(all)
	}
	return o.results(all, pos[0])
}

func orNone(s string) string {
	if s == "" {
		return tr.T("none (pulpero export records each list it writes)")
	}
	return s
}

// writeImported says what an import of responses did.
func writeImported(w io.Writer, r app.ImportResponsesResult, db string) {
	fmt.Fprintln(w, tr.T("%s (recorded %s, %d members): imported %d rows of %s", r.Campaign, sayDay(dayOfStamp(r.Recorded)),
		r.Members, r.Rows, r.File))
	cols := tr.T("customer id %q", r.IDColumn)
	if r.IDColumn == "" {
		cols = tr.T("a list of customer ids without a header")
	}
	if r.RespondedColumn != "" {
		cols += ", " + tr.T("responded %q", r.RespondedColumn)
	}
	if r.RevenueColumn != "" {
		cols += ", " + tr.T("revenue %q", r.RevenueColumn)
	}
	fmt.Fprintf(w, "  %s\n", tr.T("read %s (%s-separated)", cols, tr.Lookup(delimiterName(r.Delimiter))))
	if r.RespondedColumn == "" {
		fmt.Fprintf(w, "  %s\n", tr.T("no responded column: every customer listed counts as a response"))
	}
	fmt.Fprintf(w, "  %s\n", tr.T("members found: %d (%d treated, %d control); %d responded; revenue %.2f",
		r.Imported, r.Treated, r.Control, r.Responded, r.Revenue))
	if r.Unmatched > 0 {
		fmt.Fprintf(w, "  %s\n", tr.T("not members of the campaign, not imported: %s (e.g. %s)",
			tr.N(r.Unmatched, "%d id", "%d ids", r.Unmatched), strings.Join(r.UnmatchedIDs, ", ")))
	}
	if r.Duplicates > 0 {
		fmt.Fprintf(w, "  %s\n", tr.T("listed more than once, added together: %s (e.g. %s)",
			tr.N(r.Duplicates, "%d row", "%d rows", r.Duplicates), strings.Join(r.DuplicateIDs, ", ")))
	}
	if r.ReplacedImport != "" {
		fmt.Fprintf(w, "  %s\n", tr.T("replaced %d responses %s", r.Replaced, sayReplaced(r.ReplacedImport)))
	}
	fmt.Fprintln(w, tr.T("results: pulpero campaign results %s --campaign %q", db, r.Campaign))
}

// sayReplaced is store's "imported WHEN from FILE" in the run's language.
func sayReplaced(s string) string {
	if m := replacedImport.FindStringSubmatch(s); m != nil {
		return tr.T("imported %s from %s", m[1], m[2])
	}
	return s
}

// i18n: matches store's English text, to say it in the run's language
var replacedImport = regexp.MustCompile(`^imported (.*) from (.*)$`)

// sayDay writes an ISO day as the run's language writes a day on screen;
// anything else stays as it is.
func sayDay(iso string) string {
	if t, err := time.Parse(time.DateOnly, iso); err == nil {
		return tr.Date(t)
	}
	return iso
}

func delimiterName(d rune) string {
	switch d {
	case '\t':
		return "tab"
	case ';':
		return "semicolon"
	}
	return "comma"
}

func dayOfStamp(rfc3339 string) string {
	if len(rfc3339) >= 10 {
		return rfc3339[:10]
	}
	return rfc3339
}

// campaignArms counts an outcome's treated and control customers.
func campaignArms(c app.CampaignOutcome) (treated, control int) {
	for _, ctl := range c.Control {
		if ctl {
			control++
		}
	}
	return len(c.Control) - control, control
}

func (o campaignOpts) list(all []app.CampaignOutcome) int {
	if o.format == "json" {
		type row struct {
			Name           string  `json:"name"`
			Source         string  `json:"source"`
			Date           string  `json:"date"`
			Channel        string  `json:"channel"`
			CostPerContact float64 `json:"cost_per_contact"`
			Treated        int     `json:"treated"`
			Control        int     `json:"control"`
			HasResponses   bool    `json:"responses_known"`
		}
		rows := []row{}
		for _, c := range all {
			t, k := campaignArms(c)
			rows = append(rows, row{c.Name, c.Source, c.Date, c.Channel, c.CostPerContact, t, k, c.HasResponses})
		}
		return writeJSONTo(o.stdout, o.stderr, rows)
	}
	if len(all) == 0 {
		fmt.Fprintln(o.stdout, tr.T("no campaigns: the database has no campaigns/campaign_contacts tables and no export was recorded"))
		return exitOK
	}
	tw := tabwriter.NewWriter(o.stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, tr.T("NAME\tSOURCE\tDATE\tCHANNEL\tTREATED\tCONTROL\tRESPONSES"))
	for _, c := range all {
		t, k := campaignArms(c)
		known := tr.Lookup("known")
		if !c.HasResponses {
			known = tr.T("not imported")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.Name, tr.Lookup(c.Source), orDash(sayDay(c.Date)), orDash(c.Channel), tr.Int(t), tr.Int(k), known)
	}
	tw.Flush()
	return exitOK
}

func writeJSONTo(stdout, stderr io.Writer, v any) int {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(stderr, "pulpero: %s\n", sayErr(err))
		return exitFail
	}
	return exitOK
}

// campaignArm is one group's figures in JSON.
type campaignArm struct {
	Customers int     `json:"customers"`
	Responses int     `json:"responses"`
	Rate      float64 `json:"response_rate"`
	Lo        float64 `json:"rate_ci95_low"`
	Hi        float64 `json:"rate_ci95_high"`
	Revenue   float64 `json:"revenue"`
}

// campaignResult is one campaign's results in JSON; null means the figure
// cannot be measured (no control group, no responses imported, no
// incremental response to divide the cost by, or too few customers for an
// interval). Every estimate has its 95% interval beside it; the cost per
// incremental response has no upper bound (null, with no_upper_bound true)
// when the lift's interval reaches zero.
type campaignResult struct {
	Name                   string         `json:"name"`
	Source                 string         `json:"source"`
	Date                   string         `json:"date"`
	Channel                string         `json:"channel"`
	CostPerContact         float64        `json:"cost_per_contact"`
	HasResponses           bool           `json:"responses_known"`
	Treated                *campaignArm   `json:"treated"`
	Control                *campaignArm   `json:"control"`
	Lift                   *float64       `json:"lift"`
	LiftLo                 *float64       `json:"lift_ci95_low"`
	LiftHi                 *float64       `json:"lift_ci95_high"`
	IncrementalResponses   *float64       `json:"incremental_responses"`
	IncrementalResponsesLo *float64       `json:"incremental_responses_ci95_low"`
	IncrementalResponsesHi *float64       `json:"incremental_responses_ci95_high"`
	IncrementalRevenue     *float64       `json:"incremental_revenue"`
	IncrementalRevenueLo   *float64       `json:"incremental_revenue_ci95_low"`
	IncrementalRevenueHi   *float64       `json:"incremental_revenue_ci95_high"`
	Cost                   float64        `json:"cost"`
	CostPerIncremental     *float64       `json:"cost_per_incremental_response"`
	CostPerIncrementalLo   *float64       `json:"cost_per_incremental_response_ci95_low"`
	CostPerIncrementalHi   *float64       `json:"cost_per_incremental_response_ci95_high"`
	CostPerIncrementalOpen bool           `json:"cost_per_incremental_response_no_upper_bound,omitempty"`
	Note                   string         `json:"note,omitempty"` // in English, for scripts
	note                   model.Sentence // the same, said in the run's language in text
}

func finiteOrNil(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

// measureOutcome turns an outcome into its results.
func measureOutcome(c app.CampaignOutcome, db string) campaignResult {
	out := campaignResult{Name: c.Name, Source: c.Source, Date: c.Date, Channel: c.Channel, CostPerContact: c.CostPerContact,
		HasResponses: c.HasResponses}
	if !c.HasResponses {
		t, _ := campaignArms(c)
		out.Cost = c.CostPerContact * float64(t)
		out.note = model.Say("responses not imported yet: pulpero campaign responses %s --campaign %q --in FILE.csv", db, c.Name)
		out.Note = out.note.String()
		return out
	}
	r := targeting.MeasureCampaign(c.Control, c.Responded, c.Revenue, nil, c.CostPerContact)
	arm := func(a targeting.Arm) *campaignArm {
		return &campaignArm{Customers: a.N, Responses: a.Responses, Rate: a.Rate, Lo: a.Lo, Hi: a.Hi, Revenue: a.Revenue}
	}
	out.Treated, out.Control, out.Cost = arm(r.Treated), arm(r.Control), r.Cost
	switch {
	case r.Control.N == 0:
		out.note = model.Say("no control group: the lift cannot be measured, only the treated response rate")
		out.Note = out.note.String()
	case !r.Measured:
		out.note = model.Say("nobody was treated: there is nothing to measure")
		out.Note = out.note.String()
	default:
		out.Lift, out.LiftLo, out.LiftHi = finiteOrNil(r.Lift), finiteOrNil(r.LiftLo), finiteOrNil(r.LiftHi)
		out.IncrementalResponses = finiteOrNil(r.IncrementalResponses)
		out.IncrementalResponsesLo, out.IncrementalResponsesHi = finiteOrNil(r.IncrementalResponsesLo), finiteOrNil(r.IncrementalResponsesHi)
		out.IncrementalRevenue = finiteOrNil(r.IncrementalRevenue)
		if r.RevenueInterval {
			out.IncrementalRevenueLo, out.IncrementalRevenueHi = finiteOrNil(r.IncrementalRevenueLo), finiteOrNil(r.IncrementalRevenueHi)
		}
		if r.HasCostPerIncremental {
			out.CostPerIncremental, out.CostPerIncrementalLo = finiteOrNil(r.CostPerIncremental), finiteOrNil(r.CostPerIncrementalLo)
			if r.CostPerIncrementalUnbounded {
				out.CostPerIncrementalOpen = true
			} else {
				out.CostPerIncrementalHi = finiteOrNil(r.CostPerIncrementalHi)
			}
		}
	}
	return out
}

func (o campaignOpts) results(all []app.CampaignOutcome, db string) int {
	results := []campaignResult{}
	for _, c := range all {
		results = append(results, measureOutcome(c, db))
	}
	if o.format == "json" {
		return writeJSONTo(o.stdout, o.stderr, results)
	}
	if len(results) == 0 {
		fmt.Fprintln(o.stdout, tr.T("no campaigns: the database has no campaigns/campaign_contacts tables and no export was recorded"))
	}
	for i, r := range results {
		if i > 0 {
			fmt.Fprintln(o.stdout)
		}
		writeResult(o.stdout, r)
	}
	return exitOK
}

// writeResult prints one campaign's results as text, in the run's
// language and number format.
func writeResult(w io.Writer, r campaignResult) {
	fmt.Fprintln(w, tr.T("%s (%s, %s, %s; cost per contact %.2f)", r.Name, tr.Lookup(r.Source), orDash(sayDay(r.Date)), orDash(r.Channel), r.CostPerContact))
	if r.Treated != nil {
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, tr.T("\tcustomers\tresponses\trate\t%s\trevenue\t", tr.T("%d%% CI", 95)))
		for _, a := range []struct {
			name string
			arm  *campaignArm
		}{{"treated", r.Treated}, {"control", r.Control}} {
			ci := "—"
			if a.arm.Customers > 0 {
				ci = ratePercent(a.arm.Lo) + " – " + ratePercent(a.arm.Hi)
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t\n", tr.Lookup(a.name), tr.Int(a.arm.Customers), tr.Int(a.arm.Responses),
				ratePercent(a.arm.Rate), ci, tr.Number(a.arm.Revenue, 2))
		}
		tw.Flush()
	}
	if r.Lift != nil {
		fmt.Fprintf(w, "  %s\n", tr.T("lift %s points (95%% CI %s to %s)", liftPoints(*r.Lift), liftPoints(*r.LiftLo), liftPoints(*r.LiftHi)))
		fmt.Fprintf(w, "  %s\n", tr.T("incremental responses %.1f (95%% CI %.1f to %.1f)", *r.IncrementalResponses, *r.IncrementalResponsesLo, *r.IncrementalResponsesHi))
		fmt.Fprintf(w, "  %s\n", tr.T("incremental revenue %.2f%s", *r.IncrementalRevenue, interval(r.IncrementalRevenueLo, r.IncrementalRevenueHi, false)))
		cpi := tr.T("— (no incremental responses)")
		if r.CostPerIncremental != nil {
			cpi = tr.Number(*r.CostPerIncremental, 2) + interval(r.CostPerIncrementalLo, r.CostPerIncrementalHi, r.CostPerIncrementalOpen)
		}
		fmt.Fprintf(w, "  %s\n", tr.T("cost %.2f · cost per incremental response %s", r.Cost, cpi))
	} else if r.Treated != nil {
		fmt.Fprintf(w, "  %s\n", tr.T("cost %.2f", r.Cost))
	}
	if r.Note != "" {
		fmt.Fprintf(w, "  %s\n", tr.Say(r.note))
	}
}

// interval writes " (95% CI lo to hi)", hi being "no upper bound" when open,
// or "" when the interval is unknown.
func interval(lo, hi *float64, open bool) string {
	switch {
	case lo == nil:
		return ""
	case open:
		return " " + tr.T("(95%% CI %.2f to no upper bound)", *lo)
	case hi == nil:
		return ""
	}
	return " " + tr.T("(95%% CI %.2f to %.2f)", *lo, *hi)
}

// ratePercent writes a rate as a percentage with two decimals, for people.
func ratePercent(x float64) string { return tr.Number(100*x, 2) + "%" }

// liftPoints writes a difference of rates in percentage points, signed.
func liftPoints(x float64) string {
	s := tr.Number(100*x, 2)
	if x >= 0 {
		s = "+" + s
	}
	return s
}
