package targeting

import (
	"github.com/pulpero/pulpero/model/campaign"

	"cmp"
	"math"
	"slices"
)

// Option is one way to contact one customer: the channel, its cost, the
// response probability on it and the expected profit (Prob·value − Cost).
type Option struct {
	Row     int32
	Channel campaign.Channel
	Cost    float64
	Prob    float64
	Profit  float64
}

// Allocation is the chosen channel per row (-1: not chosen) and its totals.
type Allocation struct {
	Channel   []int8
	Contacts  int
	Cost      float64
	Profit    float64
	Responses float64 // expected
	Curve     []campaign.CurvePoint
}

// increment is a step up a row's ladder of options: from the previous
// option (or none) to this one, costing dc more and earning dp more.
type increment struct {
	eff    float64 // dp/dc
	dc, dp float64
	row    int32
	level  uint8
	opt    int32 // index into the options
}

// Allocate picks at most one option per row to maximise total profit with
// total cost within budget (budget ≤ 0 or +Inf: no limit) — a
// multiple-choice knapsack. It is greedy by profit per cost over each row's
// upgrade ladder (the upper concave hull of its options by cost, the
// classical LP relaxation of the multiple-choice knapsack), taking an upgrade
// when it fits and freezing a row whose next upgrade does not.
//
// The ladder keeps only hull options, so a cheaper option below the hull (e-mail
// at cost 1 and profit 3 beside post at cost 2 and profit 7) is never offered
// when the hull step does not fit (a budget of 1.5 chose nobody). What budget
// the ladder leaves is therefore filled with every option of every row, hull
// or not: changes that raise a row's profit and fit what is left, best profit
// per extra cost first, one change per row (fill).
//
// Bound: the result is within the largest single option profit of the
// optimum (the greedy prefix is the LP optimum less at most one fractional
// upgrade, and the LP optimum bounds the integer one; the fill only adds).
// Options with profit ≤ 0 are never taken. free rows (the control group) take
// options the same way but do not spend the budget: they are the people who
// would have been chosen. opts must be grouped by row.
func Allocate(opts []Option, rows int, budget float64, free func(row int32) bool) Allocation {
	if budget <= 0 {
		budget = math.Inf(1)
	}
	incs := ladders(opts)
	a := Allocation{Channel: make([]int8, rows)}
	for i := range a.Channel {
		a.Channel[i] = -1
	}
	level := make([]uint8, rows) // upgrades taken so far per row
	frozen := make([]bool, rows)
	current := make([]int32, rows) // option index held per row
	left := budget
	for _, in := range incs {
		r := in.row
		if frozen[r] || level[r] != in.level {
			continue
		}
		if in.dc > left+1e-9 {
			frozen[r] = true
			continue
		}
		prev := int32(-1)
		if level[r] > 0 {
			prev = current[r]
		}
		level[r]++
		current[r] = in.opt
		a.Channel[r] = int8(opts[in.opt].Channel)
		if free != nil && free(r) {
			continue
		}
		left -= in.dc
		a.Cost += in.dc
		a.Profit += in.dp
		a.Responses += opts[in.opt].Prob
		if prev >= 0 {
			a.Responses -= opts[prev].Prob
		} else {
			a.Contacts++
		}
	}
	if !math.IsInf(left, 1) && left > 1e-9 {
		has := func(r int32) int32 {
			if level[r] == 0 {
				return -1
			}
			return current[r]
		}
		fill(opts, &a, has, left, free)
	}
	a.Curve = profitCurve(opts, incs, rows, free)
	return a
}

// fill spends the budget the ladder left: every option that raises its row's
// profit at an extra cost within left is a candidate; the candidates are
// taken best profit per extra cost first, while they fit, one per row. has
// gives the option a row holds (-1: none).
func fill(opts []Option, a *Allocation, has func(int32) int32, left float64, free func(row int32) bool) {
	var cands []increment
	for k, o := range opts {
		if o.Profit <= 0 {
			continue
		}
		cur := has(o.Row)
		var dc, dp float64 = o.Cost, o.Profit
		if cur >= 0 {
			dc, dp = o.Cost-opts[cur].Cost, o.Profit-opts[cur].Profit
		}
		if dp <= 0 || dc > left+1e-9 {
			continue
		}
		eff := math.Inf(1)
		if dc > 0 {
			eff = dp / dc
		}
		cands = append(cands, increment{eff: eff, dc: dc, dp: dp, row: o.Row, opt: int32(k)})
	}
	if len(cands) == 0 {
		return
	}
	slices.SortStableFunc(cands, func(x, y increment) int { return cmp.Compare(y.eff, x.eff) })
	changed := map[int32]bool{}
	for _, in := range cands {
		if changed[in.row] || in.dc > left+1e-9 {
			continue
		}
		changed[in.row] = true
		prev := has(in.row)
		a.Channel[in.row] = int8(opts[in.opt].Channel)
		if free != nil && free(in.row) {
			continue
		}
		left -= in.dc
		a.Cost += in.dc
		a.Profit += in.dp
		a.Responses += opts[in.opt].Prob
		if prev >= 0 {
			a.Responses -= opts[prev].Prob
		} else {
			a.Contacts++
		}
	}
}

// profitCurve is the ladder's profit at every budget: with no budget limit
// every upgrade is taken in order, so the curve is the running sum. At a given
// budget Allocate can do a little better than the curve says (its fill).
func profitCurve(opts []Option, incs []increment, rows int, free func(row int32) bool) []campaign.CurvePoint {
	var c curveBuilder
	var run Allocation
	prevProb := make([]float64, rows)
	for _, in := range incs {
		if free != nil && free(in.row) {
			continue
		}
		run.Cost += in.dc
		run.Profit += in.dp
		p := opts[in.opt].Prob
		if in.level == 0 {
			run.Contacts++
		} else {
			run.Responses -= prevProb[in.row]
		}
		run.Responses += p
		prevProb[in.row] = p
		c.add(run)
	}
	return c.points
}

// ladders returns every row's upgrade steps, sorted by efficiency (best
// first; ties by row then level, so a row's steps stay in order).
func ladders(opts []Option) []increment {
	incs := make([]increment, 0, len(opts))
	hull := make([]int32, 0, campaign.NumChannels)
	buf := make([]int32, 0, campaign.NumChannels)
	for start := 0; start < len(opts); {
		end := start
		for end < len(opts) && opts[end].Row == opts[start].Row {
			end++
		}
		hull, buf = rowHull(opts, start, end, hull[:0], buf[:0])
		var pc, pp float64
		for lv, k := range hull {
			o := opts[k]
			dc, dp := o.Cost-pc, o.Profit-pp
			eff := math.Inf(1)
			if dc > 0 {
				eff = dp / dc
			}
			incs = append(incs, increment{eff: eff, dc: dc, dp: dp, row: o.Row, level: uint8(lv), opt: k})
			pc, pp = o.Cost, o.Profit
		}
		start = end
	}
	return sortIncrements(incs)
}

// rowHull returns the indexes of opts[start:end] on the upper concave hull
// from (0,0): profitable, by rising cost, with falling profit per extra cost.
func rowHull(opts []Option, start, end int, hull, idx []int32) ([]int32, []int32) {
	for k := start; k < end; k++ {
		if opts[k].Profit > 0 {
			idx = append(idx, int32(k))
		}
	}
	slices.SortFunc(idx, func(a, b int32) int {
		if c := cmp.Compare(opts[a].Cost, opts[b].Cost); c != 0 {
			return c
		}
		return cmp.Compare(opts[b].Profit, opts[a].Profit)
	})
	for _, k := range idx {
		o := opts[k]
		if len(hull) > 0 {
			last := opts[hull[len(hull)-1]]
			if o.Profit <= last.Profit { // costs as much or more for no more profit
				continue
			}
		}
		// drop points below the chord from the one before to o
		for len(hull) > 0 {
			b := opts[hull[len(hull)-1]]
			var ac, ap float64
			if len(hull) > 1 {
				a := opts[hull[len(hull)-2]]
				ac, ap = a.Cost, a.Profit
			}
			if (b.Profit-ap)*(o.Cost-ac) <= (o.Profit-ap)*(b.Cost-ac) {
				hull = hull[:len(hull)-1]
				continue
			}
			break
		}
		hull = append(hull, k)
	}
	return hull, idx
}

// curveBuilder keeps 200 to 400 points of the profit-against-budget curve:
// a new point starts once spend has moved step past where the last one
// started; in between, the last point moves along to the newest spend.
type curveBuilder struct {
	points []campaign.CurvePoint
	step   float64
	mark   float64 // spend at which the last point started
}

func (c *curveBuilder) add(a Allocation) {
	p := campaign.CurvePoint{Budget: a.Cost, Profit: a.Profit, Responses: a.Responses, Contacts: a.Contacts}
	if len(c.points) > 0 && a.Cost < c.mark+c.step {
		c.points[len(c.points)-1] = p
		return
	}
	c.points = append(c.points, p)
	c.mark = a.Cost
	if len(c.points) > 400 {
		// thin to every other point and double the spacing
		kept := c.points[:0]
		for i := 1; i < len(c.points); i += 2 {
			kept = append(kept, c.points[i])
		}
		c.points = kept
		c.step = max(c.step*2, a.Cost/200)
	}
}

// CurveAt reads the profit curve at budgets: for each, the last point whose
// spend is within it (the greedy's profit at that budget).
func CurveAt(curve []campaign.CurvePoint, budgets []float64) []campaign.CurvePoint {
	out := make([]campaign.CurvePoint, len(budgets))
	for k, b := range budgets {
		for _, p := range curve {
			if p.Budget > b+1e-9 {
				break
			}
			out[k] = p
		}
		out[k].Budget = b
	}
	return out
}

// CurveStep is the curve at one budget and what each unit of money spent
// since the budget before it returned: where that falls under 1, more money
// stops paying.
type CurveStep struct {
	campaign.CurvePoint
	Spent  float64 // what the plan at this budget really spends (whole contacts)
	Return float64 // profit gained per unit really spent since the step before; 0 when nothing more was spent
}

// CurveSteps reads the curve at n budgets evenly spread up to what
// contacting every profitable customer costs (none for an empty curve).
func CurveSteps(curve []campaign.CurvePoint, n int) []CurveStep {
	if len(curve) == 0 || n < 1 {
		return nil
	}
	top := curve[len(curve)-1].Budget
	budgets := make([]float64, n)
	for k := range budgets {
		budgets[k] = top * float64(k+1) / float64(n)
	}
	out := make([]CurveStep, n)
	// the return of a step is read over what was really spent between the
	// points the budgets reach (the curve moves in whole contacts), not
	// over the nominal budgets, which made a constant rate look uneven
	prevProfit, prevSpent := 0.0, 0.0
	for k, b := range budgets {
		p := spentAt(curve, b)
		out[k].CurvePoint, out[k].Spent = p, p.Budget
		out[k].Budget = b
		if p.Budget > prevSpent {
			out[k].Return = (p.Profit - prevProfit) / (p.Budget - prevSpent)
		}
		prevProfit, prevSpent = p.Profit, p.Budget
	}
	return out
}

// spentAt is the last point of the curve within budget b, with its real
// spend as Budget.
func spentAt(curve []campaign.CurvePoint, b float64) campaign.CurvePoint {
	var out campaign.CurvePoint
	for _, p := range curve {
		if p.Budget > b+1e-9 {
			break
		}
		out = p
	}
	return out
}
