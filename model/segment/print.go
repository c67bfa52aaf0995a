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
func Print(n Node) string {
	var b strings.Builder
	write(&b, n)
	return b.String()
}

func write(b *strings.Builder, n Node) {
	switch x := n.(type) {
	case *And:
		for i, t := range x.Terms {
			if i > 0 {
				b.WriteString(" and ")
			}
			_, and := t.(*And)
			_, or := t.(*Or)
			group(b, t, and || or)
		}
	case *Or:
		for i, t := range x.Terms {
			if i > 0 {
				b.WriteString(" or ")
			}
			_, or := t.(*Or)
			group(b, t, or)
		}
	case *Not:
		b.WriteString("not ")
		_, and := x.X.(*And)
		_, or := x.X.(*Or)
		group(b, x.X, and || or)
	case *Condition:
		writeCondition(b, x)
	}
}

func group(b *strings.Builder, n Node, parens bool) {
	if parens {
		b.WriteByte('(')
	}
	write(b, n)
	if parens {
		b.WriteByte(')')
	}
}

func writeCondition(b *strings.Builder, c *Condition) {
	if c.Op == OpInSegment {
		b.WriteString("in segment ")
		b.WriteString(Quote(value(c, 0).Text))
		return
	}
	b.WriteString(Name(c.Attribute))
	switch c.Op {
	case OpBetween:
		b.WriteString(" between " + Literal(value(c, 0)) + " and " + Literal(value(c, 1)))
	case OpIn, OpNotIn:
		b.WriteString(" " + c.Op.String() + " (")
		for i, v := range c.Values {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(Literal(v))
		}
		b.WriteByte(')')
	case OpEmpty, OpNotEmpty:
		b.WriteString(" " + c.Op.String())
	case OpInLast:
		unit := c.Unit
		if value(c, 0).Text != "1" {
			unit += "s"
		}
		b.WriteString(" in the last " + value(c, 0).Text + " " + unit)
	case OpThis:
		b.WriteString(" in this " + c.Unit)
	default:
		b.WriteString(" " + c.Op.String() + " " + Literal(value(c, 0)))
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
	if s == "" || reserved(s) {
		return Quote(s)
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
