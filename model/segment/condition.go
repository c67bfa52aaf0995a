package segment

import (
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/model"
)

var compareOps = map[string]Op{"=": OpEq, "==": OpEq, "!=": OpNe, "<>": OpNe, "<": OpLt, "<=": OpLe, ">": OpGt, ">=": OpGe}

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
			return c, p.values(c, 1, model.Say(wantValueAfter, t.text))
		}
	}
	if t.kind != tokWord {
		return nil, say(t.pos, msgOperator, describe(name), describe(t))
	}
	is := func(w string) bool { return keywordIs(t.text, w) }
	switch {
	case is("between"):
		p.take()
		c.Op = OpBetween
		if err := p.values(c, 1, model.Say(wantBetweenLow)); err != nil {
			return nil, err
		}
		if _, err := p.expectWord("and", wantBetweenAnd); err != nil {
			return nil, err
		}
		return c, p.values(c, 1, model.Say(wantBetweenHigh))
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
		if _, err := p.expectWord("in", wantNotIn); err != nil {
			return nil, err
		}
		c.Op = OpNotIn
		return c, p.list(c)
	case is("in") && p.isWord(1, "the"):
		p.take()
		p.take()
		if _, err := p.expectWord("last", wantInTheLast); err != nil {
			return nil, err
		}
		c.Op = OpInLast
		n, err := p.peek(0)
		if err != nil {
			return nil, err
		}
		if v, err := strconv.Atoi(n.text); n.kind != tokNumber || err != nil || v < 1 {
			return nil, say(n.pos, msgWholeNumber, describe(n))
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
		return c, p.values(c, 1, model.Say(wantContains))
	case is("starts"):
		p.take()
		if _, err := p.expectWord("with", wantStartsWith); err != nil {
			return nil, err
		}
		c.Op = OpStartsWith
		return c, p.values(c, 1, model.Say(wantStartsText))
	case is("before"), is("after"):
		p.take()
		c.Op = OpBefore
		if is("after") {
			c.Op = OpAfter
		}
		if p.isWord(0, "de") { // antes de, después de
			p.take()
		}
		return c, p.values(c, 1, model.Say(wantDate, strings.ToLower(t.text)))
	}
	return nil, say(t.pos, msgOperator, describe(name), describe(t))
}

// values reads n literal values into c.
func (p *parser) values(c *Condition, n int, what model.Sentence) error {
	for range n {
		t, err := p.peek(0)
		if err != nil {
			return err
		}
		switch {
		case t.kind == tokNumber:
			if _, err := strconv.ParseFloat(t.text, 64); err != nil {
				return say(t.pos, msgMalformed, what, t.text)
			}
			c.Values = append(c.Values, Value{Text: t.text, Number: true, Pos: t.pos})
		case t.kind == tokString, t.kind == tokWord && !reserved(t.text):
			c.Values = append(c.Values, Value{Text: t.text, Pos: t.pos})
		default:
			return say(t.pos, msgExpected, what, describe(t))
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
		return say(t.pos, msgListStart, describe(t))
	}
	p.take()
	for {
		if err := p.values(c, 1, model.Say(wantListValue)); err != nil {
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
		return say(t.pos, msgListNext, describe(t))
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
		if !plural {
			return say(t.pos, msgUnit, describe(t))
		}
		return say(t.pos, msgUnits, describe(t))
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
		return say(e.pos, msgEmptyAfterIs, describe(e))
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
func describe(t token) model.Sentence {
	switch t.kind {
	case tokEOF:
		return model.Say(msgFoundEnd)
	case tokNumber:
		return model.Say(msgFoundNumber, t.text)
	case tokString:
		return model.Say(msgFoundText, t.text)
	case tokPunct:
		return model.Say(msgFoundPunct, t.text)
	}
	if reserved(t.text) {
		return model.Say(msgFoundWord, strings.ToLower(t.text))
	}
	return model.Say(msgFoundName, t.text)
}
