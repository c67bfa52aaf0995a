package explore

import (
	"fmt"

	"github.com/pulpero/pulpero/analysis"

	"github.com/pulpero/pulpero/ui/common"
)

// numberHeader is the number of lines a number pane uses above its bars,
// with the title and note lines (see maxBins).
const numberHeader = 5

// maxBins is how many histogram bars fit in the pane.
func (m *Model) maxBins() int { return m.bodyRows(numberHeader) }

// numberPane shows the summary statistics and the histogram.
func (m *Model) numberPane(d *dist, w int) []string {
	st := m.common.Styles
	s, h, k := d.summary, d.hist, d.kind
	lines := []string{
		m.countsLine(s.Count, s.Nulls, w),
		common.Truncate(fmt.Sprintf("mean %s · std %s", value(k, s.Mean), value(k, s.Std)), w),
		common.Truncate(fmt.Sprintf("min %s · p5 %s · p25 %s · median %s", value(k, s.Min), value(k, s.Quantiles[0]), value(k, s.Quantiles[1]), value(k, s.Quantiles[2])), w),
		common.Truncate(fmt.Sprintf("p75 %s · p95 %s · max %s", value(k, s.Quantiles[3]), value(k, s.Quantiles[4]), value(k, s.Max)), w),
		st.Subtle.Render(common.Truncate(binsLine(d), w)),
	}
	return append(lines, renderBars(st, m.marks(d, numberRows(h)), s.Count, w)...)
}

// numberRows are a histogram's bars, each knowing its edges.
func numberRows(h *analysis.Histogram) []barRow {
	rows := make([]barRow, len(h.Counts))
	for i, n := range h.Counts {
		lo, hi := h.Edges[i], h.Edges[i+1]
		label := short(lo) + "–" + short(hi)
		if h.Whole {
			// whole numbers lo … hi-1: the label and the rule say so
			hi--
			label = short(lo)
			if hi > lo {
				label += "–" + short(hi)
			}
		}
		rows[i] = barRow{label: label, count: n, lo: lo, hi: hi}
	}
	return rows
}

func binsLine(d *dist) string {
	mode := "equal width"
	switch {
	case d.key.log:
		mode = "log scale"
	case d.key.mode == binsQuantile:
		mode = "quantile"
	}
	return fmt.Sprintf("%d bins · %s   (+ - b l)", len(d.hist.Counts), mode)
}
