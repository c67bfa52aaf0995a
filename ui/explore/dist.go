package explore

import (
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
)

// binMode is how a number column is cut into bins.
type binMode int

const (
	binsEqual binMode = iota
	binsQuantile
)

// settings are the user's choices that change a distribution. They are part
// of the cache key, so going back to an earlier choice is instant too.
type settings struct {
	bins    int // 0: the default for the column and the pane's height
	mode    binMode
	log     bool
	byValue bool // categoricals shown by value instead of count (a view choice, not in the key)
	dateBy  analysis.DateGrouping
}

// distKey names one computed distribution: the column and the settings that
// matter for its kind (others are zeroed so they share one entry).
type distKey struct {
	col int
	of  model.Column // the column itself: one computed again under its name (common.GrewMsg) is another key
	settings
}

// dist is everything the right pane shows for one column; computed once
// per key and never changed after, so a Cmd may build it on another
// goroutine and View may read it without locks.
type dist struct {
	key     distKey
	kind    model.Kind
	year    bool // a birth year: its figures are years, never grouped (1950, not 1.950)
	summary *analysis.Summary
	hist    *analysis.Histogram
	values  []analysis.ValueCount // categoricals and booleans, most frequent first
	nulls   int
	dates   []analysis.LabelCount
	text    *analysis.TextSummary
}

// distMsg carries a distribution computed off the UI goroutine.
type distMsg struct {
	seq int
	d   *dist
}

// keyFor drops the settings that do not apply to a column's kind and fixes
// the bin count to what fits, so equal views share one cache entry.
func keyFor(col int, c model.Column, s settings, maxBins int) distKey {
	k := distKey{col: col, of: c}
	switch x := c.(type) {
	case *model.NumberColumn:
		if x.Kind == model.KindDate || x.Kind == model.KindDateTime {
			k.dateBy = s.dateBy
			return k
		}
		k.mode, k.log = s.mode, s.log
		k.bins = s.bins
		if k.bins == 0 {
			k.bins = analysis.DefaultBins(x.Len())
		}
		k.bins = max(1, min(k.bins, maxBins))
	}
	return k
}

// topText is how many frequent values a text pane lists at most.
const topText = 40

// computeDist computes the distribution of column c under key k. It is a
// pure function of its arguments: safe to run in a Cmd. For numbers and
// dates the summary and the bars are two independent passes over the
// column, so they run side by side on two cores.
func computeDist(c model.Column, k distKey) *dist {
	d := &dist{key: k, kind: c.Meta().Kind, year: c.Meta().Role == model.RoleBirthYear}
	switch x := c.(type) {
	case *model.NumberColumn:
		var s analysis.Summary
		done := make(chan struct{})
		go func() {
			s = analysis.SummarizeQuick(x, nil)
			close(done)
		}()
		if x.Kind == model.KindDate || x.Kind == model.KindDateTime {
			d.dates, d.nulls = analysis.DateCounts(x, nil, k.dateBy)
		} else {
			h := histogram(x, k)
			d.hist = &h
		}
		<-done
		d.summary, d.nulls = &s, s.Nulls
	case *model.CodedColumn:
		d.values, d.nulls = analysis.Frequency(x, nil)
	case *model.TextColumn:
		t := analysis.SummarizeText(x, nil, topText)
		d.text, d.nulls = &t, t.Nulls
	}
	return d
}

func histogram(x *model.NumberColumn, k distKey) analysis.Histogram {
	switch {
	case k.log:
		return analysis.LogHistogram(x, nil, k.bins)
	case k.mode == binsQuantile:
		return analysis.QuantileHistogram(x, nil, k.bins)
	}
	return analysis.EqualWidthHistogram(x, nil, k.bins)
}

// computeDistCmd runs computeDist on the Cmd goroutine; it captures the
// column (immutable after load) and the key, never the model.
func computeDistCmd(c model.Column, k distKey, seq int) tea.Cmd {
	return func() tea.Msg { return distMsg{seq: seq, d: computeDist(c, k)} }
}
