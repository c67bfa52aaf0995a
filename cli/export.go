package cli

import (
	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"

	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"
)

// nameList collects a repeated flag's values.
type nameList []string

func (n *nameList) String() string     { return strings.Join(*n, ", ") }
func (n *nameList) Set(s string) error { *n = append(*n, s); return nil }

// exportFlags are the flags of `pulpero export` that are not the request's
// own fields.
type exportFlags struct {
	db, table, dataDir string
	all                bool
	channels, costs    string
	format             string
}

// exportUsage is the command's usage, in the run's language.
func exportUsage() string {
	return tr.T("usage: pulpero export DB (--segment NAME | --where EXPR | --all) [--exclude NAME] --channel email --cost 0.05 --value 40 [--value-from clv] [--budget 5000] [--control 10] --out list.csv [--rejected FILE] [--format csv|jsonl] [--excel] [--headers en|es] [--force] [--rate R]")
}

// runExport implements `pulpero export`: the target list of a campaign, only
// ever with customers reachable on the channel they are listed for.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("export", stderr)
	var f exportFlags
	var segments, excludes nameList
	r := campaign.ExportRequest{}
	fs.StringVar(&f.table, "table", "", tr.T("the customer table (default: detected)"))
	fs.StringVar(&f.dataDir, "data-dir", "", tr.T("where workspaces of read-only databases live"))
	fs.Var(&segments, "segment", tr.T("a saved segment to target; repeat for several (their union)"))
	fs.StringVar(&r.Where, "where", "", tr.T("target the customers matching this rule (segment language)"))
	fs.BoolVar(&f.all, "all", false, tr.T("target every customer"))
	fs.Var(&excludes, "exclude", tr.T("leave out the customers of this saved segment; repeatable"))
	fs.StringVar(&r.ExcludeWhere, "exclude-where", "", tr.T("leave out the customers matching this rule"))
	fs.StringVar(&f.channels, "channel", "email", tr.T("channel(s), comma-separated: email, sms, phone, post"))
	fs.StringVar(&f.costs, "cost", "", tr.T("cost of one contact, one per channel, comma-separated (required)"))
	fs.Float64Var(&r.Value, "value", 0, tr.T("value of one response, e.g. the average ticket (required)"))
	fs.StringVar(&r.ValueFrom, "value-from", "", tr.T("take each customer's response value from this attribute (clv, expected_value; computed when needed); --value is then for customers without one"))
	fs.Float64Var(&r.Budget, "budget", 0, tr.T("total budget (0: no limit)"))
	fs.Float64Var(&r.ControlPercent, "control", campaign.DefaultControlPercent, tr.T("percentage held out as the control group"))
	fs.Float64Var(&r.DefaultRate, "rate", campaign.DefaultResponseRate, tr.T("response rate assumed for a channel with no campaign history"))
	fs.StringVar(&r.Model, "model", campaign.ModelRates, tr.T("response model: rates (by group and channel) or logistic (regression on the customers' attributes)"))
	fs.StringVar(&r.HistorySince, "history-since", "", tr.T("learn response rates only from campaigns on or after this date (YYYY-MM-DD)"))
	fs.Float64Var(&r.Prior, "prior", campaign.DefaultPriorContacts, tr.T("shrinkage of group rates to the channel rate, in contacts"))
	fs.BoolVar(&r.Uplift, "uplift", false, tr.T("use the extra responses contact causes (treated minus control rate), not all responses"))
	fs.StringVar(&r.By, "by", "", tr.T("attribute the response rates are estimated by (default: generation when known)"))
	fs.IntVar(&r.FatigueDays, "fatigue", 0, tr.T("leave out customers contacted in the last N days (0: nobody)"))
	fs.StringVar(&r.Name, "name", "", tr.T("campaign name; the control group is a hash of it (default: the list's file name)"))
	fs.StringVar(&r.Out, "out", "", tr.T("the list to write (required)"))
	fs.StringVar(&r.Rejected, "rejected", "", tr.T("also write the matching customers left out, with the reason"))
	fs.StringVar(&r.Format, "format", campaign.FormatCSV, tr.T("csv or jsonl"))
	fs.BoolVar(&r.Excel, "excel", false, tr.T("CSV for spreadsheets in comma-decimal locales: BOM, ';' and decimal commas"))
	fs.BoolVar(&r.Force, "force", false, tr.T("replace existing files"))
	fs.BoolVar(&r.DryRun, "dry-run", false, tr.T("only count: matching, reachable per channel with the reasons, the plan; write nothing"))
	fs.BoolVar(&r.NoRecord, "no-record", false, tr.T("do not record the campaign and its members in the workspace"))
	fs.StringVar(&r.Headers, "headers", campaign.HeadersEnglish, tr.T("the CSV header line: en, the stable column names scripts read, or es, a list for people opening it in a Spanish spreadsheet: Spanish names and values, numbers as --excel writes them"))
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil || len(pos) != 1 {
		fmt.Fprintln(stderr, exportUsage())
		return exitUsage
	}
	f.db = pos[0]
	r.Include, r.Exclude = segments, excludes
	if err := f.check(&r); err != nil {
		fmt.Fprintf(stderr, "pulpero export: %s\n%s\n", sayErr(err), exportUsage()) // i18n: the command's name
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	m, err := exportList(ctx, f, r, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero export: %s\n", sayErr(err)) // i18n: the command's name
		return exitFail
	}
	printExport(stdout, f, r, m)
	return exitOK
}

// printExport says what an export (or a dry run) found and wrote.
func printExport(stdout io.Writer, f exportFlags, r campaign.ExportRequest, m *campaign.Manifest) {
	for i, note := range m.Reach {
		if i < len(m.ReachSaid) {
			note = tr.Say(m.ReachSaid[i])
		}
		fmt.Fprintln(stdout, tr.T("note: %s", note))
	}
	for _, rc := range m.ReachOf {
		if rc.Reachable == 0 && rc.Why[campaign.ReasonNoConsent.String()] == rc.Matching && rc.Matching > 0 {
			fmt.Fprintln(stdout, tr.T("hint: if a column holds consent for %s, name it with `pulpero roles %s --set consent_%s=COLUMN`", rc.Channel, f.db, rc.Channel))
		}
	}
	for _, rc := range m.ReachOf {
		line := tr.T("%s: %d matching, %d reachable", tr.Lookup(rc.Channel), rc.Matching, rc.Reachable)
		for _, why := range []campaign.Reason{campaign.ReasonNoConsent, campaign.ReasonUnsubscribed, campaign.ReasonInvalidAddress, campaign.ReasonBounced} {
			if n := rc.Why[why.String()]; n > 0 {
				line += tr.T("; %s %d", tr.Lookup(why.String()), n)
			}
		}
		fmt.Fprintln(stdout, line)
	}
	if r.DryRun {
		fmt.Fprintln(stdout, tr.T("dry run for campaign %q (its control group is a hash of the name; the export with the same --name or --out holds out the same people): nothing written; the plan would be:", m.Campaign))
	} else {
		fmt.Fprintln(stdout, tr.T("wrote %s: %d target and %d control customers (%s)", r.Out, m.Files.Target, m.Files.Control, f.channels))
	}
	for _, s := range m.Steps {
		fmt.Fprintln(stdout, tr.T("  %-24s %d", tr.Lookup(s.Name), s.Count))
	}
	e := m.Summary
	fmt.Fprintln(stdout, tr.T("expected: %.1f responses, revenue %.2f, cost %.2f, profit %.2f, return on spend %.2f",
		e.Responses, e.Revenue, e.Cost, e.Profit, e.ROI))
	for i, line := range m.Model {
		// English prints the manifest's own record; other languages its sentences
		if tr.Lang != locale.English && i < len(m.ModelSaid) && len(m.ModelSaid[i]) > 0 {
			said := make([]string, len(m.ModelSaid[i]))
			for j, s := range m.ModelSaid[i] {
				said[j] = tr.Say(s)
			}
			line = strings.Join(said, "; ")
		}
		fmt.Fprintf(stdout, "  %s\n", line)
	}
	printCurve(stdout, m.Curve)
	if r.DryRun {
		return
	}
	fmt.Fprintln(stdout, tr.T("manifest: %s (load %.1f s, contacts %.1f s, history %.1f s, plan %.1f s, write %.1f s)",
		manifestPath(r.Out), m.Seconds["load"], m.Seconds["contacts"], m.Seconds["history"], m.Seconds["plan"], m.Seconds["write"]))
}

// check turns the flags that are not the request's fields into it and
// checks the whole request, naming the flag to correct.
func (f exportFlags) check(r *campaign.ExportRequest) error {
	n := 0
	for _, set := range []bool{len(r.Include) > 0, r.Where != "", f.all} {
		if set {
			n++
		}
	}
	if n != 1 {
		return errors.New(tr.T("give --segment NAME (repeatable), or --where EXPR, or --all"))
	}
	if r.HistorySince != "" {
		d, err := app.ParseDay(r.HistorySince) // 31/12/2025 as the Spanish screens write it, too
		if err != nil {
			return errors.New(tr.T("--history-since %q: give a date as YYYY-MM-DD", r.HistorySince))
		}
		r.HistorySince = d.Format(time.DateOnly) // the request and its manifest keep ISO
	}
	chs, err := channelCosts(f.channels, f.costs)
	if err != nil {
		return err
	}
	r.Channels = chs
	return r.Check()
}

// channelCosts pairs --channel with --cost.
func channelCosts(channels, costs string) ([]campaign.ChannelCost, error) {
	chs, cs := strings.Split(channels, ","), strings.Split(costs, ",")
	if costs == "" || len(cs) != len(chs) {
		return nil, errors.New(tr.T("--cost: give one cost per channel (%d channel(s) in --channel %s)", len(chs), channels))
	}
	var out []campaign.ChannelCost
	for i, s := range chs {
		ch, ok := campaign.ParseChannel(s)
		if !ok {
			return nil, errors.New(tr.T("--channel %q: use email, sms, phone or post", s))
		}
		c, err := strconv.ParseFloat(strings.TrimSpace(cs[i]), 64)
		if err != nil || c <= 0 {
			return nil, errors.New(tr.T("--cost %q: give a positive number for %s", cs[i], ch.String()))
		}
		out = append(out, campaign.ChannelCost{Channel: ch, Cost: c})
	}
	return out, nil
}

// exportList opens the database, loads the customers (timing the load and
// the contact checks for the manifest) and runs app's export.
func exportList(ctx context.Context, f exportFlags, r campaign.ExportRequest, stderr io.Writer) (*campaign.Manifest, error) {
	db, err := app.Open(f.db, app.OpenOptions{DataDir: f.dataDir})
	if err != nil {
		return nil, err
	}
	defer db.Close()
	now := time.Now().UTC()
	seconds := map[string]float64{}
	t0 := time.Now()
	s, err := db.Load(ctx, app.LoadRequest{Table: f.table, AsOf: now, Stage: func(stage string) {
		if strings.HasPrefix(stage, "checking contact") { // i18n: app's name of a stage, compared, never shown
			seconds["load"] = time.Since(t0).Seconds()
			t0 = time.Now()
		}
	}})
	if err != nil {
		return nil, err
	}
	seconds["contacts"] = time.Since(t0).Seconds()
	lib, err := db.Library(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.EnsureValue(ctx, lib, r.Request, nil); err != nil { // clv in a rule or --value-from
		return nil, err
	}
	return s.Export(ctx, lib, r, app.ExportOptions{Now: now, Seconds: seconds, Say: func(w model.Sentence) {
		fmt.Fprintln(stderr, tr.T("pulpero export: warning: %s", tr.Say(w)))
	}})
}

func manifestPath(list string) string { return campaign.ManifestPath(list) }

// printCurve shows expected profit at eight budgets up to what contacting
// every profitable customer would cost, and what the last step adds, so the
// owner sees where more money stops paying.
func printCurve(w io.Writer, curve []campaign.CurvePoint) {
	if len(curve) == 0 {
		return
	}
	fmt.Fprintln(w, tr.T("profit against budget (contacting every profitable customer):"))
	for _, p := range targeting.CurveSteps(curve, 8) {
		fmt.Fprintln(w, tr.T("  budget %12.2f  profit %14.2f  contacts %9d  each extra 1 spent returns %.2f", p.Budget, p.Profit, p.Contacts, p.Return))
	}
}
