package rfm

import (
	"testing"

	"github.com/pulpero/pulpero/analysis/behaviour"
)

// TestFromBehaviour wires behaviour's columns into scoring as the lead will:
// customers without purchases (recency NULL) are not scored.
func TestFromBehaviour(t *testing.T) {
	p := &behaviour.Purchases{
		Customer: []int32{0, 0, 1, 2, 2, 2, 3, -1},
		Day:      []int32{100, 150, 120, 10, 50, 190, 60, 70},
		Sales:    []float64{20, 30, 5, 100, 100, 100, 0, 9},
		Returned: []float64{0, 0, 0, 0, 0, 0, 4, 0},
	}
	res, err := behaviour.Compute(p, nil, behaviour.Options{Customers: 5})
	if err != nil {
		t.Fatal(err)
	}
	m, err := FromColumns(res.Column(behaviour.ColRecencyDays), res.Column(behaviour.ColFrequency), res.Column(behaviour.ColMonetary))
	if err != nil {
		t.Fatal(err)
	}
	s, th, err := Score(m, Options{AnalysisDay: res.Summary.AnalysisDay})
	if err != nil {
		t.Fatal(err)
	}
	// customers 3 (returns only) and 4 (nothing) have no purchase
	if s.Scored != 3 || s.R[3] != 0 || s.R[4] != 0 || th.Customers != 3 || th.AnalysisDay != 191 {
		t.Errorf("scored %d, r %v, fitted on %d at %d", s.Scored, s.R, th.Customers, th.AnalysisDay)
	}
	// recency 41, 71, 1 and frequency 2, 1, 3: checked by R's rule in the oracle
	for i, c := range []struct {
		x       []float64
		got     []int8
		reverse bool
	}{{[]float64{41, 71, 1}, s.R, true}, {[]float64{2, 1, 3}, s.F, false}, {[]float64{50, 5, 300}, s.M, false}} {
		want := rLoopScores(c.x, oracleEdges(c.x, 5), c.reverse)
		for k := range want {
			if int(c.got[k]) != want[k] {
				t.Errorf("measure %d customer %d: %d, want %d", i, k, c.got[k], want[k])
			}
		}
	}
}
