package segment

import (
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestParseExamples(t *testing.T) {
	cases := map[string]string{
		`income > 20000 and marital = "single" and zone in ("north", "north-east")`: `income > 20000 and marital = "single" and zone in ("north", "north-east")`,
		`INCOME>=20_000 AND Zone = north-east`:                                      `INCOME >= 20000 and Zone = "north-east"`,
		`"Annual Income (k$)" between 10 and 20 or not (a = 1 or b = 2)`:            `"Annual Income (k$)" between 10 and 20 or not (a = 1 or b = 2)`,
		`signup in the last 90 days and birth before 1990-01-31`:                    `signup in the last 90 days and birth before "1990-01-31"`,
		`signup this year or signup in the last 1 month`:                            `signup in this year or signup in the last 1 month`,
		`in segment "VIP" and not in segment vip2`:                                  `in segment "VIP" and not in segment "vip2"`,
		`email is empty or phone is not null`:                                       `email is empty or phone is not empty`,
		`name contains "o'brien" and city starts with 'San'`:                        `name contains "o'brien" and city starts with "San"`,
		`zone not in ("a","b") and (x <> -1.5)`:                                     `zone not in ("a", "b") and x != -1.5`,
		`(a = 1 and b = 2) and c = 3`:                                               `(a = 1 and b = 2) and c = 3`,
		`niño = "sí" and "and" = "or"`:                                              `niño = "sí" and "and" = "or"`,
	}
	for in, want := range cases {
		n, err := Parse(in)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if got := Print(n); got != want {
			t.Errorf("%s\n printed %s\n    want %s", in, got, want)
		}
	}
}

func TestErrorsHaveCaret(t *testing.T) {
	cases := map[string]string{
		`income > and zone = "north"`: "         ^ expected a value after >, found the word and",
		`income >`:                    "        ^ expected a value after >, found the end of the expression",
		`zone in ("a", "b"`:           "                 ^ expected , or ) in the list, found the end of the expression",
		`(a = 1`:                      "      ^ expected ) to close the ( at 1, found the end of the expression",
		`a = "x`:                      `    ^ this text has no closing " quote`,
		`a = 1 b = 2`:                 "      ^ unexpected \"b\"; expected and, or, or the end of the expression",
		`a ~ 1`:                       "  ^ unexpected '~'; expected a name, a value, an operator or a parenthesis",
		``:                            "^ the expression is empty; expected a rule such as income > 20000",
		`and`:                         "^ expected an attribute name, not, in segment or (, found the word and",
	}
	for in, want := range cases {
		_, err := Parse(in)
		if err == nil {
			t.Errorf("%q parsed", in)
			continue
		}
		got := Caret(in, err)
		if line := strings.SplitN(got, "\n", 2); len(line) != 2 || line[1] != want {
			t.Errorf("%q:\n%s\nwant caret line\n%s", in, got, want)
		}
	}
}

func TestClosest(t *testing.T) {
	names := []string{"income", "monthly_income", "zone", "marital_status", "age"}
	got := Closest("incme", names, 3)
	if len(got) == 0 || got[0] != "income" {
		t.Fatalf("Closest(incme) = %v", got)
	}
	if got := Closest("marital", names, 3); len(got) == 0 || got[0] != "marital_status" {
		t.Fatalf("Closest(marital) = %v", got)
	}
	if got := Closest("xyzzy", names, 3); len(got) != 0 {
		t.Fatalf("Closest(xyzzy) = %v", got)
	}
}

// randomTree builds a tree the parser could produce: no And directly in an
// And without parentheses is fine, because the printer adds them.
func randomTree(r *rand.Rand, depth int) Node {
	if depth <= 0 || r.IntN(3) == 0 {
		return randomCondition(r)
	}
	switch r.IntN(3) {
	case 0:
		return &Not{X: randomTree(r, depth-1)}
	case 1:
		n := 2 + r.IntN(3)
		a := &And{}
		for range n {
			a.Terms = append(a.Terms, randomTree(r, depth-1))
		}
		return a
	default:
		n := 2 + r.IntN(3)
		o := &Or{}
		for range n {
			o.Terms = append(o.Terms, randomTree(r, depth-1))
		}
		return o
	}
}

var names = []string{"income", "Zone", "Annual Income (k$)", "and", "niño", "x.y", "a_b", "north-east", `we"ird\`}

func randomValue(r *rand.Rand) Value {
	if r.IntN(2) == 0 {
		return Value{Text: strconv.FormatFloat(float64(r.IntN(20001)-10000)/4, 'f', -1, 64), Number: true}
	}
	return Value{Text: []string{"north", "", "o'brien", `say "hi"`, "2024-01-31", "and", "ñ", `back\slash`}[r.IntN(8)]}
}

func randomCondition(r *rand.Rand) *Condition {
	c := &Condition{Attribute: names[r.IntN(len(names))], Op: Op(r.IntN(int(OpInSegment) + 1))}
	switch c.Op {
	case OpBetween:
		c.Values = []Value{randomValue(r), randomValue(r)}
	case OpIn, OpNotIn:
		for range 1 + r.IntN(3) {
			c.Values = append(c.Values, randomValue(r))
		}
	case OpEmpty, OpNotEmpty:
	case OpInLast:
		c.Values = []Value{{Text: strconv.Itoa(1 + r.IntN(400)), Number: true}}
		c.Unit = []string{"day", "week", "month", "year"}[r.IntN(4)]
	case OpThis:
		c.Unit = []string{"week", "month", "year"}[r.IntN(3)]
	case OpInSegment:
		c.Attribute = ""
		c.Values = []Value{{Text: []string{"VIP", "big spenders", `a"b`}[r.IntN(3)]}}
	default:
		c.Values = []Value{randomValue(r)}
	}
	return c
}

func TestPrintParseRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 3000 {
		tree := randomTree(r, 4)
		s := Print(tree)
		back, err := Parse(s)
		if err != nil {
			t.Fatalf("#%d: %s\n%s", i, s, Caret(s, err))
		}
		if !Equal(tree, back) {
			t.Fatalf("#%d: %s\nparsed back as %s", i, s, Print(back))
		}
		if Hash(tree) != Hash(back) {
			t.Fatalf("#%d: hash differs", i)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`income > 20000 and marital = "single"`, `not (a in (1,2) or b is empty)`,
		`"x y" between 1 and 2`, `d in the last 3 months`, `in segment "VIP"`, `a = "unterminated`, `((((`, "a = 'é'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Pos < 0 || e.Pos > len(s) {
				t.Fatalf("%q: error without a position: %v", s, err)
			}
			_ = Caret(s, err)
			return
		}
		p := Print(n)
		back, err := Parse(p)
		if err != nil {
			t.Fatalf("%q printed as %q which does not parse: %v", s, p, err)
		}
		if !Equal(n, back) {
			t.Fatalf("%q printed as %q parses differently", s, p)
		}
	})
}

func TestBuilders(t *testing.T) {
	for got, want := range map[string]string{
		OneOf("zone", "north"):                            `zone = "north"`,
		OneOf("Estado civil", "soltero", `"x"`):           `"Estado civil" in ("soltero", "\"x\"")`,
		NumberBetween("income", 1000, 2500.5):             `income between 1000 and 2500.5`,
		DateBetween("signup", "2024-01-01", "2024-03-31"): `signup between "2024-01-01" and "2024-03-31"`,
		IsEmpty("in"): `"in" is empty`,
	} {
		if got != want {
			t.Errorf("got %s, want %s", got, want)
		}
		if _, err := Parse(got); err != nil {
			t.Errorf("%s does not parse: %v", got, err)
		}
	}
}
