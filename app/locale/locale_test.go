package locale

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/model"
)

// TestDetectFollowsFlagThenPOSIXOrder: --lang wins; else LC_ALL, then
// LC_MESSAGES, then LANG, as POSIX orders them; "C" and unknown
// environments are English; a flag that names no language is an error.
func TestDetectFollowsFlagThenPOSIXOrder(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		flag string
		env  map[string]string
		want Lang
		tag  string
	}{
		{"", nil, English, "en"},
		{"es", map[string]string{"LANG": "en_US.UTF-8"}, Spanish, "es"},
		{"en", map[string]string{"LANG": "es_AR.UTF-8"}, English, "en"},
		{"", map[string]string{"LANG": "es_AR.UTF-8"}, Spanish, "es-AR"},
		{"", map[string]string{"LANG": "en_GB.UTF-8", "LC_MESSAGES": "es_MX.UTF-8"}, Spanish, "es-MX"},
		{"", map[string]string{"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, English, "en"},
		{"", map[string]string{"LANG": "pt_BR.UTF-8"}, English, "pt-BR"},
		{"", map[string]string{"LANG": "klingon!"}, English, "en"},
		{"es_CO.UTF-8", nil, Spanish, "es-CO"},
	}
	for _, c := range cases {
		l, err := Detect(c.flag, env(c.env))
		if err != nil || l.Lang != c.want || l.Tag.String() != c.tag {
			t.Errorf("flag %q env %v: %s %s %v, want %s %s", c.flag, c.env, l.Lang, l.Tag, err, c.want, c.tag)
		}
	}
	if _, err := Detect("francés", env(nil)); err == nil {
		t.Error("a flag naming no language was taken")
	}
}

// TestNumbersAndDatesAsTheRegionWritesThem: the table: Spain,
// Argentina and Colombia write 1.234,56; Mexico and English 1,234.56.
func TestNumbersAndDatesAsTheRegionWritesThem(t *testing.T) {
	for tag, want := range map[string][2]string{
		"en": {"1,234.56", "1,234,567"}, "es-ES": {"1.234,56", "1.234.567"}, "es-AR": {"1.234,56", "1.234.567"},
		"es-CO": {"1.234,56", "1.234.567"}, "es-MX": {"1,234.56", "1,234,567"},
	} {
		l, err := Parse(tag)
		if err != nil {
			t.Fatal(err)
		}
		if got := [2]string{l.Number(1234.56, 2), l.Int(1234567)}; got != want {
			t.Errorf("%s: %v, want %v", tag, got, want)
		}
	}
	day := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	es, _ := Parse("es")
	if got := es.Date(day); got != "02/12/2026" {
		t.Errorf("Spanish date %s", got)
	}
	if got := Default().Date(day); got != "2026-12-02" {
		t.Errorf("English date %s", got)
	}
}

// TestCatalogueSpeaksBoth: a catalogued sentence reads in Spanish with its
// arguments; plural forms follow the count.
func TestCatalogueSpeaksBoth(t *testing.T) {
	es, _ := Parse("es")
	if got := es.T(msgBadLang, "xx"); got != `"xx" no es un idioma: use es o en (o un locale como es_AR.UTF-8)` {
		t.Errorf("Spanish: %s", got)
	}
	if got := Default().T(msgBadLang, "xx"); got != `"xx" is not a language: use es or en (or a locale such as es_AR.UTF-8)` {
		t.Errorf("English: %s", got)
	}
	// a sentence not in the catalogue reads in English, in the right form
	if got := es.N(1, "%d test widget", "%d test widgets", 1); got != "1 test widget" {
		t.Errorf("one: %s", got)
	}
	if got := es.N(2, "%d test widget", "%d test widgets", 2); got != "2 test widgets" {
		t.Errorf("other: %s", got)
	}
	for en, sp := range spanish {
		if strings.TrimSpace(en) == "" || strings.TrimSpace(sp) == "" {
			t.Errorf("%q → %q: a sentence lacks one of its languages", en, sp)
		}
	}
}

var verb = regexp.MustCompile(`%[-+# 0-9.*]*[a-zA-Z%]`)

// TestEveryTranslationKeepsItsVerbs: a Spanish sentence has the English
// one's verbs in the same order, so no argument is lost or misplaced, and
// none is empty.
func TestEveryTranslationKeepsItsVerbs(t *testing.T) {
	for en, es := range spanish {
		if es == "" {
			t.Errorf("%q: empty translation", en)
		}
		if a, b := verb.FindAllString(en, -1), verb.FindAllString(es, -1); !slices.Equal(a, b) {
			t.Errorf("%q → %q: verbs %v, %v", en, es, a, b)
		}
	}
}

// TestOneTranslationPerSentence: a sentence two parts of the catalogue
// both translate reads the same in both.
func TestOneTranslationPerSentence(t *testing.T) {
	for _, c := range conflicts {
		t.Errorf("translated twice, differently: %s", c)
	}
}

// TestErrorsSpeakTheUsersLanguage: a model.Sentence error, alone or wrapped
// under a file name, reads in Spanish; other errors stay as they are.
func TestErrorsSpeakTheUsersLanguage(t *testing.T) {
	es, _ := Parse("es")
	err := fmt.Errorf("shop.db: %w", model.Say(msgBadLang, "xx"))
	if got, want := es.Error(err), `shop.db: "xx" no es un idioma: use es o en (o un locale como es_AR.UTF-8)`; got != want {
		t.Errorf("wrapped sentence: %q, want %q", got, want)
	}
	if got, want := Default().Error(err), `shop.db: "xx" is not a language: use es or en (or a locale such as es_AR.UTF-8)`; got != want {
		t.Errorf("in English: %q, want %q", got, want)
	}
	if got := es.Error(errors.New("disk full")); got != "disk full" {
		t.Errorf("an untranslated error changed: %q", got)
	}
}

// TestUnsupportedLanguage (review 33): --lang fr is an error naming the
// languages pulpero speaks; an environment in French is English, with no
// error (it is not what the user typed), and C is English.
func TestUnsupportedLanguage(t *testing.T) {
	for _, s := range []string{"fr", "pt_BR.UTF-8", "de-DE"} {
		if _, err := Detect(s, func(string) string { return "" }); err == nil || err.Error() != "unsupported language: "+s+" (es|en)" {
			t.Errorf("--lang %s: %v", s, err)
		}
	}
	es, _ := Parse("es")
	if _, err := Detect("fr", func(string) string { return "" }); es.Error(err) != "idioma no admitido: fr (es|en)" {
		t.Errorf("in Spanish: %q", es.Error(err))
	}
	env := map[string]string{"LANG": "fr_FR.UTF-8"}
	if l, err := Detect("", func(k string) string { return env[k] }); err != nil || l.Lang != English {
		t.Errorf("LANG=fr_FR.UTF-8: %v %v", l.Lang, err)
	}
	for _, s := range []string{"en", "en_GB.UTF-8", "es", "es_419", "es-MX", "C", "POSIX"} {
		if _, err := Detect(s, func(string) string { return "" }); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
}

// TestErrorsTranslateEverySentenceInTheChain: a sentence wrapping another
// (fmt.Errorf("%w: %w", ...)) reads in Spanish in both parts.
func TestErrorsTranslateEverySentenceInTheChain(t *testing.T) {
	es, _ := Parse("es")
	err := fmt.Errorf("%w: %w", model.Say("segment %q cannot be applied to %s", "VIP", "prospects"), fmt.Errorf("prospects.db: %w", model.Say(msgBadLang, "xx")))
	want := `el segmento "VIP" no se puede aplicar a prospects: prospects.db: "xx" no es un idioma: use es o en (o un locale como es_AR.UTF-8)`
	if got := es.Error(err); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := Default().Error(err); got != err.Error() {
		t.Errorf("English changed: %q", got)
	}
}
