package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/ui/screentest"
)

// TestSpanishChromeFits (issue 19, first part): with --lang es the tabs,
// the header's count, the help line and the loading screen speak Spanish,
// numbers are written 1.234,5, and nothing overflows at 60×15, 80×24 or
// 120×30 (Spanish runs ~20% longer).
func TestSpanishChromeFits(t *testing.T) {
	es, err := locale.Parse("es-ES")
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range [][2]int{{80, 24}, {60, 15}, {120, 30}} {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		d := &driver{t: t, a: New(Options{DB: fitWorld(t), AsOf: fitAsOf, IsDark: true, Locale: es})}
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if v := frame(d); !strings.Contains(v, "Cargando") || !strings.Contains(v, "esc: cancelar") {
			t.Errorf("%s: the loading screen is not in Spanish:\n%s", name, v)
		}
		d.run(d.a.Init())
		if !d.a.ready {
			t.Fatalf("not loaded: %v", d.a.loadErr)
		}
		lines := strings.Split(frame(d), "\n")
		if !strings.Contains(lines[0], "300 clientes") || !strings.Contains(lines[0], "Explorar") {
			t.Errorf("%s: header %q", name, lines[0])
		}
		last := lines[len(lines)-1]
		for _, k := range []string{"? todas las teclas", ": acciones", "q salir"} {
			if !strings.Contains(last, k) {
				t.Errorf("%s: the help line %q lacks %q", name, last, k)
			}
		}
		d.fits(name)
		screentest.Golden(t, "explore_es_"+name, frame(d), screentest.Updating())
		d.press("?")
		d.fits(name + " ?")
		// review 16, 21: the tab is Compras; the space bar is "espacio"
		// and the mouse key says what it does
		if v := frame(d); !strings.Contains(v, "espacio") || strings.Contains(v, "space") || !strings.Contains(v, "activar/desactivar ratón") ||
			size[0] >= 120 && !strings.Contains(v, "7 Compras") {
			t.Errorf("%s: the help:\n%s", name, v)
		}
		screentest.Golden(t, "help_es_"+name, frame(d), screentest.Updating())
	}
}
