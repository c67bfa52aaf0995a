package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/ui/screentest"
)

// TestSpanishPaletteRunsWhatItSays (issue 19): in Spanish the palette
// lists every action and screen in Spanish (golden at 100×30 and 80×24),
// a Spanish word finds an action, and enter runs it: "calidad" opens
// Explore's data quality, which speaks Spanish too.
func TestSpanishPaletteRunsWhatItSays(t *testing.T) {
	es, _ := locale.Parse("es-ES")
	db := fitWorld(t)
	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		d := &driver{t: t, a: New(Options{DB: db, AsOf: fitAsOf, IsDark: true, Locale: es})}
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		d.run(d.a.Init())
		d.press(":")
		d.fits("palette")
		screentest.Golden(t, fmt.Sprintf("palette_es_%dx%d", size[0], size[1]), frame(d), screentest.Updating())
		// review 21: a key named in words is named in Spanish, and found so
		for _, r := range "espacio" {
			d.press(string(r))
		}
		if v := ansi.Strip(d.a.View().Content); !strings.Contains(v, "marcar barra") || strings.Contains(v, "space") {
			t.Errorf("%dx%d: \"espacio\" does not find the space bar's action:\n%s", size[0], size[1], v)
		}
		for range "espacio" {
			d.press("backspace")
		}
		for _, r := range "calidad" {
			d.press(string(r))
		}
		d.press("enter")
		if v := ansi.Strip(d.a.View().Content); !strings.Contains(v, "Calidad de datos") || !strings.Contains(v, "hallazgos") {
			t.Errorf("%dx%d: \"calidad\" did not open the data quality:\n%s", size[0], size[1], v)
		}
	}
}
