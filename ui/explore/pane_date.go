package explore

import (
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app/locale"
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
		common.Truncate(m.T(msgDateSpan, m.value(d.kind, s.Min), m.value(d.kind, s.Max), m.value(d.kind, s.Quantiles[2])), w),
		st.Subtle.Render(common.Truncate(m.T(msgDateBy[d.key.dateBy]), w)),
	}
	rows := make([]barRow, len(d.dates))
	for i, g := range d.dates {
		rows[i] = barRow{label: m.dateLabel(g, d.key.dateBy), count: g.Count}
	}
	rows = merge(rows, m.bodyRows(len(lines)))
	return append(lines, renderBars(m.common, rows, s.Count, w)...)
}

// dateLabel is a group's label in the user's language: weekdays and
// quarters are translated (Wed → mié, 2025 Q3 → 2025 T3), months are
// written as the language writes dates (2025-03 in English, 03/2025 in
// Spanish); years read the same in both.
func (m *Model) dateLabel(g analysis.LabelCount, by analysis.DateGrouping) string {
	switch {
	case by == analysis.ByWeekday && g.Key >= 0 && g.Key < len(msgWeekdays):
		return m.T(msgWeekdays[g.Key])
	case by == analysis.ByMonth && m.common.Locale.Lang == locale.Spanish:
		if y, mo, ok := strings.Cut(g.Label, "-"); ok && !strings.HasPrefix(g.Label, "-") {
			return mo + "/" + y
		}
	case by == analysis.ByQuarter:
		year := g.Key / 4
		if g.Key%4 != 0 && g.Key < 0 {
			year--
		}
		return m.T(msgQuarter, strconv.Itoa(year), g.Key-4*year+1)
	}
	return g.Label
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
