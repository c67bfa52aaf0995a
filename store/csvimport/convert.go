package csvimport

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/store/parse"
)

// converter turns a column's trimmed, non-empty text into the value stored.
type converter struct {
	col      *column
	mark     parse.DecimalMark
	lastIn   string // the last date read and what it became: dates repeat
	lastOut  string
	haveLast bool
}

// convert stores what the file says: text as text, yes/no words as
// written, numbers as numbers and dates as ISO 8601 text. A value whose
// stored form is another notation (decimal comma, thousands separators,
// "17850.0" for an integer, a dd/mm/yyyy date) is counted on the column,
// with the first as an example for its note.
func (c *converter) convert(s string) (any, error) {
	switch c.col.typ {
	case tInteger:
		if _, code := plainInteger(s); code {
			break
		}
		if v, err := strconv.ParseInt(s, 10, 64); err == nil {
			return v, nil
		}
		if v, ok := parse.Integer(s, c.mark); ok {
			c.rewrote(s, v)
			return v, nil
		}
	case tBool:
		if _, ok := parse.Bool(s); ok {
			return s, nil
		}
	case tReal:
		if _, code := plainInteger(s); code {
			break
		}
		if v, ok := parse.Number(s, c.mark); ok {
			// Under a point mark only a thousands comma is another
			// notation; under a comma mark, either mark is.
			if strings.IndexByte(s, ',') >= 0 || c.mark == parse.DecimalComma && strings.IndexByte(s, '.') >= 0 {
				c.rewrote(s, v)
			}
			return v, nil
		}
	case tDate, tDateTime:
		if c.haveLast && s == c.lastIn {
			c.rewrote(s, c.lastOut)
			return c.lastOut, nil
		}
		if d, ok := parse.ParseDate(s, c.col.order); ok && (c.col.typ == tDateTime || !d.HasTime) {
			if isoShape(s) && (len(s) == 19 || c.col.typ == tDate) {
				return s, nil // already YYYY-MM-DD[ HH:MM:SS]
			}
			iso := d.ISO()
			if c.col.typ == tDateTime && !d.HasTime {
				iso += " 00:00:00"
			}
			c.lastIn, c.lastOut, c.haveLast = s, iso, true
			c.rewrote(s, iso)
			return iso, nil
		}
	default:
		return s, nil
	}
	return nil, &valueError{value: s, typ: c.col.typ}
}

// rewrote counts a value stored in another notation, keeping the first.
func (c *converter) rewrote(from string, to any) {
	col := c.col
	if col.rewritten == 0 {
		col.rewroteFrom, col.rewroteTo = strings.Clone(from), fmt.Sprint(to)
	}
	col.rewritten++
}

// isoShape reports whether s is laid out as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS;
// once parse.ParseDate has accepted it, it is stored as it is.
func isoShape(s string) bool {
	switch len(s) {
	case 10:
		return s[4] == '-' && s[7] == '-'
	case 19:
		return s[4] == '-' && s[7] == '-' && s[10] == ' ' && s[13] == ':' && s[16] == ':'
	}
	return false
}
