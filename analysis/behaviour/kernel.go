package behaviour

import (
	"cmp"
	"math"
	"slices"
)

// purchaseLine is a sale line's invoice and day, to find distinct invoices.
type purchaseLine struct{ inv, day int32 }

// scratch is one worker's reusable buffers.
type scratch struct {
	lines   []purchaseLine
	days    []int32   // purchase days, then distinct purchase days
	cats    []int32   // category codes with sales, in order of first sale
	catSums []float64 // sales per category code (0 between customers)
	channel []float64 // sales per channel code
	lb      lineBlock
	tb      touchBlock
}

// kernel computes every attribute of the customers [lo, hi).
type kernel struct {
	p     *Purchases
	t     *Touchpoints
	lines groups
	touch groups
	a     int32
	out   *outputs
}

func (k *kernel) run(sc *scratch, lo, hi int) {
	sc.lb.fill(k.p, &k.lines, lo, hi)
	if k.t != nil {
		sc.tb.fill(k.t, &k.touch, lo, hi)
	}
	for c := lo; c < hi; c++ {
		k.purchases(sc, c)
		if k.t != nil {
			k.touchpoints(&sc.tb, sc.days, c)
		}
	}
}

// purchases fills the purchase attributes of customer c and leaves c's
// distinct purchase days, ascending, in sc.days.
func (k *kernel) purchases(sc *scratch, c int) {
	o, b := k.out, &sc.lb
	sc.lines, sc.days, sc.cats = sc.lines[:0], sc.days[:0], sc.cats[:0]
	clear(sc.channel)
	gross, returned := 0.0, 0.0
	lo, hi := span(&k.lines, b.base, c)
	for j := lo; j < hi; j++ {
		if b.ret != nil && isReturn(b.ret[j]) {
			returned += b.ret[j]
		}
		v := b.sales[j]
		if !isSale(v) {
			continue
		}
		gross += v
		if b.inv == nil || b.inv[j] < 0 {
			sc.days = append(sc.days, b.day[j]) // a purchase of its own
		} else {
			sc.lines = append(sc.lines, purchaseLine{b.inv[j], b.day[j]})
		}
		if b.ch != nil {
			if ch := b.ch[j]; ch >= 0 && int(ch) < len(sc.channel) {
				sc.channel[ch] += v
			}
		}
		if b.cat != nil {
			if cat := b.cat[j]; cat >= 0 && int(cat) < len(sc.catSums) {
				if sc.catSums[cat] == 0 {
					sc.cats = append(sc.cats, cat)
				}
				sc.catSums[cat] += v
			}
		}
	}
	sc.days = appendInvoiceDays(sc.days, sc.lines)
	o.monetary.Values[c] = gross - returned
	o.returns.Values[c] = returned
	if gross > 0 {
		o.returnRate.SetValue(c, returned/gross)
		for ch, s := range sc.channel {
			o.shares[ch].SetValue(c, s/gross)
		}
	}
	if o.topCategory != nil {
		o.topCategory.Codes[c] = topCategory(sc.catSums, sc.cats)
	}
	n := len(sc.days)
	o.frequency.Values[c] = float64(n)
	if n == 0 {
		return
	}
	if !slices.IsSorted(sc.days) {
		slices.Sort(sc.days)
	}
	first, last := sc.days[0], sc.days[n-1]
	a := int64(k.a)
	o.first.SetValue(c, float64(first))
	o.last.SetValue(c, float64(last))
	o.recency.SetValue(c, float64(a-int64(last)))
	o.tenure.SetValue(c, float64(a-int64(first)))
	o.avgTicket.SetValue(c, gross/float64(n))
	o.p90.Values[c] = float64(countSince(sc.days, a-windowShort))
	o.p365.Values[c] = float64(countSince(sc.days, a-windowLong))
	sc.days = slices.Compact(sc.days)
	if d := len(sc.days); d >= 2 {
		o.meanBetween.SetValue(c, float64(int64(last)-int64(first))/float64(d-1))
	}
}

// maxRunsUnsorted is the number of invoice runs up to which a customer's
// lines are checked run against run (quadratic) before falling back to a sort.
const maxRunsUnsorted = 64

// appendInvoiceDays appends one day per distinct invoice of lines: the
// earliest day of its lines. Lines are usually stored invoice by invoice, so
// each run of one invoice code is one purchase; only when a code shows up in
// two runs (or there are very many runs) are the lines sorted.
func appendInvoiceDays(days []int32, lines []purchaseLine) []int32 {
	start := len(days)
	runs := 0
	for i := 0; i < len(lines); {
		inv, day, j := lines[i].inv, lines[i].day, i+1
		for ; j < len(lines) && lines[j].inv == inv; j++ {
			day = min(day, lines[j].day)
		}
		runs++
		if runs > maxRunsUnsorted || seenBefore(lines[:i], inv) {
			return appendSortedInvoiceDays(days[:start], lines)
		}
		days = append(days, day)
		i = j
	}
	return days
}

// seenBefore reports whether an earlier line has the invoice code inv.
func seenBefore(lines []purchaseLine, inv int32) bool {
	for _, l := range lines {
		if l.inv == inv {
			return true
		}
	}
	return false
}

func appendSortedInvoiceDays(days []int32, lines []purchaseLine) []int32 {
	slices.SortFunc(lines, func(x, y purchaseLine) int {
		if c := cmp.Compare(x.inv, y.inv); c != 0 {
			return c
		}
		return cmp.Compare(x.day, y.day)
	})
	for i, l := range lines {
		if i == 0 || l.inv != lines[i-1].inv {
			days = append(days, l.day)
		}
	}
	return days
}

// countSince counts the ascending days that are ≥ from.
func countSince(days []int32, from int64) int {
	i, _ := slices.BinarySearchFunc(days, from, func(d int32, t int64) int { return cmp.Compare(int64(d), t) })
	return len(days) - i
}

// topCategory returns the category with the largest summed sales, the lower
// code on ties, or -1 when there is none. sums is indexed by category code
// and touched lists the codes set; both are reset for the next customer.
func topCategory(sums []float64, touched []int32) int32 {
	best := int32(-1)
	for _, cat := range touched {
		if best < 0 || sums[cat] > sums[best] || sums[cat] == sums[best] && cat < best {
			best = cat
		}
	}
	for _, cat := range touched {
		sums[cat] = 0
	}
	return best
}

// touchpoints fills the touchpoint attributes of customer c; days are c's
// distinct purchase days, ascending.
func (k *kernel) touchpoints(b *touchBlock, days []int32, c int) {
	o := k.out
	last := NoDay
	sum, count, before := 0.0, 0, 0
	lo, hi := span(&k.touch, b.base, c)
	for j := lo; j < hi; j++ {
		d := b.day[j]
		last = max(last, d)
		if b.kind != nil {
			if kind := b.kind[j]; kind >= 0 && int(kind) < len(o.contacts) {
				o.contacts[kind].Values[c]++
			}
		}
		if b.sentiment != nil {
			if s := b.sentiment[j]; !math.IsNaN(s) && !math.IsInf(s, 0) {
				sum += s
				count++
			}
		}
		// the first purchase day strictly after d
		j, found := slices.BinarySearch(days, d)
		if found {
			j++
		}
		if j < len(days) && int64(days[j])-int64(d) <= beforePurchaseDays {
			before++
		}
	}
	o.before30.Values[c] = float64(before)
	if last != NoDay {
		o.lastContact.SetValue(c, float64(last))
	}
	if count > 0 {
		o.meanSentiment.SetValue(c, sum/float64(count))
	}
}
