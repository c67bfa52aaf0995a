package parse

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// TestISODaysIsTheCalendar: ISODays, written without time.Time, agrees
// with Go's calendar (time.Date, then Unix seconds / 86400) on every day
// from 1600 to 2400 and refuses what is not a day (31 April, 29 February
// of a common year, month 13, stray characters).
func TestISODaysIsTheCalendar(t *testing.T) {
	for d := time.Date(1600, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2400; d = d.AddDate(0, 0, 1) {
		s := d.Format(time.DateOnly)
		got, ok := ISODays(s)
		if want := floorDiv(d.Unix(), 86400); !ok || got != want {
			t.Fatalf("%s: %d %v, want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-010", "2024/01/01", "20x4-01-01", " 2024-01-1"} {
		if got, ok := ISODays(s); ok {
			t.Errorf("%q read as day %d", s, got)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 { // random strings: ISODays never accepts what ParseDate reads otherwise
		s := fmt.Sprintf("%04d-%02d-%02d", r.IntN(10000), r.IntN(14), r.IntN(33))
		got, ok := ISODays(s)
		d, pok := ParseDate(s, DayFirst)
		if ok != pok || ok && got != d.Days() {
			t.Fatalf("%q: ISODays %d %v, ParseDate %v %v", s, got, ok, d, pok)
		}
	}
}
