package csvimport

import (
	"strconv"

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
			return v, nil
		}
	case tBool:
		if v, ok := parse.Bool(s); ok {
			if v {
				return int64(1), nil
			}
			return int64(0), nil
		}
	case tReal:
		if _, code := plainInteger(s); code {
			break
		}
		if v, ok := parse.Number(s, c.mark); ok {
			return v, nil
		}
	case tDate, tDateTime:
		if c.haveLast && s == c.lastIn {
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
			return iso, nil
		}
	default:
		return s, nil
	}
	return nil, &valueError{value: s, typ: c.col.typ}
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
