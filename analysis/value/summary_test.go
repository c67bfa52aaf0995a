package value

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) int32 {
	return int32(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Raw CDNOW sample lines (lifetimes' CDNOW_sample.txt) of six customers and
// their published calibration summary (cdnow_customers_summary_with_
// transactions.csv, IDs 1, 6, 26, 46, 87, 88), calibration end 1997-09-30.
// They cover same-day lines on the first day (88) and on a repeat day (26,
// 46, 88), a $0.00 purchase (87) and purchases after the calibration end.
func TestSummariseCDNOWCustomers(t *testing.T) {
	type line struct {
		c      int32
		y      int
		m      time.Month
		d      int
		amount float64
	}
	lines := []line{
		{0, 1997, 1, 1, 29.33}, {0, 1997, 1, 18, 29.73}, {0, 1997, 8, 2, 14.96}, {0, 1997, 12, 12, 26.48},
		{1, 1997, 1, 1, 35.99}, {1, 1997, 1, 11, 32.99}, {1, 1997, 3, 15, 77.96}, {1, 1997, 4, 16, 59.30},
		{1, 1997, 4, 24, 134.98}, {1, 1997, 6, 23, 91.92}, {1, 1997, 7, 22, 47.08}, {1, 1997, 7, 26, 71.96},
		{1, 1997, 10, 25, 78.47}, {1, 1997, 12, 6, 83.47}, {1, 1998, 1, 18, 84.46}, {1, 1998, 2, 15, 123.96},
		{1, 1998, 2, 21, 32.98}, {1, 1998, 2, 26, 23.06}, {1, 1998, 5, 10, 72.99}, {1, 1998, 6, 20, 55.47},
		{2, 1997, 1, 2, 3.99}, {2, 1997, 1, 13, 166.89}, {2, 1997, 1, 13, 60.25},
		{3, 1997, 1, 3, 40.70}, {3, 1997, 1, 14, 14.96}, {3, 1997, 1, 21, 43.13}, {3, 1997, 1, 27, 14.96},
		{3, 1997, 2, 4, 39.33}, {3, 1997, 4, 11, 29.92}, {3, 1997, 6, 27, 37.93}, {3, 1997, 7, 10, 26.73},
		{3, 1997, 7, 14, 29.58}, {3, 1997, 7, 29, 14.96}, {3, 1997, 7, 31, 21.97}, {3, 1997, 8, 28, 29.73},
		{3, 1997, 8, 28, 27.74}, {3, 1997, 9, 1, 23.54}, {3, 1997, 10, 13, 32.48},
		{4, 1997, 1, 5, 0.00},
		{5, 1997, 1, 5, 16.30}, {5, 1997, 1, 5, 13.99}, {5, 1997, 2, 14, 14.96}, {5, 1997, 3, 5, 11.58},
		{5, 1997, 3, 26, 6.79}, {5, 1997, 4, 13, 6.79}, {5, 1997, 7, 24, 12.25}, {5, 1997, 8, 4, 20.74},
		{5, 1997, 8, 24, 11.77}, {5, 1997, 8, 24, 12.25}, {5, 1997, 9, 3, 14.96}, {5, 1997, 9, 9, 12.99},
		{5, 1997, 9, 10, 11.49}, {5, 1997, 10, 7, 5.49}, {5, 1998, 3, 6, 2.99},
	}
	var p Purchases
	for i := len(lines) - 1; i >= 0; i-- { // reversed: order must not matter
		l := lines[i]
		p.Customer = append(p.Customer, l.c)
		p.Day = append(p.Day, day(l.y, l.m, l.d))
		p.Amount = append(p.Amount, l.amount)
	}
	s, err := Summarise(p, 6, day(1997, 9, 30), Weeks)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		x        int32
		tx, T, z float64
		holdout  int32
	}{
		{2, 30.43, 38.86, 22.35, 1}, {7, 29.43, 38.86, 73.74, 8}, {1, 1.57, 38.71, 227.14, 0},
		{12, 34.43, 38.57, 29.54, 1}, {0, 0, 38.29, 0, 0}, {10, 35.43, 38.29, 13.66, 2},
	}
	for i, w := range want {
		if !s.Modelled[i] || s.X[i] != w.x || math.Abs(s.Tx[i]-w.tx) > 0.005 || math.Abs(s.T[i]-w.T) > 0.005 ||
			math.Abs(s.MeanValue[i]-w.z) > 0.0051 || s.HoldoutX[i] != w.holdout {
			t.Errorf("customer %d: x %d tx %.4f T %.4f mean %.4f holdout %d, want %+v",
				i, s.X[i], s.Tx[i], s.T[i], s.MeanValue[i], s.HoldoutX[i], w)
		}
	}
	if s.HoldoutEnd != day(1998, 6, 20) || s.Counts.RepeatBuyers != 5 || s.Counts.HoldoutPurchases != 12 {
		t.Errorf("holdout end %v, counts %+v", s.HoldoutEnd, s.Counts)
	}
	// Days as the unit: T = 272 days for a first purchase on 1997-01-01.
	sd, err := Summarise(p, 6, day(1997, 9, 30), Days)
	if err != nil || sd.T[0] != 272 || sd.Tx[0] != 213 {
		t.Fatalf("days: T %v tx %v, %v", sd.T[0], sd.Tx[0], err)
	}
}

// Summarise against a direct implementation with maps, on random lines with
// returns, zero amounts, unknown customers and customers who never buy.
func TestSummariseAgainstBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := 0; trial < 30; trial++ {
		n := 1 + rng.IntN(40)
		var p Purchases
		for range rng.IntN(400) {
			c := int32(rng.IntN(n+1)) - 1
			amt := math.Round((rng.Float64()*120-20)*100) / 100
			if rng.IntN(10) == 0 {
				amt = 0
			}
			p.Customer = append(p.Customer, c)
			p.Day = append(p.Day, 10000+int32(rng.IntN(200)))
			p.Amount = append(p.Amount, amt)
		}
		if len(p.Day) == 0 {
			continue
		}
		type dayv struct {
			sum      float64
			purchase bool
		}
		byCust := map[int32]map[int32]*dayv{}
		minD, maxD := int32(math.MaxInt32), int32(math.MinInt32)
		for i, c := range p.Customer {
			if c < 0 {
				continue
			}
			if byCust[c] == nil {
				byCust[c] = map[int32]*dayv{}
			}
			dv := byCust[c][p.Day[i]]
			if dv == nil {
				dv = &dayv{}
				byCust[c][p.Day[i]] = dv
			}
			dv.sum += p.Amount[i]
			dv.purchase = dv.purchase || p.Amount[i] >= 0
		}
		for _, days := range byCust {
			for d, dv := range days {
				if dv.purchase {
					minD, maxD = min(minD, d), max(maxD, d)
				}
			}
		}
		if minD > maxD {
			if _, err := Summarise(p, n, 10000, Days); KindOf(err) != KindNoPurchases {
				t.Fatalf("no purchases: %v", err)
			}
			continue
		}
		D := minD + int32(rng.IntN(int(maxD-minD)+1))
		s, err := Summarise(p, n, D, Days)
		if err != nil {
			t.Fatal(err)
		}
		for c := int32(0); c < int32(n); c++ {
			var first int32 = math.MaxInt32
			for d, dv := range byCust[c] {
				if dv.purchase {
					first = min(first, d)
				}
			}
			if first > D {
				if s.Modelled[c] {
					t.Fatalf("customer %d modelled without calibration purchase", c)
				}
				continue
			}
			var x, hold int32
			var last int32
			var sum float64
			for d, dv := range byCust[c] {
				switch {
				case !dv.purchase:
				case d > D:
					hold++
				case d > first:
					x++
					sum += dv.sum
					last = max(last, d)
				}
			}
			tx := 0.0
			if x > 0 {
				tx = float64(last - first)
			}
			mean := 0.0
			if x > 0 {
				mean = sum / float64(x)
			}
			if !s.Modelled[c] || s.X[c] != x || s.Tx[c] != tx || s.T[c] != float64(D-first) ||
				math.Abs(s.MeanValue[c]-mean) > 1e-9 || s.HoldoutX[c] != hold || s.First[c] != first {
				t.Fatalf("trial %d customer %d: got x %d tx %v T %v mean %v hold %d; want %d %v %v %v %d",
					trial, c, s.X[c], s.Tx[c], s.T[c], s.MeanValue[c], s.HoldoutX[c], x, tx, D-first, mean, hold)
			}
		}
	}
}

func TestSummariseErrors(t *testing.T) {
	ok := Purchases{Customer: []int32{0, 0}, Day: []int32{100, 200}, Amount: []float64{1, 2}}
	for _, c := range []struct {
		name string
		p    Purchases
		n    int
		d    int32
		u    TimeUnit
		kind Kind
	}{
		{"before data", ok, 1, 99, Weeks, KindCalibrationOutside},
		{"after data", ok, 1, 201, Weeks, KindCalibrationOutside},
		{"empty", Purchases{}, 1, 100, Weeks, KindNoPurchases},
		{"only returns", Purchases{Customer: []int32{0}, Day: []int32{5}, Amount: []float64{-3}}, 1, 5, Weeks, KindNoPurchases},
		{"only unknown", Purchases{Customer: []int32{-1}, Day: []int32{5}, Amount: []float64{3}}, 1, 5, Weeks, KindNoPurchases},
		{"lengths", Purchases{Customer: []int32{0}, Day: []int32{1, 2}, Amount: []float64{1}}, 1, 1, Weeks, KindBadInput},
		{"customer range", ok, 0, 150, Weeks, KindBadInput},
		{"NaN", Purchases{Customer: []int32{0}, Day: []int32{1}, Amount: []float64{math.NaN()}}, 1, 1, Weeks, KindBadInput},
		{"unit", ok, 1, 150, TimeUnit(9), KindBadInput},
	} {
		_, err := Summarise(c.p, c.n, c.d, c.u)
		if KindOf(err) != c.kind {
			t.Errorf("%s: %v, want %s", c.name, err, c.kind)
		}
		if err != nil && err.Error() == "" {
			t.Errorf("%s: empty message", c.name)
		}
	}
}

func TestDayString(t *testing.T) {
	for d := int32(-700000); d < 800000; d += 997 { // years 0053 to 4160
		want := time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
		if got := dayString(d); got != want {
			t.Fatalf("day %d: %s, want %s", d, got, want)
		}
	}
}
