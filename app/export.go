package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
	"github.com/pulpero/pulpero/store"
)

// ExportOptions are what an export needs besides its request: the clock
// (read once by the caller), the stages the caller already timed (loading),
// and where warnings go (the list was written, something else was not).
type ExportOptions struct {
	Now     time.Time
	Seconds map[string]float64
	Warn    func(string)
	// Say, when set, gets the warnings instead of Warn, as sentences the
	// face says in its user's language.
	Say func(model.Sentence)
}

// warn passes a warning to Say, else to Warn in English, else nowhere.
func (o ExportOptions) warn(s model.Sentence) {
	switch {
	case o.Say != nil:
		o.Say(s)
	case o.Warn != nil:
		o.Warn(s.String())
	}
}

// Export plans a request on the session's customers and writes the list,
// the rejected file and the manifest, each to a temporary file renamed only
// once all are complete, then records the campaign in the workspace. The
// Campaign screen and `pulpero export` both call it, so a list exported from
// either is the same file. A dry run plans and returns the manifest without
// writing anything.
func (s *Session) Export(ctx context.Context, lib *Library, req campaign.ExportRequest, o ExportOptions) (*campaign.Manifest, error) {
	if s.Reach == nil { // consent is read with reachability: without it nobody may be listed
		return nil, model.Say(errNoReachExport)
	}
	if req.Out != "" {
		req.Out = filepath.Clean(req.Out)
	}
	switch {
	case req.Name != "":
	case req.Out != "":
		req.Name = campaign.DefaultName(req.Out)
	default:
		req.Name = campaign.DefaultNameWithoutList // a dry run: the preview's name, said in the output
	}
	req.Name = campaign.CanonicalName(req.Name)
	if err := req.Check(); err != nil {
		return nil, err
	}
	if !req.DryRun {
		if err := checkOutputPaths(req); err != nil {
			return nil, err
		}
	}
	if !req.DryRun {
		for _, p := range []string{req.Out, req.Rejected, campaign.ManifestPath(req.Out)} {
			if _, err := store.CheckDestination(p, req.Force, s.DB.protected()...); p != "" && err != nil {
				return nil, err
			}
		}
	}
	var replace int64
	if !req.DryRun && !req.NoRecord {
		s.resolveInterrupted(ctx, o.warn)
		names, err := s.DB.CampaignNames(ctx)
		if err != nil {
			return nil, err
		}
		if replace, err = nameClash(names, req); err != nil {
			return nil, err
		}
	}
	if err := s.checkOptOutsRead(ctx); err != nil {
		return nil, err
	}
	seconds := map[string]float64{}
	for k, v := range o.Seconds {
		seconds[k] = v
	}
	t0 := time.Now()
	lap := func(stage string) {
		seconds[stage] = time.Since(t0).Seconds()
		t0 = time.Now()
	}
	// the file's hash (seconds for a big database) is read alongside the plan
	hash := hashInBackground(s.DB.Path())
	m := &campaign.Manifest{Seconds: seconds, Tool: "pulpero " + Version, Created: o.Now.UTC().Format(time.RFC3339), Campaign: req.Name,
		Database: campaign.Source{Path: s.DB.Path(), Table: s.Table.Name, Rows: s.Data.Rows()}}
	if s.Reach != nil {
		m.Reach, m.ReachSaid = notesFor(s.Reach, req.Channels)
	}
	if m.Database.Key = s.roleColumn(model.RoleCustomerID); m.Database.Key == "" {
		m.Database.KeyNote = "the table has no customer key (a declared primary key or a column of unique ids), so lists name customers " +
			"by row number (rowid:N), which changes if the table is rebuilt; name the key with `pulpero roles DB --set customer_id=COLUMN`"
	}
	past, err := s.DB.CampaignHistory(ctx, s.Data)
	if err != nil {
		return nil, err
	}
	lap("history")
	cp, err := s.PlanCampaign(lib, past, req.Request, ResponseFit{})
	if err != nil {
		return nil, err
	}
	m.Segments, m.Exclude = cp.Audience.Segments, cp.Audience.Excluded
	m.Model, m.ModelSaid = cp.Model, cp.Explain
	m.Params = campaign.Parameters{Channels: req.Channels, Value: req.Value, Budget: req.Budget, ControlPercent: req.ControlPercent,
		DefaultRate: req.DefaultRate, Model: req.Model, RatesBy: cp.Fit.Model.By, PriorContacts: req.Prior, HistorySince: req.HistorySince,
		FatigueDays: req.FatigueDays, Uplift: req.Uplift, Format: req.Format, Excel: listFormat(req).Excel, Headers: headersUsed(req), ValueFrom: req.ValueFrom}
	// money in files is in cents and keys in one style: no 59.999999999999304
	m.Steps, m.Reasons, m.Summary = cp.Plan.Steps, cp.Reasons, cp.Summary.Rounded()
	m.Curve = make([]campaign.CurvePoint, len(cp.Plan.Alloc.Curve))
	for i, p := range cp.Plan.Alloc.Curve {
		m.Curve[i] = campaign.CurvePoint{Budget: campaign.Cents(p.Budget), Profit: campaign.Cents(p.Profit), Responses: campaign.Cents(p.Responses), Contacts: p.Contacts}
	}
	m.ReachOf = cp.ReachOf
	lap("plan")
	if m.Database.SHA256, err = hash(); err != nil {
		return nil, err
	}
	lap("hash")
	if req.DryRun {
		return m, nil
	}
	files, err := s.writeFiles(ctx, cp, req, m, func() { lap("write") })
	if err != nil {
		return nil, err
	}
	defer files.abort()
	if err := s.commitExport(ctx, files, m, !req.NoRecord, o.warn); err != nil {
		return nil, err
	}
	if replace > 0 {
		// the list was replaced: its earlier record goes with it
		if err := s.DB.ws.ForgetCampaign(context.WithoutCancel(ctx), replace); err != nil {
			o.warn(model.Say("the earlier record of %q could not be removed: %v", req.Name, err))
		}
	}
	lap("record")
	return m, nil
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

// checkOptOutsRead refuses an export while a column named like an opt-out
// (unsubscribed, baja, robinson, ...) is not read as one, unless the user
// has said which column holds the opt-outs: consent is law, and a column
// pulpero cannot honour must not be passed over in silence.
func (s *Session) checkOptOutsRead(ctx context.Context) error {
	var unread []string
	for _, p := range s.Profiles {
		if p.OptOutName && p.Role != model.RoleUnsubscribed && p.Role != model.RoleEmailBounced {
			unread = append(unread, p.Name)
		}
	}
	if len(unread) == 0 || s.DB.ws == nil {
		return nil
	}
	overrides, err := s.DB.ws.RoleOverrides(ctx, s.Table.Name)
	if err != nil {
		return err
	}
	_, optOut := overrides[model.RoleUnsubscribed]
	_, bounce := overrides[model.RoleEmailBounced]
	if optOut || bounce {
		return nil
	}
	return model.Say("column %s is named like an opt-out but is not read as one, so nobody can be exported safely; "+
		"if it holds opt-outs run `pulpero roles %s --set unsubscribed=%s`, otherwise say which column does (or none, with --set unsubscribed=)",
		quoteList(unread), s.DB.Path(), unread[0])
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// checkOutputPaths refuses an export whose files would land on one another
// (--out X --rejected X, or --rejected on the list's manifest).
func checkOutputPaths(req campaign.ExportRequest) error {
	names := map[string]string{}
	for _, f := range []struct{ flag, path string }{{"--out", req.Out}, {"--rejected", req.Rejected},
		{"the manifest", campaign.ManifestPath(req.Out)}} {
		if f.path == "" {
			continue
		}
		abs, err := filepath.Abs(f.path)
		if err != nil {
			return fmt.Errorf("%s %s: %w", f.flag, f.path, err)
		}
		if other, ok := names[abs]; ok {
			return model.Say("%s and %s are the same file (%s); give each its own name", other, f.flag, f.path)
		}
		names[abs] = f.flag
	}
	return nil
}

// resolveInterrupted settles exports a crash stopped half-way and says
// what became of them.
func (s *Session) resolveInterrupted(ctx context.Context, warn func(model.Sentence)) {
	if s.DB.ws == nil {
		return
	}
	found, err := s.DB.ws.ResolveInterrupted(ctx)
	if err != nil {
		warn(model.Say("checking for interrupted exports: %v", err))
	}
	for _, e := range found {
		if e.Kept {
			warn(model.Say("an earlier export of %q was interrupted after its list %s was written; it is now recorded", e.Campaign, e.List))
		} else {
			warn(model.Say("an earlier export of %q was interrupted before its list %s was written; nothing of it was kept", e.Campaign, e.List))
		}
	}
}

// notesFor keeps the reachability notes about the channels offered (and
// the general ones): a list for e-mail need not say that post has no
// consent column.
func notesFor(r *analysis.Reach, offered []campaign.ChannelCost) ([]string, []model.Sentence) {
	var out []string
	var said []model.Sentence
	for i, n := range r.Notes {
		about, _, scoped := strings.Cut(n, ": ")
		ch, isChannel := campaign.ParseChannel(about)
		keep := !scoped || !isChannel
		for _, c := range offered {
			keep = keep || c.Channel == ch
		}
		if keep {
			out = append(out, n)
			if i < len(r.Said) {
				said = append(said, r.Said[i])
			}
		}
	}
	return out, said
}
