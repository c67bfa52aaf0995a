package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"sync"

	"github.com/pulpero/pulpero/model"
)

// errHeadersUnordered says the header cannot be merged with the lines in
// one pass: its keys do not increase with its rowids, or the lines' links
// do not increase with theirs (or are not whole numbers). The header is
// then read into a table first (readHeaders).
var errHeadersUnordered = errors.New("the invoices are not in the order of the lines")

// headerBatchSize is how many headers the header reader hands over at a time.
const headerBatchSize = 1 << 16

// headerBatch is a run of consecutive headers: keys ascending, base the
// index (invoice code) of the first.
type headerBatch struct {
	keys []int64
	f    []headerFields
	dict []string // the channels met so far
	base int32
}

// headerMerge reads the header alongside the lines, as a merge join on
// the link: both are stored in the same order (the demo world's and most
// systems' invoice lines follow their invoices), so the header never sits
// in memory whole (4.5M invoices: 72 MB).
type headerMerge struct {
	ch       <-chan *headerBatch
	cur      *headerBatch
	pos      int
	last     int64
	started  bool
	done     bool
	dict     []string
	err      error // the reader's, set before ch closes
	problems findingTally
}

func (m *headerMerge) find(link driver.Value) (int32, headerFields, error) {
	none := headerFields{-1, NoDay, -1}
	var k int64
	switch x := link.(type) {
	case nil:
		return -1, none, nil
	case int64:
		k = x
	case float64:
		if x != math.Trunc(x) {
			return -1, none, errHeadersUnordered
		}
		k = int64(x)
	default:
		return -1, none, errHeadersUnordered // text links are found through a table
	}
	if m.started && k < m.last {
		return -1, none, errHeadersUnordered
	}
	m.started, m.last = true, k
	for {
		if m.cur == nil || m.pos == len(m.cur.keys) {
			if m.done {
				return -1, none, nil
			}
			b, ok := <-m.ch
			if !ok {
				m.done = true
				if m.err != nil {
					return -1, none, m.err
				}
				return -1, none, nil
			}
			m.cur, m.pos, m.dict = b, 0, b.dict
		}
		switch key := m.cur.keys[m.pos]; {
		case key < k:
			m.pos++
		case key == k:
			return m.cur.base + int32(m.pos), m.cur.f[m.pos], nil
		default:
			return -1, none, nil // no header has this link
		}
	}
}

// startHeaders reads the header in rowid order on its own goroutine.
func (pr *PurchaseReader) startHeaders(ctx context.Context, wg *sync.WaitGroup, prog *progress) *headerMerge {
	src := pr.src
	role := func(r model.PurchaseRole) (PurchaseColumn, bool) {
		c, ok := src.Column(r)
		return c, ok && c.Table == src.Header
	}
	custCol, hasCust := role(model.PurchaseCustomer)
	dateCol, hasDate := role(model.PurchaseDate)
	chCol, hasCh := role(model.PurchaseChannel)
	list := "rowid, " + quoteKey(src.HeaderKey)
	for _, c := range []struct {
		ok  bool
		col PurchaseColumn
	}{{hasCust, custCol}, {hasDate, dateCol}, {hasCh, chCol}} {
		if c.ok {
			list += ", " + QuoteIdent(c.col.Column)
		} else {
			list += ", NULL"
		}
	}
	ch := make(chan *headerBatch, 4)
	m := &headerMerge{ch: ch}
	dr := newDayReader(dateCol)
	wg.Go(func() {
		defer close(ch)
		var dict localDict
		var idx int32
		prev := int64(math.MinInt64)
		b := &headerBatch{keys: make([]int64, 0, headerBatchSize), f: make([]headerFields, 0, headerBatchSize)}
		send := func() error {
			b.dict = dict.dict[:len(dict.dict):len(dict.dict)]
			select {
			case ch <- b:
			case <-ctx.Done():
				return ctx.Err()
			}
			b = &headerBatch{keys: make([]int64, 0, headerBatchSize), f: make([]headerFields, 0, headerBatchSize), base: idx}
			return nil
		}
		n := 0
		_, err := pr.d.sinkQuery(ctx, list, QuoteIdent(src.Header), "", nil, func(v []driver.Value) error {
			rowid, _ := v[0].(int64)
			key, ok := v[1].(int64)
			if !ok || idx > 0 && key <= prev {
				return errHeadersUnordered
			}
			prev = key
			f := headerFields{-1, NoDay, -1}
			if hasCust {
				row, present := pr.keys.Lookup(v[2])
				switch {
				case !present:
					m.problems.add(FindKeyMissing, rowid)
				case row < 0:
					m.problems.add(FindKeyUnknown, rowid)
				}
				f.cust = row
			}
			if hasDate {
				day, ok, null := dr.day(v[3])
				switch {
				case ok && day > pr.opt.Today:
					m.problems.add(FindDateFuture, rowid)
				case !ok && !null:
					m.problems.add(FindDateUnreadable, rowid)
				}
				f.day = day
			}
			if hasCh {
				f.ch = textCode(&dict, v[4])
			}
			b.keys, b.f = append(b.keys, key), append(b.f, f)
			idx++
			if n++; n == progressEvery {
				n = 0
				prog.add(progressEvery)
			}
			if len(b.keys) == headerBatchSize {
				return send()
			}
			return nil
		})
		prog.add(int64(n))
		if err == nil {
			err = send()
		}
		if err != nil && ctx.Err() == nil && !errors.Is(err, errHeadersUnordered) {
			err = fmt.Errorf(errLinesRead, pr.d.Name(), src.Header, cleanSQLiteError(err))
		}
		m.err = err
	})
	return m
}

// headerLastDay reads the header's dates alone, for the analysis date
// before the header is streamed.
func (pr *PurchaseReader) headerLastDay(ctx context.Context, c PurchaseColumn) (int32, error) {
	dr := newDayReader(c)
	last := NoDay
	_, err := pr.d.sinkQuery(ctx, QuoteIdent(c.Column), QuoteIdent(pr.src.Header), "", nil, func(v []driver.Value) error {
		if d, ok, _ := dr.day(v[0]); ok && d <= pr.opt.Today && d > last {
			last = d
		}
		return nil
	})
	if err != nil {
		return NoDay, fmt.Errorf(errLinesRead, pr.d.Name(), pr.src.Header, cleanSQLiteError(err))
	}
	return last, nil
}

// ensureHeaderTable reads the header into a table (the lines are read in
// parallel ranges, or out of the header's order).
func (pr *PurchaseReader) ensureHeaderTable(ctx context.Context) error {
	if pr.src.Header == "" || pr.hdr != nil {
		return nil
	}
	hdr, err := pr.d.readHeaders(ctx, pr.src, pr.keys, pr.opt.Today)
	if err != nil {
		return err
	}
	pr.hdr, pr.hdrFind = hdr, []*findingTally{&hdr.problems}
	if c, ok := pr.src.Column(model.PurchaseDate); ok && c.Table == pr.src.Header {
		pr.lastDay, pr.lastRead = hdr.lastDay, true
	}
	pr.r = newLineReader(pr.src, pr.keys, hdr, pr.products, pr.opt.Today)
	return nil
}
