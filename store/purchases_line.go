package store

import (
	"math"
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store/parse"
)

// NoDay marks a line without a readable date (analysis/behaviour's NoDay).
const NoDay int32 = math.MinInt32

// internBase is where interned invoice codes start: whole-number invoice
// ids below it are their own code, every other id (text, large or
// negative numbers) gets internBase + its index, so the two never meet.
const internBase = 1 << 30

// localDict interns text values within one part of a parallel read; the
// parts' codes are remapped into one dictionary when they are merged.
type localDict struct {
	index map[string]int32
	dict  []string
}

func (d *localDict) code(s string) int32 {
	if d.index == nil {
		d.index = map[string]int32{}
	}
	if c, ok := d.index[s]; ok {
		return c
	}
	s = strings.Clone(s) // s may be a view into SQLite's memory (see sink.go)
	c := int32(len(d.dict))
	d.index[s] = c
	d.dict = append(d.dict, s)
	return c
}

// textValue returns a driver value as text ("" for NULL), and whether it
// was not NULL.
func textValue(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		s := strings.TrimSpace(x)
		return s, s != ""
	case []byte:
		s := strings.TrimSpace(string(x))
		return s, s != ""
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64), true
	case bool:
		if x {
			return "yes", true
		}
		return "no", true
	}
	return "", false
}

// dayReader turns a date column's values into days since 1970-01-01 with
// the loader's own rules (numberBuilder): ISO and local text dates,
// yyyymmdd numbers, unix seconds for date-times.
type dayReader struct{ nb numberBuilder }

func newDayReader(c PurchaseColumn) dayReader {
	kind := c.Kind
	if kind != model.KindDate && kind != model.KindDateTime {
		kind = model.KindDateTime // set by hand on an odd column: read what parses
	}
	return dayReader{nb: numberBuilder{meta: model.ColumnMeta{Kind: kind}, order: c.order}}
}

// day returns the day, and null/ok as numberBuilder.convert does.
func (r *dayReader) day(v any) (d int32, ok, null bool) {
	f, ok, null := r.nb.convert(v)
	if !ok {
		return NoDay, false, null
	}
	if r.nb.meta.Kind == model.KindDateTime {
		f = math.Floor(f / 86400)
	}
	if f < math.MinInt32+1 || f > math.MaxInt32 {
		return NoDay, false, false
	}
	return int32(f), true, false
}

// amountValue reads a numeric field: numbers as they are, text as money.
func amountValue(v any, mark parse.DecimalMark) (float64, moneyRead, bool) {
	switch x := v.(type) {
	case nil:
		return 0, moneyPlain, false
	case int64:
		return float64(x), moneyPlain, true
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, moneyUnreadable, true
		}
		return x, moneyPlain, true
	case bool:
		if x {
			return 1, moneyPlain, true
		}
		return 0, moneyPlain, true
	}
	s, ok := textValue(v)
	if !ok {
		return 0, moneyPlain, false
	}
	f, read := parseMoneyMark(s, mark)
	return f, read, true
}

// cancellation reports an invoice id of a cancellation, written as "C"
// and digits (Online Retail's convention).
func cancellation(s string) bool {
	return len(s) > 1 && (s[0] == 'C' || s[0] == 'c') && s[1] >= '0' && s[1] <= '9'
}
