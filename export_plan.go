package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/store"
)

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
	hash := hashInBackground(db.Path)
	e := exportRun{db: db, ws: ws, hash: hash, seconds: map[string]float64{}, t0: time.Now()}
	e.cust, e.reach, err = loadAnalysed(ctx, db, ws, o.table, o.now, func(s string) {
		if strings.HasPrefix(s, "checking contact") {
			e.lap("load")
		}
	}, nil)
	if err != nil {
		return nil, err
	}
	e.lap("contacts")
	return e.run(ctx, o, stderr)
}

// exportLoaded is the export of customers already loaded (the Campaign
// screen's): the same steps and files as `pulpero export` from the plan on.
func exportLoaded(ctx context.Context, db *store.DB, ws *store.Workspace, cust *store.Customers, reach *analysis.Reach,
	o exportOpts, stderr io.Writer) (*store.Manifest, error) {
	e := exportRun{db: db, ws: ws, cust: cust, reach: reach, hash: hashInBackground(db.Path), seconds: map[string]float64{}, t0: time.Now()}
	return e.run(ctx, o, stderr)
}

// hashInBackground starts reading path's SHA-256; the func waits for it.
func hashInBackground(path string) func() (string, error) {
	type result struct {
		sum string
		err error
	}
	done := make(chan result, 1)
	go func() {
		sum, err := store.FileSHA256(path)
		done <- result{sum, err}
	}()
	return func() (string, error) {
		r := <-done
		return r.sum, r.err
	}
}

// exportRun is one export on loaded customers, with the time of each stage.
type exportRun struct {
	db      *store.DB
	ws      *store.Workspace
	cust    *store.Customers
	reach   *analysis.Reach
	hash    func() (string, error)
	seconds map[string]float64
	t0      time.Time
}

func (e *exportRun) lap(stage string) {
	e.seconds[stage] = time.Since(e.t0).Seconds()
	e.t0 = time.Now()
}

func (e *exportRun) run(ctx context.Context, o exportOpts, stderr io.Writer) (*store.Manifest, error) {
	ds := e.cust.Data
	m := &store.Manifest{Seconds: e.seconds, Tool: "pulpero " + version, Created: o.now.Format(time.RFC3339), Campaign: o.name,
		Reach: e.reach.Notes, Database: store.Database{Path: e.db.Path, Table: e.cust.Table.Name, Rows: ds.Rows()}}
	spec := analysis.CampaignSpec{Name: o.name, Value: o.value, Budget: o.budget, Control: o.control / 100}
	spec.Channels, _ = o.channelCosts()
	segRows, err := e.segments(ctx, o, m, &spec)
	if err != nil {
		return nil, err
	}
	since := int64(-1)
	if o.historySince != "" {
		since = o.historyDay
	}
	past, err := pastContacts(ctx, e.db, ds, since)
	if err != nil {
		return nil, err
	}
	e.lap("history")
	if o.fatigue > 0 {
		spec.Recent = analysis.ContactedSince(past, ds.Rows(), o.now.Unix()/86400-int64(o.fatigue))
	}
	rm, err := analysis.FitResponseModel(ds, past, analysis.ModelOptions{Method: o.model, By: o.by, Prior: o.prior, DefaultRate: o.rate, Uplift: o.uplift})
	if err != nil {
		return nil, err
	}
	plan, err := analysis.PlanCampaign(ds, e.reach, rm, spec)
	if err != nil {
		return nil, err
	}
	for _, c := range spec.Channels {
		m.Model = append(m.Model, rm.Describe(c.Channel))
	}
	m.Params = map[string]any{"channels": spec.Channels, "value": o.value, "budget": o.budget, "control_percent": o.control,
		"default_rate": o.rate, "model": o.model, "rates_by": rm.By, "prior_contacts": o.prior, "history_since": o.historySince,
		"fatigue_days": o.fatigue, "uplift": o.uplift, "format": o.format, "excel": o.excel}
	m.Steps, m.Reasons, m.Summary, m.Curve = plan.Steps, plan.Reasons(), plan.Summary(), plan.Alloc.Curve
	m.ReachOf = reachOf(e.reach, plan.Matching, spec.Channels)
	e.lap("plan")
	if m.Database.SHA256, err = e.hash(); err != nil {
		return nil, err
	}
	e.lap("hash")
	if o.dryRun {
		return m, nil
	}
	members, err := writeFiles(ctx, e.db, e.cust, store.FindContactColumns(e.cust.Profiles), ds, e.reach, plan, o, m, segRows, func() { e.lap("write") })
	if err != nil {
		return nil, err
	}
	if !o.noRecord {
		// the list is already complete; a failed record is a warning, not a lost list
		if _, err := e.ws.RecordCampaign(ctx, m, members); err != nil {
			fmt.Fprintf(stderr, "pulpero export: warning: %v; the list was written\n", err)
		}
		e.lap("record")
	}
	return m, nil
}

// segments evaluates the included and excluded segments into spec and
// describes them in m. The included ones come back in the order given: a
// customer's segment in the list is the first one holding them.
func (e *exportRun) segments(ctx context.Context, o exportOpts, m *store.Manifest, spec *analysis.CampaignSpec) ([]model.Bitset, error) {
	ds := e.cust.Data
	var segRows []model.Bitset
	switch {
	case o.all:
		m.Segments = append(m.Segments, store.SegRef{Name: "all", Definition: "every customer", Matching: ds.Rows()})
	case o.where != "":
		rows, ref, err := resolveSegment(ctx, e.ws, ds, o.now, "", o.where, "--where")
		if err != nil {
			return nil, err
		}
		segRows, m.Segments = append(segRows, rows), append(m.Segments, ref)
	default:
		for _, name := range o.segments {
			rows, ref, err := resolveSegment(ctx, e.ws, ds, o.now, name, "", "--segment")
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
		rows, ref, err := resolveSegment(ctx, e.ws, ds, o.now, name, o.exWhre, "--exclude-where")
		if err != nil {
			return nil, err
		}
		if spec.Exclude == nil {
			spec.Exclude = model.NewBitset(ds.Rows())
		}
		spec.Exclude.Or(rows)
		m.Exclude = append(m.Exclude, ref)
	}
	return segRows, nil
}

// pastContacts reads the campaign history, if any, matched to rows; with
// sinceDay ≥ 0, only the campaigns from that day on.
func pastContacts(ctx context.Context, db *store.DB, ds *model.Dataset, sinceDay int64) (*analysis.PastContacts, error) {
	h, ok, err := db.ReadCampaignHistory(ctx)
	if err != nil || !ok {
		return nil, err
	}
	campaigns := make([]analysis.PastCampaign, len(h.Campaigns))
	for k, c := range h.Campaigns {
		campaigns[k] = analysis.PastCampaign{Channel: c.Channel, Day: c.Day}
	}
	return analysis.MatchPastContacts(ds, campaigns, h.Campaign, h.CustomerIDs, h.Control, h.Responded).Since(sinceDay), nil
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
