package app

import (
	"fmt"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
)

// ResponseFit is a fitted response model and the options it was fitted with.
// Only those options change it, so a change of segment, cost or budget
// reuses it (the logistic fit is most of a plan's time at a million
// customers). The model is read-only once fitted.
type ResponseFit struct {
	key   string
	Model *targeting.ResponseModel
}

// fitKey names the options a response model depends on.
func fitKey(r campaign.Request) string {
	return fmt.Sprint(r.Model, "|", r.By, "|", r.Uplift, "|", r.DefaultRate, "|", r.Prior, "|", r.HistorySince)
}

// Audience is who a request targets and leaves out, before reachability.
type Audience struct {
	Target   model.Bitset // nil: everyone
	Exclude  model.Bitset // nil: nobody
	Included []model.Bitset
	Segments []campaign.SegRef // as the manifest names them
	Excluded []campaign.SegRef
}

// Audience evaluates the request's segments (their union), rule, or
// everyone, and what it excludes.
func (s *Session) Audience(lib *Library, r campaign.Request) (Audience, error) {
	var a Audience
	add := func(rows model.Bitset, ref campaign.SegRef) {
		a.Included, a.Segments = append(a.Included, rows), append(a.Segments, ref)
		if a.Target == nil {
			a.Target = model.NewBitset(s.Data.Rows())
		}
		a.Target.Or(rows)
	}
	switch {
	case r.Where != "":
		rows, ref, err := s.RuleRows(lib, r.Where, "--where")
		if err != nil {
			return a, err
		}
		add(rows, ref)
	case len(r.Include) > 0:
		for _, name := range r.Include {
			rows, ref, err := s.SegmentRows(lib, name)
			if err != nil {
				return a, err
			}
			add(rows, ref)
		}
	default:
		a.Segments = []campaign.SegRef{{Name: "all", Definition: "every customer", Matching: s.Data.Rows()}}
	}
	exclude := func(rows model.Bitset, ref campaign.SegRef) {
		if a.Exclude == nil {
			a.Exclude = model.NewBitset(s.Data.Rows())
		}
		a.Exclude.Or(rows)
		a.Excluded = append(a.Excluded, ref)
	}
	for _, name := range r.Exclude {
		rows, ref, err := s.SegmentRows(lib, name)
		if err != nil {
			return a, err
		}
		exclude(rows, ref)
	}
	if r.ExcludeWhere != "" {
		rows, ref, err := s.RuleRows(lib, r.ExcludeWhere, "--exclude-where")
		if err != nil {
			return a, err
		}
		exclude(rows, ref)
	}
	return a, nil
}

// Matching counts the target (everyone when it is nil).
func (a Audience) Matching(rows int) int {
	if a.Target == nil {
		return rows
	}
	return a.Target.Count()
}

// CampaignCounts are the two counts per offered channel: how many match and
// how many of them can be contacted, with the reasons for the rest. They are
// a few AND-counts, so a screen shows them well before the plan.
type CampaignCounts struct {
	Target   model.Bitset // nil: everyone
	Matching int
	Reach    []analysis.ReachCount
}

// CountCampaign counts a request's audience on each offered channel.
func (s *Session) CountCampaign(lib *Library, r campaign.Request) (CampaignCounts, error) {
	a, err := s.Audience(lib, r)
	if err != nil {
		return CampaignCounts{}, err
	}
	c := CampaignCounts{Target: a.Target, Matching: a.Matching(s.Data.Rows())}
	if s.Reach != nil {
		for _, ch := range r.Channels {
			c.Reach = append(c.Reach, s.Reach.Breakdown(ch.Channel, a.Target))
		}
	}
	return c, nil
}

// CampaignPlan is a request planned: the audience, the fitted response
// model, and the plan with its figures as the screen and the manifest show
// them.
type CampaignPlan struct {
	Request  campaign.Request
	Audience Audience
	Fit      ResponseFit
	Plan     *targeting.Plan
	Summary  campaign.Summary
	Reasons  map[string]int
	Model    []string // how the probabilities of each offered channel were estimated
	// Explain is Model in parts, per channel, for a screen to say in the
	// user's language (Model, for files, is them in English joined by "; ")
	Explain [][]model.Sentence
	ReachOf []campaign.ChannelCounts
}

// PlanCampaign plans a request on the session's customers, the one road for
// the Campaign screen and `pulpero export`: the audience, the response model
// from past (nil: no history; reuse is kept when its options still hold),
// fatigue measured back from the session's date, then the allocation.
func (s *Session) PlanCampaign(lib *Library, past *targeting.PastContacts, r campaign.Request, reuse ResponseFit) (*CampaignPlan, error) {
	if err := r.Check(); err != nil {
		return nil, err
	}
	if s.Reach == nil {
		return nil, model.Say(errNoReachExport)
	}
	a, err := s.Audience(lib, r)
	if err != nil {
		return nil, err
	}
	since := int64(-1)
	if r.HistorySince != "" {
		d, err := time.Parse(time.DateOnly, r.HistorySince)
		if err != nil {
			return nil, model.Say("--history-since %q: give a date as YYYY-MM-DD", r.HistorySince)
		}
		since = d.Unix() / 86400
	}
	past = past.Since(since)
	fit := reuse
	if fit.Model == nil || fit.key != fitKey(r) {
		m, err := targeting.FitResponseModel(s.Data, past, targeting.ModelOptions{Method: r.Model, By: r.By, Prior: r.Prior,
			DefaultRate: r.DefaultRate, Uplift: r.Uplift})
		if err != nil {
			return nil, err
		}
		fit = ResponseFit{key: fitKey(r), Model: m}
	}
	spec := targeting.CampaignSpec{Name: r.Name, Target: a.Target, Exclude: a.Exclude, Channels: r.Channels,
		Value: r.Value, Budget: r.Budget, Control: r.ControlPercent / 100}
	if spec.RowValue, err = s.responseValues(r); err != nil { // --value-from clv (value_campaign.go)
		return nil, err
	}
	if r.FatigueDays > 0 {
		spec.Recent = targeting.ContactedSince(past, s.Data.Rows(), s.AsOf.Unix()/86400-int64(r.FatigueDays))
	}
	p, err := targeting.PlanCampaign(s.Data, s.Reach, fit.Model, spec)
	if err != nil {
		return nil, err
	}
	cp := &CampaignPlan{Request: r, Audience: a, Fit: fit, Plan: p, Summary: p.Summary(), Reasons: p.Reasons()}
	for _, c := range r.Channels {
		cp.Model = append(cp.Model, fit.Model.Describe(c.Channel))
		cp.Explain = append(cp.Explain, fit.Model.Explain(c.Channel))
		b := s.Reach.Breakdown(c.Channel, p.Matching)
		rc := campaign.ChannelCounts{Channel: c.Channel.String(), Matching: b.Matching, Reachable: b.Reachable, Why: map[string]int{}}
		for k, n := range b.Why {
			if n > 0 {
				rc.Why[campaign.Reason(k).String()] = n
			}
		}
		cp.ReachOf = append(cp.ReachOf, rc)
	}
	return cp, nil
}

// errNoReachExport refuses a plan or a list from a session without the
// contact checks (a one-shot load that did not ask for them, or the first
// session of LoadInStages).
const errNoReachExport = "reachability was not loaded, so nobody may be contacted"
