package explore

import (
	"context"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// rowsState is a page-by-page browser of the customer table. The rows on
// screen, personal columns included, are read from SQLite by rowid for that
// page only; order and filter come from the columnar copy.
type rowsState struct {
	title     string
	base      []int // dataset rows to show (nil: all), in table order
	order     []int // base sorted by sortCol; nil when unsorted
	sortCol   int   // index into cols, -1 for table order
	desc      bool
	page      int
	cursor    int // row on the page
	colCursor int // column whose header is highlighted (sort target)
	colLeft   int // first column shown
	cols      []string
	data      []app.Row
	err       error
	seq       int
	loading   bool
	back      view
}

type rowsMsg struct {
	seq  int
	rows []app.Row
	err  error
}

// openRows shows the given dataset rows (nil: all customers).
func (m *Model) openRows(subset model.Bitset, title string) tea.Cmd {
	st := rowsState{title: title, sortCol: -1, back: m.view, seq: m.rows.seq}
	if subset != nil {
		st.base = rowsOf(subset)
	}
	for _, c := range m.common.Session.Table.Columns {
		st.cols = append(st.cols, c.Name)
	}
	m.rows, m.view = st, viewRows
	return m.readPage()
}

func (m *Model) total() int {
	if m.rows.base != nil {
		return len(m.rows.base)
	}
	return m.data().Rows()
}

func (m *Model) pageSize() int { return max(1, m.height-3) }

// pageRowIDs are the SQLite rowids of the current page, in display order.
func (m *Model) pageRowIDs() []int64 {
	ps, ds := m.pageSize(), m.data()
	from, to := m.rows.page*ps, min(m.total(), (m.rows.page+1)*ps)
	ids := make([]int64, 0, max(0, to-from))
	for i := from; i < to; i++ {
		r := i
		switch {
		case m.rows.order != nil:
			r = m.rows.order[i]
		case m.rows.base != nil:
			r = m.rows.base[i]
		}
		ids = append(ids, ds.RowIDs[r])
	}
	return ids
}

// readPage reads the page's rows in a Cmd: SQL never runs in Update or View.
func (m *Model) readPage() tea.Cmd {
	m.rows.seq++
	m.rows.loading = true
	seq, sess, cols, ids := m.rows.seq, m.common.Session, m.rows.cols, m.pageRowIDs()
	pol := m.common.Policy // serve: a viewer sees personal values masked
	return func() tea.Msg {
		rows, err := pol.ReadRows(context.Background(), sess, cols, ids)
		return rowsMsg{seq: seq, rows: rows, err: err}
	}
}

func (m *Model) gotRows(msg rowsMsg) {
	if msg.seq != m.rows.seq {
		return // an older page: the user has moved on
	}
	m.rows.data, m.rows.err, m.rows.loading = msg.rows, msg.err, false
}

func (m *Model) rowsKey(k tea.KeyPressMsg) tea.Cmd {
	pages := max(1, (m.total()+m.pageSize()-1)/m.pageSize())
	page := m.rows.page
	switch {
	case key.Matches(k, m.keys.Back):
		m.view = m.rows.back
		return nil
	case key.Matches(k, m.keys.Up):
		m.rows.cursor--
		if m.rows.cursor < 0 && page > 0 {
			page, m.rows.cursor = page-1, m.pageSize()-1
		}
	case key.Matches(k, m.keys.Down):
		m.rows.cursor++
		if m.rows.cursor >= m.pageSize() && page < pages-1 {
			page, m.rows.cursor = page+1, 0
		}
	case key.Matches(k, m.keys.PageDown):
		page = min(pages-1, page+1)
	case key.Matches(k, m.keys.PageUp):
		page = max(0, page-1)
	case key.Matches(k, m.keys.Top):
		page, m.rows.cursor = 0, 0
	case key.Matches(k, m.keys.Bottom):
		page, m.rows.cursor = pages-1, m.pageSize()
	case key.Matches(k, m.keys.Left):
		m.rows.colCursor = max(0, m.rows.colCursor-1)
	case key.Matches(k, m.keys.Right):
		m.rows.colCursor = min(len(m.rows.cols)-1, m.rows.colCursor+1)
	case key.Matches(k, m.keys.Sort):
		return m.sortRows()
	case key.Matches(k, m.keys.Copy):
		return m.copyRow()
	}
	m.rows.colLeft = min(m.rows.colLeft, m.rows.colCursor)
	onPage := min(m.pageSize(), m.total()-page*m.pageSize())
	m.rows.cursor = max(0, min(onPage-1, m.rows.cursor))
	if page != m.rows.page {
		m.rows.page = page
		return m.readPage()
	}
	return nil
}

// sortRows cycles the highlighted column through ascending, descending and
// table order. Only columns of the columnar copy can be sorted: personal
// columns stay in SQLite and are never read whole.
func (m *Model) sortRows() tea.Cmd {
	name := m.rows.cols[m.rows.colCursor]
	c := m.data().Column(name)
	if c == nil {
		return common.Status(m.T(msgPersonalSort, name), true)
	}
	switch {
	case m.rows.sortCol != m.rows.colCursor:
		m.rows.sortCol, m.rows.desc = m.rows.colCursor, false
	case !m.rows.desc:
		m.rows.desc = true
	default:
		m.rows.sortCol, m.rows.order = -1, nil
	}
	m.rows.page, m.rows.cursor = 0, 0
	if m.rows.sortCol < 0 {
		m.rows.order = nil
		return m.readPage()
	}
	base, n, desc := m.rows.base, m.data().Rows(), m.rows.desc
	if m.total() <= m.syncLimit {
		m.rows.order = sortedRows(c, base, n, desc)
		return m.readPage()
	}
	// sorting a million rows takes a while: in a Cmd, the page follows
	m.rows.seq++
	m.rows.loading = true
	seq := m.rows.seq
	return func() tea.Msg { return rowsOrderMsg{seq: seq, order: sortedRows(c, base, n, desc)} }
}

// rowsOrderMsg carries a sort order computed off the UI goroutine.
type rowsOrderMsg struct {
	seq   int
	order []int
}

func (m *Model) gotOrder(msg rowsOrderMsg) tea.Cmd {
	if msg.seq != m.rows.seq {
		return nil // sorted again (or left) since
	}
	m.rows.order = msg.order
	return m.readPage()
}

// sortedRows orders base (nil: all rows) by c's values, NULLs last either
// way, ties in table order.
func sortedRows(c model.Column, base []int, n int, desc bool) []int {
	order := base
	if order == nil {
		order = make([]int, n)
		for i := range order {
			order[i] = i
		}
	}
	order = append([]int(nil), order...)
	less := func(a, b int) bool { return false }
	switch x := c.(type) {
	case *model.NumberColumn:
		less = func(a, b int) bool { return x.Values[a] < x.Values[b] }
	case *model.CodedColumn:
		less = func(a, b int) bool { return x.Dict[x.Codes[a]] < x.Dict[x.Codes[b]] }
	case *model.TextColumn:
		less = func(a, b int) bool { return x.Values[a] < x.Values[b] }
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if na, nb := c.IsNull(a), c.IsNull(b); na || nb {
			return !na && nb
		}
		if desc {
			return less(b, a)
		}
		return less(a, b)
	})
	return order
}

// copyRow puts the row under the cursor on the clipboard as tab-separated text.
func (m *Model) copyRow() tea.Cmd {
	if m.rows.cursor >= len(m.rows.data) {
		return common.Status(m.T(msgNoRowToCopy), true)
	}
	return copyCmd(strings.Join(m.rows.data[m.rows.cursor].Values, "\t"), m.T(msgCopiedRow))
}

// widths sizes each column to its header and the page's values, at most 24.
func (m *Model) widths() []int {
	w := make([]int, len(m.rows.cols))
	for i, c := range m.rows.cols {
		w[i] = len([]rune(c)) + 1
		for _, r := range m.rows.data {
			w[i] = max(w[i], len([]rune(m.rowCell(i, r.Values[i]))))
		}
		w[i] = min(w[i], 24)
	}
	return w
}

func (m *Model) rowsView() string {
	st := m.common.Styles
	ps := m.pageSize()
	pages := max(1, (m.total()+ps-1)/ps)
	info := m.T(msgRowsInfo, m.common.Int(m.total()), m.common.Int(m.rows.page+1), m.common.Int(pages))
	if m.rows.sortCol >= 0 {
		dir := "↑"
		if m.rows.desc {
			dir = "↓"
		}
		info += m.T(msgSortedBy, m.rows.cols[m.rows.sortCol], dir)
	}
	if m.rows.loading {
		info += m.T(msgReading)
	}
	lines := []string{st.Title.Render(common.Truncate(m.rows.title, m.width/2)) + st.Subtle.Render(common.Truncate(info, m.width-len([]rune(m.rows.title))))}
	switch {
	case m.rows.err != nil:
		return strings.Join(append(lines, "", st.Error.Render(m.common.Locale.Error(m.rows.err))), "\n")
	case m.rows.loading && m.rows.data == nil:
		return strings.Join(append(lines, "", st.Subtle.Render(m.T(msgReadingRows))), "\n")
	}
	w := m.widths()
	// scroll right until the highlighted column fits
	for m.rows.colLeft < m.rows.colCursor && span(w[m.rows.colLeft:m.rows.colCursor+1]) > m.width {
		m.rows.colLeft++
	}
	var head strings.Builder
	shown := 0
	for i := m.rows.colLeft; i < len(w) && span(w[m.rows.colLeft:i+1]) <= m.width; i++ {
		cell := common.Pad(m.rows.cols[i], w[i])
		if i == m.rows.colCursor {
			cell = st.Selected.Render(cell)
		} else {
			cell = st.Header.Render(cell)
		}
		if i > m.rows.colLeft {
			head.WriteString(" ")
		}
		head.WriteString(cell)
		shown++
	}
	lines = append(lines, head.String())
	for ri, r := range m.rows.data {
		cells := make([]string, 0, shown)
		for i := m.rows.colLeft; i < m.rows.colLeft+shown; i++ {
			v := m.rowCell(i, r.Values[i])
			if r.Nulls[i] {
				v = "·"
			}
			cells = append(cells, common.Pad(v, w[i]))
		}
		line := strings.Join(cells, " ")
		if ri == m.rows.cursor {
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// rowCell is the value of the page's column i as the user reads it: numbers
// with fractions and dates in the session's format (common.Cell), by the
// kind pulpero found for the column, else by its declared type; the
// clipboard keeps the database's text.
func (m *Model) rowCell(i int, v string) string {
	if m.common.Locale.Lang != locale.Spanish || i >= len(m.rows.cols) {
		return v
	}
	if c := m.data().Column(m.rows.cols[i]); c != nil {
		return m.common.Cell(c.Meta().Kind, v)
	}
	for _, c := range m.common.Session.Table.Columns {
		if c.Name == m.rows.cols[i] {
			return m.common.Cell(common.DeclKind(c.DeclType), v)
		}
	}
	return v
}

// span is the width of columns of widths w separated by one space.
func span(w []int) int {
	n := len(w) - 1
	for _, x := range w {
		n += x
	}
	return n
}
