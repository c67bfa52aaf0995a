package behaviour

import (
	"errors"
	"math"
)

// DefaultAnalysisDay returns the day after the last purchase in the data:
// 1 + the latest Day of a line with a sale value (finite and > 0) and a date,
// whatever its customer. It is an error when no line has both.
//
// With this default every purchase has recency ≥ 1 day, as in R's rfm
// examples, and no line is after the analysis date.
func DefaultAnalysisDay(p *Purchases) (int32, error) {
	if err := p.validate(); err != nil {
		return 0, err
	}
	last, found := int32(math.MinInt32), false
	for i, d := range p.Day {
		if d != NoDay && isSale(p.Sales[i]) && d > last {
			last, found = d, true
		}
	}
	if !found {
		return 0, errors.New(errNoPurchase)
	}
	if last == math.MaxInt32 {
		return last, nil // the day after cannot be held; stay on it
	}
	return last + 1, nil
}

// isSale reports whether a sale value counts: finite and positive.
func isSale(v float64) bool { return v > 0 && v <= math.MaxFloat64 }

// isReturn reports whether a returned value counts: finite and positive.
func isReturn(v float64) bool { return v > 0 && v <= math.MaxFloat64 }
