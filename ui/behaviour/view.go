package behaviour

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

// View draws the screen at its size: every line is cut to the width and
// there are never more lines than the height.
func (m *Model) View() string {
	w, h := max(20, m.width), max(3, m.height)
	var lines []string
	b := m.behaviour()
	switch {
	case b == nil || b.Err != nil:
		lines = m.noBehaviourView(b, w)
	case m.view == viewDist:
		lines = m.distView(w, h)
	case m.view == viewSources:
		lines = m.sourcesView(w, h)
	default:
		lines = m.overview(w, h)
	}
	if m.field != fieldNone {
		f := common.FieldLines(&m.input, w)
		lines = append(lines[:max(0, min(len(lines), h-len(f)))], f...)
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "…")
	}
	return strings.Join(lines, "\n")
}

func (m *Model) noBehaviourView(b *app.Behaviour, w int) []string {
	st := m.common.Styles
	if m.common.Session.StillLoading() {
		return append([]string{"", "  " + st.Title.Render(m.t(msgReading)), ""},
			strings.Split("  "+common.Wrap(m.t(msgReadingMore), w-4, "  "), "\n")...)
	}
	lines := []string{"", "  " + st.Title.Render(m.t(msgNoBehaviour))}
	if b != nil && b.Err != nil {
		lines = append(lines, "")
		db := m.common.Session.DB
		msg := strings.ReplaceAll(m.common.Locale.Error(b.Err), db.Path(), db.Name()) // the file's name is enough here
		for _, l := range strings.Split(common.Wrap(msg, w-4, "  "), "\n") {
			lines = append(lines, "  "+strings.TrimLeft(l, " "))
		}
	}
	return lines
}

// header is the lines every view starts with: the analysis date, how the
// cut-offs were made, and how many customers are scored.
func (m *Model) header(w int) []string {
	st := m.common.Styles
	b := m.behaviour()
	date := m.day(b.AnalysisDate)
	asOf := m.t(msgAsOfDefault, date)
	if b.DateSet {
		asOf = m.t(msgAsOfSet, date)
	}
	parts := []string{st.Title.Render(asOf)}
	if res := m.rfm(); res != nil {
		if f := res.Frozen; f != nil {
			parts = append(parts, st.Warn.Render(m.t(msgFrozen, f.Name, f.Version, m.isoDay(f.AnalysisDate))))
		} else {
			parts = append(parts, m.t(msgFollowData))
		}
		parts = append(parts, m.common.Locale.Lookup(res.Thresholds.Segments.Name))
	}
	second := []string{}
	if res := m.rfm(); res != nil {
		second = append(second, m.t(msgScored, m.common.Int(res.Scores.Scored), m.common.Int(m.common.Session.Data.Rows())))
	}
	returns := m.t(msgReturns, m.t(returnRuleTexts[b.ReturnRule()]))
	problems := m.t(msgNoProblem)
	if n := len(b.Problems); n > 0 {
		problems = st.Warn.Render(m.common.Locale.N(n, msgProblem, msgProblems, n))
	}
	if ansi.StringWidth(strings.Join(append(second, returns, problems), " · ")) > w {
		second = append(second, problems, returns) // a narrow window cuts the return rule, not the problems
	} else {
		second = append(second, returns, problems)
	}
	sep := st.Subtle.Render(" · ")
	return []string{strings.Join(parts, sep), st.Subtle.Render(strings.Join(second, " · "))}
}

// overview: the R × F grid, the segments beside it (below it when the
// window is narrow), the line about the thing under the cursor, and the
// revenue concentration.
func (m *Model) overview(w, h int) []string {
	lines := m.header(w)
	res := m.rfm()
	if res == nil {
		return append(lines, "", m.t(msgNoRFM, m.common.Locale.Error(m.behaviour().RFM.Err)))
	}
	grid := m.gridLines(res, w)
	gridW := 0
	for _, l := range grid {
		gridW = max(gridW, ansi.StringWidth(l))
	}
	segW := w - gridW - 3
	side := segW >= 50
	rest := h - len(lines) - 2 // the detail and concentration lines
	var body []string
	if side {
		segs := m.segmentLines(res, segW, max(len(grid), rest))
		for i := 0; i < max(len(grid), len(segs)); i++ {
			g, s := "", ""
			if i < len(grid) {
				g = grid[i]
			}
			if i < len(segs) {
				s = segs[i]
			}
			body = append(body, padTo(g, gridW)+m.common.Styles.Subtle.Render(" │ ")+s)
		}
	} else {
		body = append(body, grid...)
		body = append(body, m.segmentLines(res, w, rest-len(grid))...)
	}
	lines = append(lines, body...)
	lines = append(lines, m.detailLine(res), m.concentrationLine(res))
	return lines
}

func padTo(s string, w int) string {
	if n := ansi.StringWidth(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}

// cellWidth is the width of a grid cell in a window w wide: customers (up
// to 9,999,999) and their mean monetary value (up to 999,999) when they
// fit, else customers alone.
func cellWidth(w, bins int) int { return max(9, min(16, (w-5)/max(1, bins))) }

// gridLines draws the R × F heat map: one row per recency score (5 on
// top), one column per frequency score; shade by customers.
func (m *Model) gridLines(res *app.RFMResult, w int) []string {
	st := m.common.Styles
	g := res.Grid
	most := 1
	for _, row := range g.Cells {
		for _, c := range row {
			most = max(most, c.Customers)
		}
	}
	title := m.t(msgGridTitle)
	if !m.onSegments {
		title = st.Header.Render(title)
	}
	out := []string{title}
	cw := cellWidth(w, g.FBins)
	head := "     "
	for f := 1; f <= g.FBins; f++ {
		head += common.PadLeft(fmt.Sprintf("F%d", f), cw-1) + " "
	}
	out = append(out, st.Subtle.Render(head))
	for r := g.RBins; r >= 1; r-- {
		line := st.Subtle.Render(fmt.Sprintf("  R%d ", r))
		for f := 1; f <= g.FBins; f++ {
			c := g.Cells[r-1][f-1]
			text := common.PadLeft(m.common.Int(c.Customers), cw-1) + " "
			if cw >= 15 {
				mean := ""
				if c.Customers > 0 {
					mean = m.common.Money(c.MeanMonetary)
				}
				text = common.PadLeft(m.common.Int(c.Customers), 7) + common.PadLeft(mean, cw-8) + " "
			}
			shade := st.Shades[min(len(st.Shades)-1, c.Customers*(len(st.Shades)-1)/most)]
			if c.Customers == 0 {
				shade = st.Subtle
			}
			if !m.onSegments && r == m.r && f == m.f {
				shade = st.Selected
			}
			line += shade.Render(text)
		}
		out = append(out, line)
	}
	return out
}

// segmentLines lists the segments in at most rows lines, scrolled to keep
// the cursor in view.
func (m *Model) segmentLines(res *app.RFMResult, w, rows int) []string {
	st := m.common.Styles
	segs := res.Segments.Segments
	revW := max(7, ansi.StringWidth(m.t(colRevenue))) // "ingresos" is wider than "revenue"
	longest := 20                                     // a Spanish name may be longer ("Potencialmente leales")
	for _, s := range segs {
		longest = max(longest, ansi.StringWidth(m.segName(s.Name)))
	}
	nameW := max(10, min(longest, w-37-revW))
	head := fmt.Sprintf("%s %s %s %s %s %s %s", common.Pad(m.t(msgSegTitle), nameW), common.PadLeft(m.t(colCustomers), 9),
		common.PadLeft(m.t(colShare), 6), common.PadLeft(m.t(colRevenue), revW), common.PadLeft(colR, 4), common.PadLeft(colF, 4), common.PadLeft(colM, 4))
	if m.onSegments {
		head = st.Header.Render(head)
	}
	out := []string{head}
	room := max(1, rows-1)
	if len(segs) > room {
		room-- // a line says how many are hidden
	}
	if m.seg < m.top {
		m.top = m.seg
	} else if m.seg >= m.top+room {
		m.top = m.seg - room + 1
	}
	m.top = max(0, min(m.top, len(segs)-room))
	for i := m.top; i < min(len(segs), m.top+room); i++ {
		s := segs[i]
		line := fmt.Sprintf("%s %s %s %s %s %s %s", common.Pad(m.segName(s.Name), nameW), common.PadLeft(m.common.Int(s.Customers), 9),
			common.PadLeft(m.common.Percent(s.CustomerShare), 6), common.PadLeft(m.common.Percent(s.RevenueShare), revW),
			common.PadLeft(m.mean(s.MeanR), 4), common.PadLeft(m.mean(s.MeanF), 4), common.PadLeft(m.mean(s.MeanM), 4))
		if m.onSegments && i == m.seg {
			line = st.Selected.Render(line)
		}
		out = append(out, line)
	}
	if hidden := len(segs) - room; hidden > 0 {
		out = append(out, st.Subtle.Render(m.t(msgHidden, hidden)))
	}
	return out
}

// detailLine says what enter would add.
func (m *Model) detailLine(res *app.RFMResult) string {
	st := m.common.Styles
	if m.onSegments {
		if m.seg < len(res.Segments.Segments) {
			return st.Subtle.Render(m.t(msgSegDetail, m.segName(res.Segments.Segments[m.seg].Name)))
		}
		return ""
	}
	c := res.Grid.Cells[m.r-1][m.f-1]
	return st.Subtle.Render(m.t(msgCellDetail, m.r, m.f, m.common.Int(c.Customers), m.common.Amount(c.MeanMonetary), m.common.RuleText(cellRule(m.r, m.f))))
}

func (m *Model) concentrationLine(res *app.RFMResult) string {
	if res.ConcentrationErr != nil {
		return m.t(msgNoRevenue, m.common.Locale.Error(res.ConcentrationErr))
	}
	c := res.Concentration
	return m.t(msgTop, m.common.Percent(c.Top1), m.common.Percent(c.Top5), m.common.Percent(c.Top20))
}

// mean writes a mean score with one decimal, as the user's language does
// (3,8 in Spanish).
func (m *Model) mean(x float64) string { return m.t("%.1f", x) }
