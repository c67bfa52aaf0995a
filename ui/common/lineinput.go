package common

import (
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// LineInput is a one-line text field, shared by the screens that type. The
// bubbles textinput needs a clipboard module that is not in this build's
// pinned dependencies, and a field needs only typing, moving and deleting.
type LineInput struct {
	Prompt      string
	Placeholder string
	value       []rune
	pos         int
	width       int
	focused     bool
	// selected: the whole value is selected, so the first typed character
	// replaces it (a field opened on an old value); arrows, backspace and
	// the other editing keys drop the selection and edit the value instead.
	selected bool
	// SelectStyle draws the selected value (the theme's Selected style).
	SelectStyle lipgloss.Style
}

func (in *LineInput) SetValue(s string) {
	in.value, in.pos, in.selected = []rune(s), len([]rune(s)), false
}

// SelectAll selects the whole value: typing replaces it.
func (in *LineInput) SelectAll() { in.selected = len(in.value) > 0 }

// Selected reports whether the whole value is selected.
func (in *LineInput) Selected() bool { return in.selected }
func (in *LineInput) Value() string  { return string(in.value) }
func (in *LineInput) Focus()         { in.focused = true }
func (in *LineInput) Blur()          { in.focused = false }
func (in *LineInput) SetWidth(w int) { in.width = w }

// Update edits the text for one key; keys it does not know are ignored.
func (in *LineInput) Update(msg tea.KeyPressMsg) {
	if in.selected {
		in.selected = false
		if text(msg) {
			in.value, in.pos = nil, 0 // typing replaces the selected value
		}
	}
	switch msg.String() {
	case "left", "ctrl+b":
		in.pos = max(0, in.pos-1)
	case "right", "ctrl+f":
		in.pos = min(len(in.value), in.pos+1)
	case "home", "ctrl+a":
		in.pos = 0
	case "end", "ctrl+e":
		in.pos = len(in.value)
	case "backspace", "ctrl+h":
		if in.pos > 0 {
			in.value = append(in.value[:in.pos-1], in.value[in.pos:]...)
			in.pos--
		}
	case "delete", "ctrl+d":
		if in.pos < len(in.value) {
			in.value = append(in.value[:in.pos], in.value[in.pos+1:]...)
		}
	case "ctrl+u":
		in.value, in.pos = in.value[in.pos:], 0
	case "ctrl+k":
		in.value = in.value[:in.pos]
	case "ctrl+w":
		i := in.pos
		for i > 0 && unicode.IsSpace(in.value[i-1]) {
			i--
		}
		for i > 0 && !unicode.IsSpace(in.value[i-1]) {
			i--
		}
		in.value, in.pos = append(in.value[:i], in.value[in.pos:]...), i
	default:
		if !text(msg) {
			return
		}
		ins := []rune(strings.Map(func(r rune) rune {
			if unicode.IsControl(r) {
				return ' ' // pasted newlines and tabs become spaces
			}
			return r
		}, msg.Text))
		in.value = append(in.value[:in.pos], append(ins, in.value[in.pos:]...)...)
		in.pos += len(ins)
	}
}

// text reports whether a key types text rather than edits.
func text(msg tea.KeyPressMsg) bool {
	return msg.Text != "" && msg.Mod&(tea.ModCtrl|tea.ModAlt) == 0
}

// View draws the prompt and the text with the cursor as a block, scrolled so
// the cursor stays in view.
func (in *LineInput) View() string {
	if len(in.value) == 0 && in.Placeholder != "" {
		return in.Prompt + "█" + in.Placeholder
	}
	if in.selected && in.focused {
		v := Truncate(string(in.value), max(5, in.width-len([]rune(in.Prompt))-1))
		return in.Prompt + in.SelectStyle.Render(v) + "█"
	}
	room := max(5, in.width-len([]rune(in.Prompt))-1)
	start := max(0, in.pos-room+1)
	end := min(len(in.value), start+room)
	var b strings.Builder
	b.WriteString(in.Prompt)
	for i := start; i <= end; i++ {
		if i == in.pos && in.focused {
			b.WriteRune('█')
			if i < len(in.value) {
				continue // the block stands in for the character under it
			}
		}
		if i < end {
			b.WriteRune(in.value[i])
		}
	}
	return b.String()
}

// FieldLines is an open field: its prompt and what is typed on one line,
// or, when the prompt leaves too little room for a date (a Spanish prompt
// at 80 columns), the prompt on lines of its own above what is typed.
func FieldLines(in *LineInput, w int) []string {
	const room = 12 // a date and the cursor
	prompt := in.Prompt
	if ansi.StringWidth(prompt)+room <= w {
		return []string{in.View()}
	}
	in.Prompt = "  "
	typed := in.View()
	in.Prompt = prompt
	return append(strings.Split(Wrap(strings.TrimSpace(prompt), w, ""), "\n"), typed)
}
