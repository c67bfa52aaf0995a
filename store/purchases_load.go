package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"strings"
	"sync"

	"github.com/pulpero/pulpero/model"
)

// PurchaseLines are purchase lines as parallel columns, one value per
// line, in the shape analysis/behaviour takes them: Customer is the row of
// the customer dataset (-1 = none known), Day days since 1970-01-01 (NoDay
// = unreadable or missing), Invoice a code equal for the lines of one
// invoice (-1 = none: the line is a purchase of its own), Sales and
// Returned the values the ReturnRule gives. Channel and Category are nil
// when the source has none.
type PurchaseLines struct {
	Customer, Day, Invoice []int32
	Sales, Returned        []float64
	Channel                []int32
	ChannelDict            []string
	Category               []int32
	CategoryDict           []string
	Rows                   RowIDRuns // each line's rowid in the lines table
	Findings               []PurchaseFinding

	// For transactions (no customer table): the distinct customer keys
	// (int64 or string) in order of their first line, and that line's rowid.
	Keys       []any
	FirstRowID []int64
	// Extra holds the columns asked for in PurchaseLoadOptions.Extra, one
	// value per line, read as Load reads a customer table's columns.
	Extra []model.Column
}

// Len returns the number of lines.
func (l *PurchaseLines) Len() int { return len(l.Customer) }

// PurchaseLoadOptions tune the reading of purchases.
type PurchaseLoadOptions struct {
	Today    int32 // days since 1970-01-01; later lines are reported as in the future
	Progress func(LoadProgress)
	// Extra are more columns of the lines table to read per line (the
	// descriptive columns of a transactions table).
	Extra []ColumnProfile
	// ChunkLines is how many lines a streamed chunk holds before it is cut
	// at the next customer; 0 means the default (tests make it small).
	ChunkLines int
}

// PurchaseReader reads the purchases of a source matched to customers:
// all at once (Full) or in chunks of whole customers (Stream). Opening it
// reads the header (invoices) and the products' categories.
type PurchaseReader struct {
	d        *DB
	src      *PurchaseSource
	keys     *KeyIndex
	hdr      *headerTable
	products *productIndex
	r        *lineReader
	opt      PurchaseLoadOptions
	lastDay  int32
	lastRead bool
	// the data problems met: in the header, the lines and the touchpoints
	hdrFind, lineFind, touchFind []*findingTally
	free                         chan *PurchaseLines // streaming: chunks to fill again
}

// OpenPurchases prepares to read src. keys maps the lines' customer keys
// to dataset rows; nil means the customers are the distinct keys
// (transactions). An incomplete source is an error naming what is missing.
func (d *DB) OpenPurchases(ctx context.Context, src *PurchaseSource, keys *KeyIndex, opt PurchaseLoadOptions) (*PurchaseReader, error) {
	if err := src.MissingError(d.Path); err != nil {
		return nil, err
	}
	pr := &PurchaseReader{d: d, src: src, keys: keys, opt: opt, lastDay: NoDay}
	if c, ok := src.Column(model.PurchaseCategory); ok && src.Product != "" && c.Table == src.Product {
		var err error
		if pr.products, err = d.readProducts(ctx, src, c.Column); err != nil {
			return nil, err
		}
	}
	if src.Header != "" && keys == nil {
		return nil, fmt.Errorf(errTransactionsHeader, src.Header)
	}
	// the header is read later: merged with the lines when streaming, or
	// into a table (ensureHeaderTable)
	pr.r = newLineReader(src, keys, nil, pr.products, opt.Today)
	return pr, nil
}

// Source is what the reader reads.
func (pr *PurchaseReader) Source() *PurchaseSource { return pr.src }

// Findings are the data problems met so far (header, lines, touchpoints).
func (pr *PurchaseReader) Findings() []PurchaseFinding {
	all := append(append(append([]*findingTally(nil), pr.hdrFind...), pr.lineFind...), pr.touchFind...)
	return mergeFindings(all, func(key string) (string, string) { return findingColumn(pr.src, key) })
}

// LastPurchaseDay is the latest day of a purchase (an invoice, or a line
// when the lines hold the date) not after Today; NoDay when there is none.
// When the lines hold the date it costs one read of that column.
func (pr *PurchaseReader) LastPurchaseDay(ctx context.Context) (int32, error) {
	if pr.lastRead {
		return pr.lastDay, nil
	}
	c, ok := pr.src.Column(model.PurchaseDate)
	if !ok {
		return NoDay, nil
	}
	if c.Table == pr.src.Header && pr.src.Header != "" {
		last, err := pr.headerLastDay(ctx, c)
		if err != nil {
			return NoDay, err
		}
		pr.lastDay, pr.lastRead = last, true
		return last, nil
	}
	dr := newDayReader(c)
	last := NoDay
	_, err := pr.d.sinkQuery(ctx, QuoteIdent(c.Column), QuoteIdent(pr.src.Lines.Name), "", nil, func(v []driver.Value) error {
		if d, ok, _ := dr.day(v[0]); ok && d <= pr.opt.Today && d > last {
			last = d
		}
		return nil
	})
	if err != nil {
		return NoDay, fmt.Errorf(errLinesRead, pr.d.Name(), pr.src.Lines.Name, cleanSQLiteError(err))
	}
	pr.lastDay, pr.lastRead = last, true
	return last, nil
}

// LoadPurchases reads every line of src at once (see OpenPurchases and
// Full); transactions tables are read so, with keys nil.
func (d *DB) LoadPurchases(ctx context.Context, src *PurchaseSource, keys *KeyIndex, opt PurchaseLoadOptions) (*PurchaseLines, error) {
	pr, err := d.OpenPurchases(ctx, src, keys, opt)
	if err != nil {
		return nil, err
	}
	lines, err := pr.Full(ctx)
	if err != nil {
		return nil, err
	}
	lines.Findings = pr.Findings()
	return lines, nil
}

// Full reads every line, in rowid ranges on one connection per core
// merged in rowid order. The last purchase day is taken from the lines
// when they hold the date.
func (pr *PurchaseReader) Full(ctx context.Context) (*PurchaseLines, error) {
	if err := pr.ensureHeaderTable(ctx); err != nil {
		return nil, err
	}
	d, src, r, opt := pr.d, pr.src, pr.r, pr.opt
	ranges, err := d.rowidRanges(ctx, src.Lines)
	if err != nil {
		return nil, err
	}
	list := linesList(src, opt.Extra)
	parts := make([]*linePart, len(ranges))
	lasts := make([]int32, len(ranges))
	errs := make([]error, len(ranges))
	prog := newProgress(src.Lines.Rows, opt.Progress)
	var wg sync.WaitGroup
	for i, rg := range ranges {
		capacity := int(src.Lines.Rows)/len(ranges) + 1
		p := newLinePart(capacity, r)
		for _, c := range opt.Extra {
			p.extra = append(p.extra, newBuilder(c, capacity))
		}
		parts[i], lasts[i] = p, NoDay
		where, args := rangeWhere(rg)
		wg.Go(func() {
			n := 0
			_, errs[i] = d.sinkQuery(ctx, list, QuoteIdent(src.Lines.Name), where, args, func(v []driver.Value) error {
				if _, err := r.add(p, v); err != nil {
					return err
				}
				if day := p.day[len(p.day)-1]; r.dateOnLines && day != NoDay && day <= opt.Today && day > lasts[i] {
					lasts[i] = day
				}
				for j, b := range p.extra {
					b.add(ownValue(v[qFields+j]))
				}
				if n++; n == progressEvery {
					n = 0
					prog.add(progressEvery)
					return ctx.Err()
				}
				return nil
			})
			prog.add(int64(n))
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	for _, err := range errs {
		if err != nil {
			return nil, fmt.Errorf(errLinesRead, d.Name(), src.Lines.Name, cleanSQLiteError(err))
		}
	}
	out := mergeLineParts(parts, r)
	for j := range opt.Extra {
		b := parts[0].extra[j]
		for _, p := range parts[1:] {
			b.merge(p.extra[j])
			p.extra[j] = nil
		}
		out.Extra = append(out.Extra, b.finish())
	}
	if pr.products != nil {
		out.CategoryDict = pr.products.dict
	}
	if pr.hdr != nil {
		out.ChannelDict = append(out.ChannelDict, pr.hdr.chDict...)
	}
	if !pr.lastRead && r.dateOnLines {
		pr.lastDay, pr.lastRead = NoDay, true
		for _, l := range lasts {
			pr.lastDay = max(pr.lastDay, l)
		}
	}
	pr.lineFind = nil // those of an interrupted stream go
	for _, p := range parts {
		pr.lineFind = append(pr.lineFind, &p.find)
	}
	prog.finish()
	return out, nil
}

// ownValue copies a text or blob value out of SQLite's memory, for the
// builders that keep them.
func ownValue(v driver.Value) driver.Value {
	switch x := v.(type) {
	case string:
		return strings.Clone(x)
	case []byte:
		return append([]byte(nil), x...)
	}
	return v
}

// findingColumn names the table and column a finding is about.
func findingColumn(src *PurchaseSource, key string) (string, string) {
	role := model.PurchaseAmount
	switch key {
	case FindDateUnreadable, FindDateFuture:
		role = model.PurchaseDate
	case FindKeyMissing, FindKeyUnknown:
		role = model.PurchaseCustomer
	case FindCancellation, FindHeaderMissing:
		role = model.PurchaseInvoice
	case FindTouchKeyUnknown, FindTouchDateBad:
		if t := src.Touch; t != nil {
			if key == FindTouchDateBad {
				return t.Table.Name, t.Date
			}
			return t.Table.Name, t.Customer
		}
	case FindValueText, FindValueUnreadable, FindValueMissing, FindNegativeReturn:
		if _, ok := src.Column(model.PurchaseAmount); !ok {
			role = model.PurchaseQuantity
		}
	}
	if c, ok := src.Column(role); ok {
		return c.Table, c.Column
	}
	return src.Lines.Name, ""
}

// mergeLineParts joins the parts in rowid order, one field at a time (so
// only one field is ever held twice), remapping each part's codes.
func mergeLineParts(parts []*linePart, r *lineReader) *PurchaseLines {
	n := 0
	for _, p := range parts {
		n += len(p.cust)
	}
	out := &PurchaseLines{}
	for _, p := range parts {
		out.Rows.Append(&p.rowid)
	}
	if r.keys == nil {
		remaps := mergeKeys(parts, out)
		remapInPlace(parts, remaps, func(p *linePart) []int32 { return p.cust }, 0)
	}
	out.Customer = concat(parts, n, func(p *linePart) *[]int32 { return &p.cust })
	out.Day = concat(parts, n, func(p *linePart) *[]int32 { return &p.day })
	out.Sales = concat(parts, n, func(p *linePart) *[]float64 { return &p.sales })
	out.Returned = concat(parts, n, func(p *linePart) *[]float64 { return &p.ret })
	if r.invoices {
		if !r.invoiceIsLink {
			remaps := mergeDicts(parts, func(p *linePart) *localDict { return &p.invs }, nil)
			remapInPlace(parts, remaps, func(p *linePart) []int32 { return p.inv }, internBase)
		}
		out.Invoice = concat(parts, n, func(p *linePart) *[]int32 { return &p.inv })
	}
	if r.channel {
		if !r.chOnHeader {
			remaps := mergeDicts(parts, func(p *linePart) *localDict { return &p.chDict }, &out.ChannelDict)
			remapInPlace(parts, remaps, func(p *linePart) []int32 { return p.ch }, 0)
		}
		out.Channel = concat(parts, n, func(p *linePart) *[]int32 { return &p.ch })
	}
	if r.category {
		if r.products == nil {
			remaps := mergeDicts(parts, func(p *linePart) *localDict { return &p.catDict }, &out.CategoryDict)
			remapInPlace(parts, remaps, func(p *linePart) []int32 { return p.cat }, 0)
		}
		out.Category = concat(parts, n, func(p *linePart) *[]int32 { return &p.cat })
	}
	return out
}

// concat copies one field of every part into one slice of n values and
// drops the parts' copies as it goes.
func concat[T any](parts []*linePart, n int, field func(*linePart) *[]T) []T {
	out := make([]T, 0, n)
	for _, p := range parts {
		f := field(p)
		out = append(out, *f...)
		*f = nil
	}
	return out
}

// mergeDicts builds one dictionary from the parts' (in part order) and
// returns each part's old-code → new-code table; dict (may be nil)
// receives the merged values.
func mergeDicts(parts []*linePart, local func(*linePart) *localDict, dict *[]string) [][]int32 {
	var all localDict
	remaps := make([][]int32, len(parts))
	for i, p := range parts {
		l := local(p)
		remaps[i] = make([]int32, len(l.dict))
		for j, s := range l.dict {
			remaps[i][j] = all.code(s)
		}
	}
	if dict != nil {
		*dict = all.dict
	}
	return remaps
}

// remapInPlace rewrites codes ≥ base through the part's remap table
// (code − base indexes it); -1 and codes below base stay.
func remapInPlace(parts []*linePart, remaps [][]int32, field func(*linePart) []int32, base int32) {
	for i, p := range parts {
		codes := field(p)
		for j, c := range codes {
			if c >= base && c >= 0 {
				codes[j] = base + remaps[i][c-base]
			}
		}
	}
}

// mergeKeys numbers the distinct customer keys of all parts in order of
// first appearance and records each one's first rowid.
func mergeKeys(parts []*linePart, out *PurchaseLines) [][]int32 {
	global := localKeys{}
	remaps := make([][]int32, len(parts))
	for i, p := range parts {
		remaps[i] = make([]int32, len(p.keys.keys))
		for j, k := range p.keys.keys {
			before := len(global.keys)
			c := global.code(k)
			if int(c) == before {
				out.FirstRowID = append(out.FirstRowID, p.keys.first[j])
			}
			remaps[i][j] = c
		}
	}
	out.Keys = global.keys
	return remaps
}
