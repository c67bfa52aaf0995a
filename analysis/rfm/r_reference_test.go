package rfm

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// rCase is one case of testdata/r_reference.json. Those values were computed
// by R 4.2.2 (Debian r-base-core 4.2.2.20221110-2): stats::quantile with its
// default type 7 on seq(0, 1, length.out = bins + 1), following rfm 0.3.0's
// bins(), bins_lower(), bins_upper() (R/utils.R) and the scoring loop of
// rfm_prep_bins (R/rfm-table-transaction.R): edges = quantiles + 1,
// lower = c(min, edges), upper = c(edges, max + 1), score i where
// lower[i] <= x < upper[i], reversed for recency. The numbers are R's own
// output printed with %.17g, not this package's. Custom is set for the cases
// given hand-chosen thresholds, as rfm_table_order(recency_bins = c(...)).
type rCase struct {
	Name    string    `json:"name"`
	Bins    int       `json:"bins"`
	Reverse bool      `json:"reverse"`
	X       []float64 `json:"x"`
	Edges   []float64 `json:"edges"`
	Lower   []float64 `json:"lower"`
	Upper   []float64 `json:"upper"`
	Scores  []int     `json:"scores"`
}

func readRCases(t *testing.T) []rCase {
	t.Helper()
	b, err := os.ReadFile("testdata/r_reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []rCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

// measuresFor puts x in the measure the case scores (recency when reversed,
// else monetary) and neutral values in the others.
func measuresFor(x []float64, reverse bool) Measures {
	ones := make([]float64, len(x))
	for i := range ones {
		ones[i] = 1
	}
	if reverse {
		return Measures{Recency: x, Frequency: ones, Monetary: ones}
	}
	return Measures{Recency: ones, Frequency: ones, Monetary: x}
}

func TestMatchesR(t *testing.T) {
	for _, c := range readRCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			m := measuresFor(c.X, c.Reverse)
			var th Thresholds
			custom := c.Name == "custom_recency" || c.Name == "custom_below_min"
			if custom {
				th = Thresholds{Recency: NewScale(nil), Frequency: NewScale(nil), Monetary: NewScale(nil), Segments: DefaultTable()}
				if c.Reverse {
					th.Recency = NewScale(c.Edges)
				} else {
					th.Monetary = NewScale(c.Edges)
				}
			} else {
				var err error
				opt := Options{RecencyBins: c.Bins, MonetaryBins: c.Bins}
				if th, err = Fit(m, opt); err != nil {
					t.Fatal(err)
				}
			}
			scale := th.Monetary
			if c.Reverse {
				scale = th.Recency
			}
			// bit for bit: the same floating-point operations as R
			if !custom && !slices.Equal(scale.Edges, c.Edges) {
				t.Errorf("edges %v, R %v", scale.Edges, c.Edges)
			}
			if lo, up := scale.Table(); !custom && (!slices.Equal(lo, c.Lower) || !slices.Equal(up, c.Upper)) {
				t.Errorf("table %v %v, R %v %v", lo, up, c.Lower, c.Upper)
			}
			s, err := Apply(th, m)
			if err != nil {
				t.Fatal(err)
			}
			got := s.M
			if c.Reverse {
				got = s.R
			}
			for i, w := range c.Scores {
				if int(got[i]) != w {
					t.Errorf("x = %v: score %d, R %d", c.X[i], got[i], w)
				}
			}
		})
	}
}
