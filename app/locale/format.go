package locale

import (
	"math"
	"time"

	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Int writes a count with the region's grouping: 1,234,567 or 1.234.567.
func (l Locale) Int(n int) string { return l.printer().Sprint(number.Decimal(n)) }

// Number writes x with exactly decimals digits after the region's mark.
func (l Locale) Number(x float64, decimals int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	return l.printer().Sprint(number.Decimal(x, number.Scale(decimals)))
}

// Date writes a day as the language does on screen: 2026-12-02 in English
// (ISO: no month/day order to misread), 02/12/2026 in Spanish.
func (l Locale) Date(t time.Time) string {
	if l.Lang == Spanish {
		return t.Format("02/01/2006")
	}
	return t.Format("2006-01-02")
}

// printer is the locale's printer; the zero Locale prints as English.
func (l Locale) printer() *message.Printer {
	if l.p == nil {
		return Default().p
	}
	return l.p
}
