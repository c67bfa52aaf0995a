package rfm

import (
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/pulpero/pulpero/model"
)

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func scoredSample(t *testing.T, seed uint64, n int) (Measures, *Scores, Thresholds) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 2))
	m := Measures{Recency: randomValues(rng, n), Frequency: randomValues(rng, n), Monetary: randomValues(rng, n),
		Missing: model.NewBitset(n)}
	for i := 0; i < n; i += 11 {
		m.Missing.Set(i)
	}
	s, th, err := Score(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return m, s, th
}

func TestRFGrid(t *testing.T) {
	m, s, th := scoredSample(t, 1, 2000)
	g, err := RFGrid(th, s, m)
	if err != nil {
		t.Fatal(err)
	}
	// oracle: one pass per cell over every customer
	total := 0
	for r := 1; r <= 5; r++ {
		for f := 1; f <= 5; f++ {
			count, sum := 0, 0.0
			for i := range m.Len() {
				if !m.Missing.Has(i) && int(s.R[i]) == r && int(s.F[i]) == f {
					count++
					sum += m.Monetary[i]
				}
			}
			c := g.Cells[r-1][f-1]
			mean := 0.0
			if count > 0 {
				mean = sum / float64(count)
			}
			if c.Customers != count || !near(c.Monetary, sum) || !near(c.MeanMonetary, mean) {
				t.Errorf("cell r%d f%d: %+v, want %d %v %v", r, f, c, count, sum, mean)
			}
			total += count
		}
	}
	if total != s.Scored {
		t.Errorf("grid holds %d of %d scored", total, s.Scored)
	}
}

func TestSummarize(t *testing.T) {
	m, s, th := scoredSample(t, 2, 2500)
	sum, err := Summarize(th, s, m)
	if err != nil {
		t.Fatal(err)
	}
	seg := s.Columns(th)[5].(*model.CodedColumn)
	customers, revenue := 0, 0.0
	for i := range m.Len() {
		if !seg.IsNull(i) {
			customers++
			revenue += m.Monetary[i]
		}
	}
	if sum.Customers != customers || !near(sum.Revenue, revenue) || !sum.RevenueShares {
		t.Fatalf("summary totals %d %v, want %d %v", sum.Customers, sum.Revenue, customers, revenue)
	}
	shares := 0.0
	for _, st := range sum.Segments {
		var n, rec, freq, mon, rs float64
		for i := range m.Len() {
			if name, ok := seg.Value(i); ok && name == st.Name {
				n++
				rec += m.Recency[i]
				freq += m.Frequency[i]
				mon += m.Monetary[i]
				rs += float64(s.R[i])
			}
		}
		if st.Customers != int(n) || !near(st.Revenue, mon) || !near(st.RevenueShare, mon/revenue) ||
			!near(st.CustomerShare, n/float64(customers)) {
			t.Errorf("%s: %+v; want %v customers, revenue %v", st.Name, st, n, mon)
		}
		if n > 0 && (!near(st.MeanRecency, rec/n) || !near(st.MeanFrequency, freq/n) || !near(st.MeanMonetary, mon/n) || !near(st.MeanR, rs/n)) {
			t.Errorf("%s means %+v", st.Name, st)
		}
		shares += st.CustomerShare
	}
	if !near(shares, 1) || len(sum.Segments) != 11 || sum.Segments[10].Name != Others {
		t.Errorf("shares add to %v over %d segments", shares, len(sum.Segments))
	}
	// a total that is not positive: counts, but no revenue shares
	neg := m
	neg.Monetary = make([]float64, m.Len())
	for i := range neg.Monetary {
		neg.Monetary[i] = -1
	}
	sn, err := Summarize(th, s, neg)
	if err != nil || sn.RevenueShares || sn.Segments[0].RevenueShare != 0 {
		t.Errorf("negative revenue: %v %+v", err, sn.Segments[0])
	}
	if _, err := Summarize(th, &Scores{R: []int8{0}}, Measures{Recency: []float64{1}, Frequency: []float64{1}, Monetary: []float64{1}}); err == nil {
		t.Error("no scored customers: want an error")
	}
}

func TestConcentrationHandmade(t *testing.T) {
	// four customers with 50, 30, 10, 10 of a total of 100; one not scored
	m := Measures{Recency: []float64{1, 1, 1, 1, math.NaN()}, Frequency: []float64{1, 1, 1, 1, 1},
		Monetary: []float64{10, 50, 10, 30, 1000}}
	c, err := RevenueConcentration(m, 100)
	if err != nil {
		t.Fatal(err)
	}
	// the top 1%, 5% and 20% of 4 customers are ⌈0.04⌉ = ⌈0.2⌉ = ⌈0.8⌉ = 1 customer
	if c.Customers != 4 || c.Revenue != 100 || c.Top1 != 0.5 || c.Top5 != 0.5 || c.Top20 != 0.5 {
		t.Errorf("%+v", c)
	}
	want := map[int]float64{0: 0, 25: 0.5, 26: 0.8, 50: 0.8, 51: 0.9, 75: 0.9, 76: 1, 100: 1}
	for k, w := range want {
		if !near(c.Curve[k], w) {
			t.Errorf("curve[%d] = %v, want %v", k, c.Curve[k], w)
		}
	}
	if len(c.Curve) != 101 {
		t.Errorf("%d points", len(c.Curve))
	}
	m.Monetary = []float64{10, -50, 10, 30, 0}
	if _, err := RevenueConcentration(m, 100); err == nil {
		t.Error("total 0: want an error")
	}
	if _, err := RevenueConcentration(m, 0); err == nil {
		t.Error("one point: want an error")
	}
}

func TestConcentrationAgainstSort(t *testing.T) {
	m, _, _ := scoredSample(t, 4, 1234)
	c, err := RevenueConcentration(m, 100)
	if err != nil {
		t.Fatal(err)
	}
	var vals []float64
	for i := range m.Len() {
		if !m.Missing.Has(i) {
			vals = append(vals, m.Monetary[i])
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(vals)))
	total := 0.0
	for _, v := range vals {
		total += v
	}
	for k := 0; k <= 100; k++ {
		take := int(math.Ceil(float64(k) * float64(len(vals)) / 100))
		s := 0.0
		for _, v := range vals[:take] {
			s += v
		}
		if !near(c.Curve[k], s/total) {
			t.Fatalf("curve[%d] = %v, want %v", k, c.Curve[k], s/total)
		}
	}
	if !near(c.Top20, c.Curve[20]) || !near(c.Top5, c.Curve[5]) || !near(c.Top1, c.Curve[1]) {
		t.Errorf("tops %v %v %v vs curve", c.Top1, c.Top5, c.Top20)
	}
}

// TestConcentrationSmallAndTied: for every size from 1 to 60 customers, with
// many equal values, and curves of 1 to 13 points, the shares are those of
// a sorted list (the selection places each cut-off exactly).
func TestConcentrationSmallAndTied(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for n := 1; n <= 60; n++ {
		m := Measures{Recency: make([]float64, n), Frequency: make([]float64, n), Monetary: make([]float64, n)}
		for i := range n {
			m.Monetary[i] = float64(1 + rng.IntN(4)) // ties everywhere
		}
		desc := append([]float64(nil), m.Monetary...)
		sort.Sort(sort.Reverse(sort.Float64Slice(desc)))
		total := 0.0
		for _, v := range desc {
			total += v
		}
		for points := 1; points <= 13; points++ {
			c, err := RevenueConcentration(m, points)
			if err != nil {
				t.Fatal(err)
			}
			for k := 0; k <= points; k++ {
				s := 0.0
				for _, v := range desc[:(n*k+points-1)/points] {
					s += v
				}
				if !near(c.Curve[k], s/total) {
					t.Fatalf("n=%d points=%d: curve[%d] = %v, want %v", n, points, k, c.Curve[k], s/total)
				}
			}
		}
	}
}
