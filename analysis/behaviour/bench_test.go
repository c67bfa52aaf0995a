package behaviour

import (
	"math/rand/v2"
	"syscall"
	"testing"
)

// demoLike makes data shaped like the demo world at n customers: about 3.3
// invoices of about 3 lines per customer (≈ 10 lines), 6 touchpoints per
// customer, 3 channels, 20 categories, 4 touchpoint kinds, two years of days.
// Lines come grouped by customer, as the demo world writes them; shuffled
// puts the invoices (and the touchpoints) in a random order, as a table kept
// in time order holds them.
func demoLike(n int, shuffled bool) (*Purchases, *Touchpoints) {
	rng := rand.New(rand.NewPCG(42, 1))
	p := &Purchases{ChannelDict: []string{"store", "web", "phone"},
		CategoryDict: make([]string, 20)}
	for i := range p.CategoryDict {
		p.CategoryDict[i] = string(rune('a' + i))
	}
	t := &Touchpoints{KindDict: []string{"visit", "email", "call", "social"}}
	inv := int32(0)
	for c := range n {
		for range 1 + rng.IntN(5) + rng.IntN(2) {
			day, ch := int32(18000+rng.IntN(730)), int32(rng.IntN(3))
			for range 1 + rng.IntN(5) {
				p.Customer = append(p.Customer, int32(c))
				p.Day = append(p.Day, day)
				p.Invoice = append(p.Invoice, inv)
				p.Sales = append(p.Sales, float64(1+rng.IntN(200)))
				r := 0.0
				if rng.IntN(20) == 0 {
					r = float64(rng.IntN(50))
				}
				p.Returned = append(p.Returned, r)
				p.Channel = append(p.Channel, ch)
				p.Category = append(p.Category, int32(rng.IntN(20)))
			}
			inv++
		}
		for range 6 {
			t.Customer = append(t.Customer, int32(c))
			t.Day = append(t.Day, int32(18000+rng.IntN(730)))
			t.Kind = append(t.Kind, int32(rng.IntN(4)))
			t.Sentiment = append(t.Sentiment, rng.Float64())
		}
	}
	if shuffled {
		// invoices in random order, each invoice's lines together: what a
		// table of lines in time order looks like
		var starts []int
		for i := range p.Invoice {
			if i == 0 || p.Invoice[i] != p.Invoice[i-1] {
				starts = append(starts, i)
			}
		}
		starts = append(starts, p.Len())
		q := &Purchases{ChannelDict: p.ChannelDict, CategoryDict: p.CategoryDict}
		for _, k := range rng.Perm(len(starts) - 1) {
			for i := starts[k]; i < starts[k+1]; i++ {
				q.Customer = append(q.Customer, p.Customer[i])
				q.Day = append(q.Day, p.Day[i])
				q.Invoice = append(q.Invoice, p.Invoice[i])
				q.Sales = append(q.Sales, p.Sales[i])
				q.Returned = append(q.Returned, p.Returned[i])
				q.Channel = append(q.Channel, p.Channel[i])
				q.Category = append(q.Category, p.Category[i])
			}
		}
		p = q
		tq := &Touchpoints{KindDict: t.KindDict}
		for _, i := range rng.Perm(t.Len()) {
			tq.Customer = append(tq.Customer, t.Customer[i])
			tq.Day = append(tq.Day, t.Day[i])
			tq.Kind = append(tq.Kind, t.Kind[i])
			tq.Sentiment = append(tq.Sentiment, t.Sentiment[i])
		}
		t = tq
	}
	return p, t
}

func benchCompute(b *testing.B, n int, shuffled bool) {
	p, t := demoLike(n, shuffled)
	b.ReportMetric(float64(p.Len()), "lines")
	b.ReportMetric(float64(t.Len()), "touchpoints")
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for range b.N {
		if _, err := Compute(p, t, Options{Customers: n}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
}

// cpuSeconds is the process's user + system CPU time: the target is CPU
// seconds on 2 cores, which wall time alone does not show.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// BenchmarkDemo1M is the speed target: 1M customers, ≈ 10M lines, 6M
// touchpoints, lines grouped by customer.
func BenchmarkDemo1M(b *testing.B) { benchCompute(b, 1_000_000, false) }

// BenchmarkDemo1MShuffled is the same data with invoices and touchpoints in
// random order.
func BenchmarkDemo1MShuffled(b *testing.B) { benchCompute(b, 1_000_000, true) }
