package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/pulpero/pulpero/analysis"
)

// nameList collects a repeated flag's values.
type nameList []string

func (n *nameList) String() string     { return strings.Join(*n, ", ") }
func (n *nameList) Set(s string) error { *n = append(*n, s); return nil }

// exportOpts are the flags of `pulpero export`.
type exportOpts struct {
	db, table, dataDir             string
	where, exWhre                  string
	segments, excludes             nameList
	all                            bool
	channels, costs                string
	budget, value, control, rate   float64
	prior                          float64
	by                             string
	fatigue                        int
	name, out, rejected, format    string
	excel, force, noRecord, uplift bool
	dryRun                         bool
	model, historySince            string
	historyDay                     int64 // historySince in days since 1970-01-01
	now                            time.Time
}

const exportUsage = "usage: pulpero export DB (--segment NAME | --where EXPR | --all) [--exclude NAME] --channel email --cost 0.05 " +
	"--value 40 [--budget 5000] [--control 10] --out list.csv [--rejected FILE] [--format csv|jsonl] [--excel] [--force] [--rate R]"

// runExport implements `pulpero export`: the target list of a campaign, only
// ever with customers reachable on the channel they are listed for.
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("export", stderr)
	o := exportOpts{now: time.Now().UTC()}
	fs.StringVar(&o.table, "table", "", "the customer table (default: detected)")
	fs.StringVar(&o.dataDir, "data-dir", "", "where workspaces of read-only databases live")
	fs.Var(&o.segments, "segment", "a saved segment to target; repeat for several (their union)")
	fs.StringVar(&o.where, "where", "", "target the customers matching this rule (segment language)")
	fs.BoolVar(&o.all, "all", false, "target every customer")
	fs.Var(&o.excludes, "exclude", "leave out the customers of this saved segment; repeatable")
	fs.StringVar(&o.exWhre, "exclude-where", "", "leave out the customers matching this rule")
	fs.StringVar(&o.channels, "channel", "email", "channel(s), comma-separated: email, sms, phone, post")
	fs.StringVar(&o.costs, "cost", "", "cost of one contact, one per channel, comma-separated (required)")
	fs.Float64Var(&o.value, "value", 0, "value of one response, e.g. the average ticket (required)")
	fs.Float64Var(&o.budget, "budget", 0, "total budget (0: no limit)")
	fs.Float64Var(&o.control, "control", analysis.DefaultControlPercent, "percentage held out as the control group")
	fs.Float64Var(&o.rate, "rate", analysis.DefaultResponseRate, "response rate assumed for a channel with no campaign history")
	fs.StringVar(&o.model, "model", "rates", "response model: rates (by group and channel) or logistic (regression on the customers' attributes)")
	fs.StringVar(&o.historySince, "history-since", "", "learn response rates only from campaigns on or after this date (YYYY-MM-DD)")
	fs.Float64Var(&o.prior, "prior", analysis.DefaultPriorContacts, "shrinkage of group rates to the channel rate, in contacts")
	fs.BoolVar(&o.uplift, "uplift", false, "use the extra responses contact causes (treated minus control rate), not all responses")
	fs.StringVar(&o.by, "by", "", "attribute the response rates are estimated by (default: generation when known)")
	fs.IntVar(&o.fatigue, "fatigue", 0, "leave out customers contacted in the last N days (0: nobody)")
	fs.StringVar(&o.name, "name", "", "campaign name; the control group is a hash of it (default: the list's file name)")
	fs.StringVar(&o.out, "out", "", "the list to write (required)")
	fs.StringVar(&o.rejected, "rejected", "", "also write the matching customers left out, with the reason")
	fs.StringVar(&o.format, "format", "csv", "csv or jsonl")
	fs.BoolVar(&o.excel, "excel", false, "CSV for spreadsheets in comma-decimal locales: BOM, ';' and decimal commas")
	fs.BoolVar(&o.force, "force", false, "replace existing files")
	fs.BoolVar(&o.dryRun, "dry-run", false, "only count: matching, reachable per channel with the reasons, the plan; write nothing")
	fs.BoolVar(&o.noRecord, "no-record", false, "do not record the campaign and its members in the workspace")
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil || len(pos) != 1 {
		fmt.Fprintln(stderr, exportUsage)
		return exitUsage
	}
	o.db = pos[0]
	if err := o.check(); err != nil {
		fmt.Fprintf(stderr, "pulpero export: %v\n%s\n", err, exportUsage)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	m, err := exportList(ctx, o, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "pulpero export: %v\n", err)
		return exitFail
	}
	for _, note := range m.Reach {
		fmt.Fprintf(stdout, "note: %s\n", note)
	}
	for _, rc := range m.ReachOf.([]reachCount) {
		if rc.Reachable == 0 && rc.Why[analysis.ReasonNoConsent.String()] == rc.Matching && rc.Matching > 0 {
			fmt.Fprintf(stdout, "hint: if a column holds consent for %s, name it with `pulpero roles %s --set consent_%s=COLUMN`\n", rc.Channel, o.db, rc.Channel)
		}
	}
	for _, rc := range m.ReachOf.([]reachCount) {
		fmt.Fprintf(stdout, "%s: %d matching, %d reachable", rc.Channel, rc.Matching, rc.Reachable)
		for _, r := range []analysis.Reason{analysis.ReasonNoConsent, analysis.ReasonUnsubscribed, analysis.ReasonInvalidAddress, analysis.ReasonBounced} {
			if n := rc.Why[r.String()]; n > 0 {
				fmt.Fprintf(stdout, "; %s %d", r, n)
			}
		}
		fmt.Fprintln(stdout)
	}
	if o.dryRun {
		fmt.Fprintln(stdout, "dry run: nothing written; the plan would be:")
	} else {
		fmt.Fprintf(stdout, "wrote %s: %d target and %d control customers (%s)\n", o.out, m.Files.Target, m.Files.Control, o.channels)
	}
	for _, s := range m.Steps.([]analysis.Step) {
		fmt.Fprintf(stdout, "  %-24s %d\n", s.Name, s.Count)
	}
	e := m.Summary.(analysis.CampaignSummary)
	fmt.Fprintf(stdout, "expected: %.1f responses, revenue %.2f, cost %.2f, profit %.2f, return on spend %.2f\n",
		e.Responses, e.Revenue, e.Cost, e.Profit, e.ROI)
	for _, line := range m.Model {
		fmt.Fprintf(stdout, "  %s\n", line)
	}
	printCurve(stdout, m.Curve.([]analysis.CurvePoint))
	if o.dryRun {
		return exitOK
	}
	fmt.Fprintf(stdout, "manifest: %s (load %.1f s, contacts %.1f s, history %.1f s, plan %.1f s, write %.1f s)\n",
		manifestPath(o.out), m.Seconds["load"], m.Seconds["contacts"], m.Seconds["history"], m.Seconds["plan"], m.Seconds["write"])
	return exitOK
}

func (o *exportOpts) check() error {
	n := 0
	for _, set := range []bool{len(o.segments) > 0, o.where != "", o.all} {
		if set {
			n++
		}
	}
	switch {
	case n != 1:
		return errors.New("give --segment NAME (repeatable), or --where EXPR, or --all")
	case o.out == "" && !o.dryRun:
		return errors.New("--out FILE is required (or --dry-run to only count)")
	case o.format != "csv" && o.format != "jsonl":
		return fmt.Errorf("--format %q: use csv or jsonl", o.format)
	case o.excel && o.format != "csv":
		return errors.New("--excel applies to --format csv only")
	case o.value <= 0:
		return errors.New("--value: give the value of one response (> 0)")
	case o.control < 0 || o.control >= 100:
		return fmt.Errorf("--control %g: give a percentage from 0 to under 100", o.control)
	case o.rate < 0 || o.rate > 1:
		return fmt.Errorf("--rate %g: give a rate from 0 to 1 (0.02 is 2%%)", o.rate)
	case o.budget < 0 || o.fatigue < 0:
		return errors.New("--budget and --fatigue cannot be negative")
	case o.model != "rates" && o.model != "logistic":
		return fmt.Errorf("--model %q: use rates or logistic", o.model)
	}
	if o.historySince != "" {
		d, err := time.Parse(time.DateOnly, o.historySince)
		if err != nil {
			return fmt.Errorf("--history-since %q: give a date as YYYY-MM-DD", o.historySince)
		}
		o.historyDay = d.Unix() / 86400
	}
	if _, err := o.channelCosts(); err != nil {
		return err
	}
	if o.name == "" {
		o.name = strings.TrimSuffix(filepath.Base(o.out), filepath.Ext(o.out))
	}
	if !o.force && !o.dryRun {
		for _, p := range []string{o.out, o.rejected, manifestPath(o.out)} {
			if _, err := os.Stat(p); p != "" && err == nil {
				return fmt.Errorf("%s already exists; add --force to replace it", p)
			}
		}
	}
	return nil
}

// channelCosts pairs --channel with --cost.
func (o *exportOpts) channelCosts() ([]analysis.ChannelCost, error) {
	chs, costs := strings.Split(o.channels, ","), strings.Split(o.costs, ",")
	if o.costs == "" || len(costs) != len(chs) {
		return nil, fmt.Errorf("--cost: give one cost per channel (%d channel(s) in --channel %s)", len(chs), o.channels)
	}
	var out []analysis.ChannelCost
	for i, s := range chs {
		ch, ok := analysis.ParseChannel(s)
		if !ok {
			return nil, fmt.Errorf("--channel %q: use email, sms, phone or post", s)
		}
		c, err := strconv.ParseFloat(strings.TrimSpace(costs[i]), 64)
		if err != nil || c <= 0 {
			return nil, fmt.Errorf("--cost %q: give a positive number for %s", costs[i], ch)
		}
		out = append(out, analysis.ChannelCost{Channel: ch, Cost: c})
	}
	return out, nil
}

func manifestPath(list string) string {
	return strings.TrimSuffix(list, filepath.Ext(list)) + ".manifest.json"
}

// printCurve shows expected profit at eight budgets up to what contacting
// every profitable customer would cost, and what the last step adds, so the
// owner sees where more money stops paying.
func printCurve(w io.Writer, curve []analysis.CurvePoint) {
	if len(curve) == 0 {
		return
	}
	fmt.Fprintln(w, "profit against budget (contacting every profitable customer):")
	for _, p := range analysis.CurveSteps(curve, 8) {
		fmt.Fprintf(w, "  budget %12.2f  profit %14.2f  contacts %9d  each extra 1 spent returns %.2f\n", p.Budget, p.Profit, p.Contacts, p.Return)
	}
}
