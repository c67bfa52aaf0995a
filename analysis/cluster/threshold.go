package cluster

import (
	"math"
	"strconv"
	"time"
)

// readable returns the roundest number t with lo <= t < hi and its text in
// the language (no exponent), such that the text reads back as a number in
// the same range: the coarsest power of ten with a multiple in the range, or
// lo itself. A split "x <= t" then sends exactly the same rows left as
// "x <= lo" did, because no value of the node lies in (lo, hi).
func readable(lo, hi float64) (float64, string) {
	if !(lo < hi) {
		return lo, format(lo, -1)
	}
	top := int(math.Ceil(math.Log10(max(math.Abs(lo), math.Abs(hi)) + 1)))
	for e := top; e >= -12; e-- {
		step := math.Pow(10, float64(e))
		t := math.Ceil(lo/step) * step
		if t == 0 {
			t = 0 // not -0
		}
		s := format(t, max(0, -e))
		if p, err := strconv.ParseFloat(s, 64); err == nil && p >= lo && p < hi {
			return p, s
		}
	}
	return lo, format(lo, -1)
}

// format writes x in the language's number syntax (digits, a point, a
// leading minus), never with an exponent.
func format(x float64, prec int) string { return strconv.FormatFloat(x, 'f', prec, 64) }

// readableDay returns the roundest day boundary b with lo < b <= hi (day
// numbers): the first of a year, else of a month, else hi. The split is then
// "x < b" against "x >= b".
func readableDay(lo, hi float64) float64 {
	d := dayTime(hi)
	for _, b := range []time.Time{
		time.Date(d.Year(), 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC),
	} {
		if day := float64(b.Unix() / 86400); day > lo {
			return day
		}
	}
	return hi
}

func dayTime(day float64) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }

// isoDay writes a day number as "2024-01-31".
func isoDay(day float64) string { return dayTime(day).Format("2006-01-02") }
