package explore

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// distKey handles keys of the distribution view and of picking a cross-tab's
// second attribute (the same list, with a banner).
func (m *Model) distKey(k tea.KeyPressMsg) tea.Cmd {
	if m.moveList(k) {
		return m.ensure()
	}
	switch {
	case key.Matches(k, m.keys.Back) && m.view == viewPick:
		m.view = viewDist
		return nil
	case key.Matches(k, m.keys.CrossTab), key.Matches(k, m.keys.Open) && m.view == viewPick:
		return m.crossTabStep()
	case key.Matches(k, m.keys.Quality):
		return m.openQuality()
	case key.Matches(k, m.keys.Rows):
		return m.openRows(nil, m.T(msgAllCustomers))
	case key.Matches(k, m.keys.Copy):
		return m.copyDist()
	case key.Matches(k, m.keys.BarPrev), key.Matches(k, m.keys.BarNext), key.Matches(k, m.keys.Mark):
		return m.barKey(k)
	case key.Matches(k, m.keys.ToSegment):
		return m.toSegment()
	}
	if !m.changeSettings(k) {
		return m.whyNot(k)
	}
	return m.ensure()
}

// whyNot says why a setting key does nothing on the attribute under the
// cursor (+ on a date, s on a number, d on a category), instead of nothing.
func (m *Model) whyNot(k tea.KeyPressMsg) tea.Cmd {
	c := m.column()
	if c == nil {
		return nil
	}
	name := c.Meta().Name
	a := m.attrKind()
	var why string
	switch {
	case key.Matches(k, m.keys.MoreBins, m.keys.FewerBins, m.keys.BinMode, m.keys.LogScale):
		why = map[attrKind]string{attrDate: msgBinsDate, attrCoded: msgBinsCoded, attrText: msgBinsText}[a]
	case key.Matches(k, m.keys.SortBy):
		why = map[attrKind]string{attrNumber: msgSortNumber, attrDate: msgSortDate, attrText: msgSortText}[a]
	case key.Matches(k, m.keys.DateBy):
		why = msgDateByNotDate
	default:
		return nil
	}
	return common.Status(m.T(why, name, m.kindName(c.Meta().Kind)), true)
}

// moveList moves the attribute cursor; it reports whether k was a move.
func (m *Model) moveList(k tea.KeyPressMsg) bool {
	n := len(m.data().Columns)
	page := max(1, m.listRows()-1)
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor--
	case key.Matches(k, m.keys.Down):
		m.cursor++
	case key.Matches(k, m.keys.Top):
		m.cursor = 0
	case key.Matches(k, m.keys.Bottom):
		m.cursor = n - 1
	case key.Matches(k, m.keys.PageUp):
		m.cursor -= page
	case key.Matches(k, m.keys.PageDown):
		m.cursor += page
	default:
		return false
	}
	m.cursor = max(0, min(n-1, m.cursor))
	m.scrollList()
	return true
}

func (m *Model) scrollList() {
	rows := m.listRows()
	if m.cursor < m.top {
		m.top = m.cursor
	} else if m.cursor >= m.top+rows {
		m.top = m.cursor - rows + 1
	}
	m.top = max(0, min(m.top, len(m.data().Columns)-rows))
}

// changeSettings applies a distribution setting key; it reports whether k
// was one and applies to the attribute under the cursor. A key that does
// not apply says why in the status line instead of doing nothing silently.
func (m *Model) changeSettings(k tea.KeyPressMsg) bool {
	c := m.column()
	if c == nil {
		return false
	}
	number, date := isNumber(c), isDate(c)
	switch {
	case key.Matches(k, m.keys.MoreBins, m.keys.FewerBins) && number:
		cur := keyFor(m.cursor, c, m.set, m.maxBins()).bins
		if key.Matches(k, m.keys.MoreBins) {
			m.set.bins = min(cur+1, m.maxBins())
		} else {
			m.set.bins = max(1, cur-1)
		}
	case key.Matches(k, m.keys.BinMode) && number:
		m.set.mode = (m.set.mode + 1) % 2
		m.set.log = false
	case key.Matches(k, m.keys.LogScale) && number:
		m.set.log = !m.set.log
	case key.Matches(k, m.keys.SortBy) && isCoded(c):
		m.set.byValue = !m.set.byValue
	case key.Matches(k, m.keys.DateBy) && date:
		m.set.dateBy = (m.set.dateBy + 1) % (analysis.ByWeekday + 1)
	default:
		return false
	}
	return true
}

func isNumber(c model.Column) bool {
	x, ok := c.(*model.NumberColumn)
	return ok && x.Kind != model.KindDate && x.Kind != model.KindDateTime
}

func isDate(c model.Column) bool {
	x, ok := c.(*model.NumberColumn)
	return ok && (x.Kind == model.KindDate || x.Kind == model.KindDateTime)
}

func isCoded(c model.Column) bool { _, ok := c.(*model.CodedColumn); return ok }
