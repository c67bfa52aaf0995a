package rfm

import (
	"errors"
	"fmt"
)

// Cell is one cell of the R × F grid. MeanMonetary is 0 when the cell has
// no customers (check Customers).
type Cell struct {
	Customers    int
	Monetary     float64 // Σ monetary
	MeanMonetary float64
}

// Grid is the R × F grid of rfm's heat map: Cells[r−1][f−1] are the
// customers with r_score r and f_score f, with their monetary value.
type Grid struct {
	RBins, FBins int
	Cells        [][]Cell
}

// RFGrid counts the scored customers per recency and frequency score and
// their mean monetary value, as rfm_heatmap shows.
func RFGrid(t Thresholds, s *Scores, m Measures) (Grid, error) {
	if err := check(s, m); err != nil {
		return Grid{}, err
	}
	g := Grid{RBins: t.Recency.Bins, FBins: t.Frequency.Bins, Cells: make([][]Cell, t.Recency.Bins)}
	for r := range g.Cells {
		g.Cells[r] = make([]Cell, t.Frequency.Bins)
	}
	for i, r := range s.R {
		if r == 0 || int(r) > g.RBins || int(s.F[i]) > g.FBins {
			continue
		}
		c := &g.Cells[r-1][s.F[i]-1]
		c.Customers++
		c.Monetary += m.Monetary[i]
	}
	for r := range g.Cells {
		for f := range g.Cells[r] {
			if c := &g.Cells[r][f]; c.Customers > 0 {
				c.MeanMonetary = c.Monetary / float64(c.Customers)
			}
		}
	}
	return g, nil
}

func check(s *Scores, m Measures) error {
	if err := m.validate(); err != nil {
		return err
	}
	if len(s.R) != m.Len() {
		return fmt.Errorf(errScores, len(s.R), m.Len())
	}
	if s.Scored == 0 {
		return errors.New(errNoneScored)
	}
	return nil
}

// SegmentStats describes one segment. Shares are of the scored customers
// and of their total monetary value; means are over the segment's
// customers (0 for an empty segment).
type SegmentStats struct {
	Name          string
	Customers     int
	CustomerShare float64
	Revenue       float64 // Σ monetary
	RevenueShare  float64 // Revenue / total; 0 when RevenueShares is false
	// Mean measures (days, purchases, value) and mean scores.
	MeanRecency, MeanFrequency, MeanMonetary float64
	MeanR, MeanF, MeanM                      float64
}

// SegmentSummary is the table of segments for a screen.
type SegmentSummary struct {
	Segments  []SegmentStats // in table order, then Others
	Customers int            // scored customers
	Revenue   float64        // their Σ monetary
	// RevenueShares is false when Revenue ≤ 0: shares of a total that is
	// not positive mean nothing, and are left at 0.
	RevenueShares bool
}

// Summarize computes, per segment of t's table, the customers, their share,
// their share of revenue (Σ monetary) and their mean measures and scores.
func Summarize(t Thresholds, s *Scores, m Measures) (SegmentSummary, error) {
	if err := check(s, m); err != nil {
		return SegmentSummary{}, err
	}
	names := t.Segments.Names()
	out := SegmentSummary{Segments: make([]SegmentStats, len(names))}
	type sums struct{ rec, freq, rs, fs, ms float64 }
	acc := make([]sums, len(names))
	for i, seg := range s.Segment {
		if seg < 0 || int(seg) >= len(names) {
			continue
		}
		st, a := &out.Segments[seg], &acc[seg]
		st.Customers++
		st.Revenue += m.Monetary[i]
		a.rec += m.Recency[i]
		a.freq += m.Frequency[i]
		a.rs += float64(s.R[i])
		a.fs += float64(s.F[i])
		a.ms += float64(s.M[i])
		out.Customers++
		out.Revenue += m.Monetary[i]
	}
	out.RevenueShares = out.Revenue > 0
	for k := range out.Segments {
		st, a := &out.Segments[k], acc[k]
		st.Name = names[k]
		st.CustomerShare = float64(st.Customers) / float64(out.Customers)
		if out.RevenueShares {
			st.RevenueShare = st.Revenue / out.Revenue
		}
		if c := float64(st.Customers); c > 0 {
			st.MeanRecency, st.MeanFrequency, st.MeanMonetary = a.rec/c, a.freq/c, st.Revenue/c
			st.MeanR, st.MeanF, st.MeanM = a.rs/c, a.fs/c, a.ms/c
		}
	}
	return out, nil
}
