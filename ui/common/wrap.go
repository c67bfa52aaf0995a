package common

import "strings"

// Wrap breaks s into lines of at most width runes at spaces, indenting the
// continuation lines, so long messages (errors with a path and advice) are
// read whole instead of cut.
func Wrap(s string, width int, indent string) string {
	if width < 10 {
		return s
	}
	var out, line []string
	n := 0
	for _, w := range strings.Fields(s) {
		if n+len([]rune(w)) > width && len(line) > 0 {
			out = append(out, strings.Join(line, " "))
			line, n = nil, 0
		}
		line = append(line, w)
		n += len([]rune(w)) + 1
	}
	if len(line) > 0 {
		out = append(out, strings.Join(line, " "))
	}
	return strings.Join(out, "\n"+indent)
}
