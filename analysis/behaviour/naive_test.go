package behaviour

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"
)

// naiveCustomer is the oracle: each attribute of one customer computed
// straight from the definitions with maps and plain loops, without grouping
// tricks, sorting shortcuts or binary searches.
func naiveCustomer(p *Purchases, t *Touchpoints, lines, touches []int, a int32) map[string]any {
	out := map[string]any{}
	gross, returned := 0.0, 0.0
	invoiceDay := map[int32]int32{}
	var days []int32
	chSales := map[int32]float64{}
	catSales := map[int32]float64{}
	for _, i := range lines {
		if r := p.Returned[i]; r > 0 && !math.IsInf(r, 0) {
			returned += r
		}
		v := p.Sales[i]
		if !(v > 0) || math.IsInf(v, 0) {
			continue
		}
		gross += v
		if p.Invoice == nil || p.Invoice[i] == -1 {
			days = append(days, p.Day[i])
		} else if d, ok := invoiceDay[p.Invoice[i]]; !ok || p.Day[i] < d {
			invoiceDay[p.Invoice[i]] = p.Day[i]
		}
		if p.Channel != nil {
			if ch := p.Channel[i]; ch >= 0 && int(ch) < len(p.ChannelDict) {
				chSales[ch] += v
			}
		}
		if p.Category != nil {
			if cat := p.Category[i]; cat >= 0 && int(cat) < len(p.CategoryDict) {
				catSales[cat] += v
			}
		}
	}
	for _, d := range invoiceDay {
		days = append(days, d)
	}
	out[ColFrequency] = float64(len(days))
	out[ColMonetary] = gross - returned
	out[ColReturnsValue] = returned
	for _, k := range []string{ColFirstPurchase, ColLastPurchase, ColRecencyDays, ColTenureDays, ColAvgTicket,
		ColMeanDaysBetween, ColReturnRate} {
		out[k] = null
	}
	if p.Category != nil {
		out[ColTopCategory] = null
	}
	for ch := range p.ChannelDict {
		out[ColumnNames(ColSharePrefix, p.ChannelDict)[ch]] = null
		if gross > 0 {
			out[ColumnNames(ColSharePrefix, p.ChannelDict)[ch]] = chSales[int32(ch)] / gross
		}
	}
	if gross > 0 {
		out[ColReturnRate] = returned / gross
	}
	best := int32(-1)
	for cat := int32(0); int(cat) < len(p.CategoryDict); cat++ {
		if s, ok := catSales[cat]; ok && (best < 0 || s > catSales[best]) {
			best = cat
		}
	}
	if best >= 0 {
		out[ColTopCategory] = p.CategoryDict[best]
	}
	p90, p365 := 0, 0
	distinct := map[int32]bool{}
	first, last := int32(math.MaxInt32), int32(math.MinInt32)
	for _, d := range days {
		if a-d <= 90 {
			p90++
		}
		if a-d <= 365 {
			p365++
		}
		distinct[d] = true
		first, last = min(first, d), max(last, d)
	}
	out[ColPurchases90d], out[ColPurchases365d] = float64(p90), float64(p365)
	if len(days) > 0 {
		out[ColFirstPurchase], out[ColLastPurchase] = float64(first), float64(last)
		out[ColRecencyDays], out[ColTenureDays] = float64(a-last), float64(a-first)
		out[ColAvgTicket] = gross / float64(len(days))
	}
	if len(distinct) > 1 {
		out[ColMeanDaysBetween] = float64(last-first) / float64(len(distinct)-1)
	}
	if t == nil {
		return out
	}
	kinds := ColumnNames(ColContactsPrefix, t.KindDict)
	for _, k := range kinds {
		out[k] = 0.0
	}
	sum, n, before := 0.0, 0, 0
	lastContact := int32(math.MinInt32)
	for _, i := range touches {
		if k := t.Kind[i]; k >= 0 && int(k) < len(kinds) {
			out[kinds[k]] = out[kinds[k]].(float64) + 1
		}
		if s := t.Sentiment[i]; !math.IsNaN(s) && !math.IsInf(s, 0) {
			sum += s
			n++
		}
		lastContact = max(lastContact, t.Day[i])
		for _, d := range days {
			if gap := d - t.Day[i]; gap >= 1 && gap <= 30 {
				before++
				break
			}
		}
	}
	out[ColContactsBefore30d] = float64(before)
	out[ColLastContact], out[ColMeanSentiment] = null, null
	if len(touches) > 0 {
		out[ColLastContact] = float64(lastContact)
	}
	if n > 0 {
		out[ColMeanSentiment] = sum / float64(n)
	}
	return out
}

// randomData makes m lines and m/2 touchpoints over n customers with every
// kind of oddity: unknown customers, missing and late dates, bad values,
// returns-only invoices, invoices spread over several days, bad codes.
func randomData(rng *rand.Rand, n, m int) (*Purchases, *Touchpoints) {
	p := &Purchases{ChannelDict: []string{"store", "web", "phone"}, CategoryDict: []string{"a", "b", "c", "d"}}
	day := func() int32 {
		switch rng.IntN(50) {
		case 0:
			return NoDay
		case 1:
			return 1100 + int32(rng.IntN(20)) // after the analysis day 1000 of the test
		}
		return 200 + int32(rng.IntN(800))
	}
	for range m {
		c := int32(rng.IntN(n+1)) - 1
		if rng.IntN(40) == 0 {
			c = int32(n + rng.IntN(3))
		}
		p.Customer = append(p.Customer, c)
		p.Day = append(p.Day, day())
		p.Invoice = append(p.Invoice, int32(rng.IntN(3*n+2))-2) // -2 and -1 both mean "no invoice"
		v := float64(rng.IntN(100)) + 0.25
		switch rng.IntN(20) {
		case 0:
			v = 0
		case 1:
			v = -v
		case 2:
			v = math.NaN()
		}
		p.Sales = append(p.Sales, v)
		r := 0.0
		switch rng.IntN(10) {
		case 0:
			r = float64(rng.IntN(30))
		case 1:
			r = math.Inf(1)
		}
		p.Returned = append(p.Returned, r)
		p.Channel = append(p.Channel, int32(rng.IntN(5))-1)
		p.Category = append(p.Category, int32(rng.IntN(6))-1)
	}
	// normalise "no invoice" to -1 as documented
	for i, inv := range p.Invoice {
		if inv < 0 {
			p.Invoice[i] = -1
		}
	}
	t := &Touchpoints{KindDict: []string{"email", "call"}}
	for range m / 2 {
		t.Customer = append(t.Customer, int32(rng.IntN(n+1))-1)
		t.Day = append(t.Day, day())
		t.Kind = append(t.Kind, int32(rng.IntN(4))-1)
		s := rng.Float64()*2 - 1
		if rng.IntN(4) == 0 {
			s = math.NaN()
		}
		t.Sentiment = append(t.Sentiment, s)
	}
	return p, t
}

func TestAgainstNaive(t *testing.T) {
	for _, tc := range []struct {
		seed    uint64
		n, m    int
		workers int
	}{{1, 30, 400, 1}, {2, 200, 5000, 2}, {3, 1, 50, 1}, {4, 9000, 140000, 2}, {5, 5000, 70000, 3}} {
		rng := rand.New(rand.NewPCG(tc.seed, 7))
		p, tp := randomData(rng, tc.n, tc.m)
		const a = 1000
		res, err := Compute(p, tp, Options{Customers: tc.n, AnalysisDay: a, SetAnalysisDay: true, Workers: tc.workers})
		if err != nil {
			t.Fatal(err)
		}
		lines := make([][]int, tc.n)
		for i, c := range p.Customer {
			if c >= 0 && int(c) < tc.n && p.Day[i] != NoDay && p.Day[i] <= a {
				lines[c] = append(lines[c], i)
			}
		}
		touches := make([][]int, tc.n)
		for i, c := range tp.Customer {
			if c >= 0 && int(c) < tc.n && tp.Day[i] != NoDay && tp.Day[i] <= a {
				touches[c] = append(touches[c], i)
			}
		}
		bad := 0
		for c := 0; c < tc.n && bad < 10; c++ {
			w := naiveCustomer(p, tp, lines[c], touches[c], a)
			if len(w) != len(res.Columns) {
				t.Fatalf("seed %d: %d columns, oracle has %d", tc.seed, len(res.Columns), len(w))
			}
			for name, wv := range w {
				col := res.Column(name)
				if col == nil {
					t.Fatalf("no column %s", name)
				}
				if got := cellValue(col, c); !closeCell(got, wv) {
					t.Errorf("seed %d customer %d %s = %v, want %v", tc.seed, c, name, got, wv)
					bad++
				}
			}
		}
	}
}

// closeCell compares numbers to a relative 1e-9: sums may be added in
// another order than the oracle's.
func closeCell(got, want any) bool {
	g, gok := got.(float64)
	w, wok := want.(float64)
	if gok && wok {
		return math.Abs(g-w) <= 1e-9*math.Max(1, math.Abs(w))
	}
	return got == want
}

// TestReportAgainstNaive counts every problem with a direct loop.
func TestReportAgainstNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 3))
	n := 500
	p, tp := randomData(rng, n, 90000) // above the size where passes go parallel
	res, err := Compute(p, tp, Options{Customers: n, AnalysisDay: 1000, SetAnalysisDay: true, Workers: 2, Examples: 3})
	if err != nil {
		t.Fatal(err)
	}
	want := map[Problem][]int{}
	for i := range p.Customer {
		c, d, v, r := p.Customer[i], p.Day[i], p.Sales[i], p.Returned[i]
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			want[SaleNegative] = append(want[SaleNegative], i)
		}
		if r < 0 || math.IsNaN(r) || math.IsInf(r, 0) {
			want[ReturnInvalid] = append(want[ReturnInvalid], i)
		}
		if v == 0 && !(r > 0 && !math.IsInf(r, 0)) {
			want[SaleZero] = append(want[SaleZero], i)
		}
		if p.Channel[i] >= 3 || p.Category[i] >= 4 {
			want[CodeInvalid] = append(want[CodeInvalid], i)
		}
		if c < 0 || int(c) >= n {
			want[CustomerUnknown] = append(want[CustomerUnknown], i)
		}
		if d == NoDay {
			want[DateMissing] = append(want[DateMissing], i)
		} else if d > 1000 {
			want[DateAfterAnalysis] = append(want[DateAfterAnalysis], i)
		}
	}
	for i := range tp.Customer {
		if c := tp.Customer[i]; c < 0 || int(c) >= n {
			want[TouchCustomerUnknown] = append(want[TouchCustomerUnknown], i)
		}
		if d := tp.Day[i]; d == NoDay {
			want[TouchDateMissing] = append(want[TouchDateMissing], i)
		} else if d > 1000 {
			want[TouchDateAfterAnalysis] = append(want[TouchDateAfterAnalysis], i)
		}
		if k := tp.Kind[i]; k < 0 || k > 1 {
			want[TouchKindMissing] = append(want[TouchKindMissing], i)
		}
	}
	var keys []int
	for k := range want {
		keys = append(keys, int(k))
	}
	sort.Ints(keys)
	if len(res.Report.Problems) != len(keys) {
		t.Fatalf("%d problems, want %d", len(res.Report.Problems), len(keys))
	}
	for j, k := range keys {
		pc, w := res.Report.Problems[j], want[Problem(k)]
		if pc.Problem != Problem(k) || pc.Count != len(w) || len(pc.Examples) != 3 {
			t.Errorf("%s: %d (examples %v), want %d", pc.Key, pc.Count, pc.Examples, len(w))
			continue
		}
		for e := range pc.Examples {
			if pc.Examples[e] != w[e] {
				t.Errorf("%s examples %v, want the first of %v", pc.Key, pc.Examples, w[:3])
			}
		}
	}
	without, sales, salesWithout := 0, 0.0, 0.0
	for i, c := range p.Customer {
		known := c >= 0 && int(c) < n
		if !known {
			without++
		}
		if v := p.Sales[i]; v > 0 && !math.IsInf(v, 0) && p.Day[i] != NoDay && p.Day[i] <= 1000 {
			sales += v
			if !known {
				salesWithout += v
			}
		}
	}
	s := res.Summary
	if s.LinesWithoutCustomer != without || math.Abs(s.Sales-sales) > 1e-6 || math.Abs(s.SalesWithoutCustomer-salesWithout) > 1e-6 ||
		math.Abs(s.ShareWithoutCustomer-salesWithout/sales) > 1e-12 {
		t.Errorf("summary %+v; want without %d sales %v without %v", s, without, sales, salesWithout)
	}
}
