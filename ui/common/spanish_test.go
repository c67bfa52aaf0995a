package common

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/app/locale"
)

// TestReasonsAreReadBackAndTranslated: a reason written below as finished
// English is said in Spanish with its figures and names in place (a count
// grouped as the region does, a year not); English and unknown sentences
// stay as they are; every format has its Spanish.
func TestReasonsAreReadBackAndTranslated(t *testing.T) {
	es, _ := locale.Parse("es-ES")
	c := &Common{Locale: es}
	for in, want := range map[string]string{
		fmt.Sprintf(reasonDistinct, 9, 1430):                                 "9 valores distintos en una muestra de 1.430",
		fmt.Sprintf(reasonName, "email"):                                     `nombre "email"`,
		fmt.Sprintf(reasonEmails, 97.0):                                      "el 97% de los valores parecen direcciones de correo",
		fmt.Sprintf(noteMinus, 2026, "birth_year"):                           "2026 menos birth_year (edad cumplida este año)",
		fmt.Sprintf(noteReachEmail, "consent_email"):                         "consent_email = sí, un correo bien formado, sin rebote, sin baja",
		fmt.Sprintf(reasonConsent, "email", "email", "x"):                    "parece consentimiento (email) pero otra columna tiene ese rol; si es el consentimiento, indíquelo con --set email=x",
		fmt.Sprintf(reasonTransactions, "12,345", "customer_id", "invoices"): "transacciones: los 12.345 clientes son los customer_id distintos de invoices",
		"only 0 and 1":                "solo 0 y 1",
		"something nobody catalogued": "something nobody catalogued",
	} {
		if got := c.Reason(in); got != want {
			t.Errorf("Reason(%q) = %q, want %q", in, got, want)
		}
	}
	en := &Common{}
	if s := fmt.Sprintf(reasonDistinct, 9, 1430); en.Reason(s) != s {
		t.Errorf("English changed %q to %q", s, en.Reason(s))
	}
	for _, f := range reasonFormats {
		if !locale.Translated(f) {
			t.Errorf("%q has no Spanish", f)
		}
	}
}

// TestScrollerHintInTheScreensLanguage: the hint under a text taller than
// its room is in the screens' language, its counts as the region writes
// them.
func TestScrollerHintInTheScreensLanguage(t *testing.T) {
	es, _ := locale.Parse("es-ES")
	text := strings.Repeat("x\n", 1500)
	st := &Common{Locale: es, Styles: NewPlainStyles()}
	if got := (Scroller{}).View(text, 10, st); !strings.HasSuffix(got, "↓ 1.491 líneas más (pgdn)") {
		t.Errorf("top: %q", got[len(got)-40:])
	}
	if got := (Scroller{Offset: 5}).View(text, 10, st); !strings.HasSuffix(got, "↑ 5 más arriba · ↓ 1.486 más abajo (pgup/pgdn)") {
		t.Errorf("middle: %q", got[len(got)-60:])
	}
	st.Locale = locale.Default()
	if got := (Scroller{}).View(text, 10, st); !strings.HasSuffix(got, "↓ 1,491 more lines (pgdn)") {
		t.Errorf("English: %q", got[len(got)-40:])
	}
}
