package targeting

import (
	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model/campaign"

	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// logitWorld is n customers with age (5% NULL), income (role income),
// gender (40% female, male, 0.03% "x" and 2% NULL), tenure_days, has_children
// and marital (no effect), survey (NULL for everyone contacted: it must drop
// out), and a true response probability
//
//	logit p = -3 + 0.04·(age − 48) − 0.00003·(income − 40,000) + 0.7·female
//
// (age's hidden value counts even when it is NULL in the data). Past
// contacts: `email` treated contacts on random customers drawn from p, a
// tenth as many control contacts responding at 2%, and 150 sms contacts
// with 3 responses; nothing on phone or post.
func logitWorld(n, email int, seed uint64) (*model.Dataset, *PastContacts, []float64) {
	r := rand.New(rand.NewPCG(seed, 7))
	ds := &model.Dataset{Table: "customers", RowIDs: make([]int64, n)}
	age := model.NewNumberColumn(model.ColumnMeta{Name: "age", Kind: model.KindInteger, Derived: true}, n)
	income := model.NewNumberColumn(model.ColumnMeta{Name: "income", Kind: model.KindReal, Role: model.RoleIncome}, n)
	tenure := model.NewNumberColumn(model.ColumnMeta{Name: "tenure_days", Kind: model.KindInteger, Derived: true}, n)
	survey := model.NewNumberColumn(model.ColumnMeta{Name: "survey", Kind: model.KindReal}, n)
	kids := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "has_children", Kind: model.KindBoolean, Derived: true},
		Codes: make([]int32, n), Dict: model.BoolDict}
	marital := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "marital", Kind: model.KindCategorical, Role: model.RoleMaritalStatus},
		Codes: make([]int32, n), Dict: []string{"single", "married", "divorced", "widowed", "other"}}
	gender := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "gender", Kind: model.KindCategorical, Role: model.RoleGender},
		Codes: make([]int32, n), Dict: []string{"female", "male", "x"}}
	truth := make([]float64, n)
	for i := range n {
		ds.RowIDs[i] = int64(i + 1)
		a := float64(18 + r.IntN(63))
		if r.Float64() >= 0.05 {
			age.SetValue(i, a)
		}
		inc := math.Max(5000, 40000+15000*r.NormFloat64())
		income.SetValue(i, inc)
		u := r.Float64()
		switch {
		case u < 0.02:
			gender.Codes[i] = -1
		case u < 0.0203:
			gender.Codes[i] = 2
		case u < 0.42:
			gender.Codes[i] = 0
		default:
			gender.Codes[i] = 1
		}
		tenure.SetValue(i, float64(r.IntN(3000)))
		kids.Codes[i] = int32(r.IntN(2))
		marital.Codes[i] = int32(r.IntN(5))
		if i%2 == 1 { // contacted customers are even rows: survey unknown for all of them
			survey.SetValue(i, r.Float64())
		}
		eta := -3 + 0.04*(a-48) - 0.00003*(inc-40000)
		if gender.Codes[i] == 0 {
			eta += 0.7
		}
		truth[i] = sigmoid(eta)
	}
	ds.Columns = []model.Column{age, income, gender, tenure, survey, kids, marital}
	past := &PastContacts{}
	add := func(row int, ch campaign.Channel, control, responded bool) {
		past.Row = append(past.Row, int32(row))
		past.Channel = append(past.Channel, ch)
		past.Day = append(past.Day, 20000)
		past.Control = append(past.Control, control)
		past.Responded = append(past.Responded, responded)
	}
	for range email {
		row := 2 * r.IntN(n/2)
		add(row, campaign.ChannelEmail, false, r.Float64() < truth[row])
	}
	for range email / 10 {
		add(2*r.IntN(n/2), campaign.ChannelEmail, true, r.Float64() < 0.02)
	}
	for k := range 150 {
		add(2*r.IntN(n/2), campaign.ChannelSMS, false, k%50 == 0)
	}
	add(-1, campaign.ChannelEmail, false, true) // a customer not in the dataset
	add(0, -1, false, true)                     // a channel pulpero does not know
	return ds, past, truth
}

func fitLogitWorld(t testing.TB, n, email int) (*model.Dataset, *PastContacts, []float64, *ResponseModel) {
	ds, past, truth := logitWorld(n, email, 3)
	m, err := FitLogisticResponse(ds, past, []string{"age", "income", "gender", "survey"}, 0.015)
	if err != nil {
		t.Fatal(err)
	}
	return ds, past, truth, m
}

// TestLogisticRecoversTruth: the coefficients have the true signs and
// order, the probabilities follow the true ones far better than the channel
// mean, the held-out fifth measures a real AUC and calibration, NULLs get a
// "missing" term, and a number unknown for every contact drops out.
func TestLogisticRecoversTruth(t *testing.T) {
	ds, _, truth, m := fitLogitWorld(t, 60_000, 60_000)
	if m.Method != "logistic" {
		t.Fatalf("method %q", m.Method)
	}
	f := m.Logit[campaign.ChannelEmail]
	if f == nil || f.TooFew {
		t.Fatalf("no email fit: %+v", f)
	}
	if got := strings.Join(f.Features, ","); got != "age,income,gender" {
		t.Errorf("features %s, want age,income,gender (survey is NULL for every contact)", got)
	}
	ageC, ok1 := f.Coef("age", "")
	incC, ok2 := f.Coef("income", "")
	femC, ok3 := f.Coef("gender", "female")
	_, ok4 := f.Coef("age", "missing")
	if _, rare := f.Coef("gender", "x"); rare {
		t.Errorf("gender x (0.2%%) should be merged into the reference")
	}
	if !ok1 || !ok2 || !ok3 || !ok4 {
		t.Fatalf("terms missing: %+v", f.Terms)
	}
	// Per sd: age 0.04·18.2 ≈ 0.73, income −0.00003·15,000 ≈ −0.45, female 0.7 against male.
	if !(ageC > 0.5 && incC < -0.3 && femC > 0.5 && ageC > -incC) {
		t.Errorf("coefficients age %.3f income %.3f female %.3f: want age > −income > 0 and female > 0", ageC, incC, femC)
	}
	for _, term := range f.Terms {
		if term.Feature == "gender" && term.Reference != "male" {
			t.Errorf("reference of gender %q, want male (the most frequent)", term.Reference)
		}
	}

	// Against the truth, over every customer.
	rate := m.Channel[campaign.ChannelEmail].Raw
	var seModel, seMean float64
	pred := make([]float64, ds.Rows())
	for i := range pred {
		pred[i] = m.Prob(campaign.ChannelEmail, i)
		if !(pred[i] > 0 && pred[i] < 1) {
			t.Fatalf("row %d: probability %v", i, pred[i])
		}
		seModel += (pred[i] - truth[i]) * (pred[i] - truth[i])
		seMean += (rate - truth[i]) * (rate - truth[i])
	}
	if c := correlation(pred, truth); c < 0.95 {
		t.Errorf("correlation with the true probabilities %.3f, want ≥ 0.95", c)
	}
	if seModel > 0.1*seMean {
		t.Errorf("squared error %.4g against %.4g for the channel mean: want ten times better", seModel, seMean)
	}

	if f.HoldoutN < f.N/6 || f.HoldoutN > f.N/4 {
		t.Errorf("held out %d of %d, want about a fifth", f.HoldoutN, f.N)
	}
	if !(f.AUC > 0.65) {
		t.Errorf("held-out AUC %.3f, want clearly above 0.5", f.AUC)
	}
	if math.Abs(f.HoldoutPred-f.HoldoutObs) > 0.01 {
		t.Errorf("held out: predicted %.4f, observed %.4f", f.HoldoutPred, f.HoldoutObs)
	}
	c := m.Channel[campaign.ChannelEmail]
	if c.N != f.N || c.Responses != f.Responses || c.N != 60_000 || !(c.Lo < c.Raw && c.Raw < c.Hi) || c.ControlN != 6000 {
		t.Errorf("channel cell %+v, fit N %d", c, f.N)
	}
	d := m.Describe(campaign.ChannelEmail)
	for _, want := range []string{"email: logistic on age, income, gender from 60000 past treated contacts", "held-out fifth", "AUC", "control"} {
		if !strings.Contains(d, want) {
			t.Errorf("Describe %q lacks %q", d, want)
		}
	}
	t.Log(d)
}

// TestLogisticFallbacks: no history gives the default rate and says so; too
// few responses give the channel's rate for everyone and say so.
func TestLogisticFallbacks(t *testing.T) {
	ds, _, _, m := fitLogitWorld(t, 4000, 4000)
	for _, ch := range []campaign.Channel{campaign.ChannelPhone, campaign.ChannelPost} {
		if m.Logit[ch] != nil || !m.Channel[ch].FromDefault {
			t.Fatalf("%s: fit %+v cell %+v", ch, m.Logit[ch], m.Channel[ch])
		}
		if p := m.Prob(ch, 5); p != 0.015 {
			t.Errorf("%s: %v, want the default 0.015", ch, p)
		}
		if d := m.Describe(ch); !strings.Contains(d, "no campaign history; default rate 1.50%") {
			t.Errorf("%s: %q", ch, d)
		}
	}
	f := m.Logit[campaign.ChannelSMS]
	if f == nil || !f.TooFew || f.N != 150 || f.Responses != 3 {
		t.Fatalf("sms: %+v", f)
	}
	for i := range ds.Rows() {
		if p := m.Prob(campaign.ChannelSMS, i); p != 0.02 {
			t.Fatalf("sms row %d: %v, want the channel rate 0.02", i, p)
		}
	}
	if d := m.Describe(campaign.ChannelSMS); !strings.Contains(d, "too few for a logistic model") {
		t.Errorf("sms: %q", d)
	}
	if r, _ := FitResponseRates(ds, nil, "", 0, 0.01); r.Method != "rates" {
		t.Errorf("rates model says %q", r.Method)
	}
	if _, err := FitLogisticResponse(ds, nil, []string{"nope"}, 0.01); err == nil {
		t.Error("an unknown attribute was accepted")
	}
	ds.Add(&model.TextColumn{ColumnMeta: model.ColumnMeta{Name: "note", Kind: model.KindText}, Values: make([]string, ds.Rows())})
	if _, err := FitLogisticResponse(ds, nil, []string{"note"}, 0.01); err == nil {
		t.Error("a text attribute was accepted")
	}
	m, err := FitLogisticResponse(ds, nil, nil, 0.01)
	if err != nil || m.Prob(campaign.ChannelEmail, 0) != 0.01 {
		t.Errorf("no history at all: %v %v", m, err)
	}
}

// TestLogisticDeterministic: the same inputs give identical probabilities,
// on one core or several, with the cells numbered by table or by map.
func TestLogisticDeterministic(t *testing.T) {
	ds, past, _ := logitWorld(80_000, 70_000, 5)
	feats := []string{"age", "income", "gender"}
	a, err := FitLogisticResponse(ds, past, feats, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	old := runtime.GOMAXPROCS(1)
	b, _ := FitLogisticResponse(ds, past, feats, 0.01)
	runtime.GOMAXPROCS(old)
	dense := logitDenseCells
	logitDenseCells = 0 // cells numbered through the map instead
	c, _ := FitLogisticResponse(ds, past, feats, 0.01)
	logitDenseCells = dense
	for _, o := range []*ResponseModel{b, c} {
		for i := range ds.Rows() {
			if a.Prob(campaign.ChannelEmail, i) != o.Prob(campaign.ChannelEmail, i) {
				t.Fatalf("row %d: %v then %v", i, a.Prob(campaign.ChannelEmail, i), o.Prob(campaign.ChannelEmail, i))
			}
		}
		if a.Describe(campaign.ChannelEmail) != o.Describe(campaign.ChannelEmail) {
			t.Fatalf("%q\n%q", a.Describe(campaign.ChannelEmail), o.Describe(campaign.ChannelEmail))
		}
	}
}

// TestLogisticUplift: each customer's probability less the channel's
// control rate, never below 0; channels without control keep theirs.
func TestLogisticUplift(t *testing.T) {
	ds, past, _ := logitWorld(20_000, 20_000, 9)
	m, err := FitLogisticResponse(ds, past, []string{"age", "income", "gender"}, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	before := make([]float64, ds.Rows())
	for i := range before {
		before[i] = m.Prob(campaign.ChannelEmail, i)
	}
	sms := m.Prob(campaign.ChannelSMS, 0)
	m.UseUplift()
	ctl := m.Channel[campaign.ChannelEmail].ControlRate
	if ctl <= 0 {
		t.Fatalf("control rate %v", ctl)
	}
	zeros := 0
	for i, p := range before {
		got := m.Prob(campaign.ChannelEmail, i)
		if want := math.Max(0, p-ctl); math.Abs(got-want) > 1e-6 {
			t.Fatalf("row %d: %v, want %v − %v", i, got, p, ctl)
		}
		if got == 0 {
			zeros++
		}
	}
	if zeros == 0 {
		t.Error("no customer below the control rate: the floor is untested")
	}
	if m.Prob(campaign.ChannelSMS, 0) != sms {
		t.Error("sms has no control group but changed")
	}
	if d := m.Describe(campaign.ChannelEmail); !strings.Contains(d, "uplift: predicted less the control rate") {
		t.Errorf("%q", d)
	}
}

// TestLogisticPlan: the campaign planner runs on the logistic model.
func TestLogisticPlan(t *testing.T) {
	ds, v, past := campaignWorld(20_000)
	m, err := FitLogisticResponse(ds, past, DefaultLogitFeatures(ds), 0.02)
	if err != nil {
		t.Fatal(err)
	}
	if got := DefaultLogitFeatures(ds); len(got) != 1 || got[0] != "generation" {
		t.Errorf("default features %v, want [generation]", got)
	}
	p, err := PlanCampaign(ds, analysis.Reachability(ds, v), m, CampaignSpec{Name: "l", Channels: []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.05}}, Value: 40})
	if err != nil || p.Target.Count() == 0 {
		t.Fatalf("plan: %v, %d targeted", err, p.Target.Count())
	}
}

// TestDefaultLogitFeatures picks present, usable attributes in order.
func TestDefaultLogitFeatures(t *testing.T) {
	n := 3
	num := func(name string, kind model.Kind, role model.Role) model.Column {
		return model.NewNumberColumn(model.ColumnMeta{Name: name, Kind: kind, Role: role}, n)
	}
	coded := func(name string, kind model.Kind, role model.Role) model.Column {
		return &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: name, Kind: kind, Role: role}, Codes: make([]int32, n), Dict: model.BoolDict}
	}
	ds := &model.Dataset{RowIDs: []int64{1, 2, 3}, Columns: []model.Column{
		num("customer_id", model.KindIdentifier, model.RoleCustomerID),
		coded("generation", model.KindCategorical, ""), num("age", model.KindInteger, ""),
		num("revenue", model.KindReal, model.RoleIncome), coded("income_band", model.KindCategorical, ""),
		coded("has_children", model.KindBoolean, ""), coded("sex", model.KindCategorical, model.RoleGender),
		&model.TextColumn{ColumnMeta: model.ColumnMeta{Name: "digitally_valid", Kind: model.KindText}, Values: make([]string, n)},
	}}
	if got := strings.Join(DefaultLogitFeatures(ds), ","); got != "age,revenue,has_children,sex" {
		t.Errorf("got %s", got)
	}
	ds.Columns = ds.Columns[:3]
	ds.Columns[2] = coded("age", model.KindText, "")
	if got := strings.Join(DefaultLogitFeatures(ds), ","); got != "generation" {
		t.Errorf("without a usable age: %s", got)
	}
}

// TestAUC against counting every pair, ties included.
func TestAUC(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 20 {
		n := 5 + r.IntN(200)
		score, pos := make([]float64, n), make([]bool, n)
		for i := range n {
			score[i] = float64(r.IntN(10)) // many ties
			pos[i] = r.Float64() < float64(trial+1)/22
		}
		var wins float64
		np, nn := 0, 0
		for i := range n {
			if !pos[i] {
				nn++
				continue
			}
			np++
			for j := range n {
				if !pos[j] {
					switch {
					case score[i] > score[j]:
						wins++
					case score[i] == score[j]:
						wins += 0.5
					}
				}
			}
		}
		got := AUC(score, pos)
		if np == 0 || nn == 0 {
			if !math.IsNaN(got) {
				t.Errorf("trial %d: %v without both classes", trial, got)
			}
			continue
		}
		if want := wins / float64(np*nn); math.Abs(got-want) > 1e-12 {
			t.Errorf("trial %d: %v, want %v", trial, got, want)
		}
	}
}

func correlation(a, b []float64) float64 {
	var ma, mb float64
	for i := range a {
		ma += a[i]
		mb += b[i]
	}
	ma /= float64(len(a))
	mb /= float64(len(b))
	var sab, saa, sbb float64
	for i := range a {
		sab += (a[i] - ma) * (b[i] - mb)
		saa += (a[i] - ma) * (a[i] - ma)
		sbb += (b[i] - mb) * (b[i] - mb)
	}
	return sab / math.Sqrt(saa*sbb)
}

// BenchmarkFitLogistic1M: 1,000,000 customers, 1,000,000 past treated
// e-mail contacts (and 100,000 control), on the defaults of such a dataset:
// age, income, has_children, tenure_days, gender, marital (12 coefficients).
func BenchmarkFitLogistic1M(b *testing.B) {
	ds, past, _ := logitWorld(1_000_000, 1_000_000, 3)
	feats := DefaultLogitFeatures(ds)
	b.ResetTimer()
	for b.Loop() {
		if _, err := FitLogisticResponse(ds, past, feats, 0.01); err != nil {
			b.Fatal(err)
		}
	}
}
