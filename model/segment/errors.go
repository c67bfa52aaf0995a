package segment

import (
	"errors"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/pulpero/pulpero/model"
)

// Error is a problem in an expression at a byte position. Its message is
// a model.Sentence, so a screen or command can say it in the user's
// language (locale.Error translates the whole "at character N: ..."; CaretIn
// the message under the caret).
type Error struct {
	Pos int            // byte offset into the expression
	Msg model.Sentence // what is wrong and what was expected
}

func (e *Error) Error() string { return e.Sentence().String() }

// Sentence is the whole message: "at character 10: expected ...".
func (e *Error) Sentence() model.Sentence { return model.Say(msgAtCharacter, e.Pos+1, e.Msg) }

// As lets errors.As find the error's sentence (locale.Error does), so the
// message is translated whole, its position and all.
func (e *Error) As(target any) bool {
	if s, ok := target.(*model.Sentence); ok {
		*s = e.Sentence()
		return true
	}
	return false
}

// Caret renders an error under its expression, in English:
//
//	income > and zone = "north"
//	         ^ expected a value after >, found the word and
//
// Errors that are not *Error are returned as their text.
func Caret(expr string, err error) string {
	return CaretIn(expr, err, func(err error) string { return err.Error() })
}

// CaretIn is Caret with the message said by say, the user's language
// (locale.Locale.Error): an *Error's message under the caret, any other
// error as say has it.
func CaretIn(expr string, err error, say func(error) string) string {
	var e *Error
	if !errors.As(err, &e) {
		return say(err)
	}
	pos := min(max(e.Pos, 0), len(expr))
	// tabs and newlines would shift the caret; show them as spaces
	line := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, expr)
	col := utf8.RuneCountInString(expr[:pos])
	return line + "\n" + strings.Repeat(" ", col) + "^ " + say(e.Msg)
}

// Closest returns up to max names nearest to name by edit distance
// (ignoring case), nearest first, leaving out those too far to be a typo.
func Closest(name string, names []string, limit int) []string {
	type cand struct {
		s string
		d int
	}
	var cs []cand
	lname := strings.ToLower(name)
	for _, n := range names {
		ln := strings.ToLower(n)
		d := distance(lname, ln)
		if strings.Contains(ln, lname) || strings.Contains(lname, ln) {
			d = min(d, 1) // a part of the name is as good as a typo
		}
		// a typo in one word of a longer name: incme → monthly_income
		for _, part := range strings.FieldsFunc(ln, func(r rune) bool { return r == '_' || r == ' ' || r == '-' }) {
			if len(part) >= 3 && part != ln {
				d = min(d, distance(lname, part)+1)
			}
		}
		if d <= max(2, utf8.RuneCountInString(name)/3) {
			cs = append(cs, cand{n, d})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	out := []string{}
	for i := 0; i < len(cs) && i < limit; i++ {
		out = append(out, cs[i].s)
	}
	return out
}

// distance is the Levenshtein distance between two strings, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
