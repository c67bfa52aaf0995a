package common

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
)

// numbers is the number format of the screens: the region's (1.234,56 in
// Spain), set once by the program from the user's locale. One per process:
// sessions of pulpero serve write numbers as the server's locale does.
var numbers = locale.Default()

// UseNumbers sets the number and date format of every screen.
func UseNumbers(l locale.Locale) { numbers = l }

// Int formats a count with thousands separators: 1234567 → "1,234,567"
// (1.234.567 in Spanish).
func Int(n int) string { return numbers.Int(n) }

// Money formats an amount with thousands separators, with cents below
// 1,000 and without them above, where they are noise: 12.5 → "12.50",
// 26321.8 → "26,322".
func Money(x float64) string { return money(numbers, x) }

func money(l locale.Locale, x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	if math.Abs(x) >= 1000 {
		return l.Int(int(math.Round(x)))
	}
	return l.Number(x, 2)
}

// Percent formats a share in [0,1] as "12.3%" (12,3% in Spanish).
func Percent(share float64) string {
	if math.IsNaN(share) {
		return "–"
	}
	return numbers.Number(100*share, 1) + "%"
}

// Value formats a number of the given kind as a user reads it: dates as
// the language writes them (YYYY-MM-DD in English, DD/MM/YYYY in Spanish),
// date-times with the time, integers without decimals.
func Value(k model.Kind, v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case k == model.KindDate:
		return numbers.Date(time.Unix(int64(math.Floor(v))*86400, 0).UTC())
	case k == model.KindDateTime:
		return numbers.Date(time.Unix(int64(v), 0).UTC()) + time.Unix(int64(v), 0).UTC().Format(" 15:04")
	case k == model.KindInteger || k == model.KindIdentifier || v == math.Trunc(v) && math.Abs(v) < 1e15:
		return Int(int(v))
	case math.Abs(v) >= 1000:
		return Int(int(math.Round(v)))
	case math.Abs(v) >= 10:
		return numbers.Number(v, 1)
	default:
		return sig3(v)
	}
}

// sig3 writes v with three significant digits, as %.3g does for values
// below 10 in magnitude, in the screens' number format.
func sig3(v float64) string {
	if v == 0 {
		return "0"
	}
	decimals := 2 - int(math.Floor(math.Log10(math.Abs(v))))
	if decimals > 6 {
		return fmt.Sprintf("%.3g", v) // below 1e-4 %.3g writes 1.71e-06: kept as it is
	}
	s := numbers.Number(v, max(0, decimals))
	// %.3g drops trailing zeros: 0.5 → "0.5", 2 → "2"
	if strings.ContainsAny(s, ".,") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimRight(s, ".,")
	}
	return s
}

// DecimalMark writes a number formatted with a decimal point ("12.5k",
// "1.234e+04") with the screens' decimal mark instead ("12,5k" in Spain):
// for figures written to a number of significant digits, which the
// region's format does not do. s must hold no grouping.
func DecimalMark(s string) string {
	if numbers.Lang == locale.English || !strings.Contains(numbers.Number(0.5, 1), ",") {
		return s
	}
	return strings.ReplaceAll(s, ".", ",")
}

// Truncate cuts s to width cells, marking the cut with "…".
func Truncate(s string, width int) string {
	if width <= 0 {
		return ""
	}
	r := []rune(s)
	if len(r) <= width {
		return s
	}
	if width == 1 {
		return "…"
	}
	return string(r[:width-1]) + "…"
}

// Pad right-pads s with spaces to width runes (cutting it if longer).
func Pad(s string, width int) string {
	s = Truncate(s, width)
	if n := len([]rune(s)); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// PadLeft left-pads s with spaces to width runes.
func PadLeft(s string, width int) string {
	s = Truncate(s, width)
	if n := len([]rune(s)); n < width {
		return strings.Repeat(" ", width-n) + s
	}
	return s
}

// Bar draws a horizontal bar of share×width cells with eighth-block
// precision, so small differences stay visible in narrow panes.
func Bar(share float64, width int) string {
	if width <= 0 || math.IsNaN(share) || share <= 0 {
		return ""
	}
	share = math.Min(share, 1)
	eighths := int(math.Round(share * float64(width*8)))
	if eighths == 0 {
		eighths = 1 // a non-zero count never looks empty
	}
	full, rest := eighths/8, eighths%8
	s := strings.Repeat("█", full)
	if rest > 0 {
		s += string([]rune("▏▎▍▌▋▊▉")[rest-1])
	}
	return s
}
