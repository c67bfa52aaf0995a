package explore

import (
	"strings"

	"github.com/pulpero/pulpero/model"

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
	s, k := d.summary, d.kind
	v := func(name string, x float64) string { return m.T(name) + " " + m.figure(d, k, x) }
	line2 := []string{v(msgMin, s.Min), v("p5", s.Quantiles[0]), v("p25", s.Quantiles[1]), v(msgMedian, s.Quantiles[2])}
	line3 := []string{v("p75", s.Quantiles[3]), v("p95", s.Quantiles[4]), v(msgMax, s.Max)}
	if n := len([]rune(strings.Join(line2, " · "))); n > w {
		// narrow: the middle and the ends first, the tails below
		line2 = []string{v(msgMin, s.Min), v(msgMedian, s.Quantiles[2]), v(msgMax, s.Max)}
		line3 = []string{v("p5", s.Quantiles[0]), v("p25", s.Quantiles[1]), v("p75", s.Quantiles[3]), v("p95", s.Quantiles[4])}
	}
	lines := []string{
		m.countsLine(s.Count, s.Nulls, w),
		fitItems([]string{v(msgMean, s.Mean), v(msgStd, s.Std)}, w),
		fitItems(line2, w),
		fitItems(line3, w),
		st.Subtle.Render(common.Truncate(m.binsLine(d), w)),
	}
	return append(lines, renderBars(m.common, m.marks(d, m.numberRows(d)), s.Count, w)...)
}

// figure is a number of d's column as the pane writes it: m.value, except
// that years are written as years, ungrouped, in every language.
func (m *Model) figure(d *dist, k model.Kind, v float64) string {
	if d.year {
		return shortPoint(v)
	}
	return m.value(k, v)
}

// numberRows are a histogram's bars, each knowing its edges.
func (m *Model) numberRows(d *dist) []barRow {
	h := d.hist
	rows := make([]barRow, len(h.Counts))
	for i, n := range h.Counts {
		lo, hi := h.Edges[i], h.Edges[i+1]
		label := m.figure(d, d.kind, lo) + "–" + m.figure(d, d.kind, hi)
		if h.Whole {
			// whole numbers lo … hi-1: the label and the rule say so
			hi--
			label = m.figure(d, d.kind, lo)
			if hi > lo {
				label += "–" + m.figure(d, d.kind, hi)
			}
		}
		rows[i] = barRow{label: label, count: n, lo: lo, hi: hi}
	}
	return rows
}

func (m *Model) binsLine(d *dist) string {
	mode := msgEqualWidth
	switch {
	case d.key.log:
		mode = msgLogScale
	case d.key.mode == binsQuantile:
		mode = msgQuantile
	}
	return m.T(msgBins, len(d.hist.Counts), m.T(mode))
}

// fitItems joins items with " · " as far as they fit in w cells, whole:
// a figure cut in the middle ("13.4" of "13.4%") would read as another.
func fitItems(items []string, w int) string {
	out := ""
	for _, it := range items {
		next := it
		if out != "" {
			next = out + " · " + it
		}
		if len([]rune(next)) > w {
			break
		}
		out = next
	}
	if out == "" && len(items) > 0 {
		return common.Truncate(items[0], w)
	}
	return out
}
