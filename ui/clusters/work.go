package clusters

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

// Messages of the screen's work; seq ties a reply to the job that asked.
type (
	candidatesMsg struct {
		cands []app.ClusterCandidate
		of    *common.Session // a session replaced since (common.GrewMsg) has its answer dropped
	}
	progressMsg struct {
		seq int
		p   app.ClusterProgress
	}
	doneMsg struct {
		seq       int
		c         *app.Clustering
		err       error
		cancelled bool
	}
	archMsg struct {
		seq int
		cmp *app.ArchetypeComparison
		err error
	}
	savedMsg struct {
		seq     int
		text    string
		err     error
		refresh bool // the archetypes' rules changed: compare again
	}
)

// candidatesCmd reads what clustering would make of each attribute (a pass
// over every column: in the background).
func candidatesCmd(s *common.Session) tea.Cmd {
	if s == nil {
		return nil
	}
	return func() tea.Msg { return candidatesMsg{cands: s.ClusterCandidates(), of: s} }
}

// startJob runs job in a goroutine: progress reports go into ch (dropped
// when the screen is behind: only the latest matters), then the result;
// wait delivers them one by one.
func startJob(ctx context.Context, seq int, ch chan tea.Msg, job func(context.Context, func(app.ClusterProgress)) (*app.Clustering, error)) tea.Cmd {
	return func() tea.Msg {
		go func() {
			progress := func(p app.ClusterProgress) {
				select {
				case ch <- progressMsg{seq: seq, p: p}:
				default:
				}
			}
			c, err := job(ctx, progress)
			ch <- doneMsg{seq: seq, c: c, err: err, cancelled: errors.Is(err, context.Canceled) && ctx.Err() != nil}
			close(ch)
		}()
		return wait(ch)()
	}
}

func wait(ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return msg
	}
}

// compareCmd sets the clusters against the archetypes in use (the saved
// segments' rules, else the preset's).
func compareCmd(s *common.Session, c *app.Clustering, seq int) tea.Cmd {
	return func() tea.Msg {
		lib, err := s.DB.Library(context.Background())
		if err != nil {
			return archMsg{seq: seq, err: err}
		}
		cmp, err := s.CompareArchetypes(lib, c)
		return archMsg{seq: seq, cmp: cmp, err: err}
	}
}

// saveRulesCmd saves each cluster's rule as a segment "PREFIX N".
func saveRulesCmd(cm *common.Common, c *app.Clustering, prefix string) tea.Cmd {
	s, p := cm.Session, cm.Policy
	return func() tea.Msg {
		ctx := context.Background()
		lib, err := s.DB.Library(ctx)
		if err != nil {
			return savedMsg{err: err}
		}
		saved, err := s.SaveClusterRules(ctx, p, lib, prefix, c)
		if err != nil {
			return savedMsg{err: err}
		}
		var first, last string
		n, skipped := 0, 0
		for _, sr := range saved {
			if sr.Skipped != "" {
				skipped++
				continue
			}
			if first == "" {
				first = sr.Name
			}
			last, n = sr.Name, n+1
		}
		more := ""
		if skipped > 0 {
			more = cm.T(msgRulesSkipped, skipped)
		}
		return savedMsg{text: cm.T(msgRulesSaved, n, first, last, more)}
	}
}

// saveLabelsCmd saves each customer's cluster as an attribute; the clock
// is read here, once, as the caller's.
func saveLabelsCmd(cm *common.Common, c *app.Clustering, name string) tea.Cmd {
	s, p := cm.Session, cm.Policy
	now := time.Now().UTC()
	return func() tea.Msg {
		n, err := p.SaveClusterLabels(context.Background(), s, name, c, now)
		if err != nil {
			return savedMsg{err: err}
		}
		return savedMsg{text: cm.T(msgLabelsSaved, name, cm.Int(n))}
	}
}

// saveArchetypesCmd saves the archetypes' starting rules as segments
// (those already saved keep the user's edits).
func saveArchetypesCmd(cm *common.Common, seq int) tea.Cmd {
	s, p := cm.Session, cm.Policy
	return func() tea.Msg {
		ctx := context.Background()
		lib, err := s.DB.Library(ctx)
		if err != nil {
			return savedMsg{err: err}
		}
		saved, err := s.SaveArchetypes(ctx, p, lib, false)
		if err != nil {
			return savedMsg{err: err}
		}
		n := 0
		for _, sr := range saved {
			if sr.Skipped == "" {
				n++
			}
		}
		return savedMsg{seq: seq, text: cm.T(msgArchDone, n), refresh: true}
	}
}
