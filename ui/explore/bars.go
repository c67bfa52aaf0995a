package explore

import (
	"fmt"
	"math"

	"github.com/pulpero/pulpero/ui/common"
)

// barRow is one bar of a histogram or frequency chart.
type barRow struct {
	label string
	value string // a category's value as stored, for a rule (label may be its translation)
	count int
	muted bool  // "other": an aggregate, drawn in the second colour
	code  int32 // dictionary code of a categorical's value, for ordering by value

	lo, hi         float64 // a histogram bin's edges, for a range condition
	cursor, marked bool    // under the bar cursor / marked for a segment condition
}

// renderBars draws rows as label, bar, count and share of total, in width
// cells; bars are scaled to the largest count so the shape is readable
// even when one value dominates. Folded bars ("other") do not set
// the scale, they are cut at full width. Pure: tested through the golden files.
func renderBars(c *common.Common, rows []barRow, total, width int) []string {
	st := c.Styles
	if len(rows) == 0 {
		return nil
	}
	labelW, countW, maxCount := 1, 1, 1
	for _, r := range rows {
		w := len([]rune(r.label))
		if r.marked {
			w += 2 // "✓ "
		}
		labelW = max(labelW, w)
		countW = max(countW, len(c.Int(r.count)))
		if !r.muted {
			maxCount = max(maxCount, r.count)
		}
	}
	const shareW = 6
	labelW = min(labelW, max(6, width*2/5))
	counts := width >= narrowBars // a narrow pane keeps the share, drops the count
	if !counts {
		countW = -1 // and its separating space
	}
	barW := max(1, width-labelW-countW-shareW-3)
	out := make([]string, len(rows))
	for i, r := range rows {
		share := math.NaN()
		if total > 0 {
			share = float64(r.count) / float64(total)
		}
		style := st.Bar
		if r.muted {
			style = st.BarAlt
		}
		bar := common.Pad(common.Bar(min(1, float64(r.count)/float64(maxCount)), barW), barW)
		label := r.label
		if r.marked {
			label = "✓ " + label
		}
		label = common.Pad(label, labelW)
		if r.cursor {
			label = st.Selected.Render(label)
		}
		count := ""
		if counts {
			count = common.PadLeft(c.Int(r.count), countW) + " "
		}
		out[i] = label + " " + style.Render(bar) + " " + count + common.PadLeft(c.Percent(share), shareW)
	}
	return out
}

// narrowBars is the pane width below which bars show their share only:
// with the count as well, a 35-cell pane left bars one cell wide.
const narrowBars = 40

// short formats a number in at most about 7 cells: 950, 12.5k, 3.2M (with
// the user's decimal mark: 12,5k in Spain).
// short is shortPoint in the session's number format (5.000, 12,5k in
// Spain; English as shortPoint writes it).
func (m *Model) short(v float64) string { return m.common.Figure(shortPoint(v)) }

func shortPoint(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsNaN(v):
		return "–"
	case a >= 1e9:
		return trimZero(fmt.Sprintf("%.3g", v/1e9)) + "G"
	case a >= 1e6:
		return trimZero(fmt.Sprintf("%.3g", v/1e6)) + "M"
	case a >= 1e4:
		return trimZero(fmt.Sprintf("%.3g", v/1e3)) + "k"
	case v == math.Trunc(v):
		return fmt.Sprint(int64(v))
	case a >= 100:
		return fmt.Sprintf("%.0f", v)
	case a >= 1:
		return trimZero(fmt.Sprintf("%.2f", v))
	}
	return fmt.Sprintf("%.3g", v)
}

func trimZero(s string) string {
	for len(s) > 1 && s[len(s)-1] == '0' && containsDot(s) {
		s = s[:len(s)-1]
	}
	if len(s) > 1 && s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}

func containsDot(s string) bool {
	for _, r := range s {
		if r == '.' {
			return true
		}
	}
	return false
}
