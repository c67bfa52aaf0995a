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
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/store"
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
	fs.Float64Var(&o.control, "control", 10, "percentage held out as the control group")
	fs.Float64Var(&o.rate, "rate", 0.02, "response rate assumed for a channel with no campaign history")
	fs.Float64Var(&o.prior, "prior", 50, "shrinkage of group rates to the channel rate, in contacts")
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

// resolveSegment evaluates a saved segment (with its `in segment` references)
// or an inline rule, and describes it for the manifest.
func resolveSegment(ctx context.Context, ws *store.Workspace, ds *model.Dataset, now time.Time, name, where, flagName string) (model.Bitset, store.SegRef, error) {
	resolve := func(n string) (segment.Node, bool) {
		s, err := ws.Segment(ctx, n)
		if err != nil {
			return nil, false
		}
		tree, err := segment.Parse(s.Latest.Definition)
		return tree, err == nil
	}
	ref := store.SegRef{Name: name, Definition: where}
	if name != "" {
		s, err := ws.Segment(ctx, name)
		if err != nil {
			return nil, ref, fmt.Errorf("segment %q: %v; `pulpero segment list` shows the saved ones", name, err)
		}
		ref.Name, ref.Definition = s.Name, s.Latest.Definition
	} else {
		ref.Name = "where"
	}
	label := "segment " + ref.Name
	if name == "" {
		label = flagName
	}
	src := ref.Definition
	tree, err := segment.Parse(src)
	if err != nil {
		return nil, ref, fmt.Errorf("%s:\n%s", label, segment.Caret(src, err))
	}
	ref.Definition, ref.Hash = segment.Print(tree), segment.Hash(tree)
	rows, err := analysis.EvaluateSegment(ds, tree, now, resolve)
	if err != nil {
		return nil, ref, fmt.Errorf("%s:\n%s", label, segment.Caret(src, err))
	}
	ref.Matching = rows.Count()
	return rows, ref, nil
}

// exportList runs the whole export: load, reachability, segments, history,
// plan, then the list, the rejected file and the manifest, each written to a
// temporary file and renamed only once all are complete.
func exportList(ctx context.Context, o exportOpts, stderr io.Writer) (*store.Manifest, error) {
	db, ws, closeDB, err := openDatabase(o.db, o.dataDir)
	if err != nil {
		return nil, err
	}
	defer closeDB()
	// the file's hash (seconds for a big database) is read alongside the load
	type hashResult struct {
		sum string
		err error
	}
	hashed := make(chan hashResult, 1)
	go func() {
		sum, err := store.FileSHA256(db.Path)
		hashed <- hashResult{sum, err}
	}()
	seconds := map[string]float64{}
	t0 := time.Now()
	lap := func(stage string) {
		seconds[stage] = time.Since(t0).Seconds()
		t0 = time.Now()
	}
	cust, reach, err := loadAnalysed(ctx, db, ws, o.table, o.now, func(s string) {
		if strings.HasPrefix(s, "checking contact") {
			lap("load")
		}
	}, nil)
	if err != nil {
		return nil, err
	}
	ds := cust.Data
	lap("contacts")
	m := &store.Manifest{Seconds: seconds, Tool: "pulpero " + version, Created: o.now.Format(time.RFC3339), Campaign: o.name, Reach: reach.Notes,
		Database: store.Database{Path: db.Path, Table: cust.Table.Name, Rows: ds.Rows()}}
	spec := analysis.CampaignSpec{Name: o.name, Value: o.value, Budget: o.budget, Control: o.control / 100}
	spec.Channels, _ = o.channelCosts()
	// the included segments, in the order given: a customer's segment in the
	// list is the first one holding them
	var segRows []model.Bitset
	switch {
	case o.all:
		m.Segments = append(m.Segments, store.SegRef{Name: "all", Definition: "every customer", Matching: ds.Rows()})
	case o.where != "":
		rows, ref, err := resolveSegment(ctx, ws, ds, o.now, "", o.where, "--where")
		if err != nil {
			return nil, err
		}
		segRows, m.Segments = append(segRows, rows), append(m.Segments, ref)
	default:
		for _, name := range o.segments {
			rows, ref, err := resolveSegment(ctx, ws, ds, o.now, name, "", "--segment")
			if err != nil {
				return nil, err
			}
			segRows, m.Segments = append(segRows, rows), append(m.Segments, ref)
		}
	}
	for _, rows := range segRows {
		if spec.Target == nil {
			spec.Target = model.NewBitset(ds.Rows())
		}
		spec.Target.Or(rows)
	}
	excl := append([]string(nil), o.excludes...)
	if o.exWhre != "" {
		excl = append(excl, "")
	}
	for _, name := range excl {
		rows, ref, err := resolveSegment(ctx, ws, ds, o.now, name, o.exWhre, "--exclude-where")
		if err != nil {
			return nil, err
		}
		if spec.Exclude == nil {
			spec.Exclude = model.NewBitset(ds.Rows())
		}
		spec.Exclude.Or(rows)
		m.Exclude = append(m.Exclude, ref)
	}
	past, err := pastContacts(ctx, db, ds)
	if err != nil {
		return nil, err
	}
	lap("history")
	if o.fatigue > 0 {
		spec.Recent = analysis.ContactedSince(past, ds.Rows(), o.now.Unix()/86400-int64(o.fatigue))
	}
	by := o.by
	if by == "" && ds.Column("generation") != nil {
		by = "generation"
	}
	rm, err := analysis.FitResponseRates(ds, past, by, o.prior, o.rate)
	if err != nil {
		return nil, err
	}
	if o.uplift {
		rm.UseUplift()
	}
	plan, err := analysis.PlanCampaign(ds, reach, rm, spec)
	if err != nil {
		return nil, err
	}
	for _, c := range spec.Channels {
		m.Model = append(m.Model, rm.Describe(c.Channel))
	}
	m.Params = map[string]any{"channels": spec.Channels, "value": o.value, "budget": o.budget, "control_percent": o.control,
		"default_rate": o.rate, "rates_by": by, "prior_contacts": o.prior, "fatigue_days": o.fatigue, "uplift": o.uplift, "format": o.format, "excel": o.excel}
	m.Steps, m.Reasons, m.Summary, m.Curve = plan.Steps, plan.Reasons(), plan.Summary(), plan.Alloc.Curve
	m.ReachOf = reachOf(reach, plan.Matching, spec.Channels)
	lap("plan")
	h := <-hashed
	if h.err != nil {
		return nil, h.err
	}
	m.Database.SHA256 = h.sum
	lap("hash")
	if o.dryRun {
		return m, nil
	}
	members, err := writeFiles(ctx, db, cust, store.FindContactColumns(cust.Profiles), ds, reach, plan, o, m, segRows, func() { lap("write") })
	if err != nil {
		return nil, err
	}
	if !o.noRecord {
		// the list is already complete; a failed record is a warning, not a lost list
		if _, err := ws.RecordCampaign(ctx, m, members); err != nil {
			fmt.Fprintf(stderr, "pulpero export: warning: %v; the list was written\n", err)
		}
		lap("record")
	}
	return m, nil
}

// pastContacts reads the campaign history, if any, matched to rows.
func pastContacts(ctx context.Context, db *store.DB, ds *model.Dataset) (*analysis.PastContacts, error) {
	h, ok, err := db.ReadCampaignHistory(ctx)
	if err != nil || !ok {
		return nil, err
	}
	p := &analysis.PastContacts{Row: analysis.RowsOfCustomerIDs(ds, h.CustomerIDs), Control: h.Control, Responded: h.Responded}
	p.Channel, p.Day = make([]analysis.Channel, h.Len()), make([]int64, h.Len())
	for i, k := range h.Campaign {
		c := h.Campaigns[k]
		ch, known := analysis.ParseChannel(c.Channel)
		if !known {
			ch = -1
		}
		p.Channel[i], p.Day[i] = ch, c.Day
	}
	return p, nil
}

// writeFiles writes the list, the rejected file and the manifest. Every
// listed row is checked once more against the reachability of its channel
// here, and its contact once more by store as it is read: two independent
// guards on top of the plan, which only ever offers reachable channels.
func writeFiles(ctx context.Context, db *store.DB, cust *store.Customers, cc store.ContactColumns, ds *model.Dataset,
	reach *analysis.Reach, plan *analysis.Plan, o exportOpts, m *store.Manifest, segRows []model.Bitset, done func()) ([]store.ListItem, error) {
	list, err := store.CreateAtomic(o.out, o.force)
	if err != nil {
		return nil, err
	}
	defer list.Abort()
	lw, err := store.NewListWriter(list, store.ListFormat{JSONLines: o.format == "jsonl", Excel: o.excel})
	if err != nil {
		return nil, fmt.Errorf("%s: %v", o.out, err)
	}
	key := analysis.CustomerKeys(ds)
	segOf := func(i int) string {
		for k, rows := range segRows {
			if rows.Has(i) {
				return m.Segments[k].Name
			}
		}
		return m.Segments[0].Name
	}
	var items []store.ListItem
	listed := plan.Target.Clone().Or(plan.Control)
	for _, i := range listed.Rows(-1) {
		ch := analysis.Channel(plan.Channel[i])
		if plan.Channel[i] < 0 || !reach.Channels[ch].Reachable.Has(i) {
			return nil, fmt.Errorf("internal check failed: customer %s is listed for %s without being reachable on it; nothing was written", key(i), ch)
		}
		group := "target"
		if plan.Control.Has(i) {
			group = "control"
		}
		p := plan.Model.Prob(ch, i)
		items = append(items, store.ListItem{RowID: ds.RowIDs[i], CustomerID: key(i), Channel: ch.String(), Segment: segOf(i),
			Group: group, Prob: p, Expected: p * o.value})
	}
	var skipped []store.ListItem
	var skipWhy []string
	isSkipped := map[int64]bool{}
	cols := store.ListColumns{Name: roleColumn(cust.Profiles, model.RoleName), Postcode: roleColumn(cust.Profiles, model.RolePostcode),
		Contact: map[string]string{"email": cc.Email, "sms": cc.SMS, "phone": cc.Phone, "post": cc.Post}}
	written, err := db.WriteList(ctx, cust.Table.Name, cols, items, lw, func(it store.ListItem, why string) {
		skipped, skipWhy = append(skipped, it), append(skipWhy, why)
		isSkipped[it.RowID] = true
	}, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", o.out, err)
	}
	m.Files = store.FilesMeta{List: o.out, Format: o.format, Rows: written, SkippedAtExport: len(skipped)}
	for _, it := range items {
		if it.Group == "control" {
			m.Files.Control++
		} else {
			m.Files.Target++
		}
	}
	for _, it := range skipped {
		if it.Group == "control" {
			m.Files.Control--
		} else {
			m.Files.Target--
		}
	}
	var rej *store.AtomicFile
	if o.rejected != "" {
		if rej, err = writeRejected(o, plan, key, skipped, skipWhy); err != nil {
			return nil, err
		}
		defer rej.Abort()
		m.Files.Rejected = o.rejected
		m.Files.RejectedRows = len(skipped)
		m.Files.RejectedRows += plan.Matching.Count() - plan.Target.Count() - plan.Control.Count()
	}
	if err := list.Commit(); err != nil {
		return nil, err
	}
	if rej != nil {
		if err := rej.Commit(); err != nil {
			return nil, err
		}
	}
	done()
	if err := store.WriteManifest(manifestPath(o.out), m, o.force); err != nil {
		return nil, err
	}
	members := items[:0:0]
	for _, it := range items {
		if !isSkipped[it.RowID] {
			members = append(members, it)
		}
	}
	return members, nil
}

// printCurve shows expected profit at eight budgets up to what contacting
// every profitable customer would cost, and what the last step adds, so the
// owner sees where more money stops paying.
func printCurve(w io.Writer, curve []analysis.CurvePoint) {
	if len(curve) == 0 {
		return
	}
	top := curve[len(curve)-1].Budget
	budgets := make([]float64, 8)
	for k := range budgets {
		budgets[k] = top * float64(k+1) / 8
	}
	fmt.Fprintln(w, "profit against budget (contacting every profitable customer):")
	prev := analysis.CurvePoint{}
	for _, p := range analysis.CurveAt(curve, budgets) {
		extra := 0.0
		if p.Budget > prev.Budget {
			extra = (p.Profit - prev.Profit) / (p.Budget - prev.Budget)
		}
		fmt.Fprintf(w, "  budget %12.2f  profit %14.2f  contacts %9d  each extra 1 spent returns %.2f\n", p.Budget, p.Profit, p.Contacts, extra)
		prev = p
	}
}

// reachCount is one channel's two counts and the reasons, for people.
type reachCount struct {
	Channel   string         `json:"channel"`
	Matching  int            `json:"matching"`
	Reachable int            `json:"reachable"`
	Why       map[string]int `json:"not_reachable"`
}

func reachOf(reach *analysis.Reach, matching model.Bitset, channels []analysis.ChannelCost) []reachCount {
	var out []reachCount
	for _, c := range channels {
		b := reach.Breakdown(c.Channel, matching)
		rc := reachCount{Channel: c.Channel.String(), Matching: b.Matching, Reachable: b.Reachable, Why: map[string]int{}}
		for k, n := range b.Why {
			if n > 0 {
				rc.Why[analysis.Reason(k).String()] = n
			}
		}
		out = append(out, rc)
	}
	return out
}

func roleColumn(profiles []store.ColumnProfile, role model.Role) string {
	for _, p := range profiles {
		if p.Role == role {
			return p.Name
		}
	}
	return ""
}

// writeRejected writes every matching customer not in the list with the
// reason, then those the final check at export left out.
func writeRejected(o exportOpts, plan *analysis.Plan, key func(int) string, skipped []store.ListItem, why []string) (*store.AtomicFile, error) {
	return store.WriteRejected(o.rejected, o.force, func(emit func(id, reason string)) {
		plan.Matching.ForEach(func(i int) {
			if r := plan.Why[i]; r != analysis.ReasonNone {
				emit(key(i), r.String())
			}
		})
		for k, it := range skipped {
			emit(it.CustomerID, why[k]+" at export")
		}
	})
}
