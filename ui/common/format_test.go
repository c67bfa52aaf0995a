package common

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
)

// TestNumbersFollowTheLocale: the screens write counts, money, shares and
// dates as the user's region does, and English stays as it was (%.3g and
// %.1f, ISO dates).
func TestNumbersFollowTheLocale(t *testing.T) {
	es, _ := locale.Parse("es-AR")
	c := &Common{Locale: es}
	day := 20424.0 // 2025-12-02
	for got, want := range map[string]string{
		c.Int(1234567): "1.234.567", c.Money(12.5): "12,50", c.Money(26321.8): "26.322", c.Percent(0.123): "12,3%",
		c.Value(model.KindDate, day): "02/12/2025", c.Value(model.KindReal, 0.5): "0,5", c.Value(model.KindReal, 12.34): "12,3",
		c.DecimalMark("12.5k"): "12,5k",
	} {
		if got != want {
			t.Errorf("Spanish: got %q, want %q", got, want)
		}
	}
	en := &Common{Locale: locale.Default()}
	if got := en.Value(model.KindDate, day); got != "2025-12-02" {
		t.Errorf("English date %q", got)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		v := (r.Float64()*2 - 1) * math.Pow(10, float64(r.IntN(8)-6))
		if math.Abs(v) >= 10 || v == 0 {
			continue
		}
		if got, want := sig3(locale.Default(), v), fmt.Sprintf("%.3g", v); got != want {
			t.Fatalf("%v: %q, %%.3g writes %q", v, got, want)
		}
	}
}

// TestTwoSessionsTwoFormats: two users of one server, one in Spain and one
// in English, each read the same figures in their own format, at the same
// time (pulpero serve runs their screens side by side; -race watches).
func TestTwoSessionsTwoFormats(t *testing.T) {
	es, _ := locale.Parse("es-ES")
	sessions := []struct {
		c    *Common
		want []string
	}{
		{&Common{Locale: es, Styles: NewPlainStyles()}, []string{"1.234.567", "26.322", "12,50", "12,5%", "0,5", "02/12/2025", "12,5k", "↓ 1.491 líneas más (pgdn)"}},
		{&Common{Locale: locale.Default(), Styles: NewPlainStyles()}, []string{"1,234,567", "26,322", "12.50", "12.5%", "0.5", "2025-12-02", "12.5k", "↓ 1,491 more lines (pgdn)"}},
		{&Common{Styles: NewPlainStyles()}, []string{"1,234,567", "26,322", "12.50", "12.5%", "0.5", "2025-12-02", "12.5k", "↓ 1,491 more lines (pgdn)"}}, // the zero Locale: English
	}
	text := strings.Repeat("x\n", 1500)
	var wg sync.WaitGroup
	for i, s := range sessions {
		wg.Go(func() {
			for range 200 {
				view := Scroller{}.View(text, 10, s.c)
				got := []string{s.c.Int(1234567), s.c.Money(26321.8), s.c.Money(12.5), s.c.Percent(0.125),
					s.c.Value(model.KindReal, 0.5), s.c.Value(model.KindDate, 20424), s.c.DecimalMark("12.5k"), view[strings.LastIndex(view, "\n")+1:]}
				if !slices.Equal(got, s.want) {
					t.Errorf("session %d: %q, want %q", i, got, s.want)
					return
				}
			}
		})
	}
	wg.Wait()
}
