package value

import "math"

// mark is what one cell of a line chart shows.
type mark uint8

const (
	markNone mark = iota
	markActual
	markExpected
	markBoth
	markSplit // the calibration end's column, where no line passes
)

// plot draws two cumulative series (actual, expected) over w columns and h
// rows: each column samples both series by linear interpolation over the
// periods, each value is put in the row of its height on a scale from 0
// (bottom row) to top; split (a period index, -1 none) marks the column of
// the calibration end. Rows come top first. Values that are not numbers
// are not drawn. It is a pure function of its inputs.
func plot(actual, expected []float64, split int, top float64, w, h int) [][]mark {
	grid := make([][]mark, h)
	for r := range grid {
		grid[r] = make([]mark, w)
	}
	n := max(len(actual), len(expected))
	if n == 0 || w < 1 || h < 1 || !(top > 0) {
		return grid
	}
	at := func(s []float64, c int) (float64, bool) {
		if len(s) == 0 {
			return 0, false
		}
		if len(s) == 1 || w == 1 {
			return s[len(s)-1], true
		}
		t := float64(c) * float64(len(s)-1) / float64(w-1)
		i := int(t)
		if i >= len(s)-1 {
			return s[len(s)-1], true
		}
		f := t - float64(i)
		if f == 0 {
			return s[i], true // on a period: its value alone (a NaN beside it stays out)
		}
		return s[i]*(1-f) + s[i+1]*f, true
	}
	row := func(v float64) int {
		r := int(math.Round((1 - v/top) * float64(h-1)))
		return max(0, min(h-1, r))
	}
	splitCol := -1
	if split >= 0 && n > 1 && w > 1 {
		splitCol = int(math.Round(float64(split) * float64(w-1) / float64(n-1)))
	}
	for c := range w {
		if c == splitCol {
			for r := range grid {
				grid[r][c] = markSplit
			}
		}
		if v, ok := at(expected, c); ok && !math.IsNaN(v) && !math.IsInf(v, 0) {
			grid[row(v)][c] = markExpected
		}
		if v, ok := at(actual, c); ok && !math.IsNaN(v) && !math.IsInf(v, 0) {
			r := row(v)
			if grid[r][c] == markExpected {
				grid[r][c] = markBoth
			} else {
				grid[r][c] = markActual
			}
		}
	}
	return grid
}

// niceTop is the smallest 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k not
// below x (1 for x ≤ 0), so the chart's scale reads well and the lines
// fill most of its height.
func niceTop(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, f := range []float64{1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10} {
		if f*p >= x {
			return f * p
		}
	}
	return 10 * p
}
