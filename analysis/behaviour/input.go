package behaviour

import (
	"fmt"
	"math"

	"github.com/pulpero/pulpero/model"
)

// NoDay marks a line or touchpoint without a date.
const NoDay int32 = math.MinInt32

// Purchases holds purchase lines as parallel slices, one value per line.
// Customer, Day and Sales are required; the others may be nil.
type Purchases struct {
	Customer []int32   // row of the customer in the dataset; -1 = no known customer
	Day      []int32   // days since 1970-01-01; NoDay = unknown
	Invoice  []int32   // invoice or order code; -1 (or nil slice) = the line is a purchase of its own
	Sales    []float64 // the line's sale value (> 0), e.g. quantity × unit price
	Returned []float64 // value returned on the line (≥ 0); nil = no returns

	Channel      []int32 // code into ChannelDict; -1 = NULL; nil = no channel attributes
	ChannelDict  []string
	Category     []int32 // code into CategoryDict; -1 = NULL; nil = no top_category
	CategoryDict []string
}

// Len returns the number of lines.
func (p *Purchases) Len() int { return len(p.Customer) }

// Touchpoints holds contacts with customers (visits, calls, e-mails...).
// Customer and Day are required; Kind and Sentiment may be nil.
type Touchpoints struct {
	Customer  []int32 // row of the customer; -1 = unknown
	Day       []int32 // days since 1970-01-01; NoDay = unknown
	Kind      []int32 // code into KindDict; -1 = NULL
	KindDict  []string
	Sentiment []float64 // NaN = no sentiment recorded
}

// Len returns the number of touchpoints.
func (t *Touchpoints) Len() int { return len(t.Customer) }

// Options says how many customers there are and what date to analyse at.
type Options struct {
	// Customers is the number of rows of the dataset; Customer codes index it.
	Customers int
	// AnalysisDay (days since 1970-01-01) is used when SetAnalysisDay is
	// true; otherwise DefaultAnalysisDay of the purchases.
	AnalysisDay    int32
	SetAnalysisDay bool
	// Signup, if not nil, is each customer's sign-up (KindDate, or
	// KindDateTime in unix seconds) used to report lines dated before it.
	Signup *model.NumberColumn
	// Examples is how many example indexes each problem keeps (default 5).
	Examples int
	// Workers caps the goroutines (default GOMAXPROCS).
	Workers int
}

func (o *Options) examples() int {
	if o.Examples <= 0 {
		return 5
	}
	return o.Examples
}

func checkLen(name string, n int, other string, m int) error {
	if n != m {
		return fmt.Errorf(errLength, other, m, name, n)
	}
	return nil
}

// validate checks the slices' lengths against Customer's.
func (p *Purchases) validate() error {
	n := len(p.Customer)
	if err := checkLen("Customer", n, "Day", len(p.Day)); err != nil {
		return err
	}
	if err := checkLen("Customer", n, "Sales", len(p.Sales)); err != nil {
		return err
	}
	for _, s := range []struct {
		name string
		l    int
		set  bool
	}{
		{"Invoice", len(p.Invoice), p.Invoice != nil},
		{"Returned", len(p.Returned), p.Returned != nil},
		{"Channel", len(p.Channel), p.Channel != nil},
		{"Category", len(p.Category), p.Category != nil},
	} {
		if s.set {
			if err := checkLen("Customer", n, s.name, s.l); err != nil {
				return err
			}
		}
	}
	return nil
}

func (t *Touchpoints) validate() error {
	n := len(t.Customer)
	if err := checkLen("Touchpoints.Customer", n, "Touchpoints.Day", len(t.Day)); err != nil {
		return err
	}
	if t.Kind != nil {
		if err := checkLen("Touchpoints.Customer", n, "Touchpoints.Kind", len(t.Kind)); err != nil {
			return err
		}
	}
	if t.Sentiment != nil {
		return checkLen("Touchpoints.Customer", n, "Touchpoints.Sentiment", len(t.Sentiment))
	}
	return nil
}

// signupDays converts the optional sign-up column into whole days, NoDay
// where NULL.
func signupDays(c *model.NumberColumn, customers int) ([]int32, error) {
	if c == nil {
		return nil, nil
	}
	if c.Len() != customers {
		return nil, fmt.Errorf(errSignupLen, c.Len(), customers)
	}
	out := make([]int32, customers)
	for i, v := range c.Values {
		if c.IsNull(i) || math.IsNaN(v) || math.IsInf(v, 0) {
			out[i] = NoDay
			continue
		}
		if c.Kind == model.KindDateTime {
			v = math.Floor(v / 86400)
		}
		out[i] = int32(max(min(v, math.MaxInt32), math.MinInt32+1))
	}
	return out, nil
}
