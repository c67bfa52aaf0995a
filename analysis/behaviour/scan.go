package behaviour

import "math"

// shardScan is what one shard's first pass found: problems, lines per
// customer, and the totals of Summary.
type shardScan struct {
	tally           tally
	hist            []int32
	used            int
	withoutCustomer int
	sales           float64
	salesWithout    float64
}

// lineKey returns the customer a purchase line counts for, or -1 when it is
// left out (unknown customer, no date, after the analysis date).
func lineKey(cust, day []int32, n int, a int32) func(i int) int32 {
	return func(i int) int32 {
		c, d := cust[i], day[i]
		if c < 0 || int(c) >= n || d == NoDay || d > a {
			return -1
		}
		return c
	}
}

func validCode(k int32, dict []string) bool { return k >= -1 && int(k) < len(dict) }

// scanPurchases is the first pass over the purchase lines: it classifies
// every line, tallies the problems and counts each customer's lines.
func scanPurchases(p *Purchases, a int32, signup []int32, n, keep int, shards [][2]int) []shardScan {
	out := make([]shardScan, len(shards))
	runShards(len(shards), func(s int) {
		sc := &out[s]
		sc.tally.keep = keep
		sc.hist = make([]int32, n)
		for i := shards[s][0]; i < shards[s][1]; i++ {
			c, d, v := p.Customer[i], p.Day[i], p.Sales[i]
			known := c >= 0 && int(c) < n
			hasReturn := false
			if !(v >= 0 && v <= math.MaxFloat64) {
				sc.tally.add(SaleNegative, i)
			}
			if p.Returned != nil {
				r := p.Returned[i]
				hasReturn = isReturn(r)
				if !(r >= 0 && r <= math.MaxFloat64) {
					sc.tally.add(ReturnInvalid, i)
				}
			}
			if v == 0 && !hasReturn {
				sc.tally.add(SaleZero, i)
			}
			if (p.Channel != nil && !validCode(p.Channel[i], p.ChannelDict)) ||
				(p.Category != nil && !validCode(p.Category[i], p.CategoryDict)) {
				sc.tally.add(CodeInvalid, i)
			}
			if !known {
				sc.tally.add(CustomerUnknown, i)
				sc.withoutCustomer++
			}
			switch {
			case d == NoDay:
				sc.tally.add(DateMissing, i)
				continue
			case d > a:
				sc.tally.add(DateAfterAnalysis, i)
				continue
			}
			if isSale(v) {
				sc.sales += v
				if !known {
					sc.salesWithout += v
				}
			}
			if !known {
				continue
			}
			sc.used++
			sc.hist[c]++
			if signup != nil && signup[c] != NoDay && d < signup[c] {
				sc.tally.add(DateBeforeSignup, i)
			}
		}
	})
	return out
}

// scanTouchpoints is the first pass over the touchpoints.
func scanTouchpoints(t *Touchpoints, a int32, n, keep int, shards [][2]int) []shardScan {
	out := make([]shardScan, len(shards))
	runShards(len(shards), func(s int) {
		sc := &out[s]
		sc.tally.keep = keep
		sc.hist = make([]int32, n)
		for i := shards[s][0]; i < shards[s][1]; i++ {
			c, d := t.Customer[i], t.Day[i]
			known := c >= 0 && int(c) < n
			if t.Kind != nil && (t.Kind[i] < 0 || int(t.Kind[i]) >= len(t.KindDict)) {
				sc.tally.add(TouchKindMissing, i)
			}
			if t.Sentiment != nil && math.IsInf(t.Sentiment[i], 0) {
				sc.tally.add(TouchSentimentInvalid, i)
			}
			if !known {
				sc.tally.add(TouchCustomerUnknown, i)
				sc.withoutCustomer++
			}
			switch {
			case d == NoDay:
				sc.tally.add(TouchDateMissing, i)
				continue
			case d > a:
				sc.tally.add(TouchDateAfterAnalysis, i)
				continue
			}
			if known {
				sc.used++
				sc.hist[c]++
			}
		}
	})
	return out
}

func hists(scans []shardScan) [][]int32 {
	out := make([][]int32, len(scans))
	for i := range scans {
		out[i] = scans[i].hist
	}
	return out
}

func tallies(scans []shardScan) []tally {
	out := make([]tally, len(scans))
	for i := range scans {
		out[i] = scans[i].tally
	}
	return out
}
