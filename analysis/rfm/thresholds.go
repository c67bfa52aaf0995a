package rfm

import (
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/pulpero/pulpero/analysis"
)

// DefaultBins is the number of bins of each measure when none is given.
const DefaultBins = 5

// Scale is one measure's bins: Edges are R rfm's `bins` (the inner
// thresholds, quantile + 1), never decreasing. Min and Max are the smallest
// and largest values of the data the edges were fitted on (0 for hand-made
// edges), kept to show R's threshold table; scoring does not use them.
type Scale struct {
	Bins  int       `json:"bins"`
	Edges []float64 `json:"edges"`
	Min   float64   `json:"min"`
	Max   float64   `json:"max"`
}

// NewScale makes a scale from hand-chosen edges, as R's rfm_table_order
// takes a vector of thresholds: len(edges)+1 bins.
func NewScale(edges []float64) Scale {
	return Scale{Bins: len(edges) + 1, Edges: append([]float64(nil), edges...)}
}

// Bin returns the 1-based bin of v: 1 + the number of edges ≤ v, i.e. the i
// with Edges[i−2] ≤ v < Edges[i−1] (bin 1 open below, the last open above).
func (s Scale) Bin(v float64) int {
	return 1 + sort.Search(len(s.Edges), func(i int) bool { return s.Edges[i] > v })
}

// Table returns R's threshold table for the scale: lower = (Min, edges...),
// upper = (edges..., Max + 1).
func (s Scale) Table() (lower, upper []float64) {
	lower = append([]float64{s.Min}, s.Edges...)
	upper = append(append([]float64(nil), s.Edges...), s.Max+1)
	return lower, upper
}

func (s Scale) validate(name string) error {
	if s.Bins < 1 || s.Bins > 9 {
		return fmt.Errorf(errBins, name, s.Bins)
	}
	if len(s.Edges) != s.Bins-1 {
		return fmt.Errorf(errEdges, name, s.Bins-1, s.Bins, len(s.Edges))
	}
	for i, e := range s.Edges {
		if !finite(e) || i > 0 && e < s.Edges[i-1] {
			return fmt.Errorf(errEdgeOrder, name, s.Edges)
		}
	}
	return nil
}

// Thresholds are everything needed to score customers: fitted on one data
// set (Fit), saved as JSON, and applied to another (Apply) so that scores
// are comparable over time.
type Thresholds struct {
	Method      string `json:"method"`       // Method
	AnalysisDay int32  `json:"analysis_day"` // days since 1970-01-01 recency was measured at
	Customers   int    `json:"customers"`    // scored customers the edges were fitted on
	Recency     Scale  `json:"recency"`
	Frequency   Scale  `json:"frequency"`
	Monetary    Scale  `json:"monetary"`
	Segments    Table  `json:"segments"`
}

// Validate checks the scales and the segment table.
func (t *Thresholds) Validate() error {
	for _, s := range []struct {
		name string
		s    Scale
	}{{"recency", t.Recency}, {"frequency", t.Frequency}, {"monetary", t.Monetary}} {
		if err := s.s.validate(s.name); err != nil {
			return err
		}
	}
	return t.Segments.Validate()
}

// Scores returns the three scores of one customer's measures: recency
// reversed (Bins + 1 − bin), frequency and monetary as their bin.
func (t *Thresholds) Scores(recency, frequency, monetary float64) (r, f, m int) {
	return t.Recency.Bins + 1 - t.Recency.Bin(recency), t.Frequency.Bin(frequency), t.Monetary.Bin(monetary)
}

// Options choose the bins, the analysis date recorded and the segment table.
type Options struct {
	RecencyBins, FrequencyBins, MonetaryBins int    // 1–9; 0 = DefaultBins
	AnalysisDay                              int32  // recorded in the Thresholds
	Segments                                 *Table // nil = DefaultTable()
}

func orDefault(b int) int {
	if b == 0 {
		return DefaultBins
	}
	return b
}

// Fit computes the thresholds from the scored rows of m, as R rfm 0.3.0's
// rfm_table_order: each measure's edges are its type 7 quantiles at
// 1/k, 2/k, ... plus 1 (see the package documentation). It is an error when
// no row can be scored or a bin count is outside 1–9.
func Fit(m Measures, opt Options) (Thresholds, error) {
	t := Thresholds{Method: Method, AnalysisDay: opt.AnalysisDay, Segments: DefaultTable()}
	if opt.Segments != nil {
		t.Segments = opt.Segments.clone()
	}
	if err := m.validate(); err != nil {
		return t, err
	}
	bins := [3]int{orDefault(opt.RecencyBins), orDefault(opt.FrequencyBins), orDefault(opt.MonetaryBins)}
	for i, name := range []string{"recency", "frequency", "monetary"} {
		if bins[i] < 1 || bins[i] > 9 {
			return t, fmt.Errorf(errBins, name, bins[i])
		}
	}
	cols := [3][]float64{m.Recency, m.Frequency, m.Monetary}
	scored := 0
	for i := range m.Len() {
		if m.scored(i) {
			scored++
		}
	}
	var vals [3][]float64
	for k := range vals {
		vals[k] = make([]float64, 0, scored)
	}
	for i := range m.Len() {
		if m.scored(i) {
			for k := range vals {
				vals[k] = append(vals[k], cols[k][i])
			}
		}
	}
	if len(vals[0]) == 0 {
		return t, errors.New(errNoneScored)
	}
	t.Customers = len(vals[0])
	var scales [3]Scale
	var wg sync.WaitGroup
	for k := range vals {
		wg.Go(func() {
			v := vals[k]
			analysis.PlaceAt(v, edgeIndices(len(v), bins[k])) // v is sorted where rEdges, Min and Max read it
			scales[k] = Scale{Bins: bins[k], Edges: rEdges(v, bins[k]), Min: v[0], Max: v[len(v)-1]}
		})
	}
	wg.Wait()
	t.Recency, t.Frequency, t.Monetary = scales[0], scales[1], scales[2]
	return t, t.Validate()
}
