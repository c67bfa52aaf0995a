package value

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

func newScreenIn(t testing.TB, s *common.Session, loc locale.Locale, w, h int) *Model {
	t.Helper()
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Session: s, Locale: loc}
	m := New(c)
	m.SetSize(w, h)
	screentest.Run(m, m.Init())
	return m
}

// TestGoldenViewsInSpanish renders each view in Spanish (es-ES) at both
// sizes (*_es_100x30.golden, *_es_80x24.golden); every view also fits
// 60×15.
func TestGoldenViewsInSpanish(t *testing.T) {
	es := screentest.Spanish(t)
	s := screentest.Session(t, demo(t, 900), "", today)
	scripts := []struct {
		name string
		keys []string
	}{
		{"not_computed", nil},
		{"overview", []string{"r"}},
		{"tracking", []string{"r", "v"}},
		{"by_repeat", []string{"r", "v", "v"}},
		{"bands", []string{"r", "v", "v", "v", "down", "down"}},
		{"bands_clv", []string{"r", "v", "v", "v", "down", "down", "down", "down", "down", "down", "down", "down"}},
		{"customers", []string{"r", "v", "v", "v", "v", "down"}},
		{"horizon_field", []string{"r", "h", "3"}},
		{"discount_field", []string{"r", "d"}},
		{"calibration_field", []string{"r", "e"}},
	}
	for _, sz := range append(sizes, struct{ w, h int }{60, 15}) {
		for _, sc := range scripts {
			name := fmt.Sprintf("%s_es_%dx%d", sc.name, sz.w, sz.h)
			t.Run(name, func(t *testing.T) {
				m := newScreenIn(t, s, es, sz.w, sz.h-chrome)
				screentest.Press(m, sc.keys...)
				got := m.View()
				checkFits(t, got, sz.w, sz.h-chrome)
				if sz.w >= 80 {
					screentest.Golden(t, name, got, screentest.Updating())
				}
			})
		}
	}
}

// TestGoldenRunningAndFailedInSpanish: the progress of a computation and
// the models' sentence for data they cannot use, in Spanish.
func TestGoldenRunningAndFailedInSpanish(t *testing.T) {
	es := screentest.Spanish(t)
	s := screentest.Session(t, demo(t, 300), "", today)
	m := newScreenIn(t, s, es, 80, 24-chrome)
	m.job, m.progress = &job{}, app.ValueProgress{Stage: app.StageValueRead, Done: 250_000, Total: 1_000_000}
	screentest.Golden(t, "running_es_80x24", m.View(), screentest.Updating())

	m = newScreenIn(t, onePurchaseShop(t), es, 80, 24-chrome)
	screentest.Press(m, "r")
	got := m.View()
	if !strings.Contains(ansi.Strip(got), "Muy pocos clientes compraron más de una vez") {
		t.Errorf("the failure is not said in Spanish:\n%s", ansi.Strip(got))
	}
	screentest.Golden(t, "failed_es_80x24", got, screentest.Updating())
}

// TestSpanishIsSpanish: a Spanish user reads the result in Spanish, with
// 1.234,56 numbers (parameters and log-likelihoods included) and
// 31/12/2025 dates; a bad horizon is refused in Spanish; the band rules
// sent to Segments stay in the rule language.
func TestSpanishIsSpanish(t *testing.T) {
	es := screentest.Spanish(t)
	s := screentest.Session(t, demo(t, 900), "", today)
	m := newScreenIn(t, s, es, 100, 27)
	screentest.Press(m, "r")
	view := ansi.Strip(m.View())
	for _, want := range []string{"compras hasta el 31/12/2025 (último día de compra)", "descuento 1% cada 30 días",
		"tiempo en semanas", "552 recurrentes", "log-veros. -11.562,9", "1,387", "P(activo) media 0,963", "clv 68.488"} {
		if !strings.Contains(view, want) {
			t.Errorf("no %q in the Spanish view:\n%s", want, view)
		}
	}
	for _, english := range []string{"purchases up to", "histories", "repeat buyers", "-11,562.9", "1.387"} {
		if strings.Contains(view, english) {
			t.Errorf("%q in the Spanish view:\n%s", english, view)
		}
	}
	seen := screentest.Press(m, "h", "x", "enter")
	found := false
	for _, msg := range seen {
		if st, ok := msg.(common.StatusMsg); ok && st.Error && strings.HasPrefix(st.Text, `horizonte "x": indique un número de días`) {
			found = true
		}
	}
	if !found {
		t.Errorf("a bad horizon is not refused in Spanish: %#v", seen)
	}
	found = false
	for _, msg := range screentest.Press(m, "d", "2", "enter") {
		if st, ok := msg.(common.StatusMsg); ok && st.Error && st.Text == "La tasa de descuento debe ser al menos 0 y menor que 1 por período. (2)" {
			found = true
		}
	}
	if !found {
		t.Error("a discount of 2 is not refused in Spanish")
	}
	screentest.Press(m, "v", "v", "v", "down", "down")
	if line := ansi.Strip(m.View()); !strings.Contains(line, "enter: p_alive >= 0.3 y p_alive < 0.5 → Segmentos") {
		t.Errorf("the band's rule is not in Spanish words:\n%s", line)
	}
	sent := ""
	_, cmd := m.Update(screentest.Key("enter"))
	for _, msg := range runAll(cmd) {
		if a, ok := msg.(common.AddConditionMsg); ok {
			sent = a.Expr
		}
	}
	if sent != "p_alive >= 0.3 and p_alive < 0.5" {
		t.Errorf("the rule sent to Segments is %q, not the canonical one", sent)
	}
}

// TestSpanishUnitsAndCommas: the horizon and discount fields take what
// their Spanish prompts show (26s, 0,02/mes, 10 %/año), the value is
// saved and the screen computes again with it; the status says how long
// the computation took in seconds, without the hint the screen shows.
func TestSpanishUnitsAndCommas(t *testing.T) {
	es := screentest.Spanish(t)
	s := screentest.Session(t, demo(t, 300), "", today)
	m := newScreenIn(t, s, es, 100, 27)
	seen := screentest.Press(m, "r")
	status := ""
	for _, msg := range seen {
		if st, ok := msg.(common.StatusMsg); ok {
			status = st.Text
		}
	}
	if !strings.HasPrefix(status, "valor del cliente calculado en ") || !strings.HasSuffix(status, " s") || strings.Contains(status, "añade") {
		t.Errorf("status %q", status)
	}
	typed := func(keys ...string) {
		t.Helper()
		for _, msg := range screentest.Press(m, keys...) {
			if st, ok := msg.(common.StatusMsg); ok && st.Error {
				t.Errorf("%v refused: %s", keys, st.Text)
			}
		}
	}
	typed("h", "2", "6", "s", "enter")
	typed("d", "1", "0", " ", "%", "/", "a", "ñ", "o", "enter")
	o, err := s.DB.ValueSettings(context.Background())
	if err != nil || o.HorizonDays != 182 || o.DiscountRate != 0.1 || o.DiscountPeriodDays != 365 {
		t.Fatalf("saved %+v, %v; want 182 days, 0.1 per 365 days", o, err)
	}
	if view := ansi.Strip(m.View()); !strings.Contains(view, "próximos 182 días · descuento 10% cada 365 días") {
		t.Errorf("not computed again with the typed values:\n%s", view)
	}
	typed("d", "0", ",", "0", "2", "/", "m", "e", "s", "enter")
	if view := ansi.Strip(m.View()); !strings.Contains(view, "descuento 2% cada 30 días") {
		t.Errorf("0,02/mes not read:\n%s", view)
	}
	screentest.Press(m, "d")
	if v := m.input.Value(); v != "0,02/30d" {
		t.Errorf("the discount field opens on %q, want 0,02/30d", v)
	}
}
