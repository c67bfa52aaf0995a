package segment

import (
	"strconv"
	"strings"
)

var compareOps = map[string]Op{"=": OpEq, "==": OpEq, "!=": OpNe, "<>": OpNe, "<": OpLt, "<=": OpLe, ">": OpGt, ">=": OpGe}

const expectedOp = "an operator (= != < <= > >= between, in, not in, is empty, contains, starts with, before, after, in the last)"

// condition parses what follows an attribute name.
func (p *parser) condition(name token) (Node, error) {
	c := &Condition{Attribute: name.text, Pos: name.pos}
	t, err := p.peek(0)
	if err != nil {
		return nil, err
	}
	if t.kind == tokPunct {
		if op, ok := compareOps[t.text]; ok {
			p.take()
			c.Op = op
			return c, p.values(c, 1, "a value after "+t.text)
		}
	}
	if t.kind != tokWord {
		return nil, &Error{Pos: t.pos, Msg: "expected " + expectedOp + " after " + describe(name) + ", found " + describe(t)}
	}
	is := func(w string) bool { return keywordIs(t.text, w) }
	switch {
	case is("between"):
		p.take()
		c.Op = OpBetween
		if err := p.values(c, 1, "the low end after between"); err != nil {
			return nil, err
		}
		if _, err := p.expectWord("and", "and between the two ends of between"); err != nil {
			return nil, err
		}
		return c, p.values(c, 1, "the high end of between")
	case is("in") && p.isWord(1, "this"), is("this") && p.unitAt(1):
		if is("in") {
			p.take()
		}
		p.take()
		c.Op = OpThis
		return c, p.unit(c, false)
	case is("is"):
		p.take()
		c.Op = OpEmpty
		if p.isWord(0, "not") {
			p.take()
			c.Op = OpNotEmpty
		}
		return c, p.empty()
	case is("not") && p.isWord(1, "is"): // no está vacío
		p.take()
		p.take()
		c.Op = OpNotEmpty
		return c, p.empty()
	case is("not"):
		p.take()
		if _, err := p.expectWord("in", "in after not (for a list: zone not in (\"north\", \"south\"))"); err != nil {
			return nil, err
		}
		c.Op = OpNotIn
		return c, p.list(c)
	case is("in") && p.isWord(1, "the"):
		p.take()
		p.take()
		if _, err := p.expectWord("last", "last after in the (as in: in the last 90 days)"); err != nil {
			return nil, err
		}
		c.Op = OpInLast
		n, err := p.peek(0)
		if err != nil {
			return nil, err
		}
		if v, err := strconv.Atoi(n.text); n.kind != tokNumber || err != nil || v < 1 {
			return nil, &Error{Pos: n.pos, Msg: "expected a whole number of days, weeks, months or years, found " + describe(n)}
		}
		p.take()
		c.Values = []Value{{Text: n.text, Number: true, Pos: n.pos}}
		return c, p.unit(c, true)
	case is("in"):
		p.take()
		c.Op = OpIn
		return c, p.list(c)
	case is("contains"):
		p.take()
		c.Op = OpContains
		return c, p.values(c, 1, "the text to look for after contains")
	case is("starts"):
		p.take()
		if _, err := p.expectWord("with", "with after starts"); err != nil {
			return nil, err
		}
		c.Op = OpStartsWith
		return c, p.values(c, 1, "the text after starts with")
	case is("before"), is("after"):
		p.take()
		c.Op = OpBefore
		if is("after") {
			c.Op = OpAfter
		}
		if p.isWord(0, "de") { // antes de, después de
			p.take()
		}
		return c, p.values(c, 1, "a date such as \"2024-01-31\" after "+strings.ToLower(t.text))
	}
	return nil, &Error{Pos: t.pos, Msg: "expected " + expectedOp + " after " + describe(name) + ", found " + describe(t)}
}

// values reads n literal values into c.
func (p *parser) values(c *Condition, n int, what string) error {
	for range n {
		t, err := p.peek(0)
		if err != nil {
			return err
		}
		switch {
		case t.kind == tokNumber:
			if _, err := strconv.ParseFloat(t.text, 64); err != nil {
				return &Error{Pos: t.pos, Msg: "expected " + what + ", found the malformed number " + strconv.Quote(t.text)}
			}
			c.Values = append(c.Values, Value{Text: t.text, Number: true, Pos: t.pos})
		case t.kind == tokString, t.kind == tokWord && !reserved(t.text):
			c.Values = append(c.Values, Value{Text: t.text, Pos: t.pos})
		default:
			return &Error{Pos: t.pos, Msg: "expected " + what + ", found " + describe(t)}
		}
		p.take()
	}
	return nil
}

// list reads ( v, v, ... ).
func (p *parser) list(c *Condition) error {
	t, err := p.peek(0)
	if err != nil {
		return err
	}
	if t.kind != tokPunct || t.text != "(" {
		return &Error{Pos: t.pos, Msg: "expected ( to start a list such as (\"north\", \"south\"), found " + describe(t)}
	}
	p.take()
	for {
		if err := p.values(c, 1, "a value in the list"); err != nil {
			return err
		}
		t, err := p.peek(0)
		if err != nil {
			return err
		}
		p.take()
		switch {
		case t.kind == tokPunct && t.text == ",":
			continue
		case t.kind == tokPunct && t.text == ")":
			return nil
		}
		return &Error{Pos: t.pos, Msg: "expected , or ) in the list, found " + describe(t)}
	}
}

// unit reads day(s)/week(s)/month(s)/year(s); this week|month|year has no
// count so the singular is the only form there.
func (p *parser) unit(c *Condition, plural bool) error {
	t, err := p.peek(0)
	if err != nil {
		return err
	}
	u := unitOf(t.text)
	if t.kind != tokWord || u == "" || (!plural && u == "day") {
		want := "days, weeks, months or years"
		if !plural {
			want = "week, month or year"
		}
		return &Error{Pos: t.pos, Msg: "expected " + want + ", found " + describe(t)}
	}
	p.take()
	c.Unit = u
	return nil
}

// unitAt reports whether token k names a time unit (this month, esta semana).
func (p *parser) unitAt(k int) bool {
	t, err := p.peek(k)
	return err == nil && t.kind == tokWord && unitOf(t.text) != ""
}

// empty reads the empty (or null, vacío) that ends is empty.
func (p *parser) empty() error {
	e, err := p.peek(0)
	if err != nil {
		return err
	}
	if e.kind != tokWord || !keywordIs(e.text, "empty") && !strings.EqualFold(e.text, "null") {
		return &Error{Pos: e.pos, Msg: "expected empty after is, found " + describe(e)}
	}
	p.take()
	return nil
}

// keywords cannot be bare names or values; quote them to use them so.
var keywords = map[string]bool{"and": true, "or": true, "not": true, "in": true, "is": true, "empty": true,
	"null": true, "between": true, "contains": true, "starts": true, "with": true, "before": true,
	"after": true, "the": true, "last": true, "this": true, "segment": true}

func reserved(w string) bool { return keywords[strings.ToLower(w)] }

// describe names a token for an error message.
func describe(t token) string {
	switch t.kind {
	case tokEOF:
		return "the end of the expression"
	case tokNumber:
		return "the number " + t.text
	case tokString:
		return "the text " + strconv.Quote(t.text)
	case tokPunct:
		return "'" + t.text + "'"
	}
	if reserved(t.text) {
		return "the word " + strings.ToLower(t.text)
	}
	return strconv.Quote(t.text)
}
