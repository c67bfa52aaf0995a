package store

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store/parse"
)

// columnBuilder accumulates one column's values as the loader scans rows.
type columnBuilder interface {
	add(v any)
	// merge appends the rows another builder of the same column read (the
	// next rowid range of a parallel load).
	merge(next columnBuilder)
	finish() model.Column
}

func newBuilder(p ColumnProfile, capacity int) columnBuilder {
	return partBuilders(p, []int{capacity})[0]
}

// partBuilders makes one builder per part of a parallel load of a column,
// counts[k] rows each. The parts share one array per column, each writing
// from its own offset, so joining them (merge) costs nothing and a load's
// peak memory is its result's, not twice it.
func partBuilders(p ColumnProfile, counts []int) []columnBuilder {
	meta := model.ColumnMeta{Name: p.Name, Kind: p.Kind, Role: p.Role, Note: p.KindWhy}
	out := make([]columnBuilder, len(counts))
	switch {
	case p.Kind == model.KindBoolean && !p.SampledText:
		// 0/1 in the sample: confirmed or refuted by the whole column in finish
		meta.Kind = model.KindInteger
		ws, wins := windows[float64](counts)
		for k, w := range ws {
			out[k] = &numberBuilder{meta: meta, maybeBool: true, values: w, win: wins[k]}
		}
	case p.Kind.Numeric(), p.Kind == model.KindIdentifier && !p.SampledText && p.SampledInts:
		// whole-number keys stay numbers: compact, and comparable as numbers
		ws, wins := windows[float64](counts)
		for k, w := range ws {
			out[k] = &numberBuilder{meta: meta, order: p.DateOrder, values: w, win: wins[k]}
		}
	case p.Kind.Coded():
		ws, wins := windows[int32](counts)
		for k, w := range ws {
			out[k] = &codedBuilder{meta: meta, index: map[string]int32{}, codes: w, win: wins[k]}
		}
	case meta.Kind == model.KindIdentifier:
		ws, wins := windows[int32](counts)
		for k, w := range ws {
			out[k] = &textBuilder{meta: meta, index: map[string]int32{}, codes: w, codesWin: wins[k]}
		}
	default:
		// free text keeps its strings: Explore shows its lengths and words
		ws, wins := windows[string](counts)
		for k, w := range ws {
			out[k] = &textBuilder{meta: meta, values: w, valuesWin: wins[k]}
		}
	}
	return out
}

// numberBuilder reads integers, reals, dates (as days) and date-times (as
// unix seconds).
type numberBuilder struct {
	meta      model.ColumnMeta
	order     parse.DateOrder
	values    []float64
	win       window[float64] // where values lies in the parts' shared array
	nulls     []int
	maybeBool bool // the sample held only 0 and 1
}

func (b *numberBuilder) add(v any) {
	f, ok, null := b.convert(v)
	if !ok {
		if !null {
			noteInvalid(&b.meta, len(b.values), fmt.Sprint(v))
		}
		b.nulls = append(b.nulls, len(b.values))
		f = 0
	}
	b.values = append(b.values, f)
}

func (b *numberBuilder) convert(v any) (f float64, ok, null bool) {
	switch x := v.(type) {
	case nil:
		return 0, false, true
	case int64:
		return b.fromInt(x)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, false, false
		}
		if b.meta.Kind == model.KindDate || b.meta.Kind == model.KindDateTime {
			return b.fromInt(int64(x))
		}
		return x, true, false
	case time.Time:
		if b.meta.Kind == model.KindDate {
			return float64(x.Unix() / 86400), true, false
		}
		return float64(x.Unix()), true, false
	case []byte:
		return b.fromString(string(x))
	case string:
		return b.fromString(x)
	case bool:
		if x {
			return 1, true, false
		}
		return 0, true, false
	}
	return 0, false, false
}

func (b *numberBuilder) fromInt(x int64) (float64, bool, bool) {
	switch b.meta.Kind {
	case model.KindDate:
		if x >= 19000101 && x <= 21001231 { // yyyymmdd
			d, ok := parse.ParseDate(fmt.Sprint(x), parse.DayFirst)
			return float64(d.Days()), ok, false
		}
		return 0, false, false
	case model.KindDateTime:
		return float64(x), true, false
	}
	return float64(x), true, false
}

func (b *numberBuilder) fromString(s string) (float64, bool, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false, true
	}
	switch b.meta.Kind {
	case model.KindDate, model.KindDateTime:
		if b.meta.Kind == model.KindDate {
			if days, ok := parse.ISODays(s); ok {
				return float64(days), true, false
			}
		}
		d, ok := parse.ParseDate(s, b.order)
		if !ok {
			return 0, false, false
		}
		if b.meta.Kind == model.KindDate {
			return float64(d.Days()), true, false
		}
		return float64(d.Time.Unix()), true, false
	}
	if f, ok := parse.Number(s, parse.DecimalPoint); ok {
		return f, true, false
	}
	if f, ok := parse.Number(s, parse.DecimalComma); ok {
		return f, true, false
	}
	return 0, false, false
}

func (b *numberBuilder) merge(next columnBuilder) {
	o := next.(*numberBuilder)
	off := len(b.values)
	b.values, b.win = join(b.values, b.win, o.values, o.win)
	for _, i := range o.nulls {
		b.nulls = append(b.nulls, off+i)
	}
	mergeInvalid(&b.meta, &o.meta, off)
}

// noteInvalid records that row held value, which contradicted the kind.
func noteInvalid(m *model.ColumnMeta, row int, value string) {
	m.Invalid++
	m.InvalidRows = append(m.InvalidRows, int32(row))
	if len(m.InvalidExamples) < 5 {
		m.InvalidExamples = append(m.InvalidExamples, strings.Clone(value)) // value may be a view into SQLite's memory (sink.go)
	}
}

// mergeInvalid adds src's invalid values (its rows start at off in dst's),
// and examples while there is room, to dst.
func mergeInvalid(dst, src *model.ColumnMeta, off int) {
	dst.Invalid += src.Invalid
	for _, r := range src.InvalidRows {
		dst.InvalidRows = append(dst.InvalidRows, r+int32(off))
	}
	for _, e := range src.InvalidExamples {
		if len(dst.InvalidExamples) < 5 {
			dst.InvalidExamples = append(dst.InvalidExamples, e)
		}
	}
}

func (b *numberBuilder) finish() model.Column {
	if b.maybeBool && onlyZeroOne(b.values) {
		return b.asBoolean()
	}
	if b.maybeBool {
		b.meta.Note = "whole numbers"
	}
	c := &model.NumberColumn{ColumnMeta: b.meta, Values: b.values, Nulls: model.NewBitset(len(b.values))}
	for _, i := range b.nulls {
		c.Nulls.Set(i)
	}
	return c
}

// codedBuilder dictionary-encodes categoricals and booleans.
type codedBuilder struct {
	meta  model.ColumnMeta
	index map[string]int32
	dict  []string
	codes []int32
	win   window[int32] // where codes lies in the parts' shared array
}

func (b *codedBuilder) add(v any) {
	s, null := textOf(v)
	if null {
		b.codes = append(b.codes, -1)
		return
	}
	if b.meta.Kind == model.KindBoolean {
		yes, ok := parse.Bool(s)
		switch {
		case ok && yes:
			s = "yes"
		case ok:
			s = "no"
		default:
			noteInvalid(&b.meta, len(b.codes), s)
			b.codes = append(b.codes, -1)
			return
		}
	}
	code, ok := b.index[s]
	if !ok {
		s = strings.Clone(s) // kept: s may be a view into SQLite's memory (sink.go)
		code = int32(len(b.dict))
		b.index[s] = code
		b.dict = append(b.dict, s)
	}
	b.codes = append(b.codes, code)
}

func (b *codedBuilder) merge(next columnBuilder) {
	o := next.(*codedBuilder)
	remap := make([]int32, len(o.dict))
	for i, v := range o.dict {
		code, ok := b.index[v]
		if !ok {
			code = int32(len(b.dict))
			b.index[v] = code
			b.dict = append(b.dict, v)
		}
		remap[i] = code
	}
	off := len(b.codes)
	for i, c := range o.codes {
		if c >= 0 {
			o.codes[i] = remap[c] // in place: the parts share one array
		}
	}
	b.codes, b.win = join(b.codes, b.win, o.codes, o.win)
	mergeInvalid(&b.meta, &o.meta, off)
}

// maxCategories is the dictionary size past which a column is no longer a
// categorical: its bars would be unreadable and its dictionary too big.
const maxCategories = 5000

func (b *codedBuilder) finish() model.Column {
	if b.meta.Kind == model.KindBoolean {
		return b.asBoolean()
	}
	if len(b.dict) > maxCategories || len(b.dict) > max(50, len(b.codes)/2) {
		return b.asText()
	}
	return &model.CodedColumn{ColumnMeta: b.meta, Codes: b.codes, Dict: b.dict}
}

// asBoolean re-codes to model.BoolDict so every boolean has no=0, yes=1.
func (b *codedBuilder) asBoolean() model.Column {
	remap := make([]int32, len(b.dict))
	for i, d := range b.dict {
		remap[i] = 0
		if d == "yes" {
			remap[i] = 1
		}
	}
	for i, c := range b.codes {
		if c >= 0 {
			b.codes[i] = remap[c]
		}
	}
	return &model.CodedColumn{ColumnMeta: b.meta, Codes: b.codes, Dict: append([]string(nil), model.BoolDict...)}
}

// asText turns a column with too many distinct values into text, or an
// identifier when every value is different.
func (b *codedBuilder) asText() model.Column {
	meta := b.meta
	nonNull := 0
	for _, c := range b.codes {
		if c >= 0 {
			nonNull++
		}
	}
	if len(b.dict) == nonNull {
		meta.Kind, meta.Note = model.KindIdentifier, "every value is different"
	} else {
		meta.Kind, meta.Note = model.KindText, fmt.Sprintf("%d distinct values: too many to count as categories", len(b.dict))
	}
	c := &model.TextColumn{ColumnMeta: meta, Values: make([]string, len(b.codes)), Nulls: model.NewBitset(len(b.codes))}
	for i, code := range b.codes {
		if code < 0 {
			c.Nulls.Set(i)
		} else {
			c.Values[i] = b.dict[code]
		}
	}
	return c
}

// textBuilder keeps identifiers and free text. While an identifier holds
// few distinct values (a postcode, a store code) it is kept dictionary-coded,
// as a categorical is: a code per row instead of a string, and grouping by
// code instead of by hashing text. Past dictLimit distinct values it keeps
// strings.
type textBuilder struct {
	meta   model.ColumnMeta
	index  map[string]int32 // nil once the column has too many values
	dict   []string
	codes  []int32
	values []string
	nulls  []int
	// where codes or values lie in the parts' shared array
	codesWin  window[int32]
	valuesWin window[string]
}

// dictLimit is how many distinct values a text column may hold and still be
// coded (the categoricals' maxCategories).
const dictLimit = maxCategories

func (b *textBuilder) add(v any) {
	s, null := textOf(v)
	if b.index == nil {
		if null {
			b.nulls = append(b.nulls, len(b.values))
		}
		b.values = append(b.values, strings.Clone(s)) // kept: s may be a view into SQLite's memory (sink.go)
		return
	}
	if null {
		b.codes = append(b.codes, -1)
		return
	}
	code, ok := b.index[s]
	if !ok {
		if len(b.dict) >= dictLimit {
			b.spill()
			b.add(v)
			return
		}
		s = strings.Clone(s) // kept: s may be a view into SQLite's memory (sink.go)
		code = int32(len(b.dict))
		b.index[s] = code
		b.dict = append(b.dict, s)
	}
	b.codes = append(b.codes, code)
}

// spill turns the codes read so far into strings: too many values to code.
func (b *textBuilder) spill() {
	if b.index == nil {
		return
	}
	b.values = make([]string, len(b.codes), cap(b.codes))
	for i, k := range b.codes {
		if k < 0 {
			b.nulls = append(b.nulls, i)
		} else {
			b.values[i] = b.dict[k]
		}
	}
	b.index, b.dict, b.codes = nil, nil, nil
}

func (b *textBuilder) merge(next columnBuilder) {
	o := next.(*textBuilder)
	if b.index != nil && o.index != nil && len(b.dict)+len(o.dict) <= 2*dictLimit {
		remap := make([]int32, len(o.dict))
		for i, v := range o.dict {
			code, ok := b.index[v]
			if !ok {
				code = int32(len(b.dict))
				b.index[v] = code
				b.dict = append(b.dict, v)
			}
			remap[i] = code
		}
		for i, k := range o.codes {
			if k >= 0 {
				o.codes[i] = remap[k]
			}
		}
		b.codes, b.codesWin = join(b.codes, b.codesWin, o.codes, o.codesWin)
		if len(b.dict) > dictLimit {
			b.spill()
		}
		return
	}
	b.spill()
	o.spill()
	off := len(b.values)
	b.values, b.valuesWin = join(b.values, b.valuesWin, o.values, o.valuesWin)
	for _, i := range o.nulls {
		b.nulls = append(b.nulls, off+i)
	}
}

func (b *textBuilder) finish() model.Column {
	if b.index != nil {
		if n := len(b.codes); len(b.dict) <= max(50, n/2) {
			return &model.CodedColumn{ColumnMeta: b.meta, Codes: b.codes, Dict: b.dict}
		}
		b.spill()
	}
	c := &model.TextColumn{ColumnMeta: b.meta, Values: b.values, Nulls: model.NewBitset(len(b.values))}
	for _, i := range b.nulls {
		c.Nulls.Set(i)
	}
	return c
}

// textOf renders a driver value as trimmed text; empty text is NULL.
func textOf(v any) (string, bool) {
	var s string
	switch x := v.(type) {
	case nil:
		return "", true
	case string:
		s = x
	case []byte:
		s = string(x)
	case int64:
		return fmt.Sprint(x), false
	case float64:
		return fmt.Sprint(x), false
	case time.Time:
		return x.Format("2006-01-02 15:04:05"), false
	default:
		s = fmt.Sprint(x)
	}
	s = strings.TrimSpace(s)
	return s, s == ""
}

func onlyZeroOne(vals []float64) bool {
	for _, v := range vals {
		if v != 0 && v != 1 {
			return false
		}
	}
	return true
}

func (b *numberBuilder) asBoolean() model.Column {
	meta := b.meta
	meta.Kind = model.KindBoolean
	c := &model.CodedColumn{ColumnMeta: meta, Codes: make([]int32, len(b.values)), Dict: append([]string(nil), model.BoolDict...)}
	for i, v := range b.values {
		c.Codes[i] = int32(v)
	}
	for _, i := range b.nulls {
		c.Codes[i] = -1
	}
	return c
}
