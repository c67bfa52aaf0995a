package segment

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/ui/common"
)

// profileKeys scroll the full profile.
type profileKeys struct{ Open, PageDown, PageUp key.Binding }

func newProfileKeys() profileKeys {
	return profileKeys{
		Open:     key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "full profile")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space", "f"), key.WithHelp("space", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("b", "page up")),
	}
}

func (m *Model) profileKey(msg tea.KeyPressMsg) tea.Cmd {
	page := max(1, m.height-3)
	switch {
	case key.Matches(msg, m.keys.Cancel), key.Matches(msg, m.pkeys.Open):
		m.mode = modeRules
	case key.Matches(msg, m.keys.Down):
		m.profileTop++
	case key.Matches(msg, m.keys.Up):
		m.profileTop--
	case key.Matches(msg, m.pkeys.PageDown):
		m.profileTop += page
	case key.Matches(msg, m.pkeys.PageUp):
		m.profileTop -= page
	}
	m.profileTop = max(0, min(m.profileTop, len(m.profileLines())-page))
	return nil
}

// profileView shows every attribute, the one that sets the segment apart
// most first: each value's share of the segment beside its share of
// everyone, with bars on one scale, and the index (segment ÷ everyone).
func (m *Model) profileView() []string {
	st := m.common.Styles
	head := []string{st.Title.Render(m.t(msgProfile)) + st.Subtle.Render(m.t(msgProfileKey)), ""}
	lines := m.profileLines()
	top := min(m.profileTop, max(0, len(lines)-1))
	return append(head, lines[top:]...)
}

func (m *Model) profileLines() []string {
	st := m.common.Styles
	if m.result.profile == nil {
		return []string{st.Subtle.Render(m.t(msgProfileBusy))}
	}
	if m.result.size == 0 {
		return []string{st.Subtle.Render(m.t(msgProfileEmpty))}
	}
	barW := max(6, (m.width-52)/2)
	var out []string
	for _, p := range m.result.profile {
		out = append(out, st.Header.Render(p.Attribute)+st.Subtle.Render(m.t(msgKindDistance, m.t(p.Kind.String()), m.number(p.Distance, 2))))
		for _, b := range p.Buckets {
			idx := common.PadLeft(m.number(b.Index, 2), 5)
			switch {
			case b.Index >= 1.2:
				idx = st.Good.Render(idx)
			case b.Index <= 0.8:
				idx = st.Warn.Render(idx)
			}
			out = append(out, fmt.Sprintf("  %-22s %6s %s %6s %s %s", common.Truncate(m.label(p, b), 22),
				m.common.Percent(b.SegmentShare), st.Bar.Render(common.Pad(common.Bar(b.SegmentShare, barW), barW)),
				m.common.Percent(b.OverallShare), st.BarAlt.Render(common.Pad(common.Bar(b.OverallShare, barW), barW)), idx))
		}
	}
	return out
}
