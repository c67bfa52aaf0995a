package sample

import "math/rand/v2"

// Dates are whole days since 1970-01-01 (civil calendar, no time zones).
// The generator never reads the clock: "today" is the fixed ReferenceDate, so
// the same seed gives the same database on any day.

// ReferenceDate is the generator's "today"; ages are computed at this date.
const ReferenceDate = "2026-01-01"

var (
	today = daysFromCivil(2026, 1, 1)
	// The shop's recorded history: two full years before today.
	historyStart = daysFromCivil(2024, 1, 1)
	historyEnd   = today - 1 // inclusive
	// The shop opened its customer file in 2012.
	firstSignup = daysFromCivil(2012, 1, 1)
)

// daysFromCivil converts a date to days since 1970-01-01 (H. Hinnant's
// algorithm, exact over the proleptic Gregorian calendar).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	m = mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// weekday returns 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday).
func weekday(z int) int { return ((z+3)%7 + 7) % 7 }

// ageAt returns whole years between birth and day.
func ageAt(birth, day int) int {
	by, bm, bd := civilFromDays(birth)
	y, m, d := civilFromDays(day)
	age := y - by
	if m < bm || (m == bm && d < bd) {
		age--
	}
	return age
}

// addYears moves a date by whole years (29 February becomes 1 March).
func addYears(day, years int) int {
	y, m, d := civilFromDays(day)
	if m == 2 && d == 29 {
		m, d = 3, 1
	}
	return daysFromCivil(y+years, m, d)
}

func appendNum(b []byte, v, width int) []byte {
	var tmp [8]byte
	i := len(tmp)
	for v > 0 || i == len(tmp) {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
	}
	for n := len(tmp) - i; n < width; n++ {
		b = append(b, '0')
	}
	return append(b, tmp[i:]...)
}

// formatDate renders an ISO date, YYYY-MM-DD.
func formatDate(z int) string {
	var buf [10]byte
	return string(appendDate(buf[:0], z))
}

func appendDate(b []byte, z int) []byte {
	y, m, d := civilFromDays(z)
	b = appendNum(b, y, 4)
	b = append(b, '-')
	b = appendNum(b, m, 2)
	b = append(b, '-')
	return appendNum(b, d, 2)
}

// formatDateTime renders 'YYYY-MM-DD HH:MM:SS' for a day and seconds into it.
func formatDateTime(z, secs int) string {
	var buf [19]byte
	b := appendDate(buf[:0], z)
	b = append(b, ' ')
	b = appendNum(b, secs/3600, 2)
	b = append(b, ':')
	b = appendNum(b, secs/60%60, 2)
	b = append(b, ':')
	b = appendNum(b, secs%60, 2)
	return string(b)
}

// Seasonality of purchases by month (January … December): January sales, a
// summer dip, Black Friday in November and the Christmas peak in December.
var monthWeight = [12]float64{0.95, 0.80, 0.90, 0.95, 1.00, 0.90, 0.75, 0.65, 0.95, 1.00, 1.25, 1.70}

// Weekly rhythm of store visits (Monday … Sunday): Friday and Saturday busy,
// Sunday mostly closed. Online orders are flatter (onlineWeekday).
var storeWeekday = [7]float64{0.80, 0.85, 0.90, 0.95, 1.20, 1.50, 0.35}
var onlineWeekday = [7]float64{1.05, 1.00, 0.95, 0.95, 0.90, 0.95, 1.20}

// seasonalDay draws a day in [lo, hi] with density proportional to the month
// weight (raised to strength: 0 means flat, 1 the shop's average, >1 more
// seasonal) times the weekday weight. Rejection sampling: cheap because the
// weights are within a factor of ~5.
func seasonalDay(r *rand.Rand, lo, hi int, strength float64, week *[7]float64) int {
	if hi <= lo {
		return lo
	}
	for range 64 {
		z := lo + r.IntN(hi-lo+1)
		_, m, _ := civilFromDays(z)
		w := 1 + strength*(monthWeight[m-1]-1)
		if r.Float64()*2.6 < w*week[weekday(z)] {
			return z
		}
	}
	return lo + r.IntN(hi-lo+1)
}
