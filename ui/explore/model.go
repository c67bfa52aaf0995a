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

// Model is the Explore screen.
type Model struct {
	common        *common.Common
	keys          keyMap
	cursor, top   int
	width, height int
}

// New builds the screen over the loaded session.
func New(c *common.Common) *Model {
	return &Model{common: c, keys: newKeyMap()}
}

func (m *Model) Title() string { return "Explore" }
func (m *Model) Init() tea.Cmd { return nil }

// SetSize gives the screen its share of the window.
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

// Typing reports whether a text field has the keys (global letters are then
// typed, not obeyed).
func (m *Model) Typing() bool { return false }

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	n := len(m.common.Session.Data.Columns)
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(n-1, m.cursor+1)
	case key.Matches(k, m.keys.Top):
		m.cursor = 0
	case key.Matches(k, m.keys.Bottom):
		m.cursor = n - 1
	}
	rows := m.listRows()
	if m.cursor < m.top {
		m.top = m.cursor
	} else if m.cursor >= m.top+rows {
		m.top = m.cursor - rows + 1
	}
	return m, nil
}

func (m *Model) ShortHelp() []key.Binding { return []key.Binding{m.keys.Up, m.keys.Down} }
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.Top, m.keys.Bottom}}
}

func (m *Model) listRows() int { return max(1, m.height-2) }

func (m *Model) View() string {
	st := m.common.Styles
	ds := m.common.Session.Data
	if len(ds.Columns) == 0 {
		return "\n  " + st.Subtle.Render("This table has no columns pulpero can analyse (only personal data).")
	}
	var b strings.Builder
	b.WriteString(st.Header.Render(fmt.Sprintf("%-24s %-12s %7s", "attribute", "kind", "nulls")) + "\n")
	rows := m.listRows()
	for i := m.top; i < min(len(ds.Columns), m.top+rows); i++ {
		c := ds.Columns[i]
		meta := c.Meta()
		name := meta.Name
		if meta.Derived {
			name += "*"
		}
		nulls := nullShare(c)
		line := fmt.Sprintf("%s %s %7s", common.Pad(name, 24), common.Pad(meta.Kind.String(), 12), common.Percent(nulls))
		if i == m.cursor {
			line = st.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	if ds.Rows() == 0 {
		b.WriteString("\n" + st.Subtle.Render("The table has no rows yet."))
	}
	return b.String()
}

func nullShare(c model.Column) float64 {
	if c.Len() == 0 {
		return 0
	}
	return float64(analysis.Nulls(c).Count()) / float64(c.Len())
}
