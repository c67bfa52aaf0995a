package common

import (
	"strings"
)

// Scroller shows a text taller than its room one window at a time. Its
// last line says what is hidden and which keys move, so nothing is ever cut
// off without a word. The zero value shows the top.
type Scroller struct{ Offset int }

// Overflows reports whether text needs more than height lines.
func Overflows(text string, height int) bool {
	return strings.Count(strings.TrimSuffix(text, "\n"), "\n")+1 > height
}

// View returns at most height lines of text from the offset, the last one
// a hint when the text does not fit. The hint is in the session's language,
// its counts as the session's region writes them (c.Locale), in c's styles.
func (s Scroller) View(text string, height int, c *Common) string {
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	if len(lines) <= height || height < 2 {
		if height >= 1 && len(lines) > height {
			lines = lines[:height]
		}
		return strings.Join(lines, "\n")
	}
	room := height - 1
	off := max(0, min(s.Offset, len(lines)-room))
	shown := lines[off : off+room]
	above, below := off, len(lines)-off-room
	var hint string
	switch {
	case above > 0 && below > 0:
		hint = c.T(msgMoreBoth, above, below)
	case below > 0:
		hint = c.T(msgMoreBelow, below)
	default:
		hint = c.T(msgMoreAbove, above)
	}
	return strings.Join(shown, "\n") + "\n" + c.Styles.Subtle.Render(hint)
}

// Page moves by a window of the text shown in height lines: +1 down, -1
// up, never past either end.
func (s *Scroller) Page(direction int, text string, height int) {
	total := strings.Count(strings.TrimSuffix(text, "\n"), "\n") + 1
	s.Offset = max(0, min(s.Offset+direction*max(1, height-2), total-(height-1)))
}
