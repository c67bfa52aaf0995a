package targeting

import (
	"github.com/pulpero/pulpero/model/campaign"

	"math"
	"math/rand/v2"
	"testing"
)

// randomOptions makes n customers with up to 3 channels each, costs and
// probabilities in the ranges of real channels (cents to euros), some
// unprofitable.
func randomOptions(r *rand.Rand, n int, value float64) []Option {
	var opts []Option
	for row := range n {
		for ch := range campaign.Channel(3) {
			if r.IntN(4) == 0 {
				continue
			}
			cost := []float64{0.05, 0.5, 2.5}[ch] * (0.5 + r.Float64())
			p := r.Float64() * 0.2
			opts = append(opts, Option{Row: int32(row), Channel: ch, Cost: cost, Prob: p, Profit: p*value - cost})
		}
	}
	return opts
}

// exhaustive tries every choice of none-or-one option per row.
func exhaustive(opts []Option, rows int, budget float64) float64 {
	byRow := make([][]Option, rows)
	for _, o := range opts {
		byRow[o.Row] = append(byRow[o.Row], o)
	}
	best := 0.0
	var walk func(row int, cost, profit float64)
	walk = func(row int, cost, profit float64) {
		if cost > budget+1e-9 {
			return
		}
		if row == rows {
			best = max(best, profit)
			return
		}
		walk(row+1, cost, profit)
		for _, o := range byRow[row] {
			walk(row+1, cost+o.Cost, profit+o.Profit)
		}
	}
	walk(0, 0, 0)
	return best
}

// TestAllocateNearOptimum checks the stated bound on 2,000 random cases of up
// to 8 customers × 3 channels: optimum − greedy ≤ the largest option profit,
// the budget is never exceeded, and at most one channel per customer.
func TestAllocateNearOptimum(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	exact := 0
	for trial := range 2000 {
		rows := 1 + r.IntN(8)
		value := 5 + r.Float64()*40
		opts := randomOptions(r, rows, value)
		budget := r.Float64() * 6
		a := Allocate(opts, rows, budget, nil)
		opt := exhaustive(opts, rows, budget)
		maxProfit := 0.0
		for _, o := range opts {
			maxProfit = max(maxProfit, o.Profit)
		}
		if a.Cost > budget+1e-9 {
			t.Fatalf("trial %d: spent %.4f over budget %.4f", trial, a.Cost, budget)
		}
		if a.Profit > opt+1e-9 || opt-a.Profit > maxProfit+1e-9 {
			t.Fatalf("trial %d: greedy %.4f, optimum %.4f, bound %.4f", trial, a.Profit, opt, maxProfit)
		}
		if math.Abs(opt-a.Profit) < 1e-9 {
			exact++
		}
		// totals agree with the chosen channels
		var cost, profit float64
		for row, ch := range a.Channel {
			if ch < 0 {
				continue
			}
			for _, o := range opts {
				if int(o.Row) == row && o.Channel == campaign.Channel(ch) {
					cost += o.Cost
					profit += o.Profit
				}
			}
		}
		if math.Abs(cost-a.Cost) > 1e-9 || math.Abs(profit-a.Profit) > 1e-9 {
			t.Fatalf("trial %d: totals %.4f/%.4f, chosen %.4f/%.4f", trial, a.Cost, a.Profit, cost, profit)
		}
	}
	t.Logf("greedy equal to the optimum in %d of 2000 cases", exact)
}

// TestAllocateFreeRows: control rows are chosen like the others but spend
// nothing, and the curve rises to the unlimited profit.
func TestAllocateFreeRows(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	opts := randomOptions(r, 200, 30)
	free := func(row int32) bool { return row%10 == 0 }
	a := Allocate(opts, 200, 20, free)
	b := Allocate(opts, 200, 20, nil)
	if a.Cost > 20+1e-9 {
		t.Fatalf("spent %.2f of 20", a.Cost)
	}
	chosenFree := 0
	for row, ch := range a.Channel {
		if ch >= 0 && free(int32(row)) {
			chosenFree++
		}
	}
	if chosenFree == 0 || a.Contacts == 0 || b.Contacts == 0 {
		t.Fatalf("free rows chosen %d, contacts %d/%d", chosenFree, a.Contacts, b.Contacts)
	}
	u := Allocate(opts, 200, 0, free)
	last := u.Curve[len(u.Curve)-1]
	if math.Abs(last.Profit-u.Profit) > 1e-6 || math.Abs(last.Budget-u.Cost) > 1e-6 {
		t.Fatalf("curve ends at %.3f/%.3f, unlimited allocation %.3f/%.3f", last.Budget, last.Profit, u.Cost, u.Profit)
	}
}

// TestProfitCurve: the curve rises by spend, ends at the unlimited plan, and
// read at any budget it is never above what the allocator achieves there.
func TestProfitCurve(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	opts := randomOptions(r, 5000, 30)
	u := Allocate(opts, 5000, 0, nil)
	if n := len(u.Curve); n < 100 || n > 401 {
		t.Fatalf("%d curve points", n)
	}
	for i := 1; i < len(u.Curve); i++ {
		if u.Curve[i].Budget < u.Curve[i-1].Budget {
			t.Fatalf("curve goes back at point %d", i)
		}
	}
	for _, p := range CurveAt(u.Curve, []float64{10, 100, 500, u.Cost / 2}) {
		if got := Allocate(opts, 5000, p.Budget, nil).Profit; p.Profit > got+1e-6 {
			t.Fatalf("curve says %.2f at %.2f, the allocator gets %.2f", p.Profit, p.Budget, got)
		}
	}
}
