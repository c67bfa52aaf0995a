package segment

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	seg "github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/ui/common"
)

// Saved-segment management: rename, duplicate, delete, history, overlap.
type (
	manageMsg struct {
		text string
		err  error
	}
	historyMsg struct {
		name     string
		versions []app.SegmentVersion
		err      error
	}
	overlapMsg struct {
		names  []string
		sizes  []int
		matrix [][]int
		err    error
	}
)

// savedKeys are the extra keys of the saved-segments list.
type savedKeys struct{ Rename, Duplicate, Delete, History, Overlap key.Binding }

func newSavedKeys() savedKeys {
	return savedKeys{
		key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "rename")),
		key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "duplicate")),
		key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "delete (asks first)")),
		key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "history")),
		key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "overlap")),
	}
}

func (m *Model) selected() (app.SavedSegment, bool) {
	if m.listCursor < 0 || m.listCursor >= len(m.saved) {
		return app.SavedSegment{}, false
	}
	return m.saved[m.listCursor], true
}

// savedKey handles the management keys of the list; ok is false for keys
// it does not own.
func (m *Model) savedKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.skeys
	s, has := m.selected()
	db, pol := m.common.Session.DB, m.common.Policy
	deleting := m.confirmDelete
	m.confirmDelete = false
	switch {
	case key.Matches(msg, k.Overlap):
		m.mode = modeOverlap
		return overlapCmd(m.eval, m.saved), true
	case !has:
		return nil, false
	case key.Matches(msg, k.Rename):
		m.nameFor = "rename"
		return m.startInput(modeName, -1, s.Name), true
	case key.Matches(msg, k.Duplicate):
		m.nameFor = "duplicate"
		return m.startInput(modeName, -1, m.t(msgCopyName, s.Name)), true
	case key.Matches(msg, k.Delete) && !deleting:
		m.confirmDelete = true
		return common.Status(m.t(msgDeleteAgain, s.Name), false), true
	case key.Matches(msg, k.Delete):
		return manageCmd(pol, app.ChangeSegmentDeleted, s.Name, m.t(msgDeleted, s.Name), func(ctx context.Context) error { return db.DeleteSegment(ctx, s.Name) }), true
	case key.Matches(msg, k.History):
		m.mode = modeHistory
		return historyCmd(db, s.Name), true
	}
	return nil, false
}

// acceptManage finishes a rename or duplicate typed in the name field.
func (m *Model) acceptManage(name string) tea.Cmd {
	s, _ := m.selected()
	db := m.common.Session.DB
	m.mode = modeList
	if m.nameFor == "rename" {
		if m.name == s.Name {
			m.name = name
		}
		return manageCmd(m.common.Policy, app.ChangeSegmentRenamed, s.Name, m.t(msgRenamed, s.Name, name), func(ctx context.Context) error { return db.RenameSegment(ctx, s.Name, name) })
	}
	return manageCmd(m.common.Policy, app.ChangeSegmentCopied, name, m.t(msgCopied, s.Name, name), func(ctx context.Context) error {
		_, err := db.DuplicateSegment(ctx, s.Name, name)
		return err
	})
}

// manageCmd runs a change to the saved segments through the policy (a
// viewer of pulpero serve may not rename, delete or copy them).
func manageCmd(pol *app.Policy, c app.Change, segment, done string, f func(context.Context) error) tea.Cmd {
	return func() tea.Msg {
		return manageMsg{text: done, err: pol.Change(context.Background(), c, segment, f)}
	}
}

func historyCmd(db *app.Database, name string) tea.Cmd {
	return func() tea.Msg {
		v, err := db.SegmentHistory(context.Background(), name)
		return historyMsg{name: name, versions: v, err: err}
	}
}

// overlapCmd evaluates every saved segment and their pairwise
// intersections, off the update loop: 20 segments over a million
// customers take a good part of a second.
func overlapCmd(ev *analysis.Evaluator, saved []app.SavedSegment) tea.Cmd {
	return func() tea.Msg {
		var out overlapMsg
		var sets []model.Bitset
		for _, s := range saved {
			tree, err := seg.Parse(s.Latest.Definition)
			var t analysis.Truth
			if err == nil {
				t, err = ev.Eval(tree)
			}
			if err != nil {
				return overlapMsg{err: fmt.Errorf("%s: %w", s.Name, err)}
			}
			out.names, sets = append(out.names, s.Name), append(sets, t.True)
		}
		out.matrix = analysis.Overlap(sets)
		return out
	}
}

func (m *Model) gotManage(msg manageMsg) tea.Cmd {
	if msg.err != nil {
		return common.Status(m.sayErr(msg.err), true)
	}
	return tea.Batch(listCmd(m.common.Session.DB), common.Status(msg.text, false))
}

// historyView lists the versions of a segment, each with what changed
// from the one before.
func (m *Model) historyView() []string {
	st := m.common.Styles
	h := m.history
	out := []string{st.Title.Render(m.t(msgHistoryOf, h.name)) + st.Subtle.Render(m.t(msgGoesBack)), ""}
	if h.err != nil {
		return append(out, "  "+st.Error.Render(m.sayErr(h.err)))
	}
	var prev seg.Node
	for _, v := range h.versions {
		out = append(out, st.Header.Render(m.t(msgVersionLine, v.Version, m.when(v.SavedAt),
			m.common.Int(v.Size), v.Hash[:min(12, len(v.Hash))])))
		tree, err := seg.Parse(v.Definition)
		if err != nil {
			out = append(out, "    "+v.Definition)
			continue
		}
		for _, c := range seg.Diff(prev, tree) {
			switch c.Kind {
			case '+':
				out = append(out, st.Good.Render("  + "+m.show(c.Node)))
			case '-':
				out = append(out, st.Error.Render("  - "+m.show(c.Node)))
			default:
				out = append(out, st.Subtle.Render("    "+m.show(c.Node)))
			}
		}
		prev = tree
	}
	return out
}

// overlapView is the matrix of saved segments: row's customers also in the
// column's segment, as a share of the row's segment.
func (m *Model) overlapView() []string {
	st := m.common.Styles
	o := m.overlap
	out := []string{st.Title.Render(m.t(msgOverlap)) + st.Subtle.Render("  % "+m.t(msgOverlapKey)), ""}
	if o.err != nil {
		return append(out, "  "+st.Error.Render(m.sayErr(o.err)))
	}
	if len(o.names) == 0 {
		return append(out, st.Subtle.Render(m.t(msgNoSavedYet)))
	}
	cell := 8
	head := fmt.Sprintf("  %-18s %10s", "", m.t(msgOverlapSize))
	for i := range o.names {
		head += fmt.Sprintf(" %*s", cell, fmt.Sprintf("#%d", i+1))
	}
	out = append(out, st.Header.Render(head))
	for i, n := range o.names {
		line := fmt.Sprintf("  %-18s %10s", common.Truncate(fmt.Sprintf("#%d %s", i+1, n), 18), m.common.Int(o.matrix[i][i]))
		for j := range o.names {
			c := "–"
			if o.matrix[i][i] > 0 && i != j {
				c = m.common.Percent(float64(o.matrix[i][j]) / float64(o.matrix[i][i]))
			}
			line += fmt.Sprintf(" %*s", cell, c)
		}
		out = append(out, line)
	}
	return append(out, "", st.Subtle.Render("  "+strings.Repeat("·", 3)+m.t(msgOverlapCommand)))
}
