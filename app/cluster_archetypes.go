package app

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/analysis/cluster"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// Archetype is one of the four buyer archetypes as a starting rule over
// behaviour and touchpoint attributes. The rules are a preset: saved as
// ordinary segments ("Archetype: researcher", ...) the user edits; once
// saved, the saved version is what comparisons use.
type Archetype struct {
	Key     string // stable identifier: frequent_value, researcher, luxury_social, traditional
	Segment string // the saved segment's name
	Rule    string // the preset's rule, thresholds filled in from the data
	Why     string // what the rule looks for, in English
}

// The archetypes' keys. ArchetypePreset lists them in the order of
// precedence a customer who matches several rules is assigned by: the
// most specific trace first (repeated web visits, then social activity).
const (
	ArchResearcher    = "researcher"
	ArchLuxurySocial  = "luxury_social"
	ArchFrequentValue = "frequent_value"
	ArchTraditional   = "traditional"
)

// archetypeAttributes are the behaviour attributes the preset reads (the
// documented names of analysis/behaviour: share_ + channel, contacts_ +
// touchpoint kind).
var archetypeAttributes = []string{"frequency", "avg_ticket", "share_store", "share_online",
	"contacts_web_visit", "contacts_social_mention", "contacts_review", "contacts_call_centre"}

// ArchetypePreset returns the four starting rules, with money thresholds
// taken from the data (the median and the 90th percentile of avg_ticket,
// rounded to two significant figures), so they fit the shop's prices. It
// fails, naming them, when behaviour attributes are missing.
func (s *Session) ArchetypePreset() ([]Archetype, error) {
	var missing []string
	for _, a := range archetypeAttributes {
		if s.Data.Column(a) == nil {
			missing = append(missing, a)
		}
	}
	if len(missing) > 0 {
		return nil, model.Say(msgArchMissing, strings.Join(missing, ", "))
	}
	ticket, _ := s.Data.Column("avg_ticket").(*model.NumberColumn)
	if ticket == nil {
		return nil, model.Say(msgArchMissing, "avg_ticket")
	}
	p50, p90 := quantiles(ticket, 0.5, 0.9)
	low, high := num(round2(p50)), num(round2(p90))
	return []Archetype{
		{ArchResearcher, "Archetype: researcher",
			"contacts_web_visit >= 4",
			"visits the website repeatedly before buying"},
		{ArchLuxurySocial, "Archetype: luxury & social",
			"contacts_social_mention >= 2 or contacts_review >= 1 or avg_ticket >= " + high + " and share_online < 0.5",
			"social mentions or reviews, or a ticket among the top tenth bought mostly in store"},
		{ArchFrequentValue, "Archetype: frequent value",
			"frequency >= 3 and avg_ticket <= " + low + " and share_store >= 0.5",
			"comes often for cheap baskets (a ticket at most the median), mostly in store"},
		{ArchTraditional, "Archetype: traditional",
			"share_store >= 0.9 or contacts_call_centre >= 1",
			"buys in the shop and calls rather than clicks"},
	}, nil
}

// quantiles returns the p-quantiles (type 7, as R's default) of the
// non-missing values.
func quantiles(x *model.NumberColumn, ps ...float64) (float64, float64) {
	var v []float64
	for i, a := range x.Values {
		if !x.Nulls.Has(i) && !math.IsNaN(a) {
			v = append(v, a)
		}
	}
	if len(v) == 0 {
		return 0, 0
	}
	slices.Sort(v)
	q := func(p float64) float64 {
		h := p * float64(len(v)-1)
		lo := math.Floor(h)
		if int(lo)+1 >= len(v) {
			return v[len(v)-1]
		}
		return v[int(lo)] + (h-lo)*(v[int(lo)+1]-v[int(lo)])
	}
	return q(ps[0]), q(ps[1])
}

// round2 rounds to two significant figures (a threshold people read).
func round2(x float64) float64 {
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	e := math.Pow(10, math.Floor(math.Log10(math.Abs(x)))-1)
	return math.Round(x/e) * e
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// ArchetypeRules are the rules in use: a saved archetype segment's latest
// version when there is one (the user's edits), else the preset's.
func (s *Session) ArchetypeRules(lib *Library) ([]Archetype, []bool, error) {
	preset, err := s.ArchetypePreset()
	if err != nil {
		return nil, nil, err
	}
	saved := make([]bool, len(preset))
	for i, a := range preset {
		if v, ok := lib.Find(a.Segment); ok {
			preset[i].Rule, saved[i] = v.Latest.Definition, true
		}
	}
	return preset, saved, nil
}

// SaveArchetypes saves the preset's rules as segments, as a set the user
// can edit (a segment already saved gets the preset as a new version only
// when replace is set).
func (s *Session) SaveArchetypes(ctx context.Context, p *Policy, lib *Library, replace bool) ([]SavedClusterRule, error) {
	preset, err := s.ArchetypePreset()
	if err != nil {
		return nil, err
	}
	var out []SavedClusterRule
	for i, a := range preset {
		sr := SavedClusterRule{Cluster: i, Name: a.Segment}
		if _, ok := lib.Find(a.Segment); ok && !replace {
			sr.Skipped = "already saved"
			out = append(out, sr)
			continue
		}
		tree, err := segment.Parse(a.Rule)
		if err != nil {
			return out, fmt.Errorf("archetype %s: %w", a.Key, err)
		}
		if sr.Version, err = p.SaveSegment(ctx, s, lib, a.Segment, tree); err != nil {
			return out, err
		}
		out = append(out, sr)
	}
	return out, nil
}

// ArchetypeComparison sets clusters against the archetypes: every customer
// is assigned the first archetype whose rule they match (in precedence
// order), or none; Counts[j][a] are the customers of cluster j assigned
// archetype a (a = len(Archetypes) is none).
type ArchetypeComparison struct {
	Archetypes []Archetype
	Saved      []bool // the rule in use is the saved segment's
	Matching   []int  // customers each rule selects (rules may overlap)
	Assigned   []int32
	Counts     [][]int
	// Agreement is the adjusted Rand index between the clusters and the
	// archetype assignment over the clustered customers (1: the same
	// partition, about 0: no more alike than chance).
	Agreement float64
}

// CompareArchetypes assigns the session's customers to archetypes with
// the rules in use and cross-tabulates them with c's clusters.
func (s *Session) CompareArchetypes(lib *Library, c *Clustering) (*ArchetypeComparison, error) {
	arch, saved, err := s.ArchetypeRules(lib)
	if err != nil {
		return nil, err
	}
	assigned, matching, err := s.AssignArchetypes(lib, arch)
	if err != nil {
		return nil, err
	}
	cmp := &ArchetypeComparison{Archetypes: arch, Saved: saved, Matching: matching, Assigned: assigned}
	cmp.Counts = make([][]int, c.K)
	for j := range cmp.Counts {
		cmp.Counts[j] = make([]int, len(arch)+1)
	}
	var a, b []int32
	for i, l := range c.Labels {
		if l < 0 {
			continue
		}
		cmp.Counts[l][assigned[i]]++
		a, b = append(a, l), append(b, assigned[i])
	}
	if cmp.Agreement, err = cluster.AdjustedRand(a, b); err != nil {
		return nil, err
	}
	return cmp, nil
}

// AssignArchetypes gives each customer the index of the first archetype
// whose rule they match, or len(arch) for none, and how many customers
// each rule selects.
func (s *Session) AssignArchetypes(lib *Library, arch []Archetype) ([]int32, []int, error) {
	ev := s.Evaluator(lib)
	n := s.Data.Rows()
	assigned := make([]int32, n)
	for i := range assigned {
		assigned[i] = int32(len(arch))
	}
	matching := make([]int, len(arch))
	for a := len(arch) - 1; a >= 0; a-- { // the first rule in order wins
		tree, err := segment.Parse(arch[a].Rule)
		if err != nil {
			return nil, nil, &RuleError{Label: arch[a].Segment, Source: arch[a].Rule, Err: err}
		}
		t, err := ev.Eval(tree)
		if err != nil {
			return nil, nil, &RuleError{Label: arch[a].Segment, Source: arch[a].Rule, Err: err}
		}
		t.True.ForEach(func(i int) { assigned[i] = int32(a) })
		matching[a] = t.True.Count()
	}
	return assigned, matching, nil
}

// ArchetypeLabel names archetype index a of a comparison (none for the
// customers no rule selects).
func (c *ArchetypeComparison) ArchetypeLabel(a int) string {
	if a >= len(c.Archetypes) {
		return msgArchNoneLabel
	}
	return c.Archetypes[a].Key
}
