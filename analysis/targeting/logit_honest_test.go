package targeting

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
)

// TestAUCIntervalHanleyMcNeil checks the interval against Hanley and McNeil's
// worked example (Radiology 143:29–36, 1982, Table 1 and the text after
// equation 2): one radiologist's ratings of 109 CT images on a 5-point scale,
// 58 truly normal rated 33, 6, 6, 11, 2 and 51 truly abnormal rated 3, 2, 2,
// 11, 33 from "definitely normal" to "definitely abnormal": area 0.893,
// standard error 0.032. And against the exact null variance of the
// Mann–Whitney statistic, (m+n+1)/(12mn), which the formula must reduce to
// at A = 0.5.
func TestAUCIntervalHanleyMcNeil(t *testing.T) {
	var score []float64
	var pos []bool
	for rating, k := range []int{33, 6, 6, 11, 2} {
		for range k {
			score, pos = append(score, float64(rating)), append(pos, false)
		}
	}
	for rating, k := range []int{3, 2, 2, 11, 33} {
		for range k {
			score, pos = append(score, float64(rating)), append(pos, true)
		}
	}
	a := AUC(score, pos)
	if math.Abs(a-0.893) > 0.0005 {
		t.Fatalf("AUC %.4f, the paper 0.893", a)
	}
	lo, hi, ok := AUCInterval(a, 51, 58)
	se := (hi - lo) / 2 / 1.959964
	if !ok || math.Abs(se-0.032) > 0.001 || math.Abs((lo+hi)/2-a) > 1e-12 {
		t.Fatalf("interval %.4f–%.4f (SE %.4f), the paper's SE 0.032 around %.3f", lo, hi, se, a)
	}
	for _, c := range [][2]int{{10, 10}, {51, 58}, {300, 4000}} {
		m, n := c[0], c[1]
		lo, hi, _ := AUCInterval(0.5, m, n)
		want := math.Sqrt(float64(m+n+1) / (12 * float64(m) * float64(n)))
		if got := (hi - lo) / 2 / 1.959964; math.Abs(got-want) > 1e-12 {
			t.Errorf("A = 0.5, %d and %d: SE %.6f, Mann–Whitney %.6f", m, n, got, want)
		}
	}
	if _, _, ok := AUCInterval(math.NaN(), 5, 5); ok {
		t.Error("an interval for an unmeasured AUC")
	}
	if lo, hi, _ := AUCInterval(0.99, 3, 3); lo < 0 || hi > 1 {
		t.Errorf("interval %v–%v outside [0, 1]", lo, hi)
	}
}

// TestLogisticNoBetterThanChanceFallsBack: responses drawn independently of
// every attribute. The held-out AUC's interval then covers 0.5, so the model
// is not used: every customer gets the channel's rate, and Describe says so
// with the interval. With a real signal (logitWorld) the interval is above
// 0.5 and the model is used.
func TestLogisticNoBetterThanChanceFallsBack(t *testing.T) {
	ds, past, _ := logitWorld(20_000, 8_000, 11)
	r := rand.New(rand.NewPCG(4, 4))
	for i := range past.Responded {
		past.Responded[i] = r.Float64() < 0.05 // nothing to learn
	}
	m, err := FitLogisticResponse(ds, past, []string{"age", "income", "gender"}, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	f, c := m.Logit[campaign.ChannelEmail], m.Channel[campaign.ChannelEmail]
	if f == nil || f.TooFew || math.IsNaN(f.AUC) {
		t.Fatalf("email fit %+v", f)
	}
	if !(f.AUCLo <= 0.5 && 0.5 <= f.AUCHi) || !f.Chance {
		t.Fatalf("AUC %.3f (%.3f–%.3f), chance %v: want an interval covering 0.5", f.AUC, f.AUCLo, f.AUCHi, f.Chance)
	}
	for i := range ds.Rows() {
		if p := m.Prob(campaign.ChannelEmail, i); p != c.Rate || c.Rate != c.Raw {
			t.Fatalf("row %d: %v, want the channel rate %v", i, p, c.Raw)
		}
	}
	d := m.Describe(campaign.ChannelEmail)
	for _, want := range []string{"95% CI", "no better than chance", "the channel rate"} {
		if !strings.Contains(d, want) {
			t.Errorf("Describe %q lacks %q", d, want)
		}
	}

	_, _, _, good := fitLogitWorld(t, 20_000, 20_000)
	g := good.Logit[campaign.ChannelEmail]
	if g.Chance || !(g.AUCLo > 0.5 && g.AUCLo < g.AUC && g.AUC < g.AUCHi) {
		t.Fatalf("real signal: AUC %.3f (%.3f–%.3f), chance %v", g.AUC, g.AUCLo, g.AUCHi, g.Chance)
	}
	if p0, p1 := good.Prob(campaign.ChannelEmail, 0), good.Prob(campaign.ChannelEmail, 1); p0 == p1 {
		t.Errorf("a model with signal gives everyone %v", p0)
	}
	if d := good.Describe(campaign.ChannelEmail); !strings.Contains(d, "95% CI") || strings.Contains(d, "not used") {
		t.Errorf("Describe %q", d)
	}
}

// datedWorld: n customers, everyone with e-mail consent today, given on a day
// spread over two years (consent_email_date). Past e-mail contacts fall on
// random days of those years; a contact responds at 12% when the customer had
// already consented on its day and at 2% when not. digitally_valid is yes for
// everyone contacted (as today's data says), so it cannot tell the two apart;
// a feature read today would learn nothing, one read on the contact's day
// learns the difference.
func datedWorld(n int, seed uint64) (*model.Dataset, *PastContacts, []int64) {
	r := rand.New(rand.NewPCG(seed, 1))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400
	consent := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "consent_email", Kind: model.KindBoolean, Role: model.RoleConsentEmail},
		Codes: make([]int32, n), Dict: model.BoolDict}
	date := model.NewNumberColumn(model.ColumnMeta{Name: "consent_email_date", Kind: model.KindDate}, n)
	valid := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "digitally_valid", Kind: model.KindBoolean, Derived: true},
		Codes: make([]int32, n), Dict: model.BoolDict}
	age := model.NewNumberColumn(model.ColumnMeta{Name: "age", Kind: model.KindInteger, Derived: true}, n)
	given := make([]int64, n)
	ds := &model.Dataset{Table: "customers", RowIDs: make([]int64, n), AsOf: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)}
	for i := range n {
		ds.RowIDs[i] = int64(i + 1)
		consent.Codes[i], valid.Codes[i] = 1, 1
		given[i] = start + int64(r.IntN(730))
		if i%10 == 9 {
			given[i] = start + 800 // consented after every contact, before the analysis day
		}
		date.SetValue(i, float64(given[i]))
		age.SetValue(i, float64(20+r.IntN(60)))
	}
	ds.Columns = []model.Column{consent, date, valid, age}
	past := &PastContacts{}
	for range 3 * n {
		row := r.IntN(n)
		day := start + int64(r.IntN(730))
		p := 0.02
		if given[row] <= day {
			p = 0.12
		}
		past.Row = append(past.Row, int32(row))
		past.Channel = append(past.Channel, campaign.ChannelEmail)
		past.Day = append(past.Day, day)
		past.Control = append(past.Control, false)
		past.Responded = append(past.Responded, r.Float64() < p)
	}
	return ds, past, given
}

// TestLogisticFeaturesAsOfContactDay: digitally_valid (read today) is left
// out and said to be; consent enters as of each contact's day, whose value
// agrees with an independent count over the contacts, and whose coefficient
// finds the true difference (12% against 2%: log-odds +1.9).
func TestLogisticFeaturesAsOfContactDay(t *testing.T) {
	ds, past, given := datedWorld(8000, 3)
	feats := DefaultLogitFeatures(ds)
	if !slices.Contains(feats, ConsentAtContact) || !slices.Contains(feats, "digitally_valid") {
		t.Fatalf("default features %v", feats)
	}
	m, err := FitLogisticResponse(ds, past, feats, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	f := m.Logit[campaign.ChannelEmail]
	if f == nil || f.TooFew || f.Chance {
		t.Fatalf("email fit %+v", f)
	}
	if slices.Contains(f.Features, "digitally_valid") || !slices.Equal(m.LeftOut, []string{"digitally_valid"}) {
		t.Errorf("features %v, left out %v: digitally_valid is known only today", f.Features, m.LeftOut)
	}
	coef, ok := f.Coef(ConsentAtContact, "yes")
	if !ok || math.Abs(coef-math.Log(0.12/0.88*0.98/0.02)) > 0.4 {
		t.Errorf("consent at contact: coefficient %.3f (%v), want about %.2f", coef, ok, math.Log(0.12/0.88*0.98/0.02))
	}
	// the feature's value per contact, counted independently
	dc, _ := findDatedConsent(ds)
	consented := 0
	for i, row := range past.Row {
		want := given[row] <= past.Day[i]
		if dc.at(int(row), past.Day[i]) != want {
			t.Fatalf("contact %d: consent at its day %v, the dates say %v", i, !want, want)
		}
		if want {
			consented++
		}
	}
	if consented == 0 || consented == past.Len() {
		t.Fatalf("%d of %d contacts consented on their day: nothing to tell apart", consented, past.Len())
	}
	// a new campaign reads consent on the analysis day: everyone has it then
	p0 := m.Prob(campaign.ChannelEmail, 0)
	for i := range ds.Rows() {
		if p := m.Prob(campaign.ChannelEmail, i); math.Abs(p-p0) > 0.02 {
			t.Fatalf("row %d: %v against %v; only age varies", i, p, p0)
		}
	}
	d := m.Describe(campaign.ChannelEmail)
	for _, want := range []string{"left out, known only as of today: digitally_valid", ConsentAtContact + " (consent_email by consent_email_date)"} {
		if !strings.Contains(d, want) {
			t.Errorf("Describe %q lacks %q", d, want)
		}
	}
	// asked for explicitly, a feature of today's reachability is still left out
	m2, err := FitLogisticResponse(ds, past, []string{"age", "reachable_email"}, 0.01)
	if err != nil || !slices.Equal(m2.LeftOut, []string{"reachable_email"}) {
		t.Errorf("reachable_email: left out %v, %v", m2.LeftOut, err)
	}
	// without dates, no dated feature
	ds.Columns = slices.DeleteFunc(ds.Columns, func(c model.Column) bool { return c.Meta().Name == "consent_email_date" })
	if slices.Contains(DefaultLogitFeatures(ds), ConsentAtContact) {
		t.Error("a dated feature without a date column")
	}
	if _, err := FitLogisticResponse(ds, past, []string{ConsentAtContact}, 0.01); err == nil {
		t.Error("consent at contact accepted without dates")
	}
}
