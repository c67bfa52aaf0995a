package explore

import (
	"github.com/pulpero/pulpero/ui/common"
)

// textPane shows an identifier's or free text's distinct count, lengths and
// most frequent values (for an identifier, repeated ones are the news).
func (m *Model) textPane(d *dist, w int) []string {
	st := m.common.Styles
	t := d.text
	lines := []string{
		common.Truncate(m.T(msgTextCounts, m.common.Int(t.Count), m.common.Int(t.Nulls), m.common.Int(t.Distinct)), w),
		common.Truncate(m.T(msgTextLengths, t.MinLen, t.MeanLen, t.MaxLen), w),
		st.Subtle.Render(m.T(msgMostFrequent)),
	}
	n := m.bodyRows(len(lines))
	var rows []barRow
	shown := 0
	for _, v := range t.Top[:min(len(t.Top), max(1, n-1))] {
		rows = append(rows, barRow{label: v.Value, count: v.Count})
		shown += v.Count
	}
	if rest := t.Count - shown; rest > 0 {
		rows = append(rows, barRow{label: m.T(msgOtherN, m.short(float64(t.Distinct-len(rows)))), count: rest, muted: true})
	}
	return append(lines, renderBars(m.common, rows, t.Count, w)...)
}
