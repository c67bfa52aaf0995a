package sample

import (
	"testing"
	"time"
)

func TestCalendarMatchesTime(t *testing.T) {
	for z := daysFromCivil(1900, 1, 1); z < daysFromCivil(2100, 1, 1); z += 7 {
		want := time.Unix(int64(z)*86400, 0).UTC()
		if got := formatDate(z); got != want.Format("2006-01-02") {
			t.Fatalf("formatDate(%d) = %s, want %s", z, got, want.Format("2006-01-02"))
		}
		y, m, d := civilFromDays(z)
		if daysFromCivil(y, m, d) != z {
			t.Fatalf("round trip of %d failed", z)
		}
		if weekday(z) != (int(want.Weekday())+6)%7 {
			t.Fatalf("weekday(%d) wrong", z)
		}
	}
	if got := formatDateTime(daysFromCivil(2025, 12, 24), 13*3600+5*60+9); got != "2025-12-24 13:05:09" {
		t.Fatalf("formatDateTime = %s", got)
	}
	if a := ageAt(daysFromCivil(2000, 1, 2), today); a != 25 {
		t.Fatalf("ageAt = %d, want 25", a)
	}
}
