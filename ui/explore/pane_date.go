package explore

import (
	"fmt"

	"github.com/pulpero/pulpero/ui/common"
)

// datePane shows dates counted by year, quarter, month or weekday; when the
// groups do not fit, neighbouring groups are merged into spans so the whole
// range stays visible.
func (m *Model) datePane(d *dist, w int) []string {
	st := m.common.Styles
	s := d.summary
	lines := []string{
		m.countsLine(s.Count, s.Nulls, w),
		common.Truncate(fmt.Sprintf("%s to %s, median %s", value(d.kind, s.Min), value(d.kind, s.Max), value(d.kind, s.Quantiles[2])), w),
		st.Subtle.Render(common.Truncate("by "+d.key.dateBy.String()+"   (d changes)", w)),
	}
	rows := make([]barRow, len(d.dates))
	for i, g := range d.dates {
		rows[i] = barRow{label: g.Label, count: g.Count}
	}
	rows = merge(rows, m.bodyRows(len(lines)))
	return append(lines, renderBars(st, rows, s.Count, w)...)
}

// merge joins runs of consecutive rows so that at most n remain, labelled
// "first–last"; counts add up, so shares stay exact.
func merge(rows []barRow, n int) []barRow {
	if len(rows) <= n || n < 1 {
		return rows
	}
	per := (len(rows) + n - 1) / n
	var out []barRow
	for i := 0; i < len(rows); i += per {
		run := rows[i:min(len(rows), i+per)]
		r := barRow{label: run[0].label}
		if len(run) > 1 {
			r.label += "–" + run[len(run)-1].label
		}
		for _, x := range run {
			r.count += x.count
		}
		out = append(out, r)
	}
	return out
}
