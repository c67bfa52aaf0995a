package roles

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

type keyMap struct {
	Up, Down, Choose, Back, Reload key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Choose: key.NewBinding(key.WithKeys("enter", "r"), key.WithHelp("enter/r", "change role")),
		Back:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Reload: key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "reload with new roles")),
	}
}

// Model is the Roles screen.
type Model struct {
	common        *common.Common
	keys          keyMap
	cursor, top   int
	choosing      bool
	choice        int // index into choices() while choosing
	width, height int
	changed       bool // a correction was saved since the data was loaded
}

// savedMsg reports the outcome of saving a role correction.
type savedMsg struct {
	text string
	err  error
}

// New builds the screen over the loaded session.
func New(c *common.Common) *Model { return &Model{common: c, keys: newKeyMap()} }

func (m *Model) Title() string            { return title }
func (m *Model) Init() tea.Cmd            { return nil }
func (m *Model) SetSize(w, h int)         { m.width, m.height = w, h }
func (m *Model) Typing() bool             { return false }
func (m *Model) ShortHelp() []key.Binding { return []key.Binding{m.keys.Choose, m.keys.Reload} }
func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.keys.Up, m.keys.Down, m.keys.Choose, m.keys.Back, m.keys.Reload}}
}

// choices are the roles a column can be given; "" removes its role.
func choices() []model.Role { return append([]model.Role{model.RoleNone}, model.AllRoles()...) }

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case savedMsg:
		if msg.err != nil {
			return m, common.Status(m.common.Locale.Error(msg.err), true)
		}
		m.changed = true
		return m, common.Status(m.common.T(msgReloadWithIt, msg.text), false)
	case tea.KeyPressMsg:
		if m.choosing {
			return m, m.chooseKey(msg)
		}
		return m, m.listKey(msg)
	}
	return m, nil
}

func (m *Model) listKey(k tea.KeyPressMsg) tea.Cmd {
	n := len(m.common.Session.Profiles)
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(n-1, m.cursor+1)
	case key.Matches(k, m.keys.Choose) && n > 0:
		m.choosing = true
		m.choice = 0
		for i, r := range choices() {
			if r == m.common.Session.Profiles[m.cursor].Role {
				m.choice = i
			}
		}
	case key.Matches(k, m.keys.Reload):
		return func() tea.Msg { return common.ReloadMsg{} }
	}
	rows := max(1, m.height-3)
	if m.cursor < m.top {
		m.top = m.cursor
	} else if m.cursor >= m.top+rows {
		m.top = m.cursor - rows + 1
	}
	return nil
}

func (m *Model) chooseKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Up):
		m.choice = max(0, m.choice-1)
	case key.Matches(k, m.keys.Down):
		m.choice = min(len(choices())-1, m.choice+1)
	case key.Matches(k, m.keys.Back):
		m.choosing = false
	case key.Matches(k, m.keys.Choose):
		m.choosing = false
		s := m.common.Session
		col := s.Profiles[m.cursor]
		return m.saveRole(s.DB, s.Table.Name, col.Name, col.Role, choices()[m.choice])
	}
	return nil
}

// saveRole records the correction in a Cmd: the workspace write is I/O.
// Removing a role is saving "no column" for the role the column had. What
// it says is made here, in the user's language, with the roles by name.
func (m *Model) saveRole(db *app.Database, table, column string, old, role model.Role) tea.Cmd {
	c := m.common
	return func() tea.Msg {
		ctx := context.Background()
		if role == model.RoleNone {
			if old == model.RoleNone {
				return savedMsg{text: c.T(msgHasNoRole, column)}
			}
			err := db.SetRole(ctx, table, old, "")
			return savedMsg{text: c.T(msgSavedNone, c.RoleName(old)), err: err}
		}
		err := db.SetRole(ctx, table, role, column)
		return savedMsg{text: c.T(msgSaved, column, c.RoleName(role)), err: err}
	}
}

func (m *Model) View() string {
	if m.choosing {
		return m.chooserView()
	}
	st := m.common.Styles
	s := m.common.Session
	var b strings.Builder
	// below 80 columns the names and the personal mark take less room, so
	// the reason keeps some
	nameW, persW, persHead := 22, 8, m.common.T(msgPersonal)
	if m.width < 80 {
		nameW, persW, persHead = 16, 4, m.common.T(msgPers)
	}
	persW = max(persW, len([]rune(persHead)))
	w := max(20, m.width)
	rows := max(1, m.height-3)
	shown := s.Profiles[m.top:min(len(s.Profiles), m.top+rows)]
	// kinds and roles are shown by name, in the user's language: their
	// columns are as wide as the longest shown (Spanish runs longer)
	kindW, roleW := 12, 15
	for _, p := range shown {
		kindW = max(kindW, len([]rune(m.kindName(p.Kind)))+1)
		roleW = max(roleW, len([]rune(m.common.RoleName(p.Role)))+1)
	}
	// the reason needs some cells to be read (name "customer_id"): when
	// the longer Spanish names leave it fewer, personal takes its short
	// header (pers.)
	if w-nameW-kindW-roleW-persW-4 < minWhy && persHead != m.common.T(msgPers) {
		persHead = m.common.T(msgPers)
		persW = len([]rune(persHead))
	}
	// and, if still short, the names column is only as wide as the names
	if w-nameW-kindW-roleW-persW-4 < minWhy {
		longest := len([]rune(m.common.T(msgColumn)))
		for _, p := range shown {
			longest = max(longest, len([]rune(p.Name)))
		}
		nameW = min(nameW, longest+1)
	}
	b.WriteString(st.Header.Render(common.Truncate(common.Pad(m.common.T(msgColumn), nameW)+" "+common.Pad(m.common.T(msgKind), kindW)+" "+
		common.Pad(m.common.T(msgRole), roleW)+" "+common.Pad(persHead, persW)+" "+m.common.T(msgWhy), w)) + "\n")
	for i, p := range shown {
		i += m.top
		personal := ""
		if p.Personal {
			personal = m.common.T(msgYes)
		}
		why := p.RoleWhy
		if why == "" {
			why = p.KindWhy
		}
		why = m.common.Reason(why)
		line := fmt.Sprintf("%s %s %s %s %s", common.Pad(p.Name, nameW), common.Pad(m.kindName(p.Kind), kindW),
			common.Pad(orDash(m.common.RoleName(p.Role)), roleW), common.Pad(personal, persW), why)
		line = common.Truncate(line, w)
		if i == m.cursor {
			line = st.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	note := m.common.T(msgNote)
	if m.changed {
		note = m.common.T(msgNoteChanged)
	}
	b.WriteString(st.Subtle.Render(common.Truncate(note, max(20, m.width))))
	return b.String()
}

func (m *Model) chooserView() string {
	st := m.common.Styles
	col := m.common.Session.Profiles[m.cursor]
	var b strings.Builder
	b.WriteString(st.Title.Render(m.common.T(msgRoleOf, col.Name)) + st.Subtle.Render(m.common.T(msgChooserHint)) + "\n")
	all := choices()
	rows := max(1, m.height-2)
	top := max(0, min(m.choice-rows/2, len(all)-rows))
	for i := top; i < min(len(all), top+rows); i++ {
		label := m.common.RoleName(all[i])
		if label == "" {
			label = m.common.T(msgNoRole)
		}
		if all[i].Personal() {
			label += m.common.T(msgKeptOut)
		}
		line := "  " + label
		if i == m.choice {
			line = st.Selected.Render("> " + label)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// minWhy is the fewest cells the reason column is given before the
// personal column gives up its long header.
const minWhy = 18

// kindName is a column kind as the list shows it: by name in the user's
// language, an identifier as "id" when its name is longer than the
// column's usual 11 cells (identificador), as Explore's list does.
func (m *Model) kindName(k model.Kind) string {
	if name := m.common.KindName(k); k != model.KindIdentifier || len([]rune(name)) <= 11 {
		return name
	}
	return m.common.T(msgID)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
