package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/ui/common"
)

// headerPart is one piece of what the header says beside the tabs: its
// text (styled), and its rank when the line is too narrow for all of them
// (0 goes last).
type headerPart struct {
	text string
	rank int
	glue bool // joined to the part before with a space, not a separator
}

// tabsView renders the screen tabs. The focused one always has its name;
// the others have theirs cut to letters runes (0: the number alone), so at
// 60 or 80 columns the tabs leave room for what the header must say.
func tabsView(st *common.Styles, titles []string, focus int, letters int) string {
	var b strings.Builder
	for i, t := range titles {
		switch {
		case i == focus:
			b.WriteString(st.Selected.Render(fmt.Sprintf(" %d %s ", i+1, t)))
		case letters > 0:
			format := " %d %s "
			if r := []rune(t); len(r) > letters {
				// cut names sit one space apart: nine tabs fit 80 columns
				t = string(r[:letters])
				if i+1 != focus { // the focused tab's mark needs the space
					format = " %d %s"
				}
			}
			b.WriteString(st.Subtle.Render(fmt.Sprintf(format, i+1, t)))
		default:
			b.WriteString(st.Subtle.Render(fmt.Sprintf(" %d ", i+1)))
		}
	}
	return b.String()
}

// tabLetters are the lengths tried for the names of the tabs not focused:
// whole, three letters ("Seg"), none.
var tabLetters = []int{1 << 10, 3, 0}

// headerLine fits the tabs and the parts into width cells. The tabs keep
// the longest names with which the first-ranked parts still fit beside them; parts are
// dropped from the lowest rank up until the line fits, and whatever is
// left over is cut with "…".
func headerLine(st *common.Styles, titles []string, focus int, parts []headerPart, width int) string {
	sep := st.Subtle.Render(" · ")
	join := func(keep int) string {
		var b strings.Builder
		for _, p := range parts {
			switch {
			case p.rank > keep:
			case b.Len() == 0:
				b.WriteString(p.text)
			case p.glue:
				b.WriteString(" " + p.text)
			default:
				b.WriteString(sep + p.text)
			}
		}
		return b.String()
	}
	tabs := ""
	if len(titles) > 0 {
		for _, n := range tabLetters {
			tabs = tabsView(st, titles, focus, n)
			if ansi.StringWidth(tabs)+2+ansi.StringWidth(join(0)) <= width {
				break
			}
		}
		tabs += "  "
	}
	maxRank := 0
	for _, p := range parts {
		maxRank = max(maxRank, p.rank)
	}
	line := tabs + join(maxRank)
	for keep := maxRank - 1; keep >= 0 && ansi.StringWidth(line) > width; keep-- {
		line = tabs + join(keep)
	}
	return ansi.Truncate(line, width, "…")
}
