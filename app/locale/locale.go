// Package locale is pulpero's language and local formats: which language a
// user reads (English or Spanish), the catalogue that turns the program's
// English sentences into it, and how numbers, money and dates are written
// on screen there (1.234,56 in Spain and Argentina, 1,234.56 in Mexico and
// in English). Files and JSON stay locale-independent: ISO dates, a point
// for decimals.
//
// It is built on golang.org/x/text rather than go-i18n: one maintained
// module gives the four things needed, language matching (es_AR.UTF-8 →
// es-AR), CLDR plural rules, CLDR number formats and a message catalogue
// keyed by the English text (so the code reads in English, and a sentence
// not yet translated still reads). go-i18n would add files of messages but
// still need x/text for numbers.
package locale

import (
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/pulpero/pulpero/model"
)

// Lang is a language pulpero speaks.
type Lang string

const (
	English Lang = "en"
	Spanish Lang = "es"
)

// Locale is a user's language and region: the language of the sentences,
// the region's number format.
type Locale struct {
	Tag  language.Tag // as asked for, e.g. es-AR
	Lang Lang
	p    *message.Printer
}

var supported = []language.Tag{language.English, language.Spanish}

var matcher = language.NewMatcher(supported)

// Default is English, what pulpero speaks when nothing says otherwise.
func Default() Locale { return New(language.English) }

// New makes the locale of tag: Spanish for any Spanish, else English; the
// numbers follow the tag's region.
func New(tag language.Tag) Locale {
	_, i, conf := matcher.Match(tag)
	lang := English
	if conf != language.No && supported[i] == language.Spanish {
		lang = Spanish
	}
	return Locale{Tag: tag, Lang: lang, p: message.NewPrinter(tag, message.Catalog(cat))}
}

// Parse reads a language as a user or the environment writes it: "es",
// "en", "es-AR", "es_AR.UTF-8", "C", "POSIX". Another language (pt_BR)
// is English with that region's numbers.
func Parse(s string) (Locale, error) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i] // es_AR.UTF-8, de_DE@euro
	}
	switch s {
	case "", "C", "POSIX":
		return Default(), nil
	}
	tag, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	if err != nil {
		return Default(), fmt.Errorf(msgBadLang, s)
	}
	return New(tag), nil
}

// speaks reports whether pulpero speaks tag's language (English or
// Spanish, any region).
func speaks(tag language.Tag) bool {
	base, _ := tag.Base()
	return base.String() == string(English) || base.String() == string(Spanish)
}

// Detect is the user's locale: the --lang flag when given, else the
// first of LC_ALL, LC_MESSAGES and LANG that is set (as POSIX orders
// them), else English. A flag that names no language, or one pulpero does
// not speak (--lang fr), is an error naming those it speaks; an environment
// that does is not (it is not the user's typing): LANG=pt_BR.UTF-8 is
// English, with Brazil's numbers.
func Detect(flag string, getenv func(string) string) (Locale, error) {
	if strings.TrimSpace(flag) != "" {
		l, err := Parse(flag)
		if err == nil && l.Tag != language.English && !speaks(l.Tag) {
			return Default(), model.Say(msgUnsupportedLang, strings.TrimSpace(flag)) // --lang fr
		}
		return l, err
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := getenv(v); s != "" {
			l, err := Parse(s)
			if err != nil {
				return Default(), nil
			}
			return l, nil
		}
	}
	return Default(), nil
}

// T is the English sentence key in the locale's language, with args put in
// by the locale's printer: numbers in the region's format (12.345 in
// Spanish). Pass years and ids as text, which is kept as it is.
func (l Locale) T(key string, args ...any) string {
	if len(args) == 0 {
		return l.Lookup(key) // a % in a label ("row %") is not a verb
	}
	if l.p == nil { // the zero Locale: English
		l = Default()
	}
	return l.p.Sprintf(key, args...)
}

// Lookup is key in the locale's language, as it is (nothing formatted).
func (l Locale) Lookup(key string) string {
	if l.Lang == Spanish {
		if es, ok := spanish[key]; ok {
			return es
		}
	}
	return key
}

// N is T for a sentence about n things: one form for one, another for
// the rest, chosen by the language's plural rule (CLDR, via x/text).
func (l Locale) N(n int, one, other string, args ...any) string {
	key := other
	if plural.Cardinal.MatchPlural(l.Tag, n, 0, 0, 0, 0) == plural.One {
		key = one
	}
	return l.T(key, args...)
}

// cat is the message catalogue: English keys, their Spanish (spanish.go).
var cat = func() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for en, es := range spanish {
		b.SetString(language.Spanish, en, es)
	}
	return b
}()

// Translated reports whether key has a Spanish translation (for tests).
func Translated(key string) bool {
	_, ok := spanish[key]
	return ok
}

// Say is a sentence made below the faces (model.Sentence) in the locale's
// language. An argument that is itself a Sentence (a piece such as "the
// end of the expression") is said in the language too.
func (l Locale) Say(s model.Sentence) string {
	var args []any // a copy, made only when needed: the caller's stay as they are
	for i, a := range s.Args {
		if inner, ok := a.(model.Sentence); ok {
			if args == nil {
				args = append([]any(nil), s.Args...)
			}
			args[i] = l.Say(inner)
		}
	}
	if args == nil {
		args = s.Args
	}
	return l.T(s.Format, args...)
}

// Error is err's message in the locale's language: each model.Sentence in
// its chain (it, what it wraps, and what those wrap) is translated in place,
// so a prefix such as a file name stays; else a message that is a catalogue
// sentence is; else it is as it is.
func (l Locale) Error(err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	said := false
	for _, s := range sentencesIn(err) {
		if en := s.String(); en != "" && strings.Contains(msg, en) {
			msg, said = strings.Replace(msg, en, l.Say(s), 1), true
		}
	}
	if said {
		return msg
	}
	if l.Lang == Spanish {
		if es, ok := spanish[msg]; ok {
			return es
		}
	}
	return msg
}

// sentencesIn are the model.Sentences in err's chain, outermost first
// (an outer sentence holds the inner ones' text, so it is replaced first).
func sentencesIn(err error) []model.Sentence {
	var out []model.Sentence
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		var s model.Sentence
		if errors.As(e, &s) && (len(out) == 0 || !sameSentence(out[len(out)-1], s)) {
			out = append(out, s)
		}
		switch u := e.(type) {
		case interface{ Unwrap() []error }:
			for _, inner := range u.Unwrap() {
				walk(inner)
			}
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		}
	}
	walk(err)
	return out
}

func sameSentence(a, b model.Sentence) bool { return a.String() == b.String() }
