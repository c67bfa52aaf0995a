package behaviour

// Gathering: before the per-customer pass works on a chunk of customers, the
// fields of their lines are copied into contiguous buffers in customer order,
// one tight loop per field. When lines are stored in time order a customer's
// lines are scattered over the whole table; these loops have independent
// loads that the processor overlaps, where the per-customer code would wait
// for each cache miss in turn (BenchmarkDemo1MShuffled measures it).

// lineBlock holds the lines of a chunk of customers, in customer order:
// entry j is line idx[base+j]. A field is nil when its input slice is.
type lineBlock struct {
	base              int32
	day, inv, ch, cat []int32
	sales, ret        []float64
}

// touchBlock is lineBlock for touchpoints.
type touchBlock struct {
	base      int32
	day, kind []int32
	sentiment []float64
}

// gather copies src[idx[j]] into dst[j], reusing dst; nil src gives nil.
func gather[T any](dst, src []T, idx []int32) []T {
	if src == nil {
		return nil
	}
	if cap(dst) < len(idx) {
		dst = make([]T, len(idx), len(idx)+len(idx)/4)
	}
	dst = dst[:len(idx)]
	for j, i := range idx {
		dst[j] = src[i]
	}
	return dst
}

func (b *lineBlock) fill(p *Purchases, g *groups, lo, hi int) {
	b.base = g.off[lo]
	idx := g.idx[g.off[lo]:g.off[hi]]
	b.day = gather(b.day, p.Day, idx)
	b.inv = gather(b.inv, p.Invoice, idx)
	b.ch = gather(b.ch, p.Channel, idx)
	b.cat = gather(b.cat, p.Category, idx)
	b.sales = gather(b.sales, p.Sales, idx)
	b.ret = gather(b.ret, p.Returned, idx)
}

func (b *touchBlock) fill(t *Touchpoints, g *groups, lo, hi int) {
	b.base = g.off[lo]
	idx := g.idx[g.off[lo]:g.off[hi]]
	b.day = gather(b.day, t.Day, idx)
	b.kind = gather(b.kind, t.Kind, idx)
	b.sentiment = gather(b.sentiment, t.Sentiment, idx)
}

// span returns the block positions of customer c's entries.
func span(g *groups, base int32, c int) (int, int) {
	return int(g.off[c] - base), int(g.off[c+1] - base)
}
