package segment

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"
)

// Print writes a tree in the language, in the canonical form: keywords in
// lower case, strings in double quotes, one space between tokens, and
// parentheses exactly where the tree needs them. Parse(Print(t)) equals t.
func Print(n Node) string { return printWith(n, &english) }

// PrintSpanish writes a tree with the Spanish keywords (y, o, no, entre,
// en, está vacío, contiene, empieza por, en los últimos 90 días...), for a
// user who reads Spanish; Parse reads it back as the same tree. Saved
// segments keep the canonical English form (Print).
func PrintSpanish(n Node) string { return printWith(n, &spanish) }

// words are a language's keywords for the printer.
type words struct {
	and, or, not, inSegment string
	ops                     [len(opWords)]string
	inLast, inThis          string
	units                   map[string][2]string // unit → singular, plural
	this                    map[string]string    // unit → "this" as it agrees with it
}

var english = words{and: " and ", or: " or ", not: "not ", inSegment: "in segment ", ops: opWords,
	inLast: " in the last ", inThis: " in this ",
	units: map[string][2]string{"day": {"day", "days"}, "week": {"week", "weeks"}, "month": {"month", "months"}, "year": {"year", "years"}},
	this:  map[string]string{}}

var spanish = words{and: " y ", or: " o ", not: "no ", inSegment: "en segmento ",
	ops: [len(opWords)]string{"=", "!=", "<", "<=", ">", ">=", "entre", "en", "no en", "está vacío", "no está vacío",
		"contiene", "empieza por", "antes de", "después de", "en los últimos", "en este", "en segmento"},
	inLast: " en los últimos ", inThis: " en ",
	units: map[string][2]string{"day": {"día", "días"}, "week": {"semana", "semanas"}, "month": {"mes", "meses"}, "year": {"año", "años"}},
	this:  map[string]string{"day": "este", "week": "esta", "month": "este", "year": "este"}}

func printWith(n Node, w *words) string {
	var b strings.Builder
	write(&b, n, w)
	return b.String()
}

func write(b *strings.Builder, n Node, w *words) {
	switch x := n.(type) {
	case *And:
		for i, t := range x.Terms {
			if i > 0 {
				b.WriteString(w.and)
			}
			_, and := t.(*And)
			_, or := t.(*Or)
			group(b, t, and || or, w)
		}
	case *Or:
		for i, t := range x.Terms {
			if i > 0 {
				b.WriteString(w.or)
			}
			_, or := t.(*Or)
			group(b, t, or, w)
		}
	case *Not:
		b.WriteString(w.not)
		_, and := x.X.(*And)
		_, or := x.X.(*Or)
		group(b, x.X, and || or, w)
	case *Condition:
		writeCondition(b, x, w)
	}
}

func group(b *strings.Builder, n Node, parens bool, w *words) {
	if parens {
		b.WriteByte('(')
	}
	write(b, n, w)
	if parens {
		b.WriteByte(')')
	}
}

func writeCondition(b *strings.Builder, c *Condition, w *words) {
	if c.Op == OpInSegment {
		b.WriteString(w.inSegment)
		b.WriteString(Quote(value(c, 0).Text))
		return
	}
	b.WriteString(Name(c.Attribute))
	op := func(o Op) string { return w.ops[o] }
	switch c.Op {
	case OpBetween:
		b.WriteString(" " + op(OpBetween) + " " + Literal(value(c, 0)) + w.and + Literal(value(c, 1)))
	case OpIn, OpNotIn:
		b.WriteString(" " + op(c.Op) + " (")
		for i, v := range c.Values {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(Literal(v))
		}
		b.WriteByte(')')
	case OpEmpty, OpNotEmpty:
		b.WriteString(" " + op(c.Op))
	case OpInLast:
		forms := w.units[c.Unit]
		unit := forms[0]
		if value(c, 0).Text != "1" {
			unit = forms[1]
		}
		if unit == "" {
			unit = c.Unit
		}
		b.WriteString(w.inLast + value(c, 0).Text + " " + unit)
	case OpThis:
		unit := w.units[c.Unit][0]
		if unit == "" {
			unit = c.Unit
		}
		this := w.this[c.Unit]
		if this == "" {
			b.WriteString(w.inThis + unit)
		} else {
			b.WriteString(w.inThis + this + " " + unit)
		}
	default:
		b.WriteString(" " + op(c.Op) + " " + Literal(value(c, 0)))
	}
}

// value tolerates hand-built conditions with too few values.
func value(c *Condition, i int) Value {
	if i < len(c.Values) {
		return c.Values[i]
	}
	return Value{Text: ""}
}

// Literal writes a value: numbers as written, everything else quoted.
func Literal(v Value) string {
	if v.Number {
		return v.Text
	}
	return Quote(v.Text)
}

// Quote writes s as a double-quoted string of the language.
func Quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}

// Name writes an attribute name bare when the lexer would read it back as
// one word, else quoted ("Annual Income (k$)").
func Name(s string) string {
	if s == "" || reserved(s) || spanishKeyword(s) {
		return Quote(s) // the parser reads Spanish keywords too: "no" = 1
	}
	l := lexer{src: s}
	t, err := l.next()
	if err != nil || t.kind != tokWord || t.end != len(s) || !utf8.ValidString(s) {
		return Quote(s)
	}
	return s
}

// Hash identifies a definition: the hex SHA-256 of its canonical printed
// form, so two spellings of the same rules have the same hash.
func Hash(n Node) string {
	sum := sha256.Sum256([]byte(Print(n)))
	return hex.EncodeToString(sum[:])
}
