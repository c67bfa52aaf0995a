package app

import (
	"fmt"
	"strconv"
	"time"

	"github.com/pulpero/pulpero/model"
)

// valueColumns makes the four per-customer attributes of v's predictions
// over n customers. A customer without a purchase on or before the as-of
// day has NULL (the models say nothing about them); expected_value and
// clv are NULL for everyone without a spend model. A value that is not a
// number is left NULL and counted (it never reaches a segment or a file).
func valueColumns(v *Value, n int) ([]model.Column, int) {
	pr := v.Predictions
	notes := valueNotes(v, v.AsOf.Format(time.DateOnly))
	values := [][]float64{pr.PAlive, pr.Expected, pr.Value, pr.CLV}
	out := make([]model.Column, len(ValueAttributes))
	bad := 0
	for k, name := range ValueAttributes {
		meta := model.ColumnMeta{Name: name, Kind: model.KindReal, Derived: true, Note: notes[k]}
		x := values[k]
		if x == nil || len(x) != n {
			out[k] = model.NewNumberColumn(meta, n) // no spend model: all NULL
			continue
		}
		// the column shares the predictions' slice (no copy of a
		// million values): NULL where the models say nothing, where
		// Predict left 0 as the column's NULL convention wants
		c := &model.NumberColumn{ColumnMeta: meta, Values: x, Nulls: model.NewBitset(n)}
		for i := range n {
			switch {
			case !pr.Modelled[i]:
				c.Nulls.Set(i)
			case !finite(x[i]):
				x[i] = 0
				c.Nulls.Set(i)
				bad++
			}
		}
		out[k] = c
	}
	return out, bad
}

// valueNotes are the columns' notes: how each is computed, as of when,
// over which horizon and discount.
func valueNotes(v *Value, asOf string) []string {
	noSpend := ""
	if v.SpendErr != nil {
		noSpend = fmt.Sprintf(NoteValueNoSpend, ValueMessage(v.SpendErr))
	}
	return []string{
		fmt.Sprintf(NotePAlive, asOf),
		fmt.Sprintf(NoteExpectedPurchases, v.HorizonDays, asOf),
		NoteExpectedValue + noSpend,
		fmt.Sprintf(NoteCLV, v.HorizonDays, asOf, DiscountText(v.DiscountRate, v.DiscountPeriod)) + noSpend,
	}
}

// DiscountText states a discount rate: "1% per 30 days".
func DiscountText(rate float64, periodDays int) string {
	return fmt.Sprintf(TextDiscount, strconv.FormatFloat(100*rate, 'g', 4, 64), periodDays)
}

// AddValue adds v's attributes to the session's data (replacing earlier
// ones) and keeps v as the session's Value. Call it before the session
// is shared (Load, a command), or on a copy (WithValue): screens read the
// data from other goroutines.
func (s *Session) AddValue(v *Value) {
	s.Value = v
	for _, c := range v.Columns {
		s.Data.Add(c)
	}
}

// WithValue returns a copy of the session whose data also holds v's
// attributes; the session itself is not changed, so work in flight on
// it is undisturbed. The copy shares the columns (which nobody changes).
func (s *Session) WithValue(v *Value) *Session {
	c := s.withOwnColumns()
	c.AddValue(v)
	return c
}
