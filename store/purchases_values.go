package store

import (
	"math"
	"strings"

	"github.com/pulpero/pulpero/store/parse"
)

// moneyRead says how an amount written as text was read.
type moneyRead int

const (
	moneyPlain      moneyRead = iota // a plain number: "12.5"
	moneyCleaned                     // read after dropping a currency sign or reading a decimal comma
	moneyUnreadable                  // not an amount
)

// currencyWords are the signs and codes a shop writes beside amounts.
var currencyWords = []string{"€", "$", "£", "¥", "₡", "₲", "₱", "R$", "S/", "Bs", "EUR", "USD", "GBP", "MXN", "ARS",
	"CLP", "COP", "PEN", "UYU", "CRC", "BOB", "PYG", "DOP", "GTQ", "HNL", "NIO", "VES", "eur", "usd"}

// ParseMoney reads an amount written as text, in the order a shop writes
// them: "12.50", "1,234.56", "12,50", "1.234,56", "€ 12,50", "$1,234.56",
// "12,50 €", "-3,20", "(3.20)" (negative). mark is the column's decimal
// mark, tried first (see moneyMark); the other mark is tried next.
func parseMoneyMark(s string, mark parse.DecimalMark) (float64, moneyRead) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, moneyUnreadable
	}
	if v, ok := parse.Number(s, mark); ok && mark == parse.DecimalPoint {
		return v, moneyPlain
	}
	cleaned := s
	for _, w := range currencyWords {
		cleaned = strings.ReplaceAll(cleaned, w, "")
	}
	cleaned = strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\'' {
			return -1 // spaces and apostrophes group thousands in some locales
		}
		return r
	}, cleaned)
	neg := false
	if strings.HasPrefix(cleaned, "(") && strings.HasSuffix(cleaned, ")") {
		neg, cleaned = true, cleaned[1:len(cleaned)-1]
	}
	other := parse.DecimalComma
	if mark == parse.DecimalComma {
		other = parse.DecimalPoint
	}
	marks := []parse.DecimalMark{mark, other}
	if p, c := strings.LastIndexByte(cleaned, '.'), strings.LastIndexByte(cleaned, ','); p >= 0 && c >= 0 {
		// with both, the last one is the decimal mark: "1.234,56", "1,234.56"
		marks = []parse.DecimalMark{parse.DecimalPoint}
		if c > p {
			marks = []parse.DecimalMark{parse.DecimalComma}
		}
	}
	for _, m := range marks {
		if v, ok := parse.Number(cleaned, m); ok && !math.IsInf(v, 0) {
			if neg {
				v = -v
			}
			return v, moneyCleaned
		}
	}
	return 0, moneyUnreadable
}

// ParseMoney reads an amount with a decimal point first (see
// parseMoneyMark).
func ParseMoney(s string) (float64, moneyRead) { return parseMoneyMark(s, parse.DecimalPoint) }

// moneyMark decides a text amount column's decimal mark from sample
// values: a comma when more values read only with a comma ("12,50",
// "1.234,5") than only with a point ("1,234.50", "12.5"). Values that read
// both ways ("1,234") say nothing.
func moneyMark(values map[string]struct{}) parse.DecimalMark {
	comma, point := 0, 0
	for v := range values {
		_, pr := parseMoneyMark(v, parse.DecimalPoint)
		_, cr := parseMoneyMark(v, parse.DecimalComma)
		pOnly := pr != moneyUnreadable && !readsWith(v, parse.DecimalComma)
		cOnly := cr != moneyUnreadable && !readsWith(v, parse.DecimalPoint)
		switch {
		case cOnly && !pOnly:
			comma++
		case pOnly && !cOnly:
			point++
		}
	}
	if comma > point {
		return parse.DecimalComma
	}
	return parse.DecimalPoint
}

// readsWith reports whether s, without currency signs and spaces, is a
// number under mark alone.
func readsWith(s string, mark parse.DecimalMark) bool {
	for _, w := range currencyWords {
		s = strings.ReplaceAll(s, w, "")
	}
	_, ok := parse.Number(strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "()")), mark)
	return ok
}
