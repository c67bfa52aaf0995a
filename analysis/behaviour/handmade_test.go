package behaviour

import (
	"math"
	"slices"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// handmade is a small set of lines whose every attribute was worked out by
// hand (see the comments); the expected values below are those hand sums.
func handmade() (*Purchases, *Touchpoints, Options) {
	const N = NoDay
	nan := math.NaN()
	p := &Purchases{
		//                 0      1      2      3      4      5      6      7      8   9      10     11     12     13     14     15
		Customer: []int32{0, 0, 0, 0, 0, 2, 2, 2, 2, 3, 3, -1, 7, 0, 2, 0},
		Day:      []int32{19990, 19990, 19900, 19990, 19500, 19999, 19999, 20005, N, 19800, 19800, 19950, 19950, 19990, 19000, 19000},
		Invoice:  []int32{10, 10, 11, 12, 13, -1, -1, -1, -1, 20, 21, 30, 31, 14, -1, 15},
		Sales:    []float64{100, 50, 30, 0, 20, 10, 10, 99, 5, 0, -5, 40, 60, 0, 10, 5},
		Returned: []float64{0, 0, 10, 20, 0, 0, 0, 0, 0, 15, 0, 0, 0, 0, 0, nan},
		Channel:  []int32{0, 0, 1, 1, 1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 5, -1},
		Category: []int32{0, 1, 1, 0, 2, 2, 1, 0, 0, 0, 0, 0, 0, 0, -1, -1},

		ChannelDict:  []string{"Store", "Online"},
		CategoryDict: []string{"Shoes", "Bags", "Hats"},
	}
	t := &Touchpoints{
		//                 0      1      2      3      4      5      6      7   8
		Customer:  []int32{0, 0, 0, 0, 0, 1, -1, 2, 2},
		Day:       []int32{19985, 19990, 19860, 19870, 20010, 19000, 19000, N, 19998},
		Kind:      []int32{0, 1, 0, -1, 0, 1, 0, 0, 0},
		KindDict:  []string{"email", "Store visit"},
		Sentiment: []float64{0.5, nan, -0.5, nan, 1, 1, 0, 0, math.Inf(1)},
	}
	signup := model.NewNumberColumn(model.ColumnMeta{Name: "signup", Kind: model.KindDate}, 4)
	signup.SetValue(0, 18000)
	signup.SetValue(2, 19100)
	signup.SetValue(3, 19850)
	return p, t, Options{Customers: 4, AnalysisDay: 20000, SetAnalysisDay: true, Signup: signup}
}

const null = "NULL"

// want[name] = the four customers' values, hand-computed.
//
// Customer 0: sale lines 0,1 (invoice 10, day 19990), 2 (11, 19900),
// 4 (13, 19500), 15 (15, 19000; its NaN return is ignored); invoice 12 is
// returns-only and line 13 has no value. Gross 205, returned 10+20 = 30.
// Customer 1: no lines. Customer 2: lines 5, 6 (own purchases on 19999) and
// 14 (19000); 7 is after the analysis date, 8 has no date. Customer 3: a
// returns-only line (15) and a negative sale.
var want = map[string][4]any{
	ColFirstPurchase:       {19000.0, null, 19000.0, null},
	ColLastPurchase:        {19990.0, null, 19999.0, null},
	ColRecencyDays:         {10.0, null, 1.0, null},
	ColFrequency:           {4.0, 0.0, 3.0, 0.0},
	ColMonetary:            {175.0, 0.0, 30.0, -15.0},
	ColAvgTicket:           {51.25, null, 10.0, null},
	ColReturnsValue:        {30.0, 0.0, 0.0, 15.0},
	ColReturnRate:          {30.0 / 205, null, 0.0, null},
	ColTenureDays:          {1000.0, null, 1000.0, null},
	ColMeanDaysBetween:     {330.0, null, 999.0, null}, // (19990-19000)/3; (19999-19000)/1
	ColPurchases90d:        {1.0, 0.0, 2.0, 0.0},       // days ≥ 19910
	ColPurchases365d:       {2.0, 0.0, 2.0, 0.0},       // days ≥ 19635
	"share_store":          {150.0 / 205, null, 10.0 / 30, null},
	"share_online":         {50.0 / 205, null, 0.0, null},
	ColTopCategory:         {"Shoes", null, "Bags", null}, // c2: Hats 10 = Bags 10, lower code wins
	"contacts_email":       {2.0, 0.0, 1.0, 0.0},
	"contacts_store_visit": {1.0, 1.0, 0.0, 0.0},
	ColLastContact:         {19990.0, 19000.0, 19998.0, null},
	ColMeanSentiment:       {0.0, 1.0, null, null},
	ColContactsBefore30d:   {2.0, 0.0, 1.0, 0.0}, // c0: 19985→19990, 19870→19900; c2: 19998→19999
}

func cellValue(c model.Column, row int) any {
	if c.IsNull(row) {
		return null
	}
	switch c := c.(type) {
	case *model.NumberColumn:
		return c.Values[row]
	case *model.CodedColumn:
		return c.Dict[c.Codes[row]]
	case *model.TextColumn:
		return c.Values[row]
	}
	return nil
}

func sameCell(got, want any) bool {
	g, gok := got.(float64)
	w, wok := want.(float64)
	if gok && wok {
		return math.Abs(g-w) <= 1e-12*math.Max(1, math.Abs(w))
	}
	return got == want
}

func TestHandmadeAttributes(t *testing.T) {
	p, tp, opt := handmade()
	res, err := Compute(p, tp, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Columns) != len(want) {
		t.Errorf("got %d columns, want %d", len(res.Columns), len(want))
	}
	for name, vals := range want {
		c := res.Column(name)
		if c == nil {
			t.Errorf("no column %s", name)
			continue
		}
		if !c.Meta().Derived || c.Meta().Note == "" {
			t.Errorf("%s: Derived %v, Note %q", name, c.Meta().Derived, c.Meta().Note)
		}
		for row, w := range vals {
			if got := cellValue(c, row); !sameCell(got, w) {
				t.Errorf("%s[%d] = %v, want %v", name, row, got, w)
			}
		}
	}
	for _, name := range []string{ColFirstPurchase, ColLastPurchase, ColLastContact} {
		if k := res.Column(name).Meta().Kind; k != model.KindDate {
			t.Errorf("%s kind %v, want date", name, k)
		}
	}
}

func TestHandmadeReportAndSummary(t *testing.T) {
	p, tp, opt := handmade()
	res, err := Compute(p, tp, opt)
	if err != nil {
		t.Fatal(err)
	}
	wantProblems := map[Problem][]int{
		SaleNegative: {10}, SaleZero: {13}, ReturnInvalid: {15}, DateMissing: {8}, DateAfterAnalysis: {7},
		DateBeforeSignup: {9, 10, 14}, CustomerUnknown: {11, 12}, CodeInvalid: {14},
		TouchCustomerUnknown: {6}, TouchDateMissing: {7}, TouchDateAfterAnalysis: {4}, TouchKindMissing: {3},
		TouchSentimentInvalid: {8},
	}
	if len(res.Report.Problems) != len(wantProblems) {
		t.Errorf("%d problems reported, want %d: %+v", len(res.Report.Problems), len(wantProblems), res.Report.Problems)
	}
	for _, pc := range res.Report.Problems {
		w := wantProblems[pc.Problem]
		if pc.Count != len(w) || !slices.Equal(pc.Examples, w) || pc.Key != pc.Problem.Key() {
			t.Errorf("%s: count %d examples %v, want %v", pc.Key, pc.Count, pc.Examples, w)
		}
	}
	s := res.Summary
	// Sales dated up to the analysis date: customer 0 205, customer 2 30,
	// without customer 40 + 60.
	wantSum := Summary{AnalysisDay: 20000, Lines: 16, LinesUsed: 12, LinesWithoutCustomer: 2, Sales: 335,
		SalesWithoutCustomer: 100, ShareWithoutCustomer: 100.0 / 335, Customers: 4, CustomersWithPurchases: 2,
		Purchases: 7, Touchpoints: 9, TouchpointsUsed: 6, TouchpointsWithoutCustomer: 1}
	if s != wantSum {
		t.Errorf("summary\n got %+v\nwant %+v", s, wantSum)
	}
}

func TestExamplesAreCapped(t *testing.T) {
	p, tp, opt := handmade()
	opt.Examples = 2
	res, err := Compute(p, tp, opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, pc := range res.Report.Problems {
		if pc.Problem == DateBeforeSignup && (pc.Count != 3 || !slices.Equal(pc.Examples, []int{9, 10})) {
			t.Errorf("before signup: %d %v", pc.Count, pc.Examples)
		}
	}
}

func TestDefaultAnalysisDay(t *testing.T) {
	p, _, _ := handmade()
	// the latest dated line with a sale is line 7 (20005), even though its
	// customer and date would be reported against a set date
	if d, err := DefaultAnalysisDay(p); err != nil || d != 20006 {
		t.Errorf("DefaultAnalysisDay = %d, %v; want 20006", d, err)
	}
	p, tp, opt := handmade()
	opt.SetAnalysisDay = false
	res, err := Compute(p, tp, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary.AnalysisDay != 20006 || res.Report.Count(DateAfterAnalysis) != 0 {
		t.Errorf("default analysis day %d, after-analysis lines %d", res.Summary.AnalysisDay, res.Report.Count(DateAfterAnalysis))
	}
	// customer 2's line 7 (day 20005) now counts: 4 purchases, last 20005
	if v := res.Column(ColRecencyDays).(*model.NumberColumn).Values[2]; v != 1 {
		t.Errorf("customer 2 recency %v, want 1", v)
	}
	empty := &Purchases{Customer: []int32{0}, Day: []int32{19000}, Sales: []float64{0}}
	if _, err := DefaultAnalysisDay(empty); err == nil {
		t.Error("no sale: want an error")
	}
	if _, err := Compute(empty, nil, Options{Customers: 1}); err == nil {
		t.Error("Compute with no sale and no analysis day: want an error")
	}
}

func TestInputErrors(t *testing.T) {
	p, tp, opt := handmade()
	p.Returned = p.Returned[:3]
	if _, err := Compute(p, tp, opt); err == nil {
		t.Error("short Returned: want an error")
	}
	p, tp, opt = handmade()
	tp.Kind = tp.Kind[:1]
	if _, err := Compute(p, tp, opt); err == nil {
		t.Error("short Kind: want an error")
	}
	p, tp, opt = handmade()
	opt.Customers = 5 // the sign-up column has 4 rows
	if _, err := Compute(p, tp, opt); err == nil {
		t.Error("sign-up of the wrong length: want an error")
	}
	p, tp, opt = handmade()
	opt.Customers = -1
	if _, err := Compute(p, tp, opt); err == nil {
		t.Error("negative customers: want an error")
	}
}

func TestOptionalInputs(t *testing.T) {
	p := &Purchases{Customer: []int32{0, 0, 1}, Day: []int32{10, 20, 15}, Sales: []float64{1, 2, 3}}
	res, err := Compute(p, nil, Options{Customers: 3})
	if err != nil {
		t.Fatal(err)
	}
	// no channels, categories or touchpoints: only the twelve purchase attributes
	if len(res.Columns) != 12 {
		t.Errorf("%d columns, want 12", len(res.Columns))
	}
	// analysis day 21; customer 0: two own purchases on 10 and 20
	f := res.Column(ColFrequency).(*model.NumberColumn)
	r := res.Column(ColRecencyDays).(*model.NumberColumn)
	m := res.Column(ColMeanDaysBetween).(*model.NumberColumn)
	if f.Values[0] != 2 || r.Values[0] != 1 || m.Values[0] != 10 || r.Values[1] != 6 || !r.IsNull(2) || f.Values[2] != 0 {
		t.Errorf("frequency %v recency %v mean between %v", f.Values, r.Values, m.Values)
	}
}

func TestNoCustomersOrNoLines(t *testing.T) {
	p := &Purchases{Customer: []int32{-1, 3}, Day: []int32{5, 6}, Sales: []float64{1, 2}}
	res, err := Compute(p, &Touchpoints{}, Options{Customers: 0})
	if err != nil {
		t.Fatal(err)
	}
	if res.Summary.LinesWithoutCustomer != 2 || res.Summary.ShareWithoutCustomer != 1 || res.Columns[0].Len() != 0 {
		t.Errorf("%+v", res.Summary)
	}
	res, err = Compute(&Purchases{}, nil, Options{Customers: 3, AnalysisDay: 100, SetAnalysisDay: true})
	if err != nil {
		t.Fatal(err)
	}
	if f := res.Column(ColFrequency); f.Len() != 3 || f.IsNull(0) || !res.Column(ColRecencyDays).IsNull(2) {
		t.Error("no lines: frequency 0 and recency NULL for everyone")
	}
}

func TestColumnNames(t *testing.T) {
	got := ColumnNames("share_", []string{"Store", "E-mail", "e mail", "", "Ñandú  Shop!", "e_mail"})
	want := []string{"share_store", "share_e_mail", "share_e_mail_2", "share_value", "share_ñandú_shop", "share_e_mail_3"}
	if !slices.Equal(got, want) {
		t.Errorf("ColumnNames = %q, want %q", got, want)
	}
}
