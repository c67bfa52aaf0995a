package value

// Summary is the per-customer input of the models, all slices indexed by
// customer (length Counts.Customers).
//
// For a customer whose first purchase day f is on or before the calibration
// end D (Modelled[i]):
//
//	X[i]         repeat purchase days in the calibration period: distinct
//	             purchase days in [f, D] minus one
//	Tx[i]        time from the first to the last purchase day in [f, D]
//	T[i]         D − f, the time the customer was observed (purchases on D
//	             count, so a first purchase on D gives T = 0)
//	MeanValue[i] mean value of the X repeat purchase days (the first day left
//	             out, as in Fader & Hardie's Gamma-Gamma note and its
//	             reference implementations); 0 when X is 0
//	HoldoutX[i]  distinct purchase days in (D, HoldoutEnd]
//
// Times are in Unit. Customers who first bought after D, or never, are not
// modelled: their X, Tx, T and MeanValue are 0.
type Summary struct {
	Unit           TimeUnit
	CalibrationEnd int32 // D, days since 1970-01-01
	HoldoutEnd     int32 // last purchase day of the data; D when no purchase follows D

	Modelled     []bool
	First        []int32 // first purchase day; 0 when not modelled
	X            []int32
	Tx, T        []float64
	MeanValue    []float64
	HoldoutX     []int32
	HoldoutValue []float64 // sum of the holdout purchase days' values

	Counts SummaryCounts
}

// SummaryCounts counts what the summary kept and left out.
type SummaryCounts struct {
	Customers            int // length of the slices
	Modelled             int // first purchase on or before D
	RepeatBuyers         int // modelled with X > 0
	NewAfterCalibration  int // first purchase after D
	NoPurchase           int // no purchase day at all
	UnknownCustomerLines int // lines with customer -1, skipped
	ReturnOnlyDays       int // customer-days with only negative lines, not purchases
	NonPositiveMean      int // repeat buyers whose MeanValue ≤ 0 (left out of the spend model)
	HoldoutPurchases     int // sum of HoldoutX over modelled customers
}

// Summarise computes the Summary of customers 0..customers-1 from purchase
// lines, with calibration end calibrationEnd (a day number; purchases on
// that day are in the calibration period) and times in unit.
//
// The calibration end must lie between the first and the last purchase day
// of the data. Purchases after it are the holdout, counted per customer in
// HoldoutX for validation; with calibrationEnd at the last purchase day the
// holdout is empty and the summary is the one to predict from.
func Summarise(p Purchases, customers int, calibrationEnd int32, unit TimeUnit) (Summary, error) {
	if err := unit.valid(); err != nil {
		return Summary{}, err
	}
	if err := p.check(customers); err != nil {
		return Summary{}, err
	}
	h := collect(p, customers)
	if len(h.day) == 0 {
		return Summary{}, newError(KindNoPurchases, "%d lines, none a purchase of a known customer", p.Len())
	}
	if calibrationEnd < h.minDay || calibrationEnd > h.maxDay {
		return Summary{}, newError(KindCalibrationOutside, "calibration end %s, purchases from %s to %s",
			dayString(calibrationEnd), dayString(h.minDay), dayString(h.maxDay))
	}
	return h.summary(calibrationEnd, unit), nil
}

// summary builds the Summary of a history at calibration end d.
func (h *history) summary(d int32, unit TimeUnit) Summary {
	n := len(h.off) - 1
	s := Summary{
		Unit:           unit,
		CalibrationEnd: d,
		HoldoutEnd:     max(d, h.maxDay),
		Modelled:       make([]bool, n),
		First:          make([]int32, n),
		X:              make([]int32, n),
		Tx:             make([]float64, n),
		T:              make([]float64, n),
		MeanValue:      make([]float64, n),
		HoldoutX:       make([]int32, n),
		HoldoutValue:   make([]float64, n),
	}
	c := &s.Counts
	c.Customers = n
	c.UnknownCustomerLines = h.unknownLines
	c.ReturnOnlyDays = h.returnOnlyDays
	scale := 1 / unit.Days()
	for i := 0; i < n; i++ {
		days, vals := h.day[h.off[i]:h.off[i+1]], h.val[h.off[i]:h.off[i+1]]
		if len(days) == 0 {
			c.NoPurchase++
			continue
		}
		f := days[0]
		if f > d {
			c.NewAfterCalibration++
			continue
		}
		k := 1 // purchase days on or before d
		sum := 0.0
		for k < len(days) && days[k] <= d {
			sum += vals[k]
			k++
		}
		hx, hv := int32(len(days)-k), 0.0
		for _, v := range vals[k:] {
			hv += v
		}
		s.Modelled[i] = true
		s.First[i] = f
		s.X[i] = int32(k - 1)
		s.Tx[i] = float64(days[k-1]-f) * scale
		s.T[i] = float64(d-f) * scale
		s.HoldoutX[i] = hx
		s.HoldoutValue[i] = hv
		c.Modelled++
		c.HoldoutPurchases += int(hx)
		if k > 1 {
			c.RepeatBuyers++
			s.MeanValue[i] = sum / float64(k-1)
			if s.MeanValue[i] <= 0 {
				c.NonPositiveMean++
			}
		}
	}
	return s
}

// NewSummary builds a Summary from per-customer values computed elsewhere
// (for example in SQL, or by a simulation in continuous time): x repeat
// purchases, tx and T in unit, mean the mean value of the repeat purchases
// (nil when unknown). Every customer is modelled; there is no holdout.
// Preconditions checked: equal lengths, x ≥ 0, 0 ≤ tx ≤ T, tx = 0 when
// x = 0, tx > 0 is not required when x > 0, all values finite.
func NewSummary(unit TimeUnit, x []int32, tx, T, mean []float64) (Summary, error) {
	if err := unit.valid(); err != nil {
		return Summary{}, err
	}
	n := len(x)
	if len(tx) != n || len(T) != n || (mean != nil && len(mean) != n) {
		return Summary{}, newError(KindBadInput, "lengths differ: x %d, tx %d, T %d, mean %d", n, len(tx), len(T), len(mean))
	}
	s := Summary{
		Unit: unit, Modelled: make([]bool, n), First: make([]int32, n),
		X: append([]int32(nil), x...), Tx: append([]float64(nil), tx...), T: append([]float64(nil), T...),
		MeanValue: make([]float64, n), HoldoutX: make([]int32, n), HoldoutValue: make([]float64, n),
	}
	s.Counts.Customers, s.Counts.Modelled = n, n
	for i := range x {
		if x[i] < 0 || !finite(tx[i]) || !finite(T[i]) || tx[i] < 0 || tx[i] > T[i] || (x[i] == 0 && tx[i] != 0) {
			return Summary{}, newError(KindBadInput, "customer %d: x %d, tx %v, T %v", i, x[i], tx[i], T[i])
		}
		s.Modelled[i] = true
		if x[i] > 0 {
			s.Counts.RepeatBuyers++
			if mean != nil {
				if !finite(mean[i]) {
					return Summary{}, newError(KindBadInput, "customer %d: mean value %v", i, mean[i])
				}
				s.MeanValue[i] = mean[i]
				if mean[i] <= 0 {
					s.Counts.NonPositiveMean++
				}
			}
		}
	}
	return s, nil
}
