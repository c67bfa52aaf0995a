package explore

import (
	"fmt"

	"github.com/pulpero/pulpero/ui/common"
)

// datePane shows dates counted by year, quarter, month or weekday; when the
// groups do not fit, the earliest are folded into one bar.
func (m *Model) datePane(d *dist, w int) []string {
	st := m.common.Styles
	s := d.summary
	lines := []string{
		m.countsLine(s.Count, s.Nulls, w),
		common.Truncate(fmt.Sprintf("from %s to %s · median %s", value(d.kind, s.Min), value(d.kind, s.Max), value(d.kind, s.Quantiles[2])), w),
		st.Subtle.Render(common.Truncate("by "+d.key.dateBy.String()+"   (d changes)", w)),
	}
	rows := make([]barRow, len(d.dates))
	for i, g := range d.dates {
		rows[i] = barRow{label: g.Label, count: g.Count}
	}
	rows = fit(rows, m.bodyRows(len(lines)), "earlier", false)
	return append(lines, renderBars(st, rows, s.Count, w)...)
}
