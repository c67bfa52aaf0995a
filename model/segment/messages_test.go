package segment

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// TestErrorsAreSentences: every error of the language is found as a
// model.Sentence (so locale.Error translates it whole), reads the same as
// before in English, and CaretIn puts what say makes of the message under
// the caret, nested pieces (what was found) and all.
func TestErrorsAreSentences(t *testing.T) {
	for _, in := range []string{`income > and zone = "north"`, `income >`, `zone in ("a", "b"`, `(a = 1`, `a = "x`,
		`a = 1 b = 2`, `a ~ 1`, ``, `and`, `a between 1 x 2`, `a in the last 0 days`, `a in this day`, `a is full`,
		"a = \xff", `a not x`, `a = 1.2.3`, `in segment (`} {
		_, err := Parse(in)
		var s model.Sentence
		if err == nil || !errors.As(err, &s) {
			t.Errorf("%q: %v is no sentence", in, err)
			continue
		}
		if s.String() != err.Error() || !strings.HasPrefix(s.Format, "at character %d: ") {
			t.Errorf("%q: the sentence %q, the error %q", in, s.String(), err.Error())
		}
		// a say that marks every format it is given shows the nesting
		var say func(model.Sentence) string
		say = func(s model.Sentence) string {
			args := append([]any(nil), s.Args...)
			for i, a := range args {
				if inner, ok := a.(model.Sentence); ok {
					args[i] = say(inner)
				}
			}
			return "⟨" + fmt.Sprintf(s.Format, args...) + "⟩"
		}
		got := CaretIn(in, err, func(err error) string {
			var s model.Sentence
			errors.As(err, &s)
			return say(s)
		})
		want := Caret(in, err)
		plain := strings.NewReplacer("⟨", "", "⟩", "").Replace(got)
		if plain != want || !strings.Contains(got, "^ ⟨") {
			t.Errorf("%q:\n%s\nwant, unmarked,\n%s", in, got, want)
		}
		if in == `income >` && !strings.HasSuffix(got, "^ ⟨expected ⟨a value after >⟩, found ⟨the end of the expression⟩⟩") {
			t.Errorf("the pieces are not sentences of their own: %s", got)
		}
	}
}
