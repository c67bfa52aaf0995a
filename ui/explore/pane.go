package explore

import (
	"fmt"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// View renders the current view from computed results only: no SQL and no
// scan of a column happens here.
func (m *Model) View() string {
	switch m.view {
	case viewCrossTab:
		return m.crossTabView()
	case viewQuality:
		return m.qualityView()
	case viewRows:
		return m.rowsView()
	}
	st := m.common.Styles
	if len(m.data().Columns) == 0 {
		return "\n  " + st.Subtle.Render(m.T(msgNoColumns))
	}
	return m.join(m.listView(), m.paneView())
}

// paneView renders the right pane for the attribute under the cursor.
func (m *Model) paneView() []string {
	st := m.common.Styles
	w := m.paneWidth()
	c := m.column()
	meta := c.Meta()
	title := meta.Name + " · " + m.kindName(meta.Kind)
	if meta.Derived {
		title += " · " + m.T(msgDerived)
	}
	lines := []string{st.Title.Render(common.Truncate(title, w))}
	if m.view == viewPick {
		lines = append(lines, st.Warn.Render(common.Truncate(m.T(msgPickBanner, m.data().Columns[m.xt.first].Meta().Name), w)))
	} else {
		lines = append(lines, st.Subtle.Render(common.Truncate(m.common.Reason(meta.Note), w)))
	}
	d := m.current()
	if d == nil {
		return append(lines, "", st.Subtle.Render(m.T(msgComputing)))
	}
	var body []string
	switch {
	case d.hist != nil:
		body = m.numberPane(d, w)
	case d.dates != nil || isDate(c):
		body = m.datePane(d, w)
	case d.text != nil:
		body = m.textPane(d, w)
	default:
		body = m.codedPane(d, w)
	}
	return append(lines, body...)
}

// countsLine is the first line of every pane: values and missing (the
// distinct count is in the list beside the name).
func (m *Model) countsLine(values, nulls, w int) string {
	total := values + nulls
	share := 0.0
	if total > 0 {
		share = float64(nulls) / float64(total)
	}
	return common.Truncate(m.T(msgCounts, m.common.Int(values), m.common.Int(nulls), m.common.Percent(share)), w)
}

// bodyRows is how many lines a pane has for bars below its header lines.
func (m *Model) bodyRows(header int) int { return max(1, m.height-2-header) }

// fit keeps the first rows of a chart that does not fit and folds the
// rest into one muted bar, so counts still add up to the total.
func fit(rows []barRow, n int, label string) []barRow {
	if len(rows) <= n {
		return rows
	}
	keep := max(1, n-1)
	folded := barRow{muted: true, label: fmt.Sprintf("%s (%d)", label, len(rows)-keep)}
	for _, r := range rows[keep:] {
		folded.count += r.count
	}
	return append(append([]barRow(nil), rows[:keep]...), folded)
}

// value formats a number of the column's kind for the summary lines.
func (m *Model) value(k model.Kind, v float64) string {
	if k == model.KindDate || k == model.KindDateTime {
		return m.common.Value(k, v)
	}
	return m.short(v)
}
