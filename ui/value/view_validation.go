package value

import (
	"math"
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/ui/common"
)

// noValidation is what the validation views show without one.
func (m *Model) noValidation(w int) []string {
	lines := m.header(w)
	if m.rep.ValidErr != "" {
		return append(lines, m.wrapped(w, "", m.common.Styles.Warn.Render(m.t(msgValFailed, m.errSay(m.v.ValidationErr, m.rep.ValidErr))))...)
	}
	return append(lines, "", "  "+m.t(msgNone))
}

// trackingView is the cumulative repeat purchases of the calibration
// customers week by week, actual and expected, as a line chart with the
// calibration end marked: FHL 2005's tracking plot.
func (m *Model) trackingView(w, h int) []string {
	v := m.rep.Validation
	if v == nil {
		return m.noValidation(w)
	}
	st := m.common.Styles
	lines := []string{
		st.Title.Render(m.t(msgTrackTitle, m.day(v.CalibrationEnd), m.day(v.HoldoutEnd))),
		st.Subtle.Render(m.t(msgTrackFigs, m.common.Int(int(v.PredictedHoldout+0.5)), m.common.Int(int(v.ActualHoldout+0.5)),
			m.num(strconv.FormatFloat(v.TotalErrorPct, 'f', 1, 64)), m.corrText(v.Correlation))),
	}
	n := len(v.Tracking)
	act, exp := make([]float64, n), make([]float64, n)
	split, peak := -1, 0.0
	for i, p := range v.Tracking {
		act[i], exp[i] = p.CumActual, p.CumExpected
		peak = max(peak, p.CumActual, p.CumExpected)
		if !p.Holdout {
			split = i
		}
	}
	top := niceTop(peak)
	axis := m.common.Int(int(top))
	lw := len([]rune(axis)) + 1
	ph := max(2, h-len(lines)-2) // the x axis and the legend below
	pw := max(4, w-lw-1)
	grid := plot(act, exp, split, top, pw, ph)
	for r, row := range grid {
		label := ""
		switch r {
		case 0:
			label = axis
		case len(grid) - 1:
			label = "0"
		}
		var b strings.Builder
		for _, c := range row {
			switch c {
			case markActual, markBoth:
				b.WriteString(st.Bar.Render("•"))
			case markExpected:
				b.WriteString(st.BarAlt.Render("·"))
			case markSplit:
				b.WriteString(st.Subtle.Render("│"))
			default:
				b.WriteByte(' ')
			}
		}
		lines = append(lines, common.PadLeft(label, lw-1)+" "+b.String())
	}
	lines = append(lines, strings.Repeat(" ", lw)+xAxis(m.day(v.Tracking[0].End), m.day(v.Tracking[max(0, split)].End), m.day(v.Tracking[n-1].End), split, n, pw))
	return append(lines, st.Subtle.Render(strings.Repeat(" ", lw)+m.t(msgLegendTrack)))
}

// byRepeatView is the mean purchases after the calibration end of the
// customers with 0, 1, …, 7+ purchases in it, expected beside actual:
// FHL 2005's conditional expectations plot.
func (m *Model) byRepeatView(w, h int) []string {
	v := m.rep.Validation
	if v == nil {
		return m.noValidation(w)
	}
	st := m.common.Styles
	lines := []string{st.Title.Render(m.t(msgRepeatTitle, m.day(v.CalibrationEnd))),
		st.Subtle.Render(m.t(msgTrackFigs, m.common.Int(int(v.PredictedHoldout+0.5)), m.common.Int(int(v.ActualHoldout+0.5)),
			m.num(strconv.FormatFloat(v.TotalErrorPct, 'f', 1, 64)), m.corrText(v.Correlation)))}
	peak := 0.0
	for _, g := range v.ByRepeat {
		peak = max(peak, g.Expected, g.Actual)
	}
	const lab, cnt, num = 4, 8, 7
	bw := max(3, (w-lab-cnt-2*num-9)/2) // the columns and their gaps take 9 cells
	lines = append(lines, "", st.Header.Render(common.Pad(colX, lab)+" "+common.PadLeft(m.t(colCount), cnt)+"  "+
		common.Pad(m.t(colExpectedBar), bw+num+1)+"  "+common.Pad(m.t(colActualBar), bw+num+1)))
	for _, g := range v.ByRepeat {
		x := strconv.Itoa(g.X)
		if g.AndMore {
			x += "+"
		}
		bar := func(s float64, style func(...string) string) string {
			if !(peak > 0) {
				return strings.Repeat(" ", bw)
			}
			return style(common.Pad(common.Bar(s/peak, bw), bw))
		}
		lines = append(lines, common.Pad(x, lab)+" "+common.PadLeft(m.common.Int(g.Customers), cnt)+"  "+
			bar(g.Expected, st.Bar.Render)+" "+common.PadLeft(m.num(strconv.FormatFloat(g.Expected, 'f', 2, 64)), num)+"  "+
			bar(g.Actual, st.BarAlt.Render)+" "+common.PadLeft(m.num(strconv.FormatFloat(g.Actual, 'f', 2, 64)), num))
	}
	return lines
}

// xAxis writes the first date at the left, the last at the right and the
// calibration end's under its column when there is room for it.
func xAxis(first, mid, last string, split, n, w int) string {
	row := []rune(strings.Repeat(" ", w))
	put := func(at int, s string) bool {
		r := []rune(s)
		if at < 0 || at+len(r) > w {
			return false
		}
		for i := at; i < at+len(r); i++ {
			if row[i] != ' ' || (i > 0 && row[i-1] != ' ' && i == at) {
				return false
			}
		}
		copy(row[at:], r)
		return true
	}
	put(0, first)
	put(w-len([]rune(last)), last)
	if split >= 0 && n > 1 && w > 1 {
		col := int(math.Round(float64(split) * float64(w-1) / float64(n-1)))
		put(col-len([]rune(mid))/2, mid)
	}
	return strings.TrimRight(string(row), " ")
}
