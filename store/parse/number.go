package parse

import (
	"strconv"
	"strings"
)

// DecimalMark is the character that separates a number's fraction.
type DecimalMark byte

const (
	DecimalPoint DecimalMark = '.'
	DecimalComma DecimalMark = ','
)

// Number reads a number written with the given decimal mark; the other mark
// may appear as a thousands separator ("1.234,56" with a comma mark,
// "1,234.56" with a point mark). A leading + or -, and surrounding spaces, are
// accepted. Currency symbols are not: a value with one is text.
func Number(s string, mark DecimalMark) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	thousands := byte(',')
	if mark == DecimalComma {
		thousands = '.'
	}
	if strings.IndexByte(s, thousands) >= 0 {
		if !groupedCorrectly(s, thousands, byte(mark)) {
			return 0, false
		}
		s = strings.ReplaceAll(s, string(thousands), "")
	}
	if mark == DecimalComma {
		s = strings.Replace(s, ",", ".", 1)
	}
	// strconv accepts forms no shop writes (hex, "inf", underscores): refuse them.
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}

// groupedCorrectly checks that thousands separators stand every three digits
// before the decimal mark, so that "1,5" is not read as 15 under a point mark.
func groupedCorrectly(s string, sep, mark byte) bool {
	intPart := s
	if i := strings.IndexByte(s, mark); i >= 0 {
		intPart = s[:i]
	}
	intPart = strings.TrimLeft(intPart, "+-")
	groups := strings.Split(intPart, string(sep))
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return true
}

// Integer reads a whole number, also when written as "17850.0" (a float
// export of an integer column). It fails on any real fraction.
func Integer(s string, mark DecimalMark) (int64, bool) {
	s = strings.TrimSpace(s)
	if v, err := strconv.ParseInt(s, 10, 64); err == nil {
		return v, true
	}
	f, ok := Number(s, mark)
	if !ok || f != float64(int64(f)) || f > 1<<53 || f < -(1<<53) {
		return 0, false
	}
	return int64(f), true
}
