package behaviour

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis/rfm"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/ui/common"
)

// doneMsg reports a saved setting, a freeze or saved segments; reload asks
// the root to load the data again with the new settings.
type doneMsg struct {
	say    model.Sentence
	reload bool
	err    error
}

// cellRule is the rule of one cell of the R × F grid.
func cellRule(r, f int) string {
	return fmt.Sprintf("%s = %d and %s = %d", rfm.ColR, r, rfm.ColF, f)
}

// saveSettings changes the database's saved behaviour settings and
// reloads: the scores of every screen follow.
func saveSettings(pol *app.Policy, db *app.Database, change func(*app.BehaviourOptions)) tea.Cmd {
	return func() tea.Msg {
		err := pol.Change(context.Background(), app.ChangeBehaviourSettings, "", func(ctx context.Context) error {
			o, err := db.BehaviourSettings(ctx)
			if err != nil {
				return err
			}
			change(&o)
			return db.SetBehaviourSettings(ctx, o)
		})
		if err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{say: model.Say(msgSavedReload), reload: true}
	}
}

// setDateCmd saves the analysis date typed ("" = the default) and reloads.
func setDateCmd(loc locale.Locale, pol *app.Policy, db *app.Database, typed string) tea.Cmd {
	typed = strings.TrimSpace(typed)
	var day time.Time
	if typed != "" {
		d, err := app.ParseDay(typed)
		if err != nil {
			return common.Status(loc.Error(err), true)
		}
		day = d
	}
	return saveSettings(pol, db, func(o *app.BehaviourOptions) { o.AnalysisDate = day })
}

// freezeCmd freezes the session's cut-offs under name; the clock is read
// here, once, as the caller's.
func freezeCmd(pol *app.Policy, s *common.Session, name string) tea.Cmd {
	now := time.Now().UTC()
	return func() tea.Msg {
		var f app.FrozenRFM
		err := pol.Change(context.Background(), app.ChangeRFMFrozen, "", func(ctx context.Context) (err error) {
			f, err = s.FreezeRFM(ctx, strings.TrimSpace(name), now)
			return err
		})
		if err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{say: model.Say(msgFrozenDone, f.Name, f.Version)}
	}
}

// saveSegmentsCmd saves each segment of the table as a saved segment
// ("RFM Champions", ...), so it can be edited, combined and exported like
// any other.
func saveSegmentsCmd(pol *app.Policy, s *common.Session, defs []rfm.Definition) tea.Cmd {
	return func() tea.Msg {
		ctx := context.Background()
		lib, err := s.DB.Library(ctx)
		if err != nil {
			return doneMsg{err: err}
		}
		for _, d := range defs {
			n, err := segment.Parse(d.Rule)
			if err != nil {
				return doneMsg{err: err}
			}
			if _, err := pol.SaveSegment(ctx, s, lib, segPrefix+d.Name, n); err != nil {
				return doneMsg{err: err}
			}
		}
		return doneMsg{say: model.Say(msgSegsSaved, len(defs), segPrefix)}
	}
}

// distribution is one measure's histogram: equal-width bins from the
// smallest value to the 99th percentile, and a last bin for the rest, so
// a few very large customers do not squeeze everyone into one bar.
type distribution struct {
	name   string
	n      int
	edges  []float64 // len(counts)+1; the last bin is [edges[k-1], max]
	counts []int
	over   bool // the last bin holds the values above the 99th percentile
}

type distMsg struct{ dists []distribution }

// distBinsFor is how many bars each of the three distributions gets in a
// body of height h (a title per distribution, the header and the curve).
func distBinsFor(h int) int { return max(3, min(8, (h-3)/3-1)) }

// distCmd bins the three measures of the customers with scores (those
// with a purchase on or before the analysis date).
func distCmd(s *common.Session, bins int) tea.Cmd {
	b := s.Behaviour
	return func() tea.Msg {
		if b == nil || b.RFM == nil || b.RFM.Scores == nil {
			return distMsg{dists: []distribution{}}
		}
		m, sc := b.RFM.Measures, b.RFM.Scores
		out := make([]distribution, 0, 3)
		for k, vals := range [][]float64{m.Recency, m.Frequency, m.Monetary} {
			var v []float64
			for i, x := range vals {
				if sc.R[i] != 0 {
					v = append(v, x)
				}
			}
			out = append(out, distributionOf(distNames[k], v, bins))
		}
		return distMsg{dists: out}
	}
}

// distributionOf bins values v (reordered in place).
func distributionOf(name string, v []float64, bins int) distribution {
	d := distribution{name: name, n: len(v)}
	if len(v) == 0 {
		return d
	}
	slices.Sort(v)
	lo, hi := v[0], v[len(v)-1]
	p99 := v[int(math.Ceil(0.99*float64(len(v))))-1]
	top := hi
	if p99 < hi && p99 > lo {
		top, d.over = p99, true
	}
	k := bins
	if d.over {
		k--
	}
	width := (top - lo) / float64(k)
	if width <= 0 {
		width, k = 1, 1
	}
	whole := lo == math.Trunc(lo) && top == math.Trunc(top)
	if whole {
		width = math.Ceil(width)
	}
	for i := 0; i <= k; i++ {
		d.edges = append(d.edges, lo+float64(i)*width)
	}
	if d.over && hi > d.edges[len(d.edges)-1] {
		d.edges = append(d.edges, hi)
	} else {
		d.over = false
	}
	d.counts = make([]int, len(d.edges)-1)
	j := 0
	for _, x := range v {
		for j < len(d.counts)-1 && x >= d.edges[j+1] {
			j++
		}
		d.counts[j]++
	}
	return d
}
