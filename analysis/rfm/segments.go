package rfm

import (
	"fmt"
	"strings"
)

// Rule is one named segment: the ranges (inclusive) of the three scores.
type Rule struct {
	Name string `json:"name"`
	RMin int    `json:"r_min"`
	RMax int    `json:"r_max"`
	FMin int    `json:"f_min"`
	FMax int    `json:"f_max"`
	MMin int    `json:"m_min"`
	MMax int    `json:"m_max"`
}

// Matches reports whether scores r, f, m fall in the rule's ranges.
func (r Rule) Matches(rs, fs, ms int) bool {
	return rs >= r.RMin && rs <= r.RMax && fs >= r.FMin && fs <= r.FMax && ms >= r.MMin && ms <= r.MMax
}

// Table is an editable list of segment rules: the first rule a customer
// matches names its segment; a customer matching none is Others.
type Table struct {
	Name  string `json:"name"`
	Rules []Rule `json:"rules"`
}

// Assign returns the index of the first rule matching the scores, or
// len(t.Rules) for Others.
func (t *Table) Assign(r, f, m int) int {
	for i, rule := range t.Rules {
		if rule.Matches(r, f, m) {
			return i
		}
	}
	return len(t.Rules)
}

// Names lists the segment names in rule order, then Others.
func (t *Table) Names() []string {
	out := make([]string, 0, len(t.Rules)+1)
	for _, r := range t.Rules {
		out = append(out, r.Name)
	}
	return append(out, Others)
}

// Validate checks that names are present and unique (and not Others) and
// that each range lies within 1–9 with min ≤ max.
func (t *Table) Validate() error {
	seen := map[string]bool{}
	for i, r := range t.Rules {
		if strings.TrimSpace(r.Name) == "" || strings.EqualFold(r.Name, Others) {
			return fmt.Errorf(errRuleName, i+1)
		}
		if seen[r.Name] {
			return fmt.Errorf(errRuleDup, r.Name)
		}
		seen[r.Name] = true
		for _, rg := range []struct {
			what   string
			lo, hi int
		}{{"recency", r.RMin, r.RMax}, {"frequency", r.FMin, r.FMax}, {"monetary", r.MMin, r.MMax}} {
			if rg.lo < 1 || rg.hi > 9 || rg.lo > rg.hi {
				return fmt.Errorf(errRuleRange, r.Name, rg.what, rg.lo, rg.hi)
			}
		}
	}
	return nil
}

func (t Table) clone() Table {
	t.Rules = append([]Rule(nil), t.Rules...)
	return t
}

// Names of the published tables.
const (
	TableRfm030  = "rfm 0.3.0"
	TableClassic = "rfm vignette (11 segments)"
)

// DefaultTable returns the ten-segment table of the rfm 0.3.0 documentation
// (rsquaredacademy/rfm, examples of rfm_segment and rfm_segment_summary in
// R/rfm-segment.R, and vignettes/rfm-introduction.Rmd), in its order:
//
//	segment             R      F      M
//	Champions           5      5      5
//	Potential Loyalist  3–5    3–5    2–5
//	Loyal Customers     2–4    2–4    2–4
//	Promising           3–4    1–3    3–5
//	New Customers       4–5    1–3    1–5
//	Can't Lose Them     1–2    3–4    4–5
//	At Risk             1–2    2–5    4–5
//	Need Attention      1–3    3–5    3–5
//	About To Sleep      2–3    1–3    1–4
//	Lost                1      1–5    1–5
func DefaultTable() Table {
	return Table{Name: TableRfm030, Rules: []Rule{
		{"Champions", 5, 5, 5, 5, 5, 5},
		{"Potential Loyalist", 3, 5, 3, 5, 2, 5},
		{"Loyal Customers", 2, 4, 2, 4, 2, 4},
		{"Promising", 3, 4, 1, 3, 3, 5},
		{"New Customers", 4, 5, 1, 3, 1, 5},
		{"Can't Lose Them", 1, 2, 3, 4, 4, 5},
		{"At Risk", 1, 2, 2, 5, 4, 5},
		{"Need Attention", 1, 3, 3, 5, 3, 5},
		{"About To Sleep", 2, 3, 1, 3, 1, 4},
		{"Lost", 1, 1, 1, 5, 1, 5},
	}}
}

// ClassicTable returns the eleven segments of the older rfm vignette
// (rsquaredacademy/rfm vignettes/rfm-transaction-level-data.Rmd, "Segments",
// whose case_when gives the order; "<= 2" is 1–2 since scores start at 1):
//
//	segment             R      F      M
//	Champions           4–5    4–5    4–5
//	Loyal Customers     2–5    3–5    3–5
//	Potential Loyalist  3–5    1–3    1–3
//	New Customers       4–5    1      1
//	Promising           3–4    1      1
//	Need Attention      2–3    2–3    2–3
//	About To Sleep      2–3    1–2    1–2
//	At Risk             1–2    2–5    2–5
//	Can't Lose Them     1      4–5    4–5
//	Hibernating         1–2    1–2    1–2
//	Lost                1–2    1–2    1–2
//
// As published, later rules are partly hidden by earlier ones (Can't Lose
// Them by At Risk, Lost by Hibernating): first match wins.
func ClassicTable() Table {
	return Table{Name: TableClassic, Rules: []Rule{
		{"Champions", 4, 5, 4, 5, 4, 5},
		{"Loyal Customers", 2, 5, 3, 5, 3, 5},
		{"Potential Loyalist", 3, 5, 1, 3, 1, 3},
		{"New Customers", 4, 5, 1, 1, 1, 1},
		{"Promising", 3, 4, 1, 1, 1, 1},
		{"Need Attention", 2, 3, 2, 3, 2, 3},
		{"About To Sleep", 2, 3, 1, 2, 1, 2},
		{"At Risk", 1, 2, 2, 5, 2, 5},
		{"Can't Lose Them", 1, 1, 4, 5, 4, 5},
		{"Hibernating", 1, 2, 1, 2, 1, 2},
		{"Lost", 1, 2, 1, 2, 1, 2},
	}}
}
