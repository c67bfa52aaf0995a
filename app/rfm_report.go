package app

import (
	"errors"
	"fmt"
	"time"

	"github.com/pulpero/pulpero/analysis/rfm"
	"github.com/pulpero/pulpero/model"
)

// RFMReport is what `pulpero rfm` prints: where the purchases were read
// from, the analysis date, the cut-offs and whether they are frozen, the
// customers per score of each measure, the segments and the data problems.
type RFMReport struct {
	Database      string            `json:"database"`
	Table         string            `json:"table"`
	Customers     int               `json:"customers"`
	AnalysisDate  string            `json:"analysis_date"`
	DateSet       bool              `json:"analysis_date_set"` // false: the day after the last purchase
	AgesAsOf      string            `json:"ages_as_of,omitempty"`
	Purchases     []PurchaseRoleUse `json:"purchases"`
	Returns       string            `json:"returns_rule"`
	Touchpoints   string            `json:"touchpoints_table,omitempty"`
	Lines         LinesSummary      `json:"lines"`
	Method        string            `json:"method"`
	Frozen        *FrozenRef        `json:"frozen,omitempty"` // nil: the cut-offs follow the data
	SegmentTable  string            `json:"segment_table"`
	Thresholds    []ThresholdRow    `json:"thresholds"`
	Bins          []BinRow          `json:"bins"`
	Segments      []SegmentRow      `json:"segments"`
	Scored        int               `json:"scored_customers"`
	Concentration *ConcentrationRow `json:"revenue_concentration,omitempty"`
	Problems      []DataProblem     `json:"data_problems"`
}

// PurchaseRoleUse is one purchase role and the column that holds it.
type PurchaseRoleUse struct {
	Role   string `json:"role"`
	Column string `json:"column"` // TABLE.COLUMN
	Why    string `json:"why"`
	// Says is Why as sentences (PurchaseColumn.Says), for the faces to
	// say in the user's language.
	Says []model.Sentence `json:"-"`
}

// LinesSummary counts the purchase lines and what was left out.
type LinesSummary struct {
	Lines                  int     `json:"lines"`
	Used                   int     `json:"used"`
	WithoutCustomer        int     `json:"without_customer"`
	SalesWithoutCustomer   float64 `json:"sales_without_customer"`
	ShareWithoutCustomer   float64 `json:"share_of_sales_without_customer"`
	CustomersWithPurchases int     `json:"customers_with_purchases"`
	Purchases              int     `json:"purchases"`
}

// FrozenRef names the frozen cut-offs used.
type FrozenRef struct {
	Name         string `json:"name"`
	Version      int    `json:"version"`
	FrozenAt     string `json:"frozen_at"`
	AnalysisDate string `json:"fitted_at_analysis_date"`
}

// ThresholdRow is one bin of one measure: lower ≤ value < upper (R rfm's
// threshold table; the first bin is open below and the last above when
// scoring with frozen cut-offs).
type ThresholdRow struct {
	Measure string  `json:"measure"`
	Bin     int     `json:"bin"`
	Score   int     `json:"score"`
	Lower   float64 `json:"lower"`
	Upper   float64 `json:"upper"`
}

// BinRow is how many customers have each score of each measure.
type BinRow struct {
	Score     int `json:"score"`
	Recency   int `json:"recency"`
	Frequency int `json:"frequency"`
	Monetary  int `json:"monetary"`
}

// SegmentRow is one named segment.
type SegmentRow struct {
	Name          string  `json:"name"`
	Rule          string  `json:"rule"`
	Customers     int     `json:"customers"`
	CustomerShare float64 `json:"customer_share"`
	Revenue       float64 `json:"revenue"`
	RevenueShare  float64 `json:"revenue_share"`
	MeanR         float64 `json:"mean_r"`
	MeanF         float64 `json:"mean_f"`
	MeanM         float64 `json:"mean_m"`
	MeanRecency   float64 `json:"mean_recency_days"`
	MeanFrequency float64 `json:"mean_frequency"`
	MeanMonetary  float64 `json:"mean_monetary"`
}

// ConcentrationRow is the share of revenue of the best customers.
type ConcentrationRow struct {
	Top1  float64 `json:"top_1pct"`
	Top5  float64 `json:"top_5pct"`
	Top20 float64 `json:"top_20pct"`
}

// RFMReport describes the session's behaviour and RFM scores; the error
// says why there are none.
func (s *Session) RFMReport() (*RFMReport, error) {
	b := s.Behaviour
	if b == nil {
		return nil, errors.New("no behaviour was computed")
	}
	if b.Err != nil {
		return nil, fmt.Errorf(errNoBehaviour, b.Err)
	}
	r := &RFMReport{Database: s.DB.Name(), Table: s.Table.Name, Customers: s.Data.Rows(),
		AnalysisDate: b.AnalysisDate.Format(time.DateOnly), DateSet: b.DateSet, Returns: b.ReturnRule(), Problems: b.Problems}
	if r.Problems == nil {
		r.Problems = []DataProblem{}
	}
	if !b.AgesAsOf.IsZero() {
		r.AgesAsOf = b.AgesAsOf.Format(time.DateOnly)
	}
	for _, c := range b.Source.Columns {
		r.Purchases = append(r.Purchases, PurchaseRoleUse{Role: string(c.Role), Column: c.Ref(), Why: c.Why, Says: c.Says})
	}
	if b.Source.Touch != nil {
		r.Touchpoints = b.Source.Touch.Table.Name
	}
	sm := b.Summary
	r.Lines = LinesSummary{Lines: sm.Lines, Used: sm.LinesUsed, WithoutCustomer: sm.LinesWithoutCustomer,
		SalesWithoutCustomer: sm.SalesWithoutCustomer, ShareWithoutCustomer: sm.ShareWithoutCustomer,
		CustomersWithPurchases: sm.CustomersWithPurchases, Purchases: sm.Purchases}
	res := b.RFM
	if res == nil || res.Err != nil || res.Scores == nil {
		if res != nil && res.Err != nil {
			return r, res.Err
		}
		return r, errors.New("rfm: no scores")
	}
	th := res.Thresholds
	r.Method, r.SegmentTable, r.Scored = th.Method, th.Segments.Name, res.Scores.Scored
	if f := res.Frozen; f != nil {
		r.Frozen = &FrozenRef{Name: f.Name, Version: f.Version, FrozenAt: f.FrozenAt.UTC().Format(time.RFC3339), AnalysisDate: f.AnalysisDate}
	}
	for _, m := range []struct {
		name    string
		s       rfm.Scale
		reverse bool
	}{{"recency", th.Recency, true}, {"frequency", th.Frequency, false}, {"monetary", th.Monetary, false}} {
		lower, upper := m.s.Table()
		for i := range lower {
			score := i + 1
			if m.reverse {
				score = m.s.Bins - i
			}
			r.Thresholds = append(r.Thresholds, ThresholdRow{Measure: m.name, Bin: i + 1, Score: score, Lower: lower[i], Upper: upper[i]})
		}
	}
	bins := max(th.Recency.Bins, th.Frequency.Bins, th.Monetary.Bins)
	r.Bins = make([]BinRow, bins)
	for i := range r.Bins {
		r.Bins[i].Score = i + 1
	}
	sc := res.Scores
	for i := range sc.R {
		if sc.R[i] == 0 {
			continue
		}
		r.Bins[sc.R[i]-1].Recency++
		r.Bins[sc.F[i]-1].Frequency++
		r.Bins[sc.M[i]-1].Monetary++
	}
	for i, sg := range res.Segments.Segments {
		row := SegmentRow{Name: sg.Name, Customers: sg.Customers, CustomerShare: sg.CustomerShare, Revenue: sg.Revenue,
			RevenueShare: sg.RevenueShare, MeanR: sg.MeanR, MeanF: sg.MeanF, MeanM: sg.MeanM,
			MeanRecency: sg.MeanRecency, MeanFrequency: sg.MeanFrequency, MeanMonetary: sg.MeanMonetary}
		if i < len(res.Definitions) {
			row.Rule = res.Definitions[i].Rule
		}
		r.Segments = append(r.Segments, row)
	}
	if res.ConcentrationErr == nil {
		c := res.Concentration
		r.Concentration = &ConcentrationRow{Top1: c.Top1, Top5: c.Top5, Top20: c.Top20}
	}
	return r, nil
}
