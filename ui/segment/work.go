package segment

import (
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model/campaign"

	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	seg "github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/ui/common"
)

// Messages of the screen's background work, one per outcome.
type (
	resultMsg struct{ r result }
	baseMsg   struct {
		base *analysis.ProfileBase
		of   *model.Dataset // the data it describes: an older one's is dropped
	}
	sampleMsg struct {
		seq  int
		rows []app.Row
		err  error
	}
	listMsg struct {
		lib *app.Library
		err error
	}
	savedMsg struct {
		name string
		v    app.SegmentVersion
		err  error
	}
)

// compute counts a tree: waterfall, size and (when the base is ready) the
// profile. The evaluator and base are safe to share with a goroutine; the
// tree is never modified after it is built.
func compute(ev *analysis.Evaluator, base *analysis.ProfileBase, reach *analysis.Reach, tree seg.Node, seq int) result {
	steps, rows, err := ev.Waterfall(tree)
	r := result{seq: seq, steps: steps, rows: rows, err: err}
	if err != nil {
		return r
	}
	r.size = rows.Count()
	if reach != nil {
		// the second count: who of them can be contacted, per channel
		for ch := range campaign.NumChannels {
			if reach.Channels[ch].Consent != "" {
				r.reach = append(r.reach, reach.Breakdown(campaign.Channel(ch), rows))
			}
		}
	}
	r.warnings = ev.WarningSentences(tree)
	if base != nil {
		r.profile = base.Profile(rows)
	}
	return r
}

// computeCmd counts in the background without the profile, so the size and
// the waterfall show as soon as they are known; profileCmd follows.
func computeCmd(ev *analysis.Evaluator, reach *analysis.Reach, tree seg.Node, seq int) tea.Cmd {
	return func() tea.Msg { return resultMsg{compute(ev, nil, reach, tree, seq)} }
}

// profileMsg fills in the profile of the count with the same seq.
type profileMsg struct {
	seq     int
	profile []analysis.AttributeProfile
}

func profileCmd(base *analysis.ProfileBase, rows model.Bitset, seq int) tea.Cmd {
	if base == nil || rows == nil {
		return nil
	}
	return func() tea.Msg { return profileMsg{seq: seq, profile: base.Profile(rows)} }
}

func baseCmd(ds *model.Dataset) tea.Cmd {
	return func() tea.Msg { return baseMsg{base: analysis.NewProfileBase(ds), of: ds} }
}

// sampleRows is how many customers of the segment are shown.
const sampleRows = 5

// sampleColumns picks what to show of a sample customer: the personal
// columns (they say who the customer is) then the id, at most four.
func sampleColumns(s *common.Session) []string {
	var out []string
	for _, p := range s.Profiles {
		if p.Personal && len(out) < 3 {
			out = append(out, p.Name)
		}
	}
	for _, p := range s.Profiles {
		if p.Role == model.RoleCustomerID && len(out) < 4 {
			out = append([]string{p.Name}, out...)
		}
	}
	return out
}

// sampleCmd reads the personal columns of the first customers of the
// segment from SQLite: only these few rows, never the column.
func (m *Model) sampleCmd() tea.Cmd {
	s := m.common.Session
	if m.result.rows == nil || s.DB == nil || len(m.sampleCol) == 0 {
		return nil
	}
	var ids []int64
	for _, i := range m.result.rows.Rows(sampleRows) {
		ids = append(ids, s.Data.RowIDs[i])
	}
	cols, seq := m.sampleCol, m.seq
	pol := m.common.Policy // serve: a viewer sees personal values masked
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		rows, err := pol.ReadRows(ctx, s, cols, ids)
		return sampleMsg{seq: seq, rows: rows, err: err}
	}
}

func listCmd(db *app.Database) tea.Cmd {
	return func() tea.Msg {
		lib, err := db.Library(context.Background())
		return listMsg{lib: lib, err: err}
	}
}

// saveCmd counts the segment afresh (a count in flight may be stale) and
// saves it as the next version of name with app's one save, which refuses
// a definition that would reach itself through `in segment` before anything
// is written.
// pol (serve) records who saved; nil for a local user.
func saveCmd(pol *app.Policy, s *common.Session, lib *app.Library, name string, tree seg.Node) tea.Cmd {
	return func() tea.Msg {
		v, err := pol.SaveSegment(context.Background(), s, lib, name, tree)
		return savedMsg{name: name, v: v, err: err}
	}
}

// gotList keeps the saved segments and rebuilds the evaluator so that
// `in segment "NAME"` sees them; the resolver reads a map that is never
// changed afterwards, so Cmds in flight can keep using the old one.
func (m *Model) gotList(msg listMsg) tea.Cmd {
	if msg.err != nil {
		m.listErr = m.sayErr(msg.err)
		return nil
	}
	m.lib, m.saved, m.listErr = msg.lib, msg.lib.Saved(), ""
	m.eval = m.common.Session.Evaluator(msg.lib)
	m.listCursor = min(m.listCursor, max(0, len(m.saved)-1))
	return m.recount()
}

func (m *Model) gotSaved(msg savedMsg) tea.Cmd {
	if msg.err != nil {
		return common.Status(m.t(msgSaving, msg.name, m.sayErr(msg.err)), true)
	}
	m.name = msg.name
	return tea.Batch(listCmd(m.common.Session.DB),
		common.Status(m.t(msgSavedVersion, msg.name, itoa(msg.v.Version), m.common.Int(msg.v.Size)), false))
}
