package locale

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pulpero/pulpero/model"
)

// Currency is how a database's money is marked on screen: "" (no mark,
// pulpero's default: it cannot know the currency of a column of numbers),
// a symbol written before the amount ("$", "US$", "S/"), or a pattern with
// # where the amount goes ("# €", "$ #"), since shops write it both ways.
type Currency string

// ParseCurrency reads a currency as a user writes it; "none" and "" are no
// mark. At most 8 characters, printable, at most one #.
func ParseCurrency(s string) (Currency, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "none") {
		return "", nil
	}
	if utf8.RuneCountInString(s) > 8 || strings.Count(s, "#") > 1 || strings.IndexFunc(s, func(r rune) bool { return !unicode.IsPrint(r) }) >= 0 {
		return "", model.Say("%q is not a currency: write a symbol (€, $, US$) or a pattern with # for the amount (# €), at most 8 characters; none removes it", s)
	}
	if s == "#" {
		return "", nil
	}
	return Currency(s), nil
}

// Mark writes amount (already formatted) with the currency.
func (c Currency) Mark(amount string) string {
	switch {
	case c == "":
		return amount
	case strings.Contains(string(c), "#"):
		return strings.Replace(string(c), "#", amount, 1)
	case strings.HasPrefix(amount, "-"): // -$12, not $-12
		return "-" + string(c) + amount[1:]
	}
	return string(c) + amount
}
