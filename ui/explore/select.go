package explore

import (
	"sort"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/ui/common"
)

// barSelection is the bars a user marked to turn into a segment rule: the
// values of a categorical, or a range of a histogram's bins. It belongs to
// one distribution (column and settings); moving on clears it.
type barSelection struct {
	key    distKey
	cursor int          // bar under the bar cursor; -1 before [ or ] is pressed
	marked map[int]bool // bar positions on screen
}

// selection returns the selection of d, starting a fresh one when the
// distribution on screen changed.
func (m *Model) selection(d *dist) *barSelection {
	if m.sel == nil || m.sel.key != d.key {
		m.sel = &barSelection{key: d.key, cursor: -1, marked: map[int]bool{}}
	}
	return m.sel
}

// barRows are the bars on screen for d, or nil when its bars cannot become
// a rule (dates are grouped by labels, text has no bars).
func (m *Model) barRows(d *dist) []barRow {
	switch {
	case d == nil:
		return nil
	case d.values != nil:
		return m.codedRows(d)
	case d.hist != nil && d.kind != model.KindDate && d.kind != model.KindDateTime:
		return m.numberRows(d)
	}
	return nil
}

// marks sets the cursor and marked flags of rows from d's selection.
func (m *Model) marks(d *dist, rows []barRow) []barRow {
	if m.sel == nil || m.sel.key != d.key {
		return rows
	}
	for i := range rows {
		rows[i].cursor = i == m.sel.cursor
		rows[i].marked = m.sel.marked[i]
	}
	return rows
}

func (m *Model) barKey(k tea.KeyPressMsg) tea.Cmd {
	d := m.current()
	rows := m.barRows(d)
	if len(rows) == 0 {
		if d == nil {
			return nil // still computing
		}
		return m.noBars()
	}
	s := m.selection(d)
	switch {
	case key.Matches(k, m.keys.BarNext):
		s.cursor = min(len(rows)-1, s.cursor+1)
	case key.Matches(k, m.keys.BarPrev):
		s.cursor = max(0, s.cursor-1)
	case key.Matches(k, m.keys.Mark):
		s.cursor = max(0, s.cursor)
		if rows[s.cursor].muted {
			return common.Status(m.T(msgOtherNotOne), true) // many values: not one condition
		}
		s.marked[s.cursor] = !s.marked[s.cursor]
	}
	return nil
}

// noBars says why the bars of this attribute cannot be marked.
func (m *Model) noBars() tea.Cmd {
	if m.attrKind() == attrDate {
		return common.Status(m.T(msgNoBarsDate, m.column().Meta().Name), true)
	}
	return common.Status(m.T(msgNoBarsText, m.column().Meta().Name), true)
}

// toSegment sends the marked bars (or the bar under the cursor) to the
// Segments screen as a rule and shows that screen.
func (m *Model) toSegment() tea.Cmd {
	d := m.current()
	rows := m.barRows(d)
	if len(rows) == 0 {
		if d == nil {
			return nil
		}
		return m.noBars()
	}
	s := m.selection(d)
	var picked []int
	for i := range rows {
		if s.marked[i] {
			picked = append(picked, i)
		}
	}
	if len(picked) == 0 && s.cursor >= 0 && !rows[s.cursor].muted {
		picked = []int{s.cursor}
	}
	if len(picked) == 0 {
		return common.Status(m.T(msgMarkFirst), true)
	}
	sort.Ints(picked)
	attr := m.column().Meta().Name
	var expr string
	if d.values != nil {
		values := make([]string, len(picked))
		for i, p := range picked {
			values[i] = rows[p].value // the stored value: a rule says it so in every language
		}
		expr = segment.OneOf(attr, values...)
	} else {
		// the bins from the first marked to the last: one range
		expr = segment.NumberBetween(attr, rows[picked[0]].lo, rows[picked[len(picked)-1]].hi)
	}
	m.sel = nil
	return tea.Batch(
		func() tea.Msg { return common.AddConditionMsg{Expr: expr} },
		func() tea.Msg { return common.FocusMsg{Title: segmentsTitle} },
	)
}
