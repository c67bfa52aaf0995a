package campaign

import (
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

// screenES is screen in Spanish.
func screenES(t *testing.T, width, height int, segments ...[2]string) *Model {
	t.Helper()
	loc := screentest.Spanish(t)
	m, _ := screen(t, width, height, segments...)
	m.common.Locale = loc
	m.form = newForm(loc) // the defaults as Spain writes them (0,05)
	screentest.Run(m, m.replan())
	return m
}

// TestViewsGoldenSpanish pins the three views in Spanish at the two sizes
// people use, as TestViewsGolden does in English.
func TestViewsGoldenSpanish(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		m := screenES(t, size[0], size[1], [2]string{"loyal", `loyalty_member = yes`})
		screentest.Press(m, "enter", "space", "enter", "j", "j", "j", "j", "j", "enter", "ctrl+u", "0", ",", "7", "enter")
		suffix := "_es_" + itoa(size[0]) + "x" + itoa(size[1])
		screentest.Golden(t, "plan"+suffix, m.View(), screentest.Updating())
		screentest.Press(m, "pgdown")
		screentest.Golden(t, "plan_pgdn"+suffix, m.View(), screentest.Updating())
		screentest.Press(m, "v")
		screentest.Golden(t, "reach"+suffix, m.View(), screentest.Updating())
		screentest.Press(m, "v")
		screentest.Golden(t, "results"+suffix, m.View(), screentest.Updating())
	}
}

// TestSpanishScreenSaysItInSpanish: in Spanish the plan's sentences, the
// channels and reasons, a form error and the response model's description
// are Spanish, and counts and decimals are written as Spain writes them.
func TestSpanishScreenSaysItInSpanish(t *testing.T) {
	m := screenES(t, 100, 30)
	v := ansi.Strip(m.View())
	for _, want := range []string{
		m.common.Int(m.counts.matching) + " coinciden (todos los clientes)",
		"correo " + m.common.Int(m.counts.reach[0].Reachable) + " contactables de " + m.common.Int(m.counts.matching),
		"no: sin consentimiento", "Embudo coinciden", "respondió el", "Costo correo    0,05", "Historial desde —", "contactos tratados en campañas anteriores",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("lacks %q:\n%s", want, v)
		}
	}
	if !strings.Contains(m.common.Int(m.counts.matching), ".") {
		t.Errorf("%d customers written %q, not with Spain's thousands mark", m.counts.matching, m.common.Int(m.counts.matching))
	}
	for _, english := range []string{"match", "can be contacted", "no consent", "past treated", "Expected"} {
		if strings.Contains(v, english) {
			t.Errorf("still says %q:\n%s", english, v)
		}
	}
	to(m, fValue)
	screentest.Press(m, "enter", "x", "enter")
	if v := ansi.Strip(m.View()); !strings.Contains(v, `Valor: "x" no es un número de 0 a 1.000.000.000`) ||
		!strings.Contains(v, "Este plan es de la última configuración válida; corrija Valor.") {
		t.Fatalf("the form error is not Spanish:\n%s", v)
	}
	screentest.Press(m, "enter", "4", "0", "enter")
	to(m, fModel)
	screentest.Press(m, "enter")
	if v := ansi.Strip(m.View()); !strings.Contains(v, "Modelo          logística") {
		t.Fatalf("the toggle is not shown in Spanish:\n%s", v)
	}
	var said []string
	for _, s := range m.plan.explain[0] {
		said = append(said, say(m.common.Locale, s))
	}
	if got := strings.Join(said, "; "); !strings.HasPrefix(got, "correo: logística con") || !strings.Contains(got, "no es mejor que el azar (0,5)") {
		t.Fatalf("the logistic model is described as %q", got)
	}
}

// TestSpanishNumbersAndDatesAreReadAsTyped: a Spanish user's 1.500 is
// fifteen hundred, 0,7 is seven tenths, and a date typed as the screen
// writes it (DD/MM/AAAA) reaches the plan as ISO; English reads 1,500 as
// fifteen hundred too.
func TestSpanishNumbersAndDatesAreReadAsTyped(t *testing.T) {
	m := screenES(t, 100, 30)
	to(m, fBudget)
	screentest.Press(m, "enter", "1", ".", "5", "0", "0", "enter")
	to(m, fPost)
	screentest.Press(m, "enter", "0", ",", "7", "enter")
	to(m, fSince)
	screentest.Press(m, "enter", "0", "1", "/", "0", "3", "/", "2", "0", "2", "4", "enter")
	s, err := parseForm(m.common.Locale, m.form, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.req.Budget != 1500 || s.req.HistorySince != "2024-03-01" || len(s.req.Channels) != 2 || s.req.Channels[1].Cost != 0.7 {
		t.Fatalf("read %+v", s.req.Request)
	}
	if m.plan.plan == nil || m.plan.plan.Spec.Budget != 1500 {
		t.Fatal("the plan is not for a budget of 1.500")
	}
	for typed, want := range map[string]string{"1,500": "1500", "0,05": "0.05", "0.050": "0.050", "12,345.5": "12345.5", "1.500": "1.500"} {
		if got := plainNumber(locale.Default(), typed); got != want {
			t.Errorf("English %q read as %s, want %s", typed, got, want)
		}
	}
}

// TestSpanishResultsAndExport: the Results view writes its dates as Spain
// does, and the export from the screen says what it wrote, and that a list
// already there is replaced by pressing e again, in Spanish.
func TestSpanishResultsAndExport(t *testing.T) {
	m := screenES(t, 100, 30)
	to(m, fFile)
	out := filepath.Join(t.TempDir(), "lista.csv")
	m.form[fFile].value = out
	screentest.Run(m, m.replan())
	// e starts a sequence (the status, then the export), which
	// screentest.Run does not unroll: press runs it in order
	press := func() string {
		var last string
		var run func(cmd tea.Cmd)
		run = func(cmd tea.Cmd) {
			if cmd == nil {
				return
			}
			msg := cmd()
			if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(cmd) {
				for i := range v.Len() {
					run(v.Index(i).Interface().(tea.Cmd))
				}
				return
			}
			if s, ok := msg.(common.StatusMsg); ok {
				last = s.Text
				return
			}
			_, next := m.Update(msg)
			run(next)
		}
		_, cmd := m.Update(screentest.Key("e"))
		run(cmd)
		return last
	}
	if got := press(); !strings.HasPrefix(got, "escrito "+out+": ") || !strings.Contains(got, "clientes objetivo") {
		t.Fatalf("after e: %q", got)
	}
	if got := press(); !strings.Contains(got, "ya existe; pulse e otra vez para reemplazarlo") {
		t.Fatalf("after e again: %q", got)
	}
	screentest.Press(m, "v", "v")
	v := ansi.Strip(m.View())
	if !regexp.MustCompile(`\d\d/\d\d/20\d\d correo`).MatchString(v) || !strings.Contains(v, "tratados") || !strings.Contains(v, "pendiente") {
		t.Fatalf("results:\n%s", v)
	}
}

// TestSpanishFormGolden pins in Spanish what the form shows while picking
// segments and when a field does not parse.
func TestSpanishFormGolden(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		suffix := "_es_" + itoa(size[0]) + "x" + itoa(size[1])
		m := screenES(t, size[0], size[1], [2]string{"loyal", `loyalty_member = yes`}, [2]string{"women", `gender = "female"`})
		screentest.Press(m, "enter", "j", "space")
		screentest.Golden(t, "picking"+suffix, m.View(), screentest.Updating())
		screentest.Press(m, "enter")
		to(m, fEmail)
		screentest.Press(m, "enter", "0", ",", "0", "5", "0", ",", "1", "enter")
		screentest.Golden(t, "invalid"+suffix, m.View(), screentest.Updating())
	}
}

// TestMoneyCarriesTheDatabasesCurrency (issue 19): with a currency set for
// the database, the plan's money reads with it where the user's region puts
// the amount (1.234 €), in English as in Spanish; without one, bare.
func TestMoneyCarriesTheDatabasesCurrency(t *testing.T) {
	m := screenES(t, 100, 30, [2]string{"loyal", `loyalty_member = yes`})
	screentest.Press(m, "enter", "space", "enter", "j", "j", "j", "j", "j", "enter", "ctrl+u", "0", ",", "7", "enter")
	bare := ansi.Strip(m.View())
	if strings.Contains(bare, "€") {
		t.Fatalf("a database without a currency shows one:\n%s", bare)
	}
	session := *m.common.Session
	session.Currency = "# €"
	m.common.Session = &session
	v := ansi.Strip(m.View())
	for _, want := range []string{"ingresos " + m.common.Amount(m.plan.summary.Revenue), "beneficio " + m.common.Amount(m.plan.summary.Profit)} {
		if !strings.HasSuffix(strings.TrimSpace(m.common.Amount(1)), "€") || !strings.Contains(v, want) {
			t.Errorf("lacks %q:\n%s", want, v)
		}
	}
}

// TestSpanishResultsSayPoints: in Spanish a lift reads in percentage
// points (+3,52 p. p.), each lift whole in its column, and an interval
// open above says so in words, wrapped rather than cut at 80 columns; the
// English keeps "to no upper bound".
func TestSpanishResultsSayPoints(t *testing.T) {
	m := screenES(t, 80, 24)
	screentest.Press(m, "v", "v")
	v := ansi.Strip(m.View())
	for _, want := range []string{"+3,52 p. p. datos", "por respuesta incremental 0,28 (IC 95% desde 0,13, sin límite\n    superior)"} {
		if !strings.Contains(v, want) {
			t.Errorf("lacks %q:\n%s", want, v)
		}
	}
	for _, l := range strings.Split(v, "\n") {
		if strings.Contains(l, "p. p.") && !strings.HasSuffix(strings.TrimRight(l, " "), "datos") {
			t.Errorf("a lift pushes the source out: %q", l)
		}
	}
	en, _ := screen(t, 80, 24)
	screentest.Press(en, "v", "v")
	if v := ansi.Strip(en.View()); !strings.Contains(v, "(95% CI 0.13 to no upper bound)") || !strings.Contains(v, "+3.52 pt") {
		t.Errorf("the English changed:\n%s", v)
	}
}

// TestSpanishEditingHintSaysKeysAsInfinitives: while a field is being
// typed, its hint names each key with what it does, in the infinitive
// ("enter: aplicar"), as the footers do.
func TestSpanishEditingHintSaysKeysAsInfinitives(t *testing.T) {
	m := screenES(t, 100, 30)
	to(m, fValue)
	screentest.Press(m, "enter")
	if v := ansi.Strip(m.View()); !strings.Contains(strings.Join(strings.Fields(v), " "), "←/→ o retroceso: editarlo · enter: aplicar · esc: conservar el anterior") {
		t.Errorf("the typing hint:\n%s", v)
	}
}
