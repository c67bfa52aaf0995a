package parse

import (
	"strings"
	"time"
)

// DateOrder says how to read an ambiguous numeric date such as 03/04/2021.
type DateOrder int

const (
	DayFirst   DateOrder = iota // 03/04/2021 is 3 April (Europe, Latin America)
	MonthFirst                  // 03/04/2021 is 4 March (United States)
)

// Date is a parsed date or date-time.
type Date struct {
	Time    time.Time // in UTC
	HasTime bool      // the text had a time of day
}

// Days returns the number of days since 1970-01-01.
func (d Date) Days() int64 { return floorDiv(d.Time.Unix(), 86400) }

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// ISO formats the date as SQLite's own convention: YYYY-MM-DD, with
// " HH:MM:SS" when it has a time.
func (d Date) ISO() string {
	if d.HasTime {
		return d.Time.Format("2006-01-02 15:04:05")
	}
	return d.Time.Format("2006-01-02")
}

var isoLayouts = []string{
	"2006-01-02", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04",
	"2006-01-02T15:04", "2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999Z07:00", "2006/01/02", "2006/01/02 15:04:05", "2006/01/02 15:04",
}

var dayFirstLayouts = []string{
	"02-01-2006", "02/01/2006", "02.01.2006", "2-1-2006", "2/1/2006", "2.1.2006",
	"02-01-2006 15:04:05", "02/01/2006 15:04:05", "02-01-2006 15:04", "02/01/2006 15:04",
	"2/1/2006 15:04", "2/1/2006 15:04:05", "2-1-2006 15:04", "2.1.2006 15:04",
}

var monthFirstLayouts = []string{
	"01-02-2006", "01/02/2006", "1-2-2006", "1/2/2006",
	"01-02-2006 15:04:05", "01/02/2006 15:04:05", "01-02-2006 15:04", "01/02/2006 15:04",
	"1/2/2006 15:04", "1/2/2006 15:04:05", "1-2-2006 15:04",
}

// ParseDate reads a date or date-time in ISO, yyyymmdd, or day/month/year
// layouts, using order for the numeric ones where day and month could swap.
func ParseDate(s string, order DateOrder) (Date, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 35 || s[0] < '0' || s[0] > '9' {
		return Date{}, false
	}
	if d, ok := fastISO(s); ok {
		return d, true
	}
	for _, l := range isoLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return Date{Time: t.UTC(), HasTime: len(l) > 10}, true
		}
	}
	if len(s) == 8 && allDigits(s) {
		if t, err := time.Parse("20060102", s); err == nil && t.Year() >= 1900 && t.Year() <= 2100 {
			return Date{Time: t}, true
		}
		return Date{}, false
	}
	layouts := dayFirstLayouts
	if order == MonthFirst {
		layouts = monthFirstLayouts
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return Date{Time: t, HasTime: strings.Contains(l, ":")}, true
		}
	}
	return Date{}, false
}

// DateOrderEvidence says what a numeric date tells about the order of day
// and month: a first field above 12 proves day-first, a second field above 12
// proves month-first; anything else proves nothing.
func DateOrderEvidence(s string) (order DateOrder, decided bool) {
	s = strings.TrimSpace(s)
	sep := strings.IndexAny(s, "/-.")
	if sep <= 0 || sep > 2 {
		return DayFirst, false
	}
	rest := s[sep+1:]
	sep2 := strings.IndexAny(rest, "/-.")
	if sep2 <= 0 || sep2 > 2 {
		return DayFirst, false
	}
	a, b := atoi(s[:sep]), atoi(rest[:sep2])
	switch {
	case a > 12 && b <= 12:
		return DayFirst, true
	case b > 12 && a <= 12:
		return MonthFirst, true
	}
	return DayFirst, false
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// fastISO reads the two layouts SQLite itself writes, YYYY-MM-DD and
// YYYY-MM-DD HH:MM:SS, without time.Parse: loading a million dates spends
// most of its time here otherwise.
func fastISO(s string) (Date, bool) {
	if len(s) != 10 && len(s) != 19 || s[4] != '-' || s[7] != '-' {
		return Date{}, false
	}
	y, mo, d := atoi(s[0:4]), atoi(s[5:7]), atoi(s[8:10])
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysIn(time.Month(mo), y) {
		return Date{}, false
	}
	if len(s) == 10 {
		return Date{Time: time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)}, true
	}
	if s[10] != ' ' && s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return Date{}, false
	}
	h, mi, se := atoi(s[11:13]), atoi(s[14:16]), atoi(s[17:19])
	if h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 59 {
		return Date{}, false
	}
	return Date{Time: time.Date(y, time.Month(mo), d, h, mi, se, 0, time.UTC), HasTime: true}, true
}

// daysIn is the length of month m of year (proleptic Gregorian), without
// time.Date: it runs once per date a load reads.
func daysIn(m time.Month, year int) int {
	switch m {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// ISODays reads a YYYY-MM-DD date as days since 1970-01-01, the way a load
// stores dates, without building a time.Time (most dates a load reads are
// ISO; it was a tenth of a cold load's CPU). ok is false for anything else,
// which ParseDate then reads.
func ISODays(s string) (days int64, ok bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, false
	}
	y, mo, d := atoi(s[0:4]), atoi(s[5:7]), atoi(s[8:10])
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysIn(time.Month(mo), y) {
		return 0, false
	}
	return daysFromCivil(int64(y), int64(mo), int64(d)), true
}

// daysFromCivil is Howard Hinnant's days_from_civil: the days from
// 1970-01-01 to y-m-d in the proleptic Gregorian calendar.
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(y, 400)
	yoe := y - era*400 // [0, 399]
	mp := (m + 9) % 12 // March = 0
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}
