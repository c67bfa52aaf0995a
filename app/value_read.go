package app

import (
	"cmp"
	"context"
	"errors"
	"math"
	"slices"

	"github.com/pulpero/pulpero/analysis/value"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// valueLines are the purchases as the value models read them: one entry
// per customer and day (lines of a day added up), the customer being the
// session's row.
//
// A day is a purchase day of a customer when it holds a sale line (a sale
// value above 0, as behaviour counts purchases); its value is that day's
// sales minus that day's returns, so values are net of returns made the
// same day. A day with returns and no sale is no purchase (analysis/value
// counts it in ReturnOnlyDays). Lines with neither a sale nor a return
// (unreadable or zero values), without a known customer or a date, are
// counted here and left out.
type valueLines struct {
	p       value.Purchases
	read    ValueLines
	lastDay int32 // latest purchase day; store.NoDay when none
}

// ValueLines counts the purchase lines the value models read and what
// they left out.
type ValueLines struct {
	Lines           int `json:"lines"`
	Used            int `json:"used"`
	WithoutCustomer int `json:"without_customer"`
	WithoutDate     int `json:"without_date"`
	WithoutValue    int `json:"without_sale_or_return"`    // neither a sale nor a return
	DaysAfterAsOf   int `json:"purchase_days_after_as_of"` // customer purchase days after the as-of day
	CustomerDays    int `json:"customer_days"`             // distinct (customer, day) with a line used
	ReturnOnlyDays  int `json:"return_only_days"`          // customer-days with returns and no sale
}

// readValueLines reads the purchases of the session's customers (the
// same source and customer matching as behaviour) through the store's
// chunked reader, so memory holds a chunk of lines and the customer-days,
// never every line; tables not in customer order are read whole.
func (d *Database) readValueLines(ctx context.Context, s *Session, today int32, progress func(LoadProgress)) (*valueLines, error) {
	src, err := d.valueSource(ctx, s)
	if err != nil {
		return nil, err
	}
	tables, err := d.db.Tables(ctx)
	if err != nil {
		return nil, err
	}
	keys, err := d.customerKeys(&BehaviourRequest{Table: s.Table, Data: s.Data, tables: tables}, src)
	if err != nil {
		return nil, err
	}
	n := s.Data.Rows()
	open := func() (*store.PurchaseReader, error) {
		return d.db.OpenPurchases(ctx, src, keys, store.PurchaseLoadOptions{Today: today, Progress: progress, ChunkLines: testChunkLines})
	}
	pr, err := open()
	if err != nil {
		return nil, err
	}
	agg := newDayAggregator(n)
	err = pr.Stream(ctx, n, func(ch *store.PurchaseChunk) error {
		agg.add(ch.Lines, ch.Lo, ch.Hi)
		return nil
	})
	if errors.Is(err, store.ErrNotCustomerOrdered) {
		agg = newDayAggregator(n)
		var lines *store.PurchaseLines
		if lines, err = pr.Full(ctx); err == nil {
			agg.add(lines, 0, n)
		}
	}
	if err != nil {
		return nil, err
	}
	return agg.result(), nil
}

// valueSource is the session's purchase source: the one behaviour used,
// or found again as Load finds it.
func (d *Database) valueSource(ctx context.Context, s *Session) (*store.PurchaseSource, error) {
	if b := s.Behaviour; b != nil && b.Source != nil {
		return b.Source, nil
	}
	src, err := d.PurchaseSource(ctx, s.Table.Name)
	if err != nil {
		return nil, err
	}
	if src == nil {
		return nil, model.Say(errNoPurchaseTable, d.Path())
	}
	if err := src.MissingError(d.Path()); err != nil {
		return nil, err
	}
	return src, nil
}

// dayAggregator adds lines up per customer and day, chunk by chunk.
type dayAggregator struct {
	n    int
	out  valueLines
	off  []int32 // scratch: per customer of the chunk, offsets into idx
	idx  []int32 // scratch: line indices grouped by customer
	last int32
}

func newDayAggregator(n int) *dayAggregator {
	return &dayAggregator{n: n, last: store.NoDay}
}

// add aggregates lines whose customers are rows [lo, hi).
func (a *dayAggregator) add(l *store.PurchaseLines, lo, hi int) {
	r := &a.out.read
	r.Lines += l.Len()
	k := hi - lo
	if cap(a.off) < k+1 {
		a.off = make([]int32, k+1)
	}
	off := a.off[:k+1]
	clear(off)
	keep := func(i int) bool {
		c := l.Customer[i]
		return c >= int32(lo) && c < int32(hi) && l.Day[i] != store.NoDay && (l.Sales[i] > 0 || l.Returned[i] > 0)
	}
	for i := range l.Len() {
		switch c := l.Customer[i]; {
		case c < int32(lo) || c >= int32(hi):
			r.WithoutCustomer++
		case l.Day[i] == store.NoDay:
			r.WithoutDate++
		case !(l.Sales[i] > 0 || l.Returned[i] > 0):
			r.WithoutValue++
		default:
			off[c-int32(lo)+1]++
		}
	}
	for j := 1; j <= k; j++ {
		off[j] += off[j-1]
	}
	used := int(off[k])
	r.Used += used
	if cap(a.idx) < used {
		a.idx = make([]int32, used)
	}
	idx := a.idx[:used]
	next := make([]int32, k)
	copy(next, off[:k])
	for i := range l.Len() {
		if keep(i) {
			c := l.Customer[i] - int32(lo)
			idx[next[c]] = int32(i)
			next[c]++
		}
	}
	p := &a.out.p
	for c := 0; c < k; c++ {
		seg := idx[off[c]:off[c+1]]
		sortLinesByDay(seg, l.Day)
		for j := 0; j < len(seg); {
			day := l.Day[seg[j]]
			sum, sale := 0.0, false
			for ; j < len(seg) && l.Day[seg[j]] == day; j++ {
				i := seg[j]
				sum += l.Sales[i] - l.Returned[i]
				sale = sale || l.Sales[i] > 0
			}
			r.CustomerDays++
			cust := int32(lo + c)
			switch {
			case !sale:
				r.ReturnOnlyDays++
				continue // no purchase; nothing the models read
			case sum < 0:
				// a purchase day whose same-day returns exceed its sales:
				// a zero line keeps it a purchase day, the sum its value
				p.Customer, p.Day, p.Amount = append(p.Customer, cust), append(p.Day, day), append(p.Amount, 0)
			}
			p.Customer, p.Day, p.Amount = append(p.Customer, cust), append(p.Day, day), append(p.Amount, sum)
			a.last = max(a.last, day)
		}
	}
}

// sortLinesByDay sorts line indices by their day, stably (insertion sort:
// a customer has a handful of lines; a long one falls back to a merge).
func sortLinesByDay(s []int32, day []int32) {
	if len(s) > 32 {
		slices.SortStableFunc(s, func(a, b int32) int { return cmp.Compare(day[a], day[b]) })
		return
	}
	for i := 1; i < len(s); i++ {
		v := s[i]
		j := i
		for ; j > 0 && day[s[j-1]] > day[v]; j-- {
			s[j] = s[j-1]
		}
		s[j] = v
	}
}

func (a *dayAggregator) result() *valueLines {
	out := a.out
	out.lastDay = a.last
	return &out
}

// upTo returns the customer-days on or before day d, and how many
// purchase days (of a customer) fell after it.
func (v *valueLines) upTo(d int32) (value.Purchases, int) {
	if v.lastDay <= d {
		return v.p, 0
	}
	var p value.Purchases
	after := 0
	for i, day := range v.p.Day {
		if day > d {
			// a day with a marker line has two entries, side by side
			if i == 0 || v.p.Day[i-1] != day || v.p.Customer[i-1] != v.p.Customer[i] {
				after++
			}
			continue
		}
		p.Customer, p.Day, p.Amount = append(p.Customer, v.p.Customer[i]), append(p.Day, day), append(p.Amount, v.p.Amount[i])
	}
	return p, after
}

// finite reports whether x is a number (not NaN nor infinite).
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
