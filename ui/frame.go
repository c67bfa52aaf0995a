package ui

import (
	"strings"
	"unicode/utf8"
)

// safeFrame makes a rendered frame safe to hand to the terminal whatever
// the data held: pulpero's own styling is only SGR sequences (ESC [ … m),
// so any other escape sequence or control character in a frame came from a
// value — a column, category, segment or file name holding "\x1b]0;…\x07"
// (a window title), "\x1b[2J" (a clear) or an OSC 52 clipboard write — and
// is shown as \xNN text instead of being obeyed. Line breaks stay.
func safeFrame(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		c := s[i]
		if c == 0x1b {
			if n := sgrLen(s[i:]); n > 0 {
				b.WriteString(s[i : i+n])
				i += n
				continue
			}
			b.WriteString(`\x1b`)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r) && r != 0x1b {
			b.WriteString(escapeRune(r))
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// sgrLen is the length of the SGR sequence ESC [ params m at the start of
// s, or 0 when s does not start with one.
func sgrLen(s string) int {
	if len(s) < 3 || s[1] != '[' {
		return 0
	}
	for i := 2; i < len(s) && i < 64; i++ {
		switch c := s[i]; {
		case c == 'm':
			return i + 1
		case c >= '0' && c <= '9' || c == ';' || c == ':':
		default:
			return 0
		}
	}
	return 0
}

// unsafeRune is a control character other than a line break or a tab.
func unsafeRune(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f
}

func escapeRune(r rune) string {
	const hex = "0123456789abcdef"
	return `\x` + string(hex[r>>4&0xf]) + string(hex[r&0xf])
}
