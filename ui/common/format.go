package common

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
)

// The screens write numbers as the session's region does (Common.Locale):
// each user of pulpero serve in their own format, whatever the server's.
// The zero Locale writes English.

// Int formats a count with thousands separators: 1234567 → "1,234,567"
// (1.234.567 in Spanish).
func (c *Common) Int(n int) string { return c.Locale.Int(n) }

// Money formats an amount with thousands separators, with cents below
// 1,000 and without them above, where they are noise: 12.5 → "12.50",
// 26321.8 → "26,322". Table cells use it bare; sentences use Amount.
func (c *Common) Money(x float64) string { return money(c.Locale, x) }

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
func (c *Common) Percent(share float64) string {
	if math.IsNaN(share) {
		return "–"
	}
	return c.Locale.Number(100*share, 1) + "%"
}

// Value formats a number of the given kind as a user reads it: dates as
// the language writes them (YYYY-MM-DD in English, DD/MM/YYYY in Spanish),
// date-times with the time, integers without decimals.
func (c *Common) Value(k model.Kind, v float64) string { return value(c.Locale, k, v) }

func value(l locale.Locale, k model.Kind, v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case k == model.KindDate:
		return l.Date(time.Unix(int64(math.Floor(v))*86400, 0).UTC())
	case k == model.KindDateTime:
		return l.Date(time.Unix(int64(v), 0).UTC()) + time.Unix(int64(v), 0).UTC().Format(" 15:04")
	case k == model.KindInteger || k == model.KindIdentifier || v == math.Trunc(v) && math.Abs(v) < 1e15:
		return l.Int(int(v))
	case math.Abs(v) >= 1000:
		return l.Int(int(math.Round(v)))
	case math.Abs(v) >= 10:
		return l.Number(v, 1)
	default:
		return sig3(l, v)
	}
}

// sig3 writes v with three significant digits, as %.3g does for values
// below 10 in magnitude, in l's number format.
func sig3(l locale.Locale, v float64) string {
	if v == 0 {
		return "0"
	}
	decimals := 2 - int(math.Floor(math.Log10(math.Abs(v))))
	if decimals > 6 {
		return fmt.Sprintf("%.3g", v) // below 1e-4 %.3g writes 1.71e-06: kept as it is
	}
	s := l.Number(v, max(0, decimals))
	// %.3g drops trailing zeros: 0.5 → "0.5", 2 → "2"
	if strings.ContainsAny(s, ".,") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimRight(s, ".,")
	}
	return s
}

// DecimalMark writes a number formatted with a decimal point ("12.5k",
// "1.234e+04") with the session's decimal mark instead ("12,5k" in Spain):
// for figures written to a number of significant digits, which the
// region's format does not do. s must hold no grouping.
func (c *Common) DecimalMark(s string) string {
	if c.Locale.Lang == locale.English || !strings.Contains(c.Locale.Number(0.5, 1), ",") {
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

// Figure writes a number already written with a decimal point and no
// grouping ("1641", "5578.19", "12.5k", a bin's "[1046, 1255)") as the
// session's region writes numbers: grouped and with its decimal mark
// ("1.641", "5.578,19", "12,5k" in Spain). English keeps s as it is: its
// screens write four-digit figures ungrouped. Digits are only regrouped,
// never re-read, so rounding and leading zeros ("e-06") stay as written.
func (c *Common) Figure(s string) string {
	if c.Locale.Lang == "" || c.Locale.Lang == locale.English {
		return s
	}
	marks := []rune(c.Locale.Number(1000.5, 1)) // "1.000,5" or "1,000.5"
	group, decimal := marks[1], marks[len(marks)-2]
	var b strings.Builder
	r := []rune(s)
	for i := 0; i < len(r); {
		if r[i] == 'e' || r[i] == 'E' {
			b.WriteString(string(r[i:])) // an exponent's digits are not grouped
			break
		}
		if r[i] < '0' || r[i] > '9' {
			b.WriteRune(r[i])
			i++
			continue
		}
		j := i
		for j < len(r) && r[j] >= '0' && r[j] <= '9' {
			j++
		}
		digits := r[i:j]
		for k, d := range digits {
			if k > 0 && (len(digits)-k)%3 == 0 {
				b.WriteRune(group)
			}
			b.WriteRune(d)
		}
		i = j
		if i+1 < len(r) && r[i] == '.' && r[i+1] >= '0' && r[i+1] <= '9' {
			b.WriteRune(decimal)
			i++
			for i < len(r) && r[i] >= '0' && r[i] <= '9' {
				b.WriteRune(r[i])
				i++
			}
		}
	}
	return b.String()
}

// Cell writes a table cell as read from the database (store's text: a
// REAL as 5578.19, a date as 1991-02-28) in the session's format when the
// column holds numbers with fractions or dates: 5.578,19 and 28/02/1991 in
// Spain. Whole numbers (years, codes, ids) and text stay as they are, and
// so does everything in English.
func (c *Common) Cell(k model.Kind, s string) string {
	if c.Locale.Lang == "" || c.Locale.Lang == locale.English {
		return s
	}
	switch k {
	case model.KindReal:
		if decimalText(s) {
			return c.Figure(s)
		}
	case model.KindDate, model.KindDateTime:
		if len(s) >= 10 && isoDay(s[:10]) && (len(s) == 10 || s[10] == ' ' || s[10] == 'T') {
			if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
				return c.Locale.Date(t) + s[10:]
			}
		}
	}
	return s
}

// DeclKind is the kind a column's declared SQL type suggests, for a table
// shown as it is stored (no kinds detected): REAL, FLOAT, DOUBLE, NUMERIC
// and DECIMAL hold numbers with fractions; a type naming DATE or TIME holds
// dates. Anything else is text, shown as it is.
func DeclKind(decl string) model.Kind {
	d := strings.ToUpper(decl)
	switch {
	case strings.Contains(d, "DATE") || strings.Contains(d, "TIME"):
		return model.KindDate
	case strings.Contains(d, "REAL") || strings.Contains(d, "FLOA") || strings.Contains(d, "DOUB") ||
		strings.Contains(d, "NUMERIC") || strings.Contains(d, "DEC"):
		return model.KindReal
	}
	return model.KindText
}

// decimalText reports s is a plain number: digits with an optional sign
// and fraction, as SQLite writes a REAL.
func decimalText(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	return whole != "" && allDigits(whole) && allDigits(frac)
}

func isoDay(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-' && allDigits(s[:4]) && allDigits(s[5:7]) && allDigits(s[8:])
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
