package common

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
)

// TestNumbersFollowTheLocale: the screens write counts, money, shares and
// dates as the user's region does, and English stays as it was (%.3g and
// %.1f, ISO dates).
func TestNumbersFollowTheLocale(t *testing.T) {
	defer UseNumbers(locale.Default())
	es, _ := locale.Parse("es-AR")
	UseNumbers(es)
	day := 20424.0 // 2025-12-02
	for got, want := range map[string]string{
		Int(1234567): "1.234.567", Money(12.5): "12,50", Money(26321.8): "26.322", Percent(0.123): "12,3%",
		Value(model.KindDate, day): "02/12/2025", Value(model.KindReal, 0.5): "0,5", Value(model.KindReal, 12.34): "12,3",
	} {
		if got != want {
			t.Errorf("Spanish: got %q, want %q", got, want)
		}
	}
	UseNumbers(locale.Default())
	if got := Value(model.KindDate, day); got != "2025-12-02" {
		t.Errorf("English date %q", got)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		v := (r.Float64()*2 - 1) * math.Pow(10, float64(r.IntN(8)-6))
		if math.Abs(v) >= 10 || v == 0 {
			continue
		}
		if got, want := sig3(v), fmt.Sprintf("%.3g", v); got != want {
			t.Fatalf("%v: %q, %%.3g writes %q", v, got, want)
		}
	}
}
