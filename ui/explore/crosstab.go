package explore

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// crossTabBins is how many equal-width bins a number is cut into when
// crossed: few enough for the columns to fit 80 cells.
const crossTabBins = 8

// crossTabState is the cross-tab of two attributes: the first chosen gives
// the rows, the second the columns.
type crossTabState struct {
	first, second int
	tab           *analysis.CrossTab
	err           error
	seq           int
	pct           int // 0 counts, 1 row %, 2 column %
	top, left     int // scroll position in rows and columns
}

type crossTabMsg struct {
	seq int
	tab analysis.CrossTab
	err error
}

// computeCrossTab bins both columns and counts; pure, safe in a Cmd.
func computeCrossTab(a, b model.Column) (analysis.CrossTab, error) {
	ax, err := analysis.AxisOf(a, crossTabBins)
	if err != nil {
		return analysis.CrossTab{}, err
	}
	bx, err := analysis.AxisOf(b, crossTabBins)
	if err != nil {
		return analysis.CrossTab{}, err
	}
	return analysis.CrossTabulate(ax, bx, nil).DropEmpty(), nil
}

// crossable: text and identifiers have too many values to cross.
func crossable(c model.Column) bool {
	_, text := c.(*model.TextColumn)
	return !text && c.Meta().Kind != model.KindIdentifier
}

// crossTabStep starts choosing (the attribute under the cursor gives the
// rows) or, while choosing, opens the cross-tab with the second attribute.
func (m *Model) crossTabStep() tea.Cmd {
	c := m.column()
	if !crossable(c) {
		return common.Status(m.T(msgCannotCross, c.Meta().Name, m.kindName(c.Meta().Kind)), true)
	}
	if m.view != viewPick {
		m.xt.first, m.view = m.cursor, viewPick
		return common.Status(m.T(msgCrossStart), false)
	}
	if m.cursor == m.xt.first {
		return common.Status(m.T(msgCrossOther, c.Meta().Name), true)
	}
	m.xt = crossTabState{first: m.xt.first, second: m.cursor, seq: m.xt.seq + 1}
	m.view = viewCrossTab
	a, b := m.data().Columns[m.xt.first], c
	if c.Len() <= m.syncLimit {
		tab, err := computeCrossTab(a, b)
		m.gotCrossTab(crossTabMsg{seq: m.xt.seq, tab: tab, err: err})
		return nil
	}
	seq := m.xt.seq
	return func() tea.Msg {
		tab, err := computeCrossTab(a, b)
		return crossTabMsg{seq: seq, tab: tab, err: err}
	}
}

func (m *Model) gotCrossTab(msg crossTabMsg) {
	if msg.seq != m.xt.seq {
		return // the user has asked for another cross-tab since
	}
	m.xt.tab, m.xt.err = &msg.tab, msg.err
}

func (m *Model) crossTabKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Back):
		m.view = viewDist
	case key.Matches(k, m.keys.Percent):
		m.xt.pct = (m.xt.pct + 1) % 3
	case key.Matches(k, m.keys.Up):
		m.xt.top = max(0, m.xt.top-1)
	case key.Matches(k, m.keys.Down):
		m.xt.top++
	case key.Matches(k, m.keys.PageUp):
		m.xt.top = max(0, m.xt.top-m.crossTabRows())
	case key.Matches(k, m.keys.PageDown):
		m.xt.top += m.crossTabRows()
	case key.Matches(k, m.keys.Top):
		m.xt.top = 0
	case key.Matches(k, m.keys.Bottom):
		m.xt.top = 1 << 30
	case key.Matches(k, m.keys.Left):
		m.xt.left = max(0, m.xt.left-1)
	case key.Matches(k, m.keys.Right):
		m.xt.left++
	case key.Matches(k, m.keys.Copy) && m.xt.tab != nil:
		return copyCmd(crossTabTSV(*m.xt.tab), m.T(msgCopiedCross))
	}
	if t := m.xt.tab; t != nil {
		m.xt.top = min(m.xt.top, max(0, len(t.Rows.Labels)-m.crossTabRows()))
		m.xt.left = min(m.xt.left, max(0, len(t.Cols.Labels)-1))
	}
	return nil
}

// crossTabRows is how many rows of the table fit under its title, info,
// header, totals and scroll hint.
func (m *Model) crossTabRows() int { return max(1, m.height-5) }

var pctNames = [...]string{msgCountsPct, msgRowPct, msgColumnPct}

func (m *Model) crossTabView() string {
	st := m.common.Styles
	x := m.xt
	a, b := m.data().Columns[x.first].Meta().Name, m.data().Columns[x.second].Meta().Name
	head := st.Title.Render(common.Truncate(a+" × "+b, m.width))
	switch {
	case x.err != nil:
		return head + "\n\n" + st.Error.Render(m.common.Locale.Error(x.err))
	case x.tab == nil:
		return head + "\n\n" + st.Subtle.Render(m.T(msgComputing))
	}
	t := x.tab
	info := m.T(msgCrossInfo, m.T(pctNames[x.pct]), m.common.Int(t.Total), m.common.Int(t.Missing))
	lines := []string{head, st.Subtle.Render(common.Truncate(info, m.width))}
	return strings.Join(append(lines, m.crossTabTable(t)...), "\n")
}

// crossTabTable lays out the table: row labels, as many columns as fit from
// the scroll position, and the row totals; the last line has column totals.
func (m *Model) crossTabTable(t *analysis.CrossTab) []string {
	st := m.common.Styles
	rowLabels := m.axisLabels(m.data().Columns[m.xt.first], t.Rows.Labels)
	colLabels := m.axisLabels(m.data().Columns[m.xt.second], t.Cols.Labels)
	labelW := 6
	for _, l := range rowLabels {
		labelW = max(labelW, len([]rune(l)))
	}
	labelW = min(labelW, 18)
	cellW := max(7, len(m.common.Int(t.Total)))
	for _, l := range colLabels {
		cellW = max(cellW, min(14, len([]rune(l))))
	}
	fitCols := max(1, (m.width-labelW-cellW-1)/(cellW+1))
	cols := colLabels[m.xt.left:min(len(colLabels), m.xt.left+fitCols)]
	header := common.Pad(t.Rows.Name, labelW)
	for _, l := range cols {
		header += " " + common.PadLeft(l, cellW)
	}
	lines := []string{st.Header.Render(header + " " + common.PadLeft(m.T(msgTotal), cellW))}
	maxCell := 1
	for _, row := range t.Counts {
		for _, n := range row {
			maxCell = max(maxCell, n)
		}
	}
	rows := m.crossTabRows()
	for r := m.xt.top; r < min(len(t.Rows.Labels), m.xt.top+rows); r++ {
		line := common.Pad(rowLabels[r], labelW)
		for j := range cols {
			c := m.xt.left + j
			n := t.Counts[r][c]
			shade := st.Shades[min(len(st.Shades)-1, n*(len(st.Shades)-1)/maxCell)]
			line += " " + shade.Render(common.PadLeft(m.cell(t, r, c), cellW))
		}
		lines = append(lines, line+" "+common.PadLeft(m.common.Int(t.RowTotals[r]), cellW))
	}
	total := common.Pad(m.T(msgTotal), labelW)
	for j := range cols {
		total += " " + common.PadLeft(m.common.Int(t.ColTotals[m.xt.left+j]), cellW)
	}
	lines = append(lines, st.Header.Render(total+" "+common.PadLeft(m.common.Int(t.Total), cellW)))
	if hint := m.scrollHint(m.xt.top, rows, len(t.Rows.Labels), m.xt.left, len(cols), len(t.Cols.Labels)); hint != "" {
		lines = append(lines, st.Subtle.Render(common.Truncate(hint, m.width)))
	}
	return lines
}

// scrollHint says which rows and columns of a table are shown and which
// keys show the others; "" when all are shown.
func (m *Model) scrollHint(top, rows, nRows, left, cols, nCols int) string {
	var parts []string
	if nRows > rows {
		parts = append(parts, m.T(msgRowsShown, top+1, min(nRows, top+rows), nRows))
	}
	if nCols > cols {
		parts = append(parts, m.T(msgColsShown, left+1, min(nCols, left+cols), nCols))
	}
	return strings.Join(parts, " · ")
}

// cell formats one cell as a count or a share of its row or column.
func (m *Model) cell(t *analysis.CrossTab, r, c int) string {
	n := t.Counts[r][c]
	switch m.xt.pct {
	case 1:
		return m.common.Percent(float64(n) / float64(max(1, t.RowTotals[r])))
	case 2:
		return m.common.Percent(float64(n) / float64(max(1, t.ColTotals[c])))
	}
	return m.common.Int(n)
}

// crossTabTSV is the whole table as tab-separated counts, for the clipboard.
func crossTabTSV(t analysis.CrossTab) string {
	var b strings.Builder
	b.WriteString(t.Rows.Name + " \\ " + t.Cols.Name)
	for _, l := range t.Cols.Labels {
		b.WriteString("\t" + l)
	}
	b.WriteString("\n")
	for r, l := range t.Rows.Labels {
		b.WriteString(l)
		for _, n := range t.Counts[r] {
			fmt.Fprintf(&b, "\t%d", n)
		}
		b.WriteString("\n")
	}
	return b.String()
}
