package model

// SpreadsheetSafe neutralises a cell bound for a spreadsheet (a CSV list, a
// rejected file, prospects with their segments): a value that starts with
// = + - @, a tab or a carriage return would be run as a formula when the
// file is opened (=HYPERLINK(...), +cmd|'...'!A0, @SUM(...)), so it is
// prefixed with a single quote, as OWASP's CSV-injection advice says. JSON
// lines are written raw: no spreadsheet evaluates them. changed reports
// whether the value was altered, so files can say how many were.
func SpreadsheetSafe(s string) (safe string, changed bool) {
	if s == "" {
		return s, false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s, true
	}
	return s, false
}

// SpreadsheetRule is the sentence files and manifests use to say so.
const SpreadsheetRule = "cells starting with = + - @, a tab or a carriage return are prefixed with ' so spreadsheets do not run them as formulas"

// Printable makes a value from the data safe to show on a terminal: control
// characters — C0 (below space) but for the tab, DEL, and C1 (U+0080 …
// U+009F, which some terminals obey) — are written as \xNN instead of being
// obeyed, so a name holding "\x1b]0;PWNED\x07" cannot retitle the window,
// clear the screen or write the clipboard (OSC 52). Line breaks are shown
// escaped too: one value is one line.
func Printable(s string) string {
	if !hasControl(s) {
		return s
	}
	var b []byte
	for _, r := range s {
		if isControl(r) {
			b = append(b, '\\', 'x', hexDigit[r>>4&0xf], hexDigit[r&0xf])
			continue
		}
		b = append(b, string(r)...)
	}
	return string(b)
}

const hexDigit = "0123456789abcdef"

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' || r == 0x7f || r >= 0x80 && r <= 0x9f
}

func hasControl(s string) bool {
	for _, r := range s {
		if isControl(r) {
			return true
		}
	}
	return false
}
