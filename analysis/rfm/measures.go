package rfm

import (
	"fmt"
	"math"

	"github.com/pulpero/pulpero/model"
)

// Measures are the three RFM measures of each customer (row). A row is
// scored when it is not in Missing and its three values are finite.
type Measures struct {
	Recency   []float64    // days since the last purchase (behaviour's recency_days)
	Frequency []float64    // purchases (behaviour's frequency)
	Monetary  []float64    // value (behaviour's monetary)
	Missing   model.Bitset // rows not to score; nil = none
}

// Len returns the number of rows.
func (m *Measures) Len() int { return len(m.Recency) }

func (m *Measures) validate() error {
	if len(m.Frequency) != len(m.Recency) || len(m.Monetary) != len(m.Recency) {
		return fmt.Errorf(errLengths, len(m.Recency), len(m.Frequency), len(m.Monetary))
	}
	if m.Missing != nil && len(m.Missing) != (len(m.Recency)+63)/64 {
		return fmt.Errorf(errMissingLen, len(m.Missing)*64, len(m.Recency))
	}
	return nil
}

// scored reports whether row i takes part.
func (m *Measures) scored(i int) bool {
	if m.Missing != nil && m.Missing.Has(i) {
		return false
	}
	return finite(m.Recency[i]) && finite(m.Frequency[i]) && finite(m.Monetary[i])
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// FromColumns takes the measures from three number columns (behaviour's
// recency_days, frequency and monetary); rows where any is NULL are Missing.
// The slices are shared with the columns, not copied.
func FromColumns(recency, frequency, monetary model.Column) (Measures, error) {
	cols := [3]*model.NumberColumn{}
	for i, c := range []model.Column{recency, frequency, monetary} {
		nc, ok := c.(*model.NumberColumn)
		if !ok {
			name := "a measure"
			if c != nil {
				name = c.Meta().Name
			}
			return Measures{}, fmt.Errorf(errColumn, name)
		}
		cols[i] = nc
	}
	m := Measures{Recency: cols[0].Values, Frequency: cols[1].Values, Monetary: cols[2].Values}
	if err := m.validate(); err != nil {
		return Measures{}, err
	}
	m.Missing = model.NewBitset(m.Len())
	for _, c := range cols {
		if len(c.Nulls) == len(m.Missing) {
			m.Missing.Or(c.Nulls)
		}
	}
	return m, nil
}
