package explore

import (
	"sort"

	"github.com/pulpero/pulpero/ui/common"
)

// codedPane shows a categorical's or boolean's values as bars: the most
// frequent first (or by value), the rest folded into "other".
func (m *Model) codedPane(d *dist, w int) []string {
	st := m.common.Styles
	total := 0
	for _, v := range d.values {
		total += v.Count
	}
	order := msgByCount
	if m.set.byValue {
		order = msgByValue
	}
	lines := []string{
		m.countsLine(total, d.nulls, w),
		st.Subtle.Render(common.Truncate(m.T(order), w)),
	}
	return append(lines, renderBars(m.common, m.marks(d, m.codedRows(d)), total, w)...)
}

// codedRows are the bars on screen, in screen order: the shared source of
// what is drawn and what a selection means.
func (m *Model) codedRows(d *dist) []barRow {
	rows := make([]barRow, len(d.values))
	for i, v := range d.values {
		rows[i] = barRow{label: m.valueName(m.column(), v.Value), value: v.Value, count: v.Count, code: v.Code}
	}
	rows = fit(rows, m.bodyRows(2), m.T(msgOther))
	if m.set.byValue {
		head := rows
		if len(rows) > 0 && rows[len(rows)-1].muted {
			head = rows[:len(rows)-1]
		}
		if m.column().Meta().Derived {
			// derived bands and generations have their natural order in the dictionary
			sort.SliceStable(head, func(i, j int) bool { return head[i].code < head[j].code })
		} else {
			sort.SliceStable(head, func(i, j int) bool { return head[i].label < head[j].label })
		}
	}
	return rows
}
