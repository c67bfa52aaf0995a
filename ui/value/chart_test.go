package value

import (
	"math"
	"strings"
	"testing"
)

// TestPlotDiagonal: a series rising by one per period, on a grid with one
// column per period and one row per unit, is the diagonal from the
// bottom-left to the top-right corner (rows come top first).
func TestPlotDiagonal(t *testing.T) {
	n := 9
	s := make([]float64, n)
	for i := range s {
		s[i] = float64(i)
	}
	g := plot(s, nil, -1, float64(n-1), n, n)
	for r := range n {
		for c := range n {
			want := markNone
			if r == n-1-c {
				want = markActual
			}
			if g[r][c] != want {
				t.Fatalf("cell (%d,%d) = %d, want %d", r, c, g[r][c], want)
			}
		}
	}
}

// TestPlotMarks: both series in one cell, the split column, and values
// that are not numbers (never drawn).
func TestPlotMarks(t *testing.T) {
	a := []float64{0, 5, 10, math.NaN()}
	e := []float64{0, 4, 10, 10}
	g := plot(a, e, 1, 10, 4, 11)
	if g[10][0] != markBoth || g[0][2] != markBoth {
		t.Errorf("shared cells: %v %v", g[10][0], g[0][2])
	}
	if g[5][1] != markActual || g[6][1] != markExpected || g[0][1] != markSplit {
		t.Errorf("column 1: actual %v, expected %v, split %v", g[5][1], g[6][1], g[0][1])
	}
	if g[0][3] != markExpected {
		t.Errorf("the NaN was drawn over the expected value: %v", g[0][3])
	}
	if len(plot(nil, nil, -1, 10, 5, 3)) != 3 || len(plot(a, e, 1, 0, 5, 3)[0]) != 5 {
		t.Error("an empty or zero-scale chart is not a blank grid")
	}
}

func TestNiceTopAndAxis(t *testing.T) {
	for x, want := range map[float64]float64{0: 1, 0.7: 0.8, 1: 1, 2600: 3000, 9100: 10000, 151: 200, 12: 15} {
		if got := niceTop(x); math.Abs(got-want) > 1e-9*want {
			t.Errorf("niceTop(%v) = %v, want %v", x, got, want)
		}
	}
	got := xAxis("2024-01-05", "2025-05-02", "2025-12-31", 5, 11, 60)
	if !strings.HasPrefix(got, "2024-01-05") || !strings.HasSuffix(got, "2025-12-31") || strings.Index(got, "2025-05-02") != 30-5 {
		t.Errorf("axis %q", got)
	}
	// no room for the middle date: it is left out, not overlapped
	if got := xAxis("2024-01-05", "2025-05-02", "2025-12-31", 1, 11, 24); strings.Contains(got, "2025-05-02") || len(got) != 24 {
		t.Errorf("axis %q", got)
	}
}
