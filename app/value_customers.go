package app

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/pulpero/pulpero/store"
)

// ValueCustomersHeader is the header of the per-customer value file for
// times in unit ("weeks" or "days").
func ValueCustomersHeader(unit string) []string {
	return []string{"customer", "first_purchase", "x", "t_x_" + unit, "T_" + unit, "mean_value",
		ColPAlive, ColExpectedPurchases, ColExpectedValue, ColCLV}
}

// WriteValueCustomers writes one CSV row per customer the models describe
// (a purchase on or before the as-of day): the key, the first purchase
// day, the summary (x repeat purchase days, t_x and T in the unit, the
// mean value of the repeat days) and the four predictions (expected_value
// and clv empty without a spend model), through the one safe writer. It
// returns the rows written.
func (s *Session) WriteValueCustomers(v *Value, path string, force bool) (int, error) {
	if v == nil {
		return 0, errors.New(errValueNotComputed)
	}
	if v.Err != nil {
		return 0, errors.New(ValueMessage(v.Err))
	}
	f, err := store.CreateAtomic(path, force, s.DB.protected()...)
	if err != nil {
		return 0, err
	}
	defer f.Abort()
	w := csv.NewWriter(f)
	w.Write(ValueCustomersHeader(v.Unit.String()))
	key := s.customerKey()
	sum, pr := v.Summary, v.Predictions
	n := 0
	for i, ok := range pr.Modelled {
		if !ok {
			continue
		}
		ev, clv := "", ""
		if pr.CLV != nil {
			ev, clv = numText(pr.Value[i]), numText(pr.CLV[i])
		}
		mean := ""
		if sum.X[i] > 0 {
			mean = numText(sum.MeanValue[i])
		}
		// only the key is text from the data (a spreadsheet could run it);
		// the numbers are written here and a negative one stays a number
		w.Write(append(safeCells([]string{key(i)}), dateOf(sum.First[i]).Format(time.DateOnly), strconv.Itoa(int(sum.X[i])),
			numText(sum.Tx[i]), numText(sum.T[i]), mean, numText(pr.PAlive[i]), numText(pr.Expected[i]), ev, clv))
		n++
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return 0, fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Commit(); err != nil {
		return 0, err
	}
	return n, nil
}

// numText writes a number in full ("" when it is not one: never NaN in a
// file).
func numText(x float64) string {
	if !finite(x) {
		return ""
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}
