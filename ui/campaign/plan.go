package campaign

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
	"github.com/pulpero/pulpero/ui/common"
)

// Messages of the background work. Counts and plans carry the sequence
// number of the setup they answer, so a late answer to an older setup is
// dropped.
type (
	historyMsg struct {
		past *targeting.PastContacts // nil: no campaign history in the data
		err  error
	}
	libraryMsg struct {
		lib *app.Library
		err error
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
		fit     app.ResponseFit // the response model used, kept for the next plan
		plan    *targeting.Plan
		summary campaign.Summary
		reasons map[string]int
		model   []string           // how each channel's probabilities were estimated, in English
		explain [][]model.Sentence // the same in parts, to say in the user's language
		err     error
	}
	exportedMsg struct {
		m       *campaign.Manifest
		warning string // the list was written, but something else was not
		err     error
	}
)

// readHistory reads the data's campaign history once, matched to rows.
func readHistory(s *common.Session) tea.Cmd {
	return func() tea.Msg {
		past, err := s.DB.CampaignHistory(context.Background(), s.Data)
		return historyMsg{past: past, err: err}
	}
}

// readLibrary reads the saved segments.
func readLibrary(db *app.Database) tea.Cmd {
	return func() tea.Msg {
		lib, err := db.Library(context.Background())
		return libraryMsg{lib: lib, err: err}
	}
}

// job is everything a count or a plan reads, captured by value: the
// session is read-only, the library and the fitted model never change once
// made, so a Cmd in flight never sees the screen's later state.
type job struct {
	seq  int
	fit  app.ResponseFit // the last response model, reused while its options hold
	sess *common.Session
	lib  *app.Library
	past *targeting.PastContacts
	req  campaign.Request
}

// counts are the two counts per offered channel: a few AND-counts, so they
// arrive well before the plan.
func (j job) counts() tea.Msg {
	c, err := j.sess.CountCampaign(j.lib, j.req)
	return countsMsg{seq: j.seq, target: c.Target, matching: c.Matching, reach: c.Reach, err: err}
}

// plan fits the response model (or reuses it) and allocates the budget with
// app's one road, as the export does.
func (j job) plan() tea.Msg {
	p, err := j.sess.PlanCampaign(j.lib, j.past, j.req, j.fit)
	if err != nil {
		return planMsg{seq: j.seq, err: err}
	}
	return planMsg{seq: j.seq, fit: p.Fit, plan: p.Plan, summary: p.Summary, reasons: p.Reasons, model: p.Model, explain: p.Explain}
}

// campaignName is the name the export will use: the one typed, else the
// list file's name without its extension (as `pulpero export` does).
func campaignName(r campaign.ExportRequest) string {
	if r.Name != "" {
		return r.Name
	}
	return campaign.DefaultName(r.Out)
}
