package segment

import (
	"strings"

	"github.com/pulpero/pulpero/model"
)

// maxDepth bounds nesting so a hostile expression cannot exhaust the stack.
const maxDepth = 200

// Parse reads an expression into a rule tree. An empty expression is an
// error; every error is an *Error with the byte position of the problem.
func Parse(src string) (Node, error) {
	n, err := parse(src)
	if err != nil {
		return nil, decimalComma(src, err)
	}
	return n, nil
}

// decimalComma is err, or, when err stops at a comma written between the
// digits of a number (monthly_income > 1500,5: a decimal comma, as Spanish
// writes decimals), an error that says so and gives the number with a
// point; a point before the comma is then a thousands separator
// (1.500,5 → 1500.5). A comma the parser takes (a list's) is never one.
func decimalComma(src string, err error) error {
	e, ok := err.(*Error)
	if !ok || e.Pos <= 0 || e.Pos+1 >= len(src) || src[e.Pos] != ',' || !isDigit(src[e.Pos-1]) || !isDigit(src[e.Pos+1]) {
		return err
	}
	start := e.Pos
	for start > 0 && (isDigit(src[start-1]) || src[start-1] == '.' || src[start-1] == '_') {
		start--
	}
	if start > 0 && src[start-1] == '-' && (start == 1 || !isNameByte(src[start-2])) {
		start-- // a negative number, not a name ending in -
	}
	end := e.Pos + 1
	for end < len(src) && isDigit(src[end]) {
		end++
	}
	whole := strings.NewReplacer(".", "", "_", "").Replace(src[start:e.Pos])
	return say(e.Pos, msgDecimalComma, whole+"."+src[e.Pos+1:end])
}

func isNameByte(b byte) bool {
	return isDigit(b) || b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

func parse(src string) (Node, error) {
	p := &parser{lex: lexer{src: src}}
	if t, err := p.peek(0); err != nil {
		return nil, err
	} else if t.kind == tokEOF {
		return nil, say(0, msgEmpty)
	}
	n, err := p.or(0)
	if err != nil {
		return nil, err
	}
	t, err := p.peek(0)
	if err != nil {
		return nil, err
	}
	if t.kind != tokEOF {
		return nil, say(t.pos, msgUnexpectedEnd, describe(t))
	}
	return n, nil
}

type parser struct {
	lex lexer
	buf []token
}

func (p *parser) peek(k int) (token, error) {
	for len(p.buf) <= k {
		t, err := p.lex.next()
		if err != nil {
			return token{}, err
		}
		p.buf = append(p.buf, t)
		if t.kind == tokEOF {
			for len(p.buf) <= k {
				p.buf = append(p.buf, t)
			}
		}
	}
	return p.buf[k], nil
}

func (p *parser) take() token { t := p.buf[0]; p.buf = p.buf[1:]; return t }

// isWord reports whether token k is the keyword w (case-insensitively).
func (p *parser) isWord(k int, w string) bool {
	t, err := p.peek(k)
	return err == nil && t.kind == tokWord && keywordIs(t.text, w)
}

func (p *parser) isPunct(k int, s string) bool {
	t, err := p.peek(k)
	return err == nil && t.kind == tokPunct && t.text == s
}

// expectWord consumes keyword w or fails saying what was expected (what,
// one of the want* sentences).
func (p *parser) expectWord(w, what string) (token, error) {
	t, err := p.peek(0)
	if err != nil {
		return t, err
	}
	if t.kind != tokWord || !keywordIs(t.text, w) {
		return t, say(t.pos, msgExpected, model.Say(what), describe(t))
	}
	return p.take(), nil
}

func (p *parser) or(depth int) (Node, error) {
	first, err := p.and(depth)
	if err != nil {
		return nil, err
	}
	terms := []Node{first}
	for p.isWord(0, "or") {
		p.take()
		n, err := p.and(depth)
		if err != nil {
			return nil, err
		}
		terms = append(terms, n)
	}
	if len(terms) == 1 {
		return first, nil
	}
	return &Or{Terms: terms}, nil
}

func (p *parser) and(depth int) (Node, error) {
	first, err := p.not(depth)
	if err != nil {
		return nil, err
	}
	terms := []Node{first}
	for p.isWord(0, "and") {
		p.take()
		n, err := p.not(depth)
		if err != nil {
			return nil, err
		}
		terms = append(terms, n)
	}
	if len(terms) == 1 {
		return first, nil
	}
	return &And{Terms: terms}, nil
}

func (p *parser) not(depth int) (Node, error) {
	t, err := p.peek(0)
	if err != nil {
		return nil, err
	}
	if depth > maxDepth {
		return nil, say(t.pos, msgTooDeep)
	}
	if p.isWord(0, "not") {
		p.take()
		x, err := p.not(depth + 1)
		if err != nil {
			return nil, err
		}
		return &Not{X: x}, nil
	}
	return p.primary(depth)
}

func (p *parser) primary(depth int) (Node, error) {
	t, err := p.peek(0)
	if err != nil {
		return nil, err
	}
	switch {
	case t.kind == tokPunct && t.text == "(":
		p.take()
		n, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		c, err := p.peek(0)
		if err != nil {
			return nil, err
		}
		if c.kind != tokPunct || c.text != ")" {
			return nil, say(c.pos, msgCloseParen, t.pos+1, describe(c))
		}
		p.take()
		return n, nil
	case t.kind == tokWord && keywordIs(t.text, "in") && p.isWord(1, "segment"):
		p.take()
		p.take()
		v, err := p.peek(0)
		if err != nil {
			return nil, err
		}
		if v.kind != tokString && v.kind != tokWord {
			return nil, say(v.pos, msgSegmentName, describe(v))
		}
		p.take()
		return &Condition{Op: OpInSegment, Values: []Value{{Text: v.text, Pos: v.pos}}, Pos: t.pos}, nil
	case t.kind == tokString || t.kind == tokWord && !reserved(t.text):
		p.take()
		return p.condition(t)
	case t.kind == tokEOF:
		return nil, say(t.pos, msgEndsTooSoon)
	}
	return nil, say(t.pos, msgPrimary, describe(t))
}
