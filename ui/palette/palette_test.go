package palette

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/ui/common"
)

func TestFilterChooseAndKeys(t *testing.T) {
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	items := Items([][]key.Binding{{b("x", "cross-tab"), b("Q", "data quality"), b("down", "down")}, {b("shift+tab", "previous screen"), b("x", "cross-tab")}})
	if len(items) != 4 {
		t.Fatalf("items %v", items)
	}
	m := New(items, locale.Default())
	for _, r := range "qual" {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if ms := m.Matches(); len(ms) != 1 || ms[0].Key != "Q" {
		t.Fatalf("'qual' matches %v", ms)
	}
	m, res := m.Update(tea.KeyPressMsg{Code: tea.KeyEnter})
	if it, ok := m.Chosen(); res != Run || !ok || it.Name != "data quality" {
		t.Fatalf("enter: %v %v", res, it)
	}
	for _, k := range []string{"Q", "j", "down", "shift+tab", "ctrl+k", "enter", "+"} {
		msg, ok := KeyMsg(k)
		if !ok || msg.String() != k {
			t.Errorf("KeyMsg(%q) = %q (%v)", k, msg.String(), ok)
		}
	}
	if _, res := New(items, locale.Default()).Update(tea.KeyPressMsg{Code: tea.KeyEscape}); res != Cancel {
		t.Error("esc does not cancel")
	}
}

// TestItemsOfScreensAreFoundByScreen: items carry their screen, the query
// matches it, the view names it, and moves are told apart from actions.
func TestItemsOfScreensAreFoundByScreen(t *testing.T) {
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	items := append(ItemsOf("Campaign", [][]key.Binding{{b("e", "export the list"), b("v", "plan / reach / results")}}),
		ItemsOf("Segments", [][]key.Binding{{b("e", "edit rule"), b("l", "saved segments")}})...)
	items = append(items, Items([][]key.Binding{{b("?", "all keys")}})...)
	m := New(items, locale.Default())
	for _, r := range "campaign" {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if ms := m.Matches(); len(ms) != 2 || ms[0].Screen != "Campaign" || ms[1].Screen != "Campaign" {
		t.Fatalf("'campaign' matches %v", ms)
	}
	if v := m.View(common.NewStyles(true), 60, 10); !strings.Contains(v, "Campaign") || !strings.Contains(v, "export the list") {
		t.Fatalf("view:\n%s", v)
	}
	for _, l := range strings.Split(New(items, locale.Default()).View(common.NewStyles(true), 60, 10), "\n") {
		if w := ansi.StringWidth(l); w > 60 {
			t.Errorf("line %q is %d cells", l, w)
		}
	}
	if !Moves(b("down", "down")) || !Moves(key.NewBinding(key.WithKeys("pgdown", "n"))) || Moves(b("e", "edit")) || Moves(b("l", "saved segments")) {
		t.Error("Moves tells moves from actions wrongly")
	}
}

// TestSpanishPalette (issue 19): a Spanish user reads the palette, its
// actions and their screens in Spanish and finds them by Spanish words
// (English ones still work); the item chosen is the canonical one, so the
// root runs it by its key and screen title.
func TestSpanishPalette(t *testing.T) {
	es, _ := locale.Parse("es-ES")
	b := func(k, desc string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, desc)) }
	items := append(ItemsOf("Explore", [][]key.Binding{{b("Q", "data quality"), b("x", "cross-tab")}}),
		ItemsOf("Campaign", [][]key.Binding{{b("e", "export the list")}})...)
	items = append(items, Items([][]key.Binding{{b("?", "all keys")}})...)
	m := New(items, es)
	v := ansi.Strip(m.View(common.NewStyles(true), 80, 10))
	for _, want := range []string{"Acciones", "escriba para filtrar", "calidad de datos", "Explorar", "exportar la lista", "Campaña", "todas las teclas"} {
		if !strings.Contains(v, want) {
			t.Errorf("the palette lacks %q:\n%s", want, v)
		}
	}
	// narrow: the hint keeps its keys and fits
	v = ansi.Strip(m.View(common.NewStyles(true), 60, 10))
	if head, _, _ := strings.Cut(v, "\n"); len([]rune(head)) > 60 || !strings.Contains(head, "enter: ejecutar · esc: cerrar") {
		t.Errorf("the palette's hint at 60 columns: %q", head)
	}
	for _, query := range []string{"calidad", "quality"} {
		m := New(items, es)
		for _, r := range query {
			m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
		}
		if it, ok := m.Chosen(); !ok || it.Name != "data quality" || it.Screen != "Explore" || it.Key != "Q" {
			t.Errorf("%q chooses %+v", query, it)
		}
	}
	m = New(items, es)
	for _, r := range "zzz" {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if v := ansi.Strip(m.View(common.NewStyles(true), 60, 10)); !strings.Contains(v, "ninguna acción coincide") {
		t.Errorf("no match:\n%s", v)
	}
}

// TestPaletteNamesKeysInTheUsersLanguage (review 21): the space bar is
// "espacio" in Spanish, shown and found so; English shows "space".
func TestPaletteNamesKeysInTheUsersLanguage(t *testing.T) {
	es, _ := locale.Parse("es-ES")
	items := ItemsOf("Explore", [][]key.Binding{{key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "mark bar"))}})
	m := New(items, es)
	for _, r := range "espacio" {
		m, _ = m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	if v := ansi.Strip(m.View(common.NewStyles(true), 80, 10)); !strings.Contains(v, "marcar barra") || !strings.Contains(v, "espacio") || strings.Contains(v, "space") {
		t.Errorf("Spanish palette:\n%s", v)
	}
	if v := ansi.Strip(New(items, locale.Default()).View(common.NewStyles(true), 80, 10)); !strings.Contains(v, "space") {
		t.Errorf("English palette:\n%s", v)
	}
	if got := common.KeyName(es, "pgdown/space"); got != "av pág/espacio" {
		t.Errorf("KeyName: %q", got)
	}
	// the arrows as the keyboard draws them, in every language
	if got := common.KeyName(locale.Default(), "up/down/left/right/home"); got != "↑/↓/←/→/home" {
		t.Errorf("KeyName: %q", got)
	}
}
