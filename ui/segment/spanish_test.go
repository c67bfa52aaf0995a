package segment

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
	seg "github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/ui/common"
)

// spanish builds the screen as the root does for a user whose language is
// es-ES: sentences from the catalogue, numbers written 1.234,5.
func spanish(t *testing.T, s *common.Session, w, h int) *Model {
	t.Helper()
	es, err := locale.Parse("es-ES")
	if err != nil {
		t.Fatal(err)
	}
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Session: s, Locale: es}
	m := New(c)
	m.SetSize(w, h)
	runCmd(m, m.Init())
	return m
}

// savedAt hides when a segment was saved (the clock of the test run) in a
// golden view, keeping its width.
var savedAt = regexp.MustCompile(`\d\d/\d\d/\d{4} \d\d:\d\d`)

func stable(v string) string { return savedAt.ReplaceAllString(v, "dd/mm/aaaa hh:mm") }

// Spanish rules, each the same rule as its English one in threeRules.
var threeReglas = []string{`zone en ("north", "east")`, `monthly_income > 1200`, `newsletter = sí`}

// TestSpanishGoldens: every view of the screen in Spanish at 100×30 and
// 80×24, read whole (nothing wider than the window, nothing cut where it
// matters: the goldens were read).
func TestSpanishGoldens(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		path := shopPath(t, 400)
		w, h := size[0], size[1]
		name := func(view string) string { return view + "_es_" + itoa(w) + "x" + itoa(h) }
		check := func(view string, m *Model) {
			t.Helper()
			v := m.View()
			for i, l := range strings.Split(ansi.Strip(v), "\n") {
				if n := len([]rune(l)); n > w {
					t.Errorf("%s line %d is %d wide: %q", view, i+1, n, l)
				}
			}
			if n := strings.Count(v, "\n") + 1; n > h {
				t.Errorf("%s is %d lines tall", view, n)
			}
			golden(t, name(view), stable(ansi.Strip(v)))
		}
		m := spanish(t, session(t, path), w, h)
		check("empty", m)
		for _, r := range threeReglas {
			addRule(m, r)
		}
		check("three_rules", m)
		press(m, "p")
		check("profile", m)
		press(m, "esc", "a")
		typeText(m, "incme > 3")
		press(m, "enter")
		check("error", m)
		press(m, "esc", "a")
		typeText(m, "monthly_income >")
		check("typing_incomplete", m)
		typeText(m, " 1500")
		check("typing", m)
		press(m, "esc", "f")
		check("form_attribute", m)
		for m.form.cursor < len(m.formItems()) && !strings.HasPrefix(m.formItems()[m.form.cursor], "zone") {
			press(m, "down")
		}
		press(m, "enter")
		check("form_operator", m)
		press(m, "enter", "space")
		check("form_pick", m)
		press(m, "esc", "esc", "esc")
		press(m, "s")
		typeText(m, "Ahorradores del norte")
		press(m, "enter")
		m.Update(common.AddConditionMsg{Expr: `children >= 1`})
		press(m, "s", "enter") // a second version, one more rule
		press(m, "l")
		check("saved", m)
		press(m, "h")
		check("history", m)
		press(m, "esc", "v")
		check("overlap", m)
	}
}

// TestARuleSavedInSpanishIsItsEnglishTwin (issue 19): the same segment
// typed with the Spanish words on a Spanish screen and with the English
// ones on an English screen is saved as the same canonical English
// definition, with the same hash and the same count; the Spanish screen
// shows it back in Spanish, and the English one shows the Spanish save in
// English.
func TestARuleSavedInSpanishIsItsEnglishTwin(t *testing.T) {
	path := shopPath(t, 400)
	es := spanish(t, session(t, path), 100, 30)
	addRule(es, `zone en ("north", "east") y monthly_income entre 1200 y 5000`)
	addRule(es, `newsletter = sí o no signup_date antes de "2020-01-01"`)
	addRule(es, `reachable_email no está vacío`)
	press(es, "s")
	typeText(es, "Norte")
	if msgs := press(es, "enter"); !hasStatus(msgs, "guardado Norte, versión 1") {
		t.Fatalf("no Spanish saved status in %v", msgs)
	}
	v := view(es)
	for _, want := range []string{`zone en ("north", "east")`, `monthly_income entre 1200 y 5000`,
		`newsletter = "yes" o no signup_date antes de "2020-01-01"`, `reachable_email no está vacío`} {
		if !strings.Contains(v, want) {
			t.Errorf("the Spanish screen does not show %s:\n%s", want, v)
		}
	}

	en := newScreen(t, session(t, path), 100, 30)
	addRule(en, `zone in ("north", "east") and monthly_income between 1200 and 5000`)
	addRule(en, `newsletter = yes or not signup_date before "2020-01-01"`)
	addRule(en, `reachable_email is not empty`)
	press(en, "s")
	typeText(en, "North")
	press(en, "enter")
	if en.result.size != es.result.size || en.result.size == 0 {
		t.Fatalf("English %d customers, Spanish %d", en.result.size, es.result.size)
	}
	def := map[string]string{}
	hash := map[string]string{}
	for _, s := range en.saved {
		def[s.Name], hash[s.Name] = s.Latest.Definition, s.Latest.Hash
	}
	if def["Norte"] == "" || def["Norte"] != def["North"] || hash["Norte"] != hash["North"] {
		t.Fatalf("saved in Spanish %q (%s), in English %q (%s)", def["Norte"], hash["Norte"], def["North"], hash["North"])
	}
	if strings.Contains(def["Norte"], " y ") || !strings.Contains(def["Norte"], " and ") {
		t.Fatalf("the saved form is not the canonical English: %s", def["Norte"])
	}
	// the English user opens the segment saved in Spanish: English words
	press(en, "l")
	for en.listCursor < len(en.saved) && en.saved[en.listCursor].Name != "Norte" {
		press(en, "down")
	}
	press(en, "enter")
	if v := view(en); en.name != "Norte" || !strings.Contains(v, `monthly_income between 1200 and 5000`) || en.result.size != es.result.size {
		t.Fatalf("the Spanish save opened in English (%d customers):\n%s", en.result.size, v)
	}
	// editing a rule on the Spanish screen puts it in Spanish in the input
	press(es, "e")
	if got := es.input.Value(); got != `reachable_email no está vacío` {
		t.Fatalf("editing shows %q", got)
	}
}

// TestYesAndNoInSpanish: sí, si and verdadero mean yes, falso means no, as
// model.ParseYesNo reads them; each is saved as yes or no.
func TestYesAndNoInSpanish(t *testing.T) {
	s := session(t, shopPath(t, 200))
	count := func(rule string) (int, string) {
		m := spanish(t, s, 100, 30)
		addRule(m, rule)
		if len(m.rules) != 1 {
			t.Fatalf("%s was not accepted:\n%s", rule, view(m))
		}
		return m.result.size, seg.Print(m.tree())
	}
	yes, yesRule := count(`newsletter = yes`)
	no, noRule := count(`newsletter = no`)
	if yes == 0 || no == 0 || yes+no != 200 {
		t.Fatalf("yes %d, no %d of 200", yes, no)
	}
	for rule, want := range map[string]int{`newsletter = sí`: yes, `newsletter = si`: yes, `newsletter = verdadero`: yes,
		`newsletter = "Sí"`: yes, `newsletter = falso`: no, `newsletter en (sí)`: yes} {
		n, printed := count(rule)
		if n != want {
			t.Errorf("%s: %d customers, want %d", rule, n, want)
		}
		if canon := map[int]string{yes: yesRule, no: noRule}[want]; !strings.Contains(rule, " en ") && printed != canon {
			t.Errorf("%s saved as %s, want %s", rule, printed, canon)
		}
	}
}

// TestTheScreenSpeaksSpanish: what the screen says (errors with their
// caret, suggestions, previews, status lines, the saved list) is Spanish,
// with numbers and dates as Spain writes them.
func TestTheScreenSpeaksSpanish(t *testing.T) {
	m := spanish(t, session(t, shopPath(t, 400)), 100, 30)
	press(m, "a")
	typeText(m, "monthly_income > and")
	if v := view(m); !strings.Contains(v, "se esperaba un valor después de >; se encontró la palabra and") {
		t.Errorf("preview of an incomplete rule:\n%s", v)
	}
	press(m, "enter")
	if v := view(m); !strings.Contains(v, "^ se esperaba un valor después de >") {
		t.Errorf("caret of a rejected rule:\n%s", v)
	}
	press(m, "esc", "a")
	typeText(m, `zone = "nrth"`)
	if v := strings.Join(strings.Fields(view(m)), " "); !strings.Contains(v, `ningún cliente tiene zone = "nrth"; ¿quiso decir "north"?`) {
		t.Errorf("the typo's warning:\n%s", view(m))
	}
	press(m, "esc", "a")
	typeText(m, "monthly_income > 1200")
	if v := view(m); !regexp.MustCompile(`con esta regla: \d+ de 400 clientes \(\d+,\d%\); enter: aceptarla`).MatchString(v) {
		t.Errorf("preview:\n%s", v)
	}
	press(m, "enter")
	_, cmd := m.Update(common.AddConditionMsg{Expr: `zone in ("north", "south") and children >= 1`})
	if msgs := runCmd(m, cmd); !hasStatus(msgs, `añadido al segmento: zone en ("north", "south") y children >= 1`) {
		t.Errorf("added from Explore: %v", msgs)
	}
	_, cmd = m.Update(common.AddConditionMsg{Expr: `nope = 1`})
	if msgs := runCmd(m, cmd); !hasStatus(msgs, `no se puede añadir nope = 1: en el carácter 1: no hay ningún atributo "nope"`) {
		t.Errorf("a condition that does not fit: %v", msgs)
	}
	press(m, "s")
	typeText(m, "Mil")
	press(m, "enter")
	// a segment that contains itself is refused, in Spanish
	addRule(m, `no en segmento "mil"`)
	if msgs := press(m, "s", "enter"); !hasStatus(msgs, "al guardar Mil: ") || !strings.Contains(fmt.Sprint(msgs), "se refiere a sí mismo") {
		t.Errorf("saving a loop: %v", msgs)
	}
	press(m, "l")
	today := time.Now().Format("02/01/2006")
	if v := view(m); !strings.Contains(v, "Segmentos guardados") || !strings.Contains(v, today) || !strings.Contains(v, "monthly_income > 1200 y zone en") {
		t.Errorf("the saved list (today %s):\n%s", today, v)
	}
	if msgs := press(m, "x"); !hasStatus(msgs, "pulse x otra vez para borrar Mil") {
		t.Errorf("delete: %v", msgs)
	}
	// an operator that does not suit the column is named in Spanish
	_, err := m.parseRules(`zone entre 1 y 3`)
	if got := m.caret(`zone entre 1 y 3`, err); !strings.HasSuffix(got, `^ zone contiene categorías: "entre" no se aplica; use =, !=, en, no en, contiene, empieza por o está vacío`) {
		t.Errorf("a wrong operator:\n%s", got)
	}
}

// TestEveryMessageOfTheLanguageIsSpanish: parse and evaluation errors of
// many broken rules, said in Spanish, keep no English word of the
// messages: every piece (what was expected, what was found) is in the
// catalogue.
func TestEveryMessageOfTheLanguageIsSpanish(t *testing.T) {
	m := spanish(t, session(t, shopPath(t, 100)), 100, 30)
	english := regexp.MustCompile(`\b(expected|found|unexpected|the|holds|attribute|after|end|text|number|word|list|days|week|saved|segment|customer|not|or|and|did you mean|cannot|quote|whole)\b`)
	for _, rule := range []string{`income > and zone = "north"`, `income >`, `zone in ("a", "b"`, `(a = 1`, `a = "x`, `a = 1 b = 2`,
		`a ~ 1`, ``, `and`, `zone between 1 x 2`, `zone not x`, `zone in the first 3 days`, `signup_date in the last x days`,
		`signup_date in the last 3 fortnights`, `signup_date in this day`, `zone is full`, `zone contains`, `zone starts by "x"`,
		`signup_date before`, `signup_date antes de and`, `children = 1.2.3`, `zone in "x"`, `zone in ("x" "y")`, `in segment (`,
		`zone`, `zone > 1 or`, `not`, `incme > 3`, `zzzzzzzzz > 1`, `monthly_income = "x"`, `zone between 1 and 3`,
		`newsletter = maybe`, `newsletter > 1`, `signup_date = "yesterday"`, `signup_date contains "x"`,
		`email = "x"`, `name = 1`, `monthly_income contains "x"`, `zone en ("x"`, `zone entre 1 x 2`} {
		_, err := m.parseRules(rule)
		if err == nil {
			t.Errorf("%q was accepted", rule)
			continue
		}
		said := m.caret(rule, err)
		msg := said[strings.Index(said, "^ ")+2:]
		// names, values and the word that was found are as typed
		msg = regexp.MustCompile(`"[^"]*"|'[^']*'|[a-z_]+_[a-z_]+|la palabra \w+`).ReplaceAllString(msg, "")
		if w := english.FindString(msg); w != "" {
			t.Errorf("%q: %q is English in\n%s", rule, w, said)
		}
	}
}

// TestTheProfileSpeaksSpanish (review 5, 7): the profile names pulpero's own
// buckets in Spanish (otros, sí and no, the bucket of no value) and writes
// its ranges with Spain's numbers and dates, while a value of the data that
// happens to read "other" stays as it is, and English reads analysis's
// labels unchanged.
func TestTheProfileSpeaksSpanish(t *testing.T) {
	s := session(t, shopPath(t, 400))
	m := spanish(t, s, 100, 30)
	addRule(m, "monthly_income > 1200")
	press(m, "p")
	v := view(m) + ansi.Strip(strings.Join(m.profileLines(), "\n"))
	for _, want := range []string{"Perfil", "sí ", "≤ 929,6", "929,6 – 1.257", "≤ 18/12/2017", "18/12/2017–20/12/2019"} {
		if !strings.Contains(v, want) {
			t.Errorf("the Spanish profile lacks %q:\n%s", want, v)
		}
	}
	if regexp.MustCompile(`\d{4}-\d{2}-\d{2}|\byes\b`).MatchString(v) {
		t.Errorf("the Spanish profile keeps an ISO date or yes:\n%s", v)
	}
	nan := math.NaN()
	zone := analysis.AttributeProfile{Attribute: "zone", Kind: model.KindCategorical}
	income := analysis.AttributeProfile{Attribute: "monthly_income", Kind: model.KindReal}
	for _, tc := range []struct {
		p    analysis.AttributeProfile
		b    analysis.ProfileBucket
		want string
	}{
		{zone, analysis.ProfileBucket{Label: "other", Of: analysis.BucketOther, Lo: nan, Hi: nan}, "otros"},
		{zone, analysis.ProfileBucket{Label: "other", Of: analysis.BucketValue, Lo: nan, Hi: nan}, "other"}, // the data's own value
		{zone, analysis.ProfileBucket{Label: "(empty)", Of: analysis.BucketEmpty, Lo: nan, Hi: nan}, "(vacío)"},
		{income, analysis.ProfileBucket{Label: "955.8 – 1707", Of: analysis.BucketRange, Lo: 955.8, Hi: 1707}, "955,8 – 1.707"},
		{income, analysis.ProfileBucket{Label: "> 1.235e+04", Of: analysis.BucketRange, Lo: 12345.6, Hi: nan}, "> 1,235e+04"},
	} {
		if got := m.label(tc.p, tc.b); got != tc.want {
			t.Errorf("Spanish label of %+v: %q, want %q", tc.b, got, tc.want)
		}
	}
	en := newScreen(t, s, 100, 30)
	for _, b := range []analysis.ProfileBucket{{Label: "955.8 – 1707", Of: analysis.BucketRange, Lo: 955.8, Hi: 1707},
		{Label: "other", Of: analysis.BucketOther}, {Label: "yes", Of: analysis.BucketValue}} {
		if got := en.label(income, b); got != b.Label {
			t.Errorf("English label %q reads %q", b.Label, got)
		}
	}
}
