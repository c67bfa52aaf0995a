package tables

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

type keyMap struct {
	Up, Down, Open, Back, Next, Prev, Left, Right key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:    key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:  key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Open:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open table")),
		Back:  key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back to tables")),
		Next:  key.NewBinding(key.WithKeys("n", "pgdown"), key.WithHelp("n", "next page")),
		Prev:  key.NewBinding(key.WithKeys("p", "pgup"), key.WithHelp("p", "previous page")),
		Left:  key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/h", "columns left")),
		Right: key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→/l", "columns right")),
	}
}

// Messages: the table list, and one page of rows (tagged so a late page
// of a table the user already left is dropped).
type (
	tablesMsg struct {
		tables []app.TableInfo
		err    error
	}
	pageMsg struct {
		seq  int
		page app.Page
		err  error
	}
)

// Model is the Tables screen.
type Model struct {
	common        *common.Common
	keys          keyMap
	width, height int

	tables []app.TableInfo
	cursor int
	err    error

	open    bool // a table's rows are on screen
	seq     int
	starts  []int64 // rowid each page read after: starts[len-1] is this page's
	page    app.Page
	colLeft int
}

// New builds the screen; Init lists the tables.
func New(c *common.Common) *Model { return &Model{common: c, keys: newKeyMap()} }

func (m *Model) Title() string    { return title }
func (m *Model) Typing() bool     { return false }
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

func (m *Model) Init() tea.Cmd {
	db := m.common.Session.DB
	return func() tea.Msg {
		t, err := db.Tables(context.Background())
		return tablesMsg{tables: t, err: err}
	}
}

func (m *Model) ShortHelp() []key.Binding {
	if m.open {
		return []key.Binding{m.keys.Next, m.keys.Prev, m.keys.Left, m.keys.Right, m.keys.Back}
	}
	return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Open}
}

func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tablesMsg:
		m.tables, m.err = msg.tables, msg.err
	case pageMsg:
		if msg.seq == m.seq {
			m.page, m.err = msg.page, msg.err
		}
	case tea.KeyPressMsg:
		if m.open {
			return m, m.pageKey(msg)
		}
		return m, m.listKey(msg)
	}
	return m, nil
}

func (m *Model) listKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(len(m.tables)-1, m.cursor+1)
	case key.Matches(k, m.keys.Open) && len(m.tables) > 0:
		m.open, m.starts, m.colLeft, m.page = true, []int64{0}, 0, app.Page{}
		return m.read()
	}
	return nil
}

func (m *Model) pageKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Back):
		m.open = false
	case key.Matches(k, m.keys.Next) && m.page.More && len(m.page.Rows) > 0:
		m.starts = append(m.starts, m.page.Rows[len(m.page.Rows)-1].RowID)
		return m.read()
	case key.Matches(k, m.keys.Prev) && len(m.starts) > 1:
		m.starts = m.starts[:len(m.starts)-1]
		return m.read()
	case key.Matches(k, m.keys.Left):
		m.colLeft = max(0, m.colLeft-1)
	case key.Matches(k, m.keys.Right):
		m.colLeft = min(max(0, len(m.page.Columns)-1), m.colLeft+1)
	}
	return nil
}

// read fetches the current page in a Cmd (SQLite I/O stays off Update).
func (m *Model) read() tea.Cmd {
	m.seq++
	seq, db, t, after, n := m.seq, m.common.Session.DB, m.tables[m.cursor], m.starts[len(m.starts)-1], m.pageRows()
	return func() tea.Msg {
		p, err := db.ReadPage(context.Background(), t, after, n)
		return pageMsg{seq: seq, page: p, err: err}
	}
}

func (m *Model) pageRows() int { return max(1, m.height-3) }

func (m *Model) View() string {
	st := m.common.Styles
	if m.err != nil {
		return "\n  " + st.Error.Render(common.Wrap(m.common.Locale.Error(m.err), max(20, m.width-4), "  "))
	}
	if m.open {
		return m.pageView()
	}
	var b strings.Builder
	w := max(20, m.width)
	b.WriteString(st.Header.Render(common.Truncate(common.Pad(m.common.T(msgTable), 30)+" "+
		common.PadLeft(m.common.T(msgRows), 12)+"  "+m.common.T(msgColumns), w)) + "\n")
	// the note says why this table holds the customers (the header has no
	// room for it below ~120 columns)
	note := m.common.T(msgCustomerTable)
	if why := m.common.Session.TableWhy; why != "" {
		note = m.common.T(msgCustomerTableWhy, model.Printable(m.common.Reason(why)))
	}
	note = common.Wrap(note, w-1, "  ")
	rows := max(1, m.height-1-lipgloss.Height(note))
	top := max(0, min(m.cursor-rows+1, len(m.tables)-rows))
	for i, t := range m.tables {
		if i < top || i >= top+rows {
			continue
		}
		mark := " "
		if t.Name == m.common.Session.Table.Name {
			mark = "*" // the customer table
		}
		line := common.Truncate(fmt.Sprintf("%s %s %12s  %d", mark, common.Pad(model.Printable(t.Name), 28), m.common.Int(int(t.Rows)), len(t.Columns)), w)
		if i == m.cursor {
			line = st.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	b.WriteString(st.Subtle.Render(note))
	return b.String()
}

func (m *Model) pageView() string {
	st := m.common.Styles
	t := m.tables[m.cursor]
	cols := m.page.Columns
	if m.colLeft < len(cols) {
		cols = cols[m.colLeft:]
	}
	widths := make([]int, len(cols))
	for i, c := range cols {
		widths[i] = min(24, max(4, len([]rune(c))))
		for _, r := range m.page.Rows {
			widths[i] = min(24, max(widths[i], len([]rune(m.cell(t, m.colLeft+i, r.Values[m.colLeft+i])))))
		}
	}
	fit := func(cells []string) string {
		var b strings.Builder
		used := 0
		for i, c := range cells {
			if used+widths[i]+1 > m.width && i > 0 {
				break
			}
			b.WriteString(common.Pad(c, widths[i]) + " ")
			used += widths[i] + 1
		}
		return strings.TrimRight(b.String(), " ")
	}
	first := (len(m.starts)-1)*m.pageRows() + 1
	title := m.common.T(msgRowsOf, t.Name, m.common.Int(first), m.common.Int(first+len(m.page.Rows)-1), m.common.Int(int(t.Rows)))
	lines := []string{st.Title.Render(common.Truncate(title, m.width)), st.Header.Render(fit(cols))}
	for _, r := range m.page.Rows {
		cells := make([]string, len(cols))
		for i := range cols {
			v := m.cell(t, m.colLeft+i, r.Values[m.colLeft+i])
			if r.Nulls[m.colLeft+i] {
				v = "·"
			}
			cells[i] = v
		}
		lines = append(lines, fit(cells))
	}
	return strings.Join(lines, "\n")
}

// cell is a value of column i of table t as the user reads it: numbers
// with fractions and dates in the session's format (common.Cell), by the
// column's declared type (the table is shown as it is stored).
func (m *Model) cell(t app.TableInfo, i int, v string) string {
	if i >= len(t.Columns) {
		return v
	}
	return m.common.Cell(common.DeclKind(t.Columns[i].DeclType), v)
}
