package common

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/pulpero/pulpero/model"
)

// Int formats a count with thousands separators: 1234567 → "1,234,567".
func Int(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Money formats an amount with thousands separators, with cents below
// 1,000 and without them above, where they are noise: 12.5 → "12.50",
// 26321.8 → "26,322".
func Money(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	if math.Abs(x) >= 1000 {
		return Int(int(math.Round(x)))
	}
	return fmt.Sprintf("%.2f", x)
}

// Percent formats a share in [0,1] as "12.3%".
func Percent(share float64) string {
	if math.IsNaN(share) {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*share)
}

// Value formats a number of the given kind as a user reads it: dates as
// YYYY-MM-DD, date-times with the time, integers without decimals.
func Value(k model.Kind, v float64) string {
	switch {
	case math.IsNaN(v):
		return "–"
	case k == model.KindDate:
		return time.Unix(int64(math.Floor(v))*86400, 0).UTC().Format("2006-01-02")
	case k == model.KindDateTime:
		return time.Unix(int64(v), 0).UTC().Format("2006-01-02 15:04")
	case k == model.KindInteger || k == model.KindIdentifier || v == math.Trunc(v) && math.Abs(v) < 1e15:
		return Int(int(v))
	case math.Abs(v) >= 1000:
		return Int(int(math.Round(v)))
	case math.Abs(v) >= 10:
		return fmt.Sprintf("%.1f", v)
	default:
		return fmt.Sprintf("%.3g", v)
	}
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
