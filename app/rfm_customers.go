package app

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"time"

	"github.com/pulpero/pulpero/analysis/behaviour"
	"github.com/pulpero/pulpero/analysis/rfm"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// RFMCustomersHeader is the header of the per-customer RFM file.
var RFMCustomersHeader = []string{"customer", "analysis_date", behaviour.ColRecencyDays, behaviour.ColFrequency,
	behaviour.ColMonetary, rfm.ColR, rfm.ColF, rfm.ColM, rfm.ColScore, rfm.ColSegment}

// WriteRFMCustomers writes one CSV row per customer with purchases (the
// scored ones): the customer's key, the analysis date, recency,
// frequency, monetary value, the three scores, the RFM score and the
// segment, through the one safe writer (never replacing the database or
// its workspace; an existing file only with force). It returns the rows
// written.
func (s *Session) WriteRFMCustomers(path string, force bool) (int, error) {
	b := s.Behaviour
	if b == nil || b.Err != nil || b.RFM == nil || b.RFM.Scores == nil {
		if _, err := s.RFMReport(); err != nil {
			return 0, err
		}
		return 0, fmt.Errorf("rfm: there are no scores to write")
	}
	f, err := store.CreateAtomic(path, force, s.DB.protected()...)
	if err != nil {
		return 0, err
	}
	defer f.Abort()
	key := s.customerKey()
	res := b.RFM
	seg := res.Thresholds.Segments.Names()
	asOf := b.AnalysisDate.Format(time.DateOnly)
	w := csv.NewWriter(f)
	w.Write(RFMCustomersHeader)
	n := 0
	sc, m := res.Scores, res.Measures
	for i := range sc.R {
		if sc.R[i] == 0 {
			continue
		}
		r, fs, ms := int(sc.R[i]), int(sc.F[i]), int(sc.M[i])
		w.Write(safeCells([]string{key(i), asOf, measureText(m.Recency[i]), measureText(m.Frequency[i]), measureText(m.Monetary[i]),
			strconv.Itoa(r), strconv.Itoa(fs), strconv.Itoa(ms), strconv.Itoa(100*r + 10*fs + ms), seg[sc.Segment[i]]}))
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

// measureText writes a measure as it is (money keeps its cents; no rounding).
func measureText(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// customerKey returns the key that names row i in files: the customer-id
// column's value, or the rowid when the table has none.
func (s *Session) customerKey() func(int) string {
	data := s.Data
	switch c := data.ByRole(model.RoleCustomerID).(type) {
	case *model.NumberColumn:
		return func(i int) string {
			if c.IsNull(i) {
				return ""
			}
			return strconv.FormatFloat(c.Values[i], 'f', -1, 64)
		}
	case *model.TextColumn:
		return func(i int) string { return c.Values[i] }
	case *model.CodedColumn:
		return func(i int) string { v, _ := c.Value(i); return v }
	}
	return func(i int) string { return strconv.FormatInt(data.RowIDs[i], 10) }
}
