package clusters

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

func newSpanishScreen(t testing.TB, s *common.Session, es locale.Locale, w, h int) *Model {
	t.Helper()
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Session: s, Locale: es}
	m := New(c)
	m.SetSize(w, h)
	screentest.Run(m, m.Init())
	return m
}

// TestSpanishGoldenViews (issue 19): every view of the screen in Spanish at
// 100×30 and 80×24, fitting the window.
func TestSpanishGoldenViews(t *testing.T) {
	es := screentest.Spanish(t)
	s := screentest.Session(t, demo(t), "", today)
	scripts := []struct {
		name string
		keys []string
	}{
		{"pick", nil},
		{"pick_moved", []string{"pgdown", "down", "space", "l"}},
		{"table", []string{"enter"}},
		{"profiles", []string{"enter", "v"}},
		{"rules", []string{"enter", "v", "v"}},
		{"archetypes", []string{"enter", "v", "v", "v"}},
		{"save_field", []string{"enter", "s"}},
	}
	for _, sz := range []struct{ w, h int }{{100, 30}, {80, 24}} {
		for _, sc := range scripts {
			name := fmt.Sprintf("%s_es_%dx%d", sc.name, sz.w, sz.h)
			t.Run(name, func(t *testing.T) {
				m := newSpanishScreen(t, s, es, sz.w, sz.h-chrome)
				screentest.Press(m, sc.keys...)
				got := m.View()
				checkFits(t, got, sz.w, sz.h-chrome)
				screentest.Golden(t, name, got, screentest.Updating())
			})
		}
		name := fmt.Sprintf("running_es_%dx%d", sz.w, sz.h)
		t.Run(name, func(t *testing.T) {
			m := newSpanishScreen(t, s, es, sz.w, sz.h-chrome)
			m.running, m.progress = true, app.ClusterProgress{Stage: app.ClusterStageKMeans, K: 4, Done: 25, Total: 90}
			got := m.View()
			checkFits(t, got, sz.w, sz.h-chrome)
			screentest.Golden(t, name, got, screentest.Updating())
		})
	}
}

// TestSpanishReaderReadsSpanish: a Spanish reader sees the screen's
// sentences, the clusters' names, the archetypes' names and the rules in
// Spanish, with decimal commas, while the saved segments keep their
// canonical English names and rules; an error from below (app's request
// check, a model.Sentence) reaches the status line in Spanish.
func TestSpanishReaderReadsSpanish(t *testing.T) {
	es := screentest.Spanish(t)
	s := screentest.Session(t, demo(t), "", today)
	m := newSpanishScreen(t, s, es, 100, 27)
	// skewness is asimetría (sesgo is bias), with the log hint as a key
	if pick := ansi.Strip(m.View()); !strings.Contains(pick, "real · asimetría 2,7 → log (l) · 23 faltantes") || strings.Contains(pick, "sesgo") {
		t.Errorf("the skewness is not said asimetría:\n%s", pick)
	}
	screentest.Press(m, "enter")
	table := ansi.Strip(m.View())
	for _, want := range []string{"tabla de k · silueta sobre los 600 clientes", "inercia", "sugerido", "las reglas aciertan"} {
		if !strings.Contains(table, want) {
			t.Errorf("the k table lacks %q:\n%s", want, table)
		}
	}
	row := m.result.Table.Rows[0]
	if sil := es.Number(row.Silhouette, 3); !strings.Contains(sil, ",") || !strings.Contains(table, sil) {
		t.Errorf("silhouette %v not written %q in Spanish:\n%s", row.Silhouette, sil, table)
	}
	screentest.Press(m, "v")
	profiles := ansi.Strip(m.View())
	if !strings.Contains(profiles, "Perfiles con k = 3") || !strings.Contains(profiles, "recency_days alto") ||
		strings.Contains(profiles, "high ") {
		t.Errorf("profiles not in Spanish:\n%s", profiles)
	}
	screentest.Press(m, "v")
	rules := ansi.Strip(m.View())
	if !strings.Contains(rules, "precisión") || !strings.Contains(rules, " y ") || strings.Contains(rules, " and ") {
		t.Errorf("rules not in Spanish:\n%s", rules)
	}
	screentest.Press(m, "v")
	arch := ansi.Strip(m.View())
	if !strings.Contains(arch, "Arquetipo: investigador") || !strings.Contains(arch, "visita la web varias veces") || !strings.Contains(arch, "ninguno") {
		t.Errorf("archetypes not in Spanish:\n%s", arch)
	}
	for _, want := range []string{"concordancia (Rand ajustado) 0,", "A: guardar reglas", "más alto y compra sobre"} {
		if !strings.Contains(arch, want) {
			t.Errorf("the archetypes lack %q:\n%s", want, arch)
		}
	}
	msgs := screentest.Press(m, "A")
	status := statusText(msgs)
	if !strings.Contains(status, "se guardaron 4 segmentos de arquetipos") {
		t.Errorf("saving the archetypes says %q", status)
	}
	lib, _ := s.DB.Library(t.Context())
	v, ok := lib.Find("Archetype: researcher")
	if !ok || v.Latest.Definition != "contacts_web_visit >= 4" {
		t.Errorf("the saved archetype is not canonical: %v %v", ok, lib.Names())
	}

	// an error below the screen, said in Spanish
	m.view = viewPick
	m.chosen = []string{"no_such_attribute"}
	status = statusText(screentest.Press(m, "enter"))
	if !strings.Contains(status, `no hay ningún atributo "no_such_attribute"`) {
		t.Errorf("an unknown attribute says %q", status)
	}
}

func statusText(msgs []tea.Msg) string {
	status := ""
	for _, msg := range msgs {
		if st, ok := msg.(common.StatusMsg); ok {
			status = st.Text
		}
	}
	return status
}
