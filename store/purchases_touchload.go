package store

import (
	"context"
	"database/sql/driver"
	"fmt"
	"math"
	"sync"

	"github.com/pulpero/pulpero/store/parse"
)

// Touchpoints are the contacts with customers as parallel columns, in the
// shape analysis/behaviour takes them: Customer is a dataset row (-1 =
// unknown), Day days since 1970-01-01 (NoDay = none), Kind a code into
// KindDict (-1 = none; nil when the table has no kind), Sentiment NaN where
// none was recorded (nil when the table has none).
type Touchpoints struct {
	Customer, Day, Kind []int32
	KindDict            []string
	Sentiment           []float64
	Rows                RowIDRuns
}

// Len returns the number of touchpoints.
func (t *Touchpoints) Len() int { return len(t.Customer) }

// touchReader turns one touchpoint row into its fields.
type touchReader struct {
	keys             *KeyIndex
	date             dayReader
	hasKind, hasSent bool
}

func newTouchReader(ts *TouchSource, keys *KeyIndex) *touchReader {
	return &touchReader{keys: keys, date: newDayReader(ts.date), hasKind: ts.Kind != "", hasSent: ts.Sentiment != ""}
}

// touchPart is one range (or, streaming, one batch) of touchpoints.
type touchPart struct {
	t     Touchpoints
	kinds localDict
	find  findingTally
}

// add reads one touchpoint into p and returns its customer.
func (r *touchReader) add(p *touchPart, v []driver.Value) int32 {
	rowid, _ := v[0].(int64)
	p.t.Rows.Add(rowid)
	row, present := r.keys.Lookup(v[1])
	if present && row < 0 {
		p.find.add(FindTouchKeyUnknown, rowid)
	}
	p.t.Customer = append(p.t.Customer, row)
	d, ok, null := r.date.day(v[2])
	if !ok && !null {
		p.find.add(FindTouchDateBad, rowid)
	}
	p.t.Day = append(p.t.Day, d)
	if r.hasKind {
		p.t.Kind = append(p.t.Kind, textCode(&p.kinds, v[3]))
	}
	if r.hasSent {
		s, read, present := amountValue(v[4], parse.DecimalPoint)
		if !present || read == moneyUnreadable {
			s = math.NaN()
		}
		p.t.Sentiment = append(p.t.Sentiment, s)
	}
	return row
}

// LoadTouchpoints reads every touchpoint of ts (in rowid ranges, one per
// core), matching customers through keys; unreadable dates and unknown
// customers are counted in the reader's findings.
func (pr *PurchaseReader) LoadTouchpoints(ctx context.Context) (*Touchpoints, error) {
	ts, d := pr.src.Touch, pr.d
	if ts == nil || pr.keys == nil {
		return nil, nil
	}
	r := newTouchReader(ts, pr.keys)
	ranges, err := d.rowidRanges(ctx, ts.Table)
	if err != nil {
		return nil, err
	}
	parts := make([]*touchPart, len(ranges))
	errs := make([]error, len(ranges))
	prog := newProgress(ts.Table.Rows, pr.opt.Progress)
	var wg sync.WaitGroup
	for i, rg := range ranges {
		p := &touchPart{}
		parts[i] = p
		where, args := rangeWhere(rg)
		wg.Go(func() {
			n := 0
			_, errs[i] = d.sinkQuery(ctx, touchList(ts), QuoteIdent(ts.Table.Name), where, args, func(v []driver.Value) error {
				r.add(p, v)
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
			return nil, fmt.Errorf(errTouchRead, d.Name(), ts.Table.Name, cleanSQLiteError(err))
		}
	}
	out := &Touchpoints{}
	var all localDict
	pr.touchFind = nil // those of an interrupted stream go
	for _, p := range parts {
		remap := make([]int32, len(p.kinds.dict))
		for j, s := range p.kinds.dict {
			remap[j] = all.code(s)
		}
		for j, k := range p.t.Kind {
			if k >= 0 {
				p.t.Kind[j] = remap[k]
			}
		}
		out.Rows.Append(&p.t.Rows)
		out.Customer = append(out.Customer, p.t.Customer...)
		out.Day = append(out.Day, p.t.Day...)
		if r.hasKind {
			out.Kind = append(out.Kind, p.t.Kind...)
		}
		if r.hasSent {
			out.Sentiment = append(out.Sentiment, p.t.Sentiment...)
		}
		p.t = Touchpoints{}
		pr.touchFind = append(pr.touchFind, &p.find)
	}
	if r.hasKind {
		out.KindDict = all.dict
		if out.Kind == nil {
			out.Kind = []int32{}
		}
	}
	if r.hasSent && out.Sentiment == nil {
		out.Sentiment = []float64{}
	}
	prog.finish()
	return out, nil
}
