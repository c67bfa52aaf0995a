package store

import (
	"strings"
	"time"
)

// The sink (sink.go) hands over a column's text as SQLite holds it, where
// rows.Scan hands over what modernc makes of it: for a column declared
// DATE, DATETIME or TIMESTAMP, text in one of SQLite's date formats (or in
// the form Go's time.Time.String writes, which is how the driver stores a
// time.Time) arrives as a time.Time. The profile samples through rows.Scan,
// so the load must read such a column the same way.

// driverTimeFormats are modernc's parse formats (its parseTimeFormats: the
// formats 1–7 of https://www.sqlite.org/lang_datefunc.html), tried in its order.
var driverTimeFormats = []string{
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02T15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04",
	"2006-01-02T15:04",
	"2006-01-02",
}

// isDriverTimeType reports whether the driver reads a column declared so as
// times (it compares the declared type, upper-cased, exactly).
func isDriverTimeType(decl string) bool {
	switch strings.ToUpper(decl) {
	case "DATE", "DATETIME", "TIMESTAMP":
		return true
	}
	return false
}

// driverTime reads s as modernc does for such a column; ok is false when it
// would have handed the text over unchanged.
func driverTime(s string) (t time.Time, ok bool) {
	// time.Time.String: "2006-01-02 15:04:05.999999999 -0700 MST", maybe
	// followed by a monotonic clock reading "m=+…"
	st := s
	if x := strings.Index(s, "m="); x > 0 {
		st = s[:x]
	}
	if t, err := time.Parse("2006-01-02 15:04:05.999999999 -0700 MST", strings.TrimSpace(st)); err == nil {
		return t, true
	}
	ts, _ := strings.CutSuffix(s, "Z")
	for _, f := range driverTimeFormats {
		if t, err := time.Parse(f, ts); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
