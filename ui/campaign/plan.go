package campaign

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/store"
	"github.com/pulpero/pulpero/ui/common"
)

// Messages of the background work. Counts and plans carry the sequence
// number of the setup they answer, so a late answer to an older setup is
// dropped.
type (
	historyMsg struct {
		past *analysis.PastContacts // nil: no campaign history in the data
		err  error
	}
	libraryMsg struct {
		lib   segment.Library
		names []string
		err   error
	}
	countsMsg struct {
		seq      int
		target   model.Bitset // nil: everyone
		matching int
		reach    []analysis.ReachCount
		err      error
	}
	planMsg struct {
		seq     int
		fit     fitted // the response model used, kept for the next plan
		plan    *analysis.Plan
		summary analysis.CampaignSummary
		reasons map[string]int
		model   []string
		err     error
	}
	exportedMsg struct {
		res common.ExportResult
		err error
	}
)

// readHistory reads the data's campaign history once, matched to rows.
func readHistory(db *store.DB, ds *model.Dataset) tea.Cmd {
	return func() tea.Msg {
		h, ok, err := db.ReadCampaignHistory(context.Background())
		if err != nil || !ok {
			return historyMsg{err: err}
		}
		campaigns := make([]analysis.PastCampaign, len(h.Campaigns))
		for k, c := range h.Campaigns {
			campaigns[k] = analysis.PastCampaign{Channel: c.Channel, Day: c.Day}
		}
		return historyMsg{past: analysis.MatchPastContacts(ds, campaigns, h.Campaign, h.CustomerIDs, h.Control, h.Responded)}
	}
}

// readLibrary reads the saved segments (a database without a workspace has
// none).
func readLibrary(ws *store.Workspace) tea.Cmd {
	return func() tea.Msg {
		if ws == nil {
			return libraryMsg{lib: segment.Library{}}
		}
		list, err := ws.Segments(context.Background())
		if err != nil {
			return libraryMsg{err: err}
		}
		lib := segment.Library{}
		var names []string
		for _, s := range list {
			if lib.Add(s.Name, s.Latest.Definition) == nil {
				names = append(names, s.Name)
			}
		}
		return libraryMsg{lib: lib, names: names}
	}
}

// fitted is a response model and the options it was fitted with: only
// those options change it, so a change of segment, cost or budget reuses it
// (the logistic fit is most of a plan's time at a million customers).
type fitted struct {
	key   string
	model *analysis.ResponseModel // read-only once fitted
}

// fitKey names the options a response model depends on.
func (s setup) fitKey() string {
	r := s.req
	return fmt.Sprint(r.Model, r.By, r.Uplift, r.DefaultRate, r.HistorySince)
}

// job is everything a count or a plan reads, captured by value.
type job struct {
	fit   fitted
	seq   int
	ds    *model.Dataset
	reach *analysis.Reach
	asOf  time.Time
	lib   segment.Library
	past  *analysis.PastContacts
	s     setup
}

// segments evaluates the included (nil: everyone) and excluded segments.
func (j job) segments() (target, exclude model.Bitset, err error) {
	union := func(names []string) (model.Bitset, error) {
		var out model.Bitset
		for _, n := range names {
			tree, ok := j.lib.Resolve(n)
			if !ok {
				return nil, fmt.Errorf("segment %q is no longer saved", n)
			}
			rows, err := analysis.EvaluateSegment(j.ds, tree, j.asOf, j.lib.Resolve)
			if err != nil {
				return nil, fmt.Errorf("segment %q: %v", n, err)
			}
			if out == nil {
				out = model.NewBitset(j.ds.Rows())
			}
			out.Or(rows)
		}
		return out, nil
	}
	if target, err = union(j.s.include); err != nil {
		return nil, nil, err
	}
	exclude, err = union(j.s.exclude)
	return target, exclude, err
}

// counts are the two counts per offered channel: a few AND-counts, so they
// arrive well before the plan.
func (j job) counts() tea.Msg {
	target, _, err := j.segments()
	if err != nil {
		return countsMsg{seq: j.seq, err: err}
	}
	msg := countsMsg{seq: j.seq, target: target, matching: j.ds.Rows()}
	if target != nil {
		msg.matching = target.Count()
	}
	for _, c := range j.s.req.Channels {
		msg.reach = append(msg.reach, j.reach.Breakdown(c.Channel, target))
	}
	return msg
}

// plan fits the response model and allocates the budget, as the export does.
func (j job) plan() tea.Msg {
	target, exclude, err := j.segments()
	if err != nil {
		return planMsg{seq: j.seq, err: err}
	}
	r := j.s.req
	past := j.past.Since(j.s.sinceDay())
	fit := j.fit
	if fit.model == nil || fit.key != j.s.fitKey() {
		m, err := analysis.FitResponseModel(j.ds, past, analysis.ModelOptions{Method: r.Model, By: r.By, Prior: analysis.DefaultPriorContacts,
			DefaultRate: r.DefaultRate, Uplift: r.Uplift})
		if err != nil {
			return planMsg{seq: j.seq, err: err}
		}
		fit = fitted{key: j.s.fitKey(), model: m}
	}
	m := fit.model
	spec := analysis.CampaignSpec{Name: campaignName(r), Target: target, Exclude: exclude, Channels: r.Channels,
		Value: r.Value, Budget: r.Budget, Control: r.ControlPercent / 100}
	if r.FatigueDays > 0 {
		spec.Recent = analysis.ContactedSince(past, j.ds.Rows(), j.asOf.Unix()/86400-int64(r.FatigueDays))
	}
	p, err := analysis.PlanCampaign(j.ds, j.reach, m, spec)
	if err != nil {
		return planMsg{seq: j.seq, err: err}
	}
	msg := planMsg{seq: j.seq, fit: fit, plan: p, summary: p.Summary(), reasons: p.Reasons()}
	for _, c := range r.Channels {
		msg.model = append(msg.model, m.Describe(c.Channel))
	}
	return msg
}

// campaignName is the name the export will use: the one typed, else the
// list file's name without its extension (as `pulpero export` does).
func campaignName(r common.ExportRequest) string {
	if r.Name != "" {
		return r.Name
	}
	return strings.TrimSuffix(filepath.Base(r.Out), filepath.Ext(r.Out))
}
