package explore

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/ui/common"
)

// copyCmd puts text on the terminal's clipboard through OSC 52, which also
// works over SSH, and says so in the status line (done, already in the
// user's language).
func copyCmd(text, done string) tea.Cmd {
	return tea.Batch(tea.SetClipboard(text), common.Status(done, false))
}

// copyDist copies the distribution under the cursor as tab-separated
// label, count and share lines.
func (m *Model) copyDist() tea.Cmd {
	d := m.current()
	if d == nil {
		return common.Status(m.T(msgStillComputed), true)
	}
	var b strings.Builder
	b.WriteString(m.T(msgDistHeader, m.column().Meta().Name) + "\n")
	line := func(label string, n, total int) {
		fmt.Fprintf(&b, "%s\t%d\t%s\n", label, n, m.common.Percent(float64(n)/float64(max(1, total))))
	}
	switch {
	case d.hist != nil:
		for i, n := range d.hist.Counts {
			lo, hi := d.hist.Edges[i], d.hist.Edges[i+1]
			switch {
			case d.hist.Whole && hi-1 > lo:
				line(fmt.Sprintf("%v–%v", lo, hi-1), n, d.summary.Count)
			case d.hist.Whole:
				line(fmt.Sprintf("%v", lo), n, d.summary.Count)
			default:
				line(fmt.Sprintf("%v–%v", lo, hi), n, d.summary.Count)
			}
		}
	case d.dates != nil:
		for _, g := range d.dates {
			line(m.dateLabel(g, d.key.dateBy), g.Count, d.summary.Count)
		}
	case d.text != nil:
		for _, v := range d.text.Top {
			line(v.Value, v.Count, d.text.Count)
		}
	default:
		total := 0
		for _, v := range d.values {
			total += v.Count
		}
		for _, v := range d.values {
			line(m.valueName(m.column(), v.Value), v.Count, total)
		}
	}
	return copyCmd(b.String(), m.T(msgCopiedDist, m.column().Meta().Name))
}
