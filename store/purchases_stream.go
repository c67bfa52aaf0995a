package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"sync"
)

// ErrNotCustomerOrdered says the lines or touchpoints are not stored in
// customer order (a customer's rows are not together, or customers go
// backwards), so they cannot be read in chunks of whole customers: read
// them whole with Full and LoadTouchpoints.
var ErrNotCustomerOrdered = errors.New("purchases are not stored in customer order")

// PurchaseChunk holds the lines and touchpoints of the customers whose rows
// are in [Lo, Hi), and the lines without a known customer met among them.
type PurchaseChunk struct {
	Lo, Hi int
	Lines  *PurchaseLines // Customer holds dataset rows
	Touch  *Touchpoints   // nil without touchpoints
}

// chunkLines is how many lines a chunk holds before it is cut at the
// next change of customer: small enough that a chunk's arrays (36 bytes a
// line) are a few tens of megabytes, large enough that the per-chunk work
// is amortised.
const chunkLines = 1 << 19

// touchBatch is how many touchpoints the touchpoint reader hands over at
// a time.
const touchBatch = 1 << 16

// Stream reads the lines, and the touchpoints, in chunks of whole
// customers in customer order, while fn works on the previous chunk; the
// chunks' ranges cover [0, customers) in order. Memory stays at a few
// chunks whatever the size of the tables. Tables stored in customer order
// (the demo world's, and any export sorted by customer) can be read so;
// for others Stream returns ErrNotCustomerOrdered as soon as it meets a
// row out of order, and whatever fn did with earlier chunks must be
// dropped: read them whole instead (Full).
func (pr *PurchaseReader) Stream(ctx context.Context, customers int, fn func(*PurchaseChunk) error) error {
	if pr.keys == nil {
		return ErrNotCustomerOrdered // transactions: the customers are made while reading
	}
	delivered := 0
	counted := func(c *PurchaseChunk) error {
		delivered++
		return fn(c)
	}
	if pr.src.Header != "" && pr.hdr == nil {
		err := pr.stream(ctx, customers, counted, true)
		if !errors.Is(err, errHeadersUnordered) {
			return err
		}
		if delivered > 0 {
			return ErrNotCustomerOrdered // fn saw chunks that must be dropped
		}
		if err := pr.ensureHeaderTable(ctx); err != nil {
			return err
		}
	}
	return pr.stream(ctx, customers, counted, false)
}

// stream is one attempt at Stream; merge reads the header alongside the
// lines instead of from a table.
func (pr *PurchaseReader) stream(ctx context.Context, customers int, fn func(*PurchaseChunk) error, merge bool) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	total := pr.src.Lines.Rows
	if pr.src.Touch != nil {
		total += pr.src.Touch.Table.Rows
	}
	if merge {
		total += pr.src.HeaderInfo.Rows
	}
	prog := newProgress(total, pr.opt.Progress)
	type lineChunk struct {
		lo, hi int
		lines  *PurchaseLines
	}
	lineCh := make(chan lineChunk, 1)
	pr.free = make(chan *PurchaseLines, 2) // chunks fn is done with, to fill again
	defer func() { pr.free = nil }()
	var lineErr error
	size := pr.opt.ChunkLines
	if size <= 0 {
		size = chunkLines
	}
	var wg sync.WaitGroup
	r := pr.r
	var hm *headerMerge
	channels := func() []string { return nil }
	if merge {
		hm = pr.startHeaders(ctx, &wg, prog)
		r = r.withHeaders(hm)
		channels = func() []string { return hm.dict }
	} else if pr.hdr != nil {
		channels = func() []string { return pr.hdr.chDict }
	}
	part := newLinePart(size+1, r)
	wg.Go(func() {
		defer close(lineCh)
		lineErr = pr.streamLines(ctx, r, part, customers, size, channels, prog, func(lo, hi int, l *PurchaseLines) error {
			select {
			case lineCh <- lineChunk{lo, hi, l}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	})
	var ts *touchStream
	if pr.src.Touch != nil {
		ts = pr.startTouch(ctx, &wg, prog)
	}
	var err error
	for lc := range lineCh {
		if err != nil {
			continue // drain, so the reader can stop
		}
		chunk := &PurchaseChunk{Lo: lc.lo, Hi: lc.hi, Lines: lc.lines}
		if ts != nil {
			if chunk.Touch, err = ts.take(lc.lo, lc.hi); err != nil {
				cancel()
				continue
			}
		}
		if err = fn(chunk); err != nil {
			cancel()
		}
		select {
		case pr.free <- chunk.Lines:
		default:
		}
		if ts != nil && chunk.Touch != nil {
			select {
			case ts.chunks <- chunk.Touch:
			default:
			}
		}
	}
	if ts != nil || hm != nil {
		cancel() // all chunks are out: stop the other readers if they are still going
	}
	if ts != nil {
		ts.drain()
	}
	if hm != nil {
		for range hm.ch {
		}
	}
	wg.Wait()
	if hm != nil {
		pr.hdrFind = []*findingTally{&hm.problems}
		if errors.Is(hm.err, errHeadersUnordered) {
			return errHeadersUnordered
		}
	}
	pr.lineFind = []*findingTally{&part.find}
	if ts != nil {
		pr.touchFind = []*findingTally{&ts.part.find}
	}
	switch {
	case err != nil:
		return err
	case lineErr != nil:
		return lineErr
	case ts != nil && ts.err != nil && !errors.Is(ts.err, context.Canceled):
		return ts.err
	}
	prog.finish()
	return nil
}

// streamLines reads every line in rowid order into p, handing over a
// chunk at the first change of customer after chunkLines lines.
func (pr *PurchaseReader) streamLines(ctx context.Context, r *lineReader, p *linePart, customers, size int, channels func() []string,
	prog *progress, send func(lo, hi int, l *PurchaseLines) error) error {
	src := pr.src
	lo, last, n := 0, int32(-1), 0
	_, err := pr.d.sinkQuery(ctx, linesList(src, nil), QuoteIdent(src.Lines.Name), "", nil, func(v []driver.Value) error {
		c, err := r.add(p, v)
		if err != nil {
			return err
		}
		if n++; n == progressEvery {
			n = 0
			prog.add(progressEvery)
		}
		if c < 0 {
			return nil
		}
		if c < last {
			return ErrNotCustomerOrdered
		}
		if c != last && last >= 0 && len(p.cust) > size {
			// the line just read opens the next chunk
			if err := send(lo, int(c), pr.take(r, p, len(p.cust)-1, size, channels)); err != nil {
				return err
			}
			lo = int(c)
		}
		last = c
		return nil
	})
	if err != nil {
		if errors.Is(err, ErrNotCustomerOrdered) || errors.Is(err, errHeadersUnordered) || ctx.Err() != nil {
			return err
		}
		return fmt.Errorf(errLinesRead, pr.d.Name(), src.Lines.Name, cleanSQLiteError(err))
	}
	prog.add(int64(n))
	return send(lo, customers, pr.take(r, p, len(p.cust), size, channels))
}

// take hands over p's first k lines as a chunk's lines and leaves p with
// the rest (at most one line) in new arrays; dictionaries stay in p.
func (pr *PurchaseReader) take(r *lineReader, p *linePart, k, size int, channels func() []string) *PurchaseLines {
	out := &PurchaseLines{Customer: p.cust[:k], Day: p.day[:k], Sales: p.sales[:k], Returned: p.ret[:k]}
	if r.invoices {
		out.Invoice = p.inv[:k]
	}
	if r.channel {
		out.Channel = p.ch[:k]
		if r.chOnHeader {
			out.ChannelDict = channels()
		} else {
			out.ChannelDict = p.chDict.dict[:len(p.chDict.dict):len(p.chDict.dict)]
		}
	}
	if r.category {
		out.Category = p.cat[:k]
		if pr.products != nil {
			out.CategoryDict = pr.products.dict
		} else {
			out.CategoryDict = p.catDict.dict[:len(p.catDict.dict):len(p.catDict.dict)]
		}
	}
	rest := *p
	rows := p.rowid
	select {
	case l := <-pr.free:
		p.reuse(l, r)
	default:
		p.reset(size+1, r)
	}
	for i := k; i < len(rest.cust); i++ { // the line that opened the next chunk
		p.rowid.Add(rows.RowID(i))
		p.cust, p.day = append(p.cust, rest.cust[i]), append(p.day, rest.day[i])
		p.sales, p.ret = append(p.sales, rest.sales[i]), append(p.ret, rest.ret[i])
		if r.invoices {
			p.inv = append(p.inv, rest.inv[i])
		}
		if r.channel {
			p.ch = append(p.ch, rest.ch[i])
		}
		if r.category {
			p.cat = append(p.cat, rest.cat[i])
		}
	}
	rows.truncate(k)
	out.Rows = rows
	return out
}

// touchStream reads the touchpoints in rowid order on its own goroutine
// and hands them out by customer range.
type touchStream struct {
	ch      chan *Touchpoints
	batches chan *Touchpoints // batches handed out, to fill again
	chunks  chan *Touchpoints // chunks' touchpoints fn is done with
	part    *touchPart
	cur     *Touchpoints // the batch being handed out
	pos     int
	last    int32
	kinds   []string
	err     error
	sent    bool // hasKind/hasSent copied from the reader
	kind    bool
}

func (pr *PurchaseReader) startTouch(ctx context.Context, wg *sync.WaitGroup, prog *progress) *touchStream {
	ts := pr.src.Touch
	r := newTouchReader(ts, pr.keys)
	s := &touchStream{ch: make(chan *Touchpoints, 4), batches: make(chan *Touchpoints, 2), chunks: make(chan *Touchpoints, 2),
		part: &touchPart{}, last: -1, kind: r.hasKind, sent: r.hasSent}
	wg.Go(func() {
		defer close(s.ch)
		p := s.part
		fresh := func() {
			select {
			case b := <-s.batches: // a batch take is done with
				p.t = Touchpoints{Customer: b.Customer[:0], Day: b.Day[:0], Kind: b.Kind[:0], Sentiment: b.Sentiment[:0]}
			default:
				p.t = newTouchpoints(touchBatch, r.hasKind, r.hasSent)
			}
		}
		fresh()
		handOver := func() error {
			b := p.t
			b.KindDict = p.kinds.dict[:len(p.kinds.dict):len(p.kinds.dict)]
			fresh()
			select {
			case s.ch <- &b:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		n := 0
		_, err := pr.d.sinkQuery(ctx, touchList(ts), QuoteIdent(ts.Table.Name), "", nil, func(v []driver.Value) error {
			r.add(p, v)
			if n++; n == progressEvery {
				n = 0
				prog.add(progressEvery)
			}
			if p.t.Len() == touchBatch {
				return handOver()
			}
			return nil
		})
		prog.add(int64(n))
		if err == nil {
			err = handOver()
		}
		if err != nil && ctx.Err() == nil {
			err = fmt.Errorf(errTouchRead, pr.d.Name(), ts.Table.Name, cleanSQLiteError(err))
		}
		s.err = err
	})
	return s
}

// take returns the touchpoints of customers in [lo, hi), and those
// without a known customer met among them.
func (s *touchStream) take(lo, hi int) (*Touchpoints, error) {
	var out *Touchpoints
	select {
	case t := <-s.chunks:
		out = &Touchpoints{Customer: t.Customer[:0], Day: t.Day[:0], Kind: t.Kind[:0], Sentiment: t.Sentiment[:0]}
	default:
		t := newTouchpoints(touchBatch, s.kind, s.sent)
		out = &t
	}
	if s.kind && out.Kind == nil {
		out.Kind = []int32{} // a kind column, even without touchpoints here
	}
	if s.sent && out.Sentiment == nil {
		out.Sentiment = []float64{}
	}
	for {
		if s.cur != nil {
			t := s.cur
			for ; s.pos < t.Len(); s.pos++ {
				c := t.Customer[s.pos]
				if c >= 0 {
					if int(c) >= hi {
						out.KindDict = s.kinds
						return out, nil
					}
					if c < s.last || int(c) < lo {
						return nil, ErrNotCustomerOrdered
					}
					s.last = c
				}
				out.Rows.Add(t.Rows.RowID(s.pos))
				out.Customer, out.Day = append(out.Customer, c), append(out.Day, t.Day[s.pos])
				if s.kind {
					out.Kind = append(out.Kind, t.Kind[s.pos])
				}
				if s.sent {
					out.Sentiment = append(out.Sentiment, t.Sentiment[s.pos])
				}
			}
		}
		if s.cur != nil {
			select {
			case s.batches <- s.cur:
			default:
			}
		}
		next, ok := <-s.ch
		if !ok {
			s.cur = nil
			out.KindDict = s.kinds
			if s.err != nil {
				return nil, s.err
			}
			return out, nil
		}
		s.cur, s.pos, s.kinds = next, 0, next.KindDict
	}
}

// drain lets the reader finish after the consumer stops taking.
func (s *touchStream) drain() {
	for range s.ch {
	}
}

// newTouchpoints makes empty touchpoint arrays of the given capacity.
func newTouchpoints(capacity int, kind, sent bool) Touchpoints {
	t := Touchpoints{Customer: make([]int32, 0, capacity), Day: make([]int32, 0, capacity)}
	if kind {
		t.Kind = make([]int32, 0, capacity)
	}
	if sent {
		t.Sentiment = make([]float64, 0, capacity)
	}
	return t
}
