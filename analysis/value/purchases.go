package value

import (
	"fmt"
	"math"
)

// Purchases are invoice lines as parallel slices, one element per line.
// Customer is the customer's index 0..n-1 in the customer table (-1: no
// customer; the line is skipped and counted); Day is the day of the line in
// days since 1970-01-01; Amount is the net value of the line, negative for a
// return.
type Purchases struct {
	Customer []int32
	Day      []int32
	Amount   []float64
}

// Len returns the number of lines.
func (p Purchases) Len() int { return len(p.Day) }

// check validates the slices against the number of customers.
func (p Purchases) check(customers int) error {
	if customers < 0 {
		return newError(KindBadInput, "negative number of customers %d", customers)
	}
	if len(p.Customer) != len(p.Day) || len(p.Amount) != len(p.Day) {
		return newError(KindBadInput, "lengths differ: %d customers, %d days, %d amounts",
			len(p.Customer), len(p.Day), len(p.Amount))
	}
	for i, c := range p.Customer {
		if c < -1 || int(c) >= customers {
			return newError(KindBadInput, "line %d: customer index %d is outside 0..%d", i, c, customers-1)
		}
	}
	for i, a := range p.Amount {
		if math.IsNaN(a) || math.IsInf(a, 0) {
			return newError(KindBadInput, "line %d: amount is %v", i, a)
		}
	}
	return nil
}

// TimeUnit is the unit of the model's times (t_x, T, horizons) and so of the
// rate parameter α. The literature uses weeks.
type TimeUnit int

// The time units.
const (
	Weeks TimeUnit = iota
	Days
)

// Days returns the length of the unit in days.
func (u TimeUnit) Days() float64 {
	if u == Days {
		return 1
	}
	return 7
}

// String returns a stable key: "weeks" or "days".
func (u TimeUnit) String() string {
	if u == Days {
		return "days"
	}
	return "weeks"
}

func (u TimeUnit) valid() error {
	if u != Weeks && u != Days {
		return newError(KindBadInput, "unknown time unit %d", int(u))
	}
	return nil
}

// dayString formats a day number as an ISO date, for error details.
func dayString(d int32) string {
	// Civil-from-days (H. Hinnant), to keep the package free of the clock and
	// time zones.
	z := int64(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	dd := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}
