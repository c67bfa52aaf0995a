package targeting

import (
	"github.com/pulpero/pulpero/model/campaign"

	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/pulpero/pulpero/model"
)

// The logistic response model: for each channel with history, the chance that
// a treated contact responds, as a logistic regression on customer
// attributes fitted to the channel's past treated contacts. Choices, stated
// once here:
//   - Numbers are standardised on the fitted contacts ((x − mean)/sd, clipped
//     to ±logitClip sd so that one extreme income cannot give a customer a
//     certain response). NULL counts as the mean; when at least logitMinLevel
//     fitted contacts have it NULL (and as many do not) an "is missing"
//     indicator is added too, because a missing value can itself tell
//     something (a customer who gave no birth date).
//   - Categories and yes/no attributes are one-hot against a reference level,
//     the most frequent one. No value (NULL) is a level like any other. Levels
//     with fewer than logitMinLevel fitted contacts are merged into the
//     reference, and at most logitMaxLevels levels are kept.
//   - L2 penalty λ/2·Σβ² with λ = LogitLambda on the log-likelihood summed over
//     contacts (the intercept is free): a standard normal prior on each
//     coefficient in standard-deviation units, small against the thousands of
//     contacts a campaign gives.
//   - Fitted by Newton's method (iteratively reweighted least squares), the
//     Hessian solved by Cholesky with gonum/mat.
//   - How sure: fitted first on four fifths of the customers, by a hash of
//     the customer's rowid (all of a customer's contacts fall on one side),
//     then measured on the fifth held out: calibration (mean predicted against
//     observed) and discrimination (AUC, the chance that a responder scores
//     above a non-responder, with Hanley and McNeil's 95% interval). The model
//     used is then refitted on everyone — only when that interval lies above
//     0.5: a model not shown better than chance (or whose ranking could not be
//     measured) is not used, and the channel's rate is, for everyone.
//   - Features hold what was known on each contact's day: the attributes made
//     from today's reachability are left out (see logit_dated.go), and consent
//     enters as of the contact's day where the data dates it.
//   - A channel with fewer than logitMinResponses responses or
//     non-responses is not fitted: its observed rate is used for everyone.
const (
	LogitLambda       = 1.0
	logitClip         = 5.0
	logitMinLevel     = 30
	logitMaxLevels    = 50
	logitMinResponses = 20
	logitParts        = 8    // fixed split of the contacts: same sums on any number of cores
	logitRehess       = 0.05 // recompute the Hessian after steps larger than this
	logitBlock        = 1024 // rows per inner block
)

// LogitFit is the logistic response model of one channel.
type LogitFit struct {
	Features  []string    // attributes in the model (asked for, and varying among the contacts)
	Terms     []LogitTerm // the intercept first
	N         int         // treated contacts fitted
	Responses int
	// Measured on the held-out fifth with the model fitted on the rest.
	HoldoutN    int
	HoldoutPred float64 // mean predicted probability
	HoldoutObs  float64 // observed response rate
	AUC         float64 // NaN when the held-out fifth lacks responders or non-responders
	// AUCLo, AUCHi: the AUC's 95% interval (Hanley and McNeil), when AUC is a number.
	AUCLo, AUCHi float64
	// Chance: the interval reaches 0.5, or the AUC could not be measured: the
	// model is not shown to rank better than chance, so the channel's rate is
	// used for everyone (Terms are then those of the fit on four fifths).
	Chance bool
	TooFew bool // too few responses or non-responses to fit: the channel rate is used

	prob []float32 // per dataset row; nil when TooFew
}

// LogitTerm is one coefficient: log-odds per standard deviation of a number,
// for a number being missing, or for a level against the reference.
type LogitTerm struct {
	Feature   string // "" for the intercept
	Level     string // a categorical level; "missing" for a number's NULL indicator; "" for a number
	Reference string // the reference level of a categorical
	Coef      float64
}

// Name is how the term reads: "age", "age missing", "gender=female (vs male)".
func (t LogitTerm) Name() string {
	switch {
	case t.Feature == "":
		return "(intercept)"
	case t.Level == "":
		return t.Feature
	case t.Reference == "":
		return t.Feature + " " + t.Level
	}
	return fmt.Sprintf("%s=%s (vs %s)", t.Feature, t.Level, t.Reference)
}

// Coef returns the coefficient of a term (level "" for a number), and false
// when the model has no such term.
func (f *LogitFit) Coef(feature, level string) (float64, bool) {
	for _, t := range f.Terms {
		if strings.EqualFold(t.Feature, feature) && t.Level == level {
			return t.Coef, true
		}
	}
	return 0, false
}

// DefaultLogitFeatures picks the derived and role attributes that describe a
// customer, those present and usable: age (else generation, which is coarser
// and redundant beside it), income (else income_band), has_children,
// tenure_days, gender, marital status, digitally_valid and ConsentAtContact
// (when the data dates e-mail or SMS consent). digitally_valid is named so
// that the fit can say it left it out: it is known only as of today.
func DefaultLogitFeatures(ds *model.Dataset) []string {
	var out []string
	add := func(c model.Column) bool {
		if c == nil || !logitUsable(c) || slices.Contains(out, c.Meta().Name) {
			return false
		}
		out = append(out, c.Meta().Name)
		return true
	}
	if !add(ds.Column("age")) {
		add(ds.Column("generation"))
	}
	if !add(ds.ByRole(model.RoleIncome)) {
		add(ds.Column("income_band"))
	}
	add(ds.Column("has_children"))
	add(ds.Column("tenure_days"))
	if !add(ds.ByRole(model.RoleGender)) {
		add(ds.Column("gender"))
	}
	add(ds.ByRole(model.RoleMaritalStatus))
	add(ds.Column("digitally_valid"))
	if _, ok := findDatedConsent(ds); ok {
		out = append(out, ConsentAtContact)
	}
	return out
}

func logitUsable(c model.Column) bool {
	switch c := c.(type) {
	case *model.NumberColumn:
		return c.Kind.Numeric()
	case *model.CodedColumn:
		return c.Kind.Coded()
	}
	return false
}

// FitLogisticResponse fits the logistic response model on past treated
// contacts, channel by channel. Control contacts are not fitted; their rate
// is kept on the channel (ControlN, ControlRate) for the lift and for
// UseUplift. The channel cells (N, Responses, Raw, Lo, Hi, Rate) are those of
// FitResponseRates without grouping, so a channel without history uses
// defaultRate and says so.
//
// Attributes known only as of today (digitally_valid, reachable_*, bridge)
// are left out and listed in LeftOut; ConsentAtContact is consent as of each
// contact's day.
func FitLogisticResponse(ds *model.Dataset, past *PastContacts, features []string, defaultRate float64) (*ResponseModel, error) {
	var cols []model.Column
	var dated *datedConsent
	var leftOut []string
	for _, name := range features {
		if strings.EqualFold(name, ConsentAtContact) {
			d, ok := findDatedConsent(ds)
			if !ok {
				return nil, fmt.Errorf("logistic model: %s needs an e-mail or SMS consent column with a date column beside it (consent_email_date)", ConsentAtContact)
			}
			dated = &d
			continue
		}
		if todayOnly(name) {
			leftOut = append(leftOut, name)
			continue
		}
		c := ds.Column(name)
		if c == nil {
			return nil, fmt.Errorf("logistic model: no attribute %q among the customers", name)
		}
		if !logitUsable(c) {
			return nil, fmt.Errorf("logistic model: %s is %s; use numbers, dates, categories or yes/no attributes", c.Meta().Name, c.Meta().Kind)
		}
		if !slices.Contains(cols, c) {
			cols = append(cols, c)
		}
	}
	m, err := FitResponseRates(ds, past, "", 0, defaultRate)
	if err != nil {
		return nil, err
	}
	m.Method, m.LeftOut, m.dated = "logistic", leftOut, dated
	if past == nil {
		return m, nil
	}
	for ch := range campaign.NumChannels {
		cell := m.Channel[ch]
		if cell.N == 0 {
			continue
		}
		if cell.Responses < logitMinResponses || cell.N-cell.Responses < logitMinResponses {
			m.Logit[ch] = &LogitFit{N: cell.N, Responses: cell.Responses, TooFew: true, AUC: math.NaN()}
			continue
		}
		m.Logit[ch] = fitLogitChannel(ds, past, ch, cols, dated)
	}
	return m, nil
}

// fitLogitChannel fits one channel that has enough history.
func fitLogitChannel(ds *model.Dataset, past *PastContacts, ch campaign.Channel, cols []model.Column, dated *datedConsent) *LogitFit {
	// The channel's treated contacts, training ones first, then the held-out fifth.
	var train, hold []int32
	for i := range past.Len() {
		if past.Channel[i] != ch || past.Row[i] < 0 || int(past.Row[i]) >= ds.Rows() || past.Control[i] {
			continue
		}
		if heldOut(ds, int(past.Row[i])) {
			hold = append(hold, int32(i))
		} else {
			train = append(train, int32(i))
		}
	}
	contacts := append(train, hold...)
	rows := make([]int32, len(contacts))
	days := make([]int64, len(contacts))
	d := &logitDesign{n: len(contacts), y: make([]bool, len(contacts)), p: 1}
	for k, i := range contacts {
		rows[k], d.y[k], days[k] = past.Row[i], past.Responded[i], past.Day[i]
	}
	fit := &LogitFit{N: d.n, Terms: []LogitTerm{{}}, AUC: math.NaN()}
	for _, y := range d.y {
		if y {
			fit.Responses++
		}
	}
	var feats []logitFeature
	for _, c := range cols {
		if f, ok := d.addFeature(c, rows, fit); ok {
			feats = append(feats, f)
			fit.Features = append(fit.Features, c.Meta().Name)
		}
	}
	if dated != nil {
		if f, ok := d.addDated(dated, rows, days, fit); ok {
			feats = append(feats, f)
			fit.Features = append(fit.Features, ConsentAtContact)
		}
	}
	d.buildCells()

	nTrain := len(train)
	beta := make([]float64, d.p)
	beta[0] = logit(float64(fit.Responses) / float64(d.n))
	if hy := countTrue(d.y[nTrain:]); nTrain > 0 && len(hold) > 0 && hy > 0 && hy < len(hold) && countTrue(d.y[:nTrain]) > 0 {
		beta = d.fit(beta, 0, nTrain, 1e-3) // only for the measures: an AUC needs no more
		pred := d.predict(beta, nTrain, d.n)
		fit.HoldoutN = len(hold)
		fit.HoldoutObs = float64(hy) / float64(len(hold))
		for _, p := range pred {
			fit.HoldoutPred += p
		}
		fit.HoldoutPred /= float64(len(pred))
		fit.AUC = AUC(pred, d.y[nTrain:])
		fit.AUCLo, fit.AUCHi, _ = AUCInterval(fit.AUC, hy, len(hold)-hy)
	}
	// only a model shown to rank better than chance is used
	fit.Chance = !(fit.AUCLo > 0.5)
	if !fit.Chance {
		beta = d.fit(beta, 0, d.n, 1e-6) // warm start from the training fit
	}
	fit.Terms[0].Coef = beta[0]
	for k := 1; k < len(fit.Terms); k++ {
		fit.Terms[k].Coef = beta[k]
	}
	if fit.Chance {
		return fit // no probabilities: Prob reads the channel rate
	}
	// Every customer's probability, once, so that Prob is a lookup.
	eta := make([]float64, ds.Rows())
	for i := range eta {
		eta[i] = beta[0]
	}
	for _, f := range feats {
		f.addEta(eta, beta, asOfDay(ds))
	}
	fit.prob = make([]float32, len(eta))
	for i, e := range eta {
		fit.prob[i] = float32(sigmoid(e))
	}
	return fit
}

// heldOut reports whether a customer's contacts are in the held-out fifth:
// the splitmix64 finalizer of the rowid (the row when there are no rowids).
func heldOut(ds *model.Dataset, row int) bool {
	x := uint64(row)
	if row < len(ds.RowIDs) {
		x = uint64(ds.RowIDs[row])
	}
	x += 0x9e3779b97f4a7c15
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x%5 == 0
}

func countTrue(b []bool) int {
	n := 0
	for _, v := range b {
		if v {
			n++
		}
	}
	return n
}

func logit(p float64) float64 { return math.Log(p / (1 - p)) }

func sigmoid(e float64) float64 {
	if e >= 0 {
		return 1 / (1 + math.Exp(-e))
	}
	x := math.Exp(e)
	return x / (1 + x)
}

// AUC is the area under the ROC curve of scores against outcomes: the chance
// that a random positive scores above a random negative, ties counting half
// (the Mann–Whitney statistic). NaN without both positives and negatives.
func AUC(score []float64, pos []bool) float64 {
	var ps, ns []float64
	for i, s := range score {
		if pos[i] {
			ps = append(ps, s)
		} else {
			ns = append(ns, s)
		}
	}
	if len(ps) == 0 || len(ns) == 0 {
		return math.NaN()
	}
	slices.Sort(ps)
	slices.Sort(ns)
	var wins float64 // Σ over positives of negatives below + half the tied ones
	below, upto := 0, 0
	for _, s := range ps {
		for below < len(ns) && ns[below] < s {
			below++
		}
		upto = max(upto, below)
		for upto < len(ns) && ns[upto] == s {
			upto++
		}
		wins += float64(below) + float64(upto-below)/2
	}
	return wins / (float64(len(ps)) * float64(len(ns)))
}

// logitUplift subtracts the channel's control rate from every customer's
// probability, never below 0. The control group's rate is one number per
// channel (control contacts are few, and a second model of them would be
// noisier than the difference it is meant to capture), so uplift here is
// "predicted response less the channel's baseline", which ranks customers as
// the response model does while pricing them at the incremental rate.
func (m *ResponseModel) logitUplift() {
	for ch := range campaign.NumChannels {
		f, c := m.Logit[ch], m.Channel[ch]
		if f == nil || f.prob == nil || c.ControlN == 0 {
			continue
		}
		ctl := float32(c.ControlRate)
		for i, p := range f.prob {
			f.prob[i] = max(0, p-ctl)
		}
	}
}

// explainLogit is Explain for a channel of the logistic model with history.
func (m *ResponseModel) explainLogit(ch campaign.Channel) []model.Sentence {
	c, f := m.Channel[ch], m.Logit[ch]
	channelUplift := model.Say("uplift: the channel rate less the control rate")
	if f == nil || f.TooFew {
		s := []model.Sentence{model.Say("%s: %d past treated contacts with %d responses, too few for a logistic model (needs %d responses and %d non-responses); %.2f%% responded (95%% CI %.2f–%.2f%%), used for everyone",
			ch, c.N, c.Responses, logitMinResponses, logitMinResponses, 100*c.Raw, 100*c.Lo, 100*c.Hi)}
		return append(s, m.explainControl(c, channelUplift)...)
	}
	var s []model.Sentence
	if len(f.Features) == 0 {
		s = append(s, model.Say("%s: logistic on no attributes (the channel rate) from %d past treated contacts (%.2f%% responded)", ch, f.N, 100*c.Raw))
	} else {
		names := make([]any, len(f.Features))
		for k, n := range f.Features {
			names[k] = n
			if n == ConsentAtContact && m.dated != nil {
				names[k] = model.Say("%s (%s)", n, m.dated.names())
			}
		}
		s = append(s, model.Say("%s: logistic on %s from %d past treated contacts (%.2f%% responded)", ch, list(names), f.N, 100*c.Raw))
	}
	if len(m.LeftOut) > 0 {
		s = append(s, model.Say("left out, known only as of today: %s", strings.Join(m.LeftOut, ", ")))
	}
	switch {
	case math.IsNaN(f.AUC):
		s = append(s, model.Say("too few responses in a held-out fifth to measure how well it ranks, so not used: %.2f%% (the channel rate) for everyone", 100*c.Rate))
		return append(s, m.explainControl(c, channelUplift)...)
	case f.Chance:
		s = append(s, model.Say("on a held-out fifth (%d contacts) discrimination AUC %.2f (95%% CI %.2f–%.2f) is no better than chance (0.5), so not used: %.2f%% (the channel rate) for everyone",
			f.HoldoutN, f.AUC, f.AUCLo, f.AUCHi, 100*c.Rate))
		return append(s, m.explainControl(c, channelUplift)...)
	}
	s = append(s, model.Say("on a held-out fifth (%d contacts): mean predicted %.2f%%, observed %.2f%%, discrimination AUC %.2f (95%% CI %.2f–%.2f; 0.5 is chance)",
		f.HoldoutN, 100*f.HoldoutPred, 100*f.HoldoutObs, f.AUC, f.AUCLo, f.AUCHi))
	return append(s, m.explainControl(c, model.Say("uplift: predicted less the control rate, at least 0"))...)
}

// list is items (text or sentences) as one sentence: "a, b, c".
func list(items []any) model.Sentence {
	return model.Say(strings.TrimSuffix(strings.Repeat("%s, ", len(items)), ", "), items...)
}

// asOfDay is the day the dataset's attributes describe (ds.AsOf), as days
// since 1970-01-01: the day a new campaign's dated features are read on.
// Without one, every date counts as past.
func asOfDay(ds *model.Dataset) int64 {
	if ds.AsOf.IsZero() {
		return math.MaxInt64
	}
	return floorDiv(ds.AsOf.Unix(), 86400)
}

// explainControl is what the control group adds to a channel's
// description, uplift saying what the uplift is.
func (m *ResponseModel) explainControl(c RateCell, uplift model.Sentence) []model.Sentence {
	var s []model.Sentence
	if c.ControlN > 0 {
		s = append(s, model.Say("control %.2f%% of %d", 100*c.ControlRate, c.ControlN))
	}
	switch {
	case m.Uplift && c.ControlN > 0:
		s = append(s, uplift)
	case m.Uplift:
		s = append(s, model.Say("no control group in the history, so not uplift"))
	}
	return s
}
