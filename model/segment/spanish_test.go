package segment

import (
	"math/rand/v2"
	"testing"
)

// TestSpanishReadsAsEnglish: each rule typed with the Spanish words is the
// same tree as its English spelling (so it counts the same and hashes the
// same), and Spanish words stay usable as values and, quoted, as names.
func TestSpanishReadsAsEnglish(t *testing.T) {
	for es, en := range map[string]string{
		`ingreso > 2000 y generación en ("millennials", "gen x")`: `ingreso > 2000 and generación in ("millennials", "gen x")`,
		`email no está vacío o zona empieza por "nor"`:            `email is not empty or zona starts with "nor"`,
		`email está vacío`: `email is empty`,
		`compra en los últimos 90 días y no en segmento "VIP"`:      `compra in the last 90 days and not in segment "VIP"`,
		`edad entre 18 y 30 o nota contiene "urgente"`:              `edad between 18 and 30 or nota contains "urgente"`,
		`alta antes de "2024-01-01" y baja después de "2024-06-30"`: `alta before "2024-01-01" and baja after "2024-06-30"`,
		`zona no en ("norte", "sur") y socio = no`:                  `zona not in ("norte", "sur") and socio = "no"`,
		`alta en este mes o alta en esta semana o alta en este año`: `alta in this month or alta in this week or alta in this year`,
		`no (a = 1 o b = 2)`:          `not (a = 1 or b = 2)`,
		`compra en los últimos 1 mes`: `compra in the last 1 month`,
		`"en" = 1 y "no" = 2`:         `"en" = 1 and "no" = 2`,
	} {
		a, err := Parse(es)
		if err != nil {
			t.Errorf("%s: %s", es, Caret(es, err))
			continue
		}
		b, err := Parse(en)
		if err != nil {
			t.Fatalf("%s: %v", en, err)
		}
		if !Equal(a, b) || Hash(a) != Hash(b) {
			t.Errorf("%s\n  reads as %s\n  want     %s", es, Print(a), Print(b))
		}
	}
}

// TestSpanishPrintParsesBack (issue 19's property test): for random rules,
// parse(print_es(rule)) == parse(print_en(rule)) == rule, with names that
// are Spanish keywords among them.
func TestSpanishPrintParsesBack(t *testing.T) {
	saved := names
	names = append(append([]string(nil), names...), "no", "en", "y", "días", "este", "esta", "de", "vacío")
	defer func() { names = saved }()
	r := rand.New(rand.NewPCG(19, 5))
	for i := range 3000 {
		tree := randomTree(r, 4)
		es := PrintSpanish(tree)
		back, err := Parse(es)
		if err != nil {
			t.Fatalf("#%d: %s\n%s\n%s", i, es, Caret(es, err), Print(tree))
		}
		en, err := Parse(Print(tree))
		if err != nil {
			t.Fatalf("#%d: %v", i, err)
		}
		if !Equal(tree, back) || !Equal(en, back) {
			t.Fatalf("#%d: %s\nparsed back as %s", i, es, Print(back))
		}
	}
}
