package app

import (
	"testing"
	"time"
)

// TestParseDayReadsTheDayAsTheScreensShowIt (review 12): a day is typed as
// ISO or as the Spanish screens write it (DD/MM/YYYY), day first always;
// anything else is the same error as before.
func TestParseDayReadsTheDayAsTheScreensShowIt(t *testing.T) {
	want := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{"2025-12-31", "31/12/2025", " 31/12/2025 "} {
		if d, err := ParseDay(s); err != nil || !d.Equal(want) {
			t.Errorf("ParseDay(%q) = %v, %v; want %v", s, d, err, want)
		}
	}
	if d, err := ParseDay("1/2/2025"); err != nil || !d.Equal(time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("ParseDay(1/2/2025) = %v, %v; want the 1st of February", d, err)
	}
	for _, s := range []string{"12/31/2025", "31/12/25", "2025/12/31", "31-12-2025", "", "yesterday"} {
		if _, err := ParseDay(s); err == nil || err.Error() != `analysis date "`+s+`": want YYYY-MM-DD` {
			t.Errorf("ParseDay(%q): %v", s, err)
		}
	}
}
