package behaviour

// ProblemCount is how many lines (or touchpoints) showed one problem, with
// the first few of their indexes so they can be opened.
type ProblemCount struct {
	Problem  Problem
	Key      string // Problem.Key()
	Count    int
	Examples []int // ascending indexes into the lines (or touchpoints, see Problem.Touchpoint)
}

// Report lists the data problems found, in Problem order, only those with a
// count above 0. A line may show several problems.
type Report struct {
	Problems []ProblemCount
}

// Count returns how many lines showed p (0 when none).
func (r *Report) Count(p Problem) int {
	for _, c := range r.Problems {
		if c.Problem == p {
			return c.Count
		}
	}
	return 0
}

// Summary totals what went in and what was left out. Sales are gross sale
// values that count (finite, > 0), over all lines with a known date.
type Summary struct {
	AnalysisDay int32 // days since 1970-01-01

	Lines                int     // purchase lines given
	LinesUsed            int     // lines counted for a customer
	LinesWithoutCustomer int     // Customer -1 or not a row (CustomerUnknown)
	Sales                float64 // Σ sales of all lines with a date, with or without customer
	SalesWithoutCustomer float64 // Σ sales of those without customer
	// ShareWithoutCustomer = SalesWithoutCustomer / Sales (0 when Sales is 0).
	ShareWithoutCustomer float64

	Customers              int // rows of the dataset
	CustomersWithPurchases int // frequency ≥ 1
	Purchases              int // Σ frequency

	Touchpoints                int // touchpoints given
	TouchpointsUsed            int
	TouchpointsWithoutCustomer int
}

// tally counts problems over one range of lines, keeping the first examples.
type tally struct {
	counts   [problemCount]int
	examples [problemCount][]int
	keep     int
}

func (t *tally) add(p Problem, i int) {
	t.counts[p]++
	if len(t.examples[p]) < t.keep {
		t.examples[p] = append(t.examples[p], i)
	}
}

// mergeTallies adds shard tallies in line order into a report: shards cover
// ascending line ranges, so the first examples overall are the first of the
// earliest shards.
func mergeTallies(keep int, parts ...[]tally) Report {
	var r Report
	for p := Problem(0); p < problemCount; p++ {
		pc := ProblemCount{Problem: p, Key: p.Key()}
		for _, shards := range parts {
			for i := range shards {
				pc.Count += shards[i].counts[p]
				for _, e := range shards[i].examples[p] {
					if len(pc.Examples) < keep {
						pc.Examples = append(pc.Examples, e)
					}
				}
			}
		}
		if pc.Count > 0 {
			r.Problems = append(r.Problems, pc)
		}
	}
	return r
}
