package palette

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/ui/common"
)

// Item is one action: its name (the binding's help), the key that runs it
// and the screen it belongs to ("" for the keys that work everywhere). The
// name and the screen are the English ones (the screen's Title, the
// catalogue's keys); the palette shows them in the user's language.
type Item struct {
	Name, Key, Screen string
}

// Items lists the actions of bindings once each, in order, skipping
// disabled ones and those without help text.
func Items(groups [][]key.Binding) []Item { return ItemsOf("", groups) }

// ItemsOf is Items for the bindings of one screen: each item names it, so
// the palette can switch to that screen before pressing the key.
func ItemsOf(screen string, groups [][]key.Binding) []Item {
	var out []Item
	seen := map[string]bool{}
	for _, g := range groups {
		for _, b := range g {
			if !b.Enabled() || b.Help().Desc == "" || len(b.Keys()) == 0 || seen[b.Help().Desc] {
				continue
			}
			seen[b.Help().Desc] = true
			out = append(out, Item{Name: b.Help().Desc, Key: b.Keys()[0], Screen: screen})
		}
	}
	return out
}

// Moves reports whether b moves a cursor or a page (its first key is ↑ ↓
// ← → pgup pgdn home or end): not an action worth listing for another
// screen.
func Moves(b key.Binding) bool {
	if len(b.Keys()) == 0 {
		return false
	}
	switch b.Keys()[0] {
	case "up", "down", "left", "right", "pgup", "pgdown", "home", "end":
		return true
	}
	return false
}

// Model is the open palette: a query and the actions that match it.
type Model struct {
	items  []Item
	loc    locale.Locale
	query  string
	cursor int
}

// New opens a palette over items, shown in loc's language.
func New(items []Item, loc locale.Locale) Model { return Model{items: items, loc: loc} }

// Matches are the items whose name, key or screen holds every word of the
// query, in the user's language or in English.
func (m Model) Matches() []Item {
	words := strings.Fields(strings.ToLower(m.query))
	var out []Item
	for _, it := range m.items {
		text := strings.ToLower(it.Name + " " + it.Key + " " + it.Screen + " " + m.loc.Lookup(it.Name) + " " + m.screen(it) + " " + common.KeyName(m.loc, it.Key))
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(text, w)
		}
		if ok {
			out = append(out, it)
		}
	}
	return out
}

// Result says what a key did to the palette.
type Result int

const (
	Stay   Result = iota
	Cancel        // esc: close without running anything
	Run           // enter: run Chosen
)

// Update applies a key: typing filters, ↑/↓ choose, enter runs, esc closes.
func (m Model) Update(k tea.KeyPressMsg) (Model, Result) {
	switch k.String() {
	case "esc", "ctrl+c":
		return m, Cancel
	case "enter":
		if len(m.Matches()) > 0 {
			return m, Run
		}
	case "up", "ctrl+p":
		m.cursor = max(0, m.cursor-1)
	case "down", "ctrl+n":
		m.cursor = min(len(m.Matches())-1, m.cursor+1)
	case "backspace":
		if r := []rune(m.query); len(r) > 0 {
			m.query, m.cursor = string(r[:len(r)-1]), 0
		}
	default:
		if k.Text != "" && k.Mod == 0 || k.Text != "" && k.Mod == tea.ModShift {
			m.query, m.cursor = m.query+k.Text, 0
		}
	}
	m.cursor = max(0, m.cursor)
	return m, Stay
}

// Chosen is the action under the cursor.
func (m Model) Chosen() (Item, bool) {
	ms := m.Matches()
	if m.cursor < len(ms) {
		return ms[m.cursor], true
	}
	return Item{}, false
}

// View renders the query and as many matches as fit in width × height.
func (m Model) View(st *common.Styles, width, height int) string {
	title, hint := m.loc.T(msgActions), m.loc.T(msgHint)
	if items := strings.Split(hint, " · "); len([]rune(title+hint)) > width && len(items) > 1 {
		// narrow: the keys stay, "type to filter" goes (the prompt says it)
		hint = "  " + strings.Join(items[1:], " · ")
	}
	lines := []string{st.Title.Render(title) + st.Subtle.Render(hint), "> " + m.query + "▏"}
	ms := m.Matches()
	if len(ms) == 0 {
		lines = append(lines, st.Subtle.Render(m.loc.T(msgNoMatch)))
	}
	rows := max(1, height-len(lines))
	top := max(0, m.cursor-rows+1)
	screenW, nameW := 0, 0
	for _, it := range ms {
		screenW = max(screenW, len([]rune(m.screen(it))))
		nameW = max(nameW, len([]rune(m.loc.Lookup(it.Name)))+4)
	}
	if width < 50 {
		screenW = min(screenW, 9)
	}
	keyW := 9
	nameW = max(10, min(nameW, width-keyW-screenW-3))
	for i := top; i < min(len(ms), top+rows); i++ {
		line := common.Pad("  "+m.loc.Lookup(ms[i].Name), nameW) + " " + common.Pad(m.screen(ms[i]), screenW) + " " + common.PadLeft(common.KeyName(m.loc, ms[i].Key), keyW)
		if i == m.cursor {
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// screen is the name of an item's screen as its tab shows it.
func (m Model) screen(it Item) string {
	if it.Screen == "" {
		return ""
	}
	return m.loc.Lookup(it.Screen)
}
