package store

import (
	"database/sql/driver"
	"math"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store/parse"
)

// lineReader turns the values of one purchase line into the line's
// fields: shared, read-only, by the parts of a parallel read.
type lineReader struct {
	src       *PurchaseSource
	keys      *KeyIndex // nil: transactions, the keys are the customers
	hdr       headers   // the header the lines point at, nil when none
	products  *productIndex
	date      dayReader
	today     int32
	mark      [qFields]parse.DecimalMark
	cancelled bool // look for cancellation invoices
	// where each field comes from
	dateOnLines, custOnHeader, dateOnHeader, chOnHeader, invoiceIsLink bool
	amountIs, hasPrice, hasQty, invoices, channel, category            bool
}

func newLineReader(src *PurchaseSource, keys *KeyIndex, hdr headers, products *productIndex, today int32) *lineReader {
	r := &lineReader{src: src, keys: keys, hdr: hdr, products: products, today: today}
	onHeader := func(role model.PurchaseRole) bool {
		c, ok := src.Column(role)
		return ok && src.Header != "" && c.Table == src.Header
	}
	if c, ok := src.Column(model.PurchaseDate); ok && c.Table == src.Lines.Name {
		r.date, r.dateOnLines = newDayReader(c), true
	}
	r.custOnHeader, r.dateOnHeader, r.chOnHeader = onHeader(model.PurchaseCustomer), onHeader(model.PurchaseDate), onHeader(model.PurchaseChannel)
	inv, hasInv := src.Column(model.PurchaseInvoice)
	r.invoiceIsLink = hasInv && src.Header != "" && inv.Table == src.Lines.Name && inv.Column == src.LinesKey
	_, r.amountIs = src.Column(model.PurchaseAmount)
	_, r.hasPrice = src.Column(model.PurchaseUnitPrice)
	_, r.hasQty = src.Column(model.PurchaseQuantity)
	_, r.channel = src.Column(model.PurchaseChannel)
	_, r.category = src.Column(model.PurchaseCategory)
	r.invoices = hasInv
	r.cancelled = src.Returns == ReturnsNegative && hasInv && !r.invoiceIsLink
	for role, f := range map[model.PurchaseRole]int{model.PurchaseUnitPrice: qPrice, model.PurchaseReturnedQuantity: qReturn} {
		if c, ok := src.Column(role); ok {
			r.mark[f] = c.mark
		}
	}
	if r.amountIs {
		c, _ := src.Column(model.PurchaseAmount)
		r.mark[qAmount] = c.mark
		if q, ok := src.Column(model.PurchaseQuantity); ok {
			r.mark[qQuantity] = q.mark
		}
	} else if q, ok := src.Column(model.PurchaseQuantity); ok {
		r.mark[qAmount] = q.mark
	}
	for i, m := range r.mark {
		if m == 0 {
			r.mark[i] = parse.DecimalPoint
		}
	}
	return r
}

// linePart is what one rowid range of the lines became (or, streaming,
// the lines since the last chunk, with dictionaries kept across chunks).
type linePart struct {
	rowid                   RowIDRuns
	cust, day, inv, ch, cat []int32
	sales, ret              []float64
	chDict, catDict, invs   localDict
	keys                    localKeys
	find                    findingTally
	extra                   []columnBuilder
}

func newLinePart(capacity int, r *lineReader) *linePart {
	p := &linePart{}
	p.reset(capacity, r)
	return p
}

// reset gives p empty line slices (keeping its dictionaries).
func (p *linePart) reset(capacity int, r *lineReader) {
	p.rowid = RowIDRuns{}
	p.cust, p.day = make([]int32, 0, capacity), make([]int32, 0, capacity)
	p.sales, p.ret = make([]float64, 0, capacity), make([]float64, 0, capacity)
	p.inv, p.ch, p.cat = nil, nil, nil
	if r.invoices {
		p.inv = make([]int32, 0, capacity)
	}
	if r.channel {
		p.ch = make([]int32, 0, capacity)
	}
	if r.category {
		p.cat = make([]int32, 0, capacity)
	}
}

// reuse gives p the arrays of a chunk's lines the consumer is done with,
// emptied, instead of new ones (streaming allocates once per chunk in
// flight, not once per chunk).
func (p *linePart) reuse(l *PurchaseLines, r *lineReader) {
	p.rowid = RowIDRuns{}
	p.cust, p.day, p.sales, p.ret = l.Customer[:0], l.Day[:0], l.Sales[:0], l.Returned[:0]
	p.inv, p.ch, p.cat = nil, nil, nil
	if r.invoices {
		p.inv = l.Invoice[:0]
	}
	if r.channel {
		p.ch = l.Channel[:0]
	}
	if r.category {
		p.cat = l.Category[:0]
	}
}

// withHeaders is r reading its header from hdr (a streamed header).
func (r *lineReader) withHeaders(hdr headers) *lineReader {
	c := *r
	c.hdr = hdr
	return &c
}

// add reads one line into p and returns its customer (-1 = none); the
// error is the header's (a header that cannot be merged in order).
func (r *lineReader) add(p *linePart, v []driver.Value) (int32, error) {
	rowid, _ := v[qRowID].(int64)
	p.rowid.Add(rowid)
	var hf headerFields
	h := int32(-1)
	if r.hdr != nil {
		var err error
		if h, hf, err = r.hdr.find(v[qLink]); err != nil {
			return -1, err
		}
		if h < 0 {
			p.find.add(FindHeaderMissing, rowid)
		}
	}
	var c int32
	switch {
	case r.custOnHeader && h >= 0:
		c = hf.cust
	case r.custOnHeader:
		c = -1
	default:
		c = r.customer(p, v[qCustomer], rowid)
	}
	p.cust = append(p.cust, c)
	day := NoDay
	switch {
	case r.dateOnHeader && h >= 0:
		day = hf.day
	case r.dateOnLines:
		d, ok, null := r.date.day(v[qDate])
		switch {
		case ok:
			day = d
			if d > r.today {
				p.find.add(FindDateFuture, rowid)
			}
		case !null:
			p.find.add(FindDateUnreadable, rowid)
		}
	}
	p.day = append(p.day, day)
	cancel := false
	if r.invoices {
		code := int32(-1)
		if r.invoiceIsLink {
			code = h
		} else {
			switch x := v[qInvoice].(type) {
			case int64:
				if x >= 0 && x < internBase {
					code = int32(x)
				} else {
					code = internBase + p.invs.code(textOf64(x))
				}
			default:
				if s, ok := textValue(x); ok {
					code = internBase + p.invs.code(s)
					cancel = r.cancelled && cancellation(s)
				}
			}
		}
		p.inv = append(p.inv, code)
	}
	if r.channel {
		switch {
		case r.chOnHeader && h >= 0:
			p.ch = append(p.ch, hf.ch)
		case r.chOnHeader:
			p.ch = append(p.ch, -1)
		default:
			p.ch = append(p.ch, textCode(&p.chDict, v[qChannel]))
		}
	}
	if r.category {
		if r.products != nil {
			p.cat = append(p.cat, r.products.category(v[qCategory]))
		} else {
			p.cat = append(p.cat, textCode(&p.catDict, v[qCategory]))
		}
	}
	sales, ret := r.value(p, v, rowid, cancel)
	p.sales = append(p.sales, sales)
	p.ret = append(p.ret, ret)
	return c, nil
}

func textOf64(x int64) string { s, _ := textValue(x); return s }

func textCode(d *localDict, v any) int32 {
	if s, ok := textValue(v); ok {
		return d.code(s)
	}
	return -1
}

// customer returns the line's customer row, or its key's code for
// transactions; -1 when it has none.
func (r *lineReader) customer(p *linePart, v any, rowid int64) int32 {
	if r.keys == nil {
		c := p.keys.code(v)
		switch {
		case c < 0:
			p.find.add(FindKeyMissing, rowid)
		case int(c) == len(p.keys.first):
			p.keys.first = append(p.keys.first, rowid) // a key's first line
		}
		return c
	}
	row, present := r.keys.Lookup(v)
	switch {
	case !present:
		p.find.add(FindKeyMissing, rowid)
	case row < 0:
		p.find.add(FindKeyUnknown, rowid)
	}
	return row
}

// number reads field f, recording a text value that needed cleaning, an
// unreadable one or a missing one; ok is false for the last two.
func (r *lineReader) number(p *linePart, v []driver.Value, f int, rowid int64) (float64, bool) {
	x, read, present := amountValue(v[f], r.mark[f])
	switch {
	case !present:
		p.find.add(FindValueMissing, rowid)
		return 0, false
	case read == moneyUnreadable:
		p.find.add(FindValueUnreadable, rowid)
		return 0, false
	case read == moneyCleaned:
		p.find.add(FindValueText, rowid)
	}
	return x, true
}

// value returns the line's sale and returned values under the source's
// return rule (see ReturnRule). A value that cannot be read is no sale.
func (r *lineReader) value(p *linePart, v []driver.Value, rowid int64, cancel bool) (sales, ret float64) {
	a, ok := r.number(p, v, qAmount, rowid)
	if !ok {
		return 0, 0
	}
	unit := a // the value of one unit, to price returned units
	if !r.amountIs {
		price, ok := r.number(p, v, qPrice, rowid)
		if !ok {
			return 0, 0
		}
		sales, unit = a*price, price
	} else {
		sales = a
		if r.hasPrice {
			if price, ok := amountValueOK(v[qPrice], r.mark[qPrice]); ok {
				unit = price
			}
		} else if r.hasQty {
			if q, ok := amountValueOK(v[qQuantity], r.mark[qQuantity]); ok && q != 0 {
				unit = a / q
			}
		}
	}
	switch r.src.Returns {
	case ReturnsQuantity:
		if q, ok := amountValueOK(v[qReturn], r.mark[qReturn]); ok {
			ret = q * unit
		}
	case ReturnsFlag:
		if s, ok := textValue(v[qReturn]); ok {
			if yes, read := parse.Bool(s); read && yes {
				sales, ret = 0, math.Abs(sales)
			}
		}
	default:
		if cancel {
			p.find.add(FindCancellation, rowid)
			sales, ret = 0, math.Abs(sales)
		} else if sales < 0 {
			p.find.add(FindNegativeReturn, rowid)
			sales, ret = 0, -sales
		}
	}
	return sales, ret
}

// amountValueOK reads an optional numeric field; ok is false when it is
// NULL or unreadable.
func amountValueOK(v any, mark parse.DecimalMark) (float64, bool) {
	x, read, present := amountValue(v, mark)
	return x, present && read != moneyUnreadable
}
