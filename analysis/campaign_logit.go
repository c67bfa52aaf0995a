package analysis

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"gonum.org/v1/gonum/mat"

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
//     above a non-responder). The model used is then refitted on everyone.
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
	TooFew      bool    // too few responses or non-responses to fit: the channel rate is used

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
// tenure_days, gender, marital status, digitally_valid.
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
func FitLogisticResponse(ds *model.Dataset, past *PastContacts, features []string, defaultRate float64) (*ResponseModel, error) {
	var cols []model.Column
	for _, name := range features {
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
	m.Method = "logistic"
	if past == nil {
		return m, nil
	}
	for ch := range NumChannels {
		cell := m.Channel[ch]
		if cell.N == 0 {
			continue
		}
		if cell.Responses < logitMinResponses || cell.N-cell.Responses < logitMinResponses {
			m.Logit[ch] = &LogitFit{N: cell.N, Responses: cell.Responses, TooFew: true, AUC: math.NaN()}
			continue
		}
		m.Logit[ch] = fitLogitChannel(ds, past, ch, cols)
	}
	return m, nil
}

// fitLogitChannel fits one channel that has enough history.
func fitLogitChannel(ds *model.Dataset, past *PastContacts, ch Channel, cols []model.Column) *LogitFit {
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
	d := &logitDesign{n: len(contacts), y: make([]bool, len(contacts)), p: 1}
	for k, i := range contacts {
		rows[k], d.y[k] = past.Row[i], past.Responded[i]
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
	}
	beta = d.fit(beta, 0, d.n, 1e-6) // warm start from the training fit

	fit.Terms[0].Coef = beta[0]
	for k := 1; k < len(fit.Terms); k++ {
		fit.Terms[k].Coef = beta[k]
	}
	// Every customer's probability, once, so that Prob is a lookup.
	eta := make([]float64, ds.Rows())
	for i := range eta {
		eta[i] = beta[0]
	}
	for _, f := range feats {
		f.addEta(eta, beta)
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

// logitFeature turns one attribute of any customer into its terms.
type logitFeature struct {
	num       *model.NumberColumn
	mean, sd  float64
	idx, miss int // coefficient of the standardised value and of "missing" (-1: none)

	coded *model.CodedColumn
	level []int // coefficient by code+1 (0: NULL); -1 for the reference
}

func (f *logitFeature) z(row int) float64 {
	if f.num.Nulls.Has(row) {
		return 0
	}
	z := (f.num.Values[row] - f.mean) / f.sd
	if z > logitClip {
		return logitClip
	}
	if z < -logitClip {
		return -logitClip
	}
	return z
}

// addEta adds the feature's part of the log-odds of every dataset row.
func (f *logitFeature) addEta(eta []float64, beta []float64) {
	if f.num != nil {
		b := beta[f.idx]
		for i := range eta {
			if f.num.Nulls.Has(i) {
				if f.miss >= 0 {
					eta[i] += beta[f.miss]
				}
				continue
			}
			eta[i] += b * f.z(i)
		}
		return
	}
	for i, c := range f.coded.Codes {
		if k := f.level[c+1]; k >= 0 {
			eta[i] += beta[k]
		}
	}
}

// logitDesign holds the fitted contacts' terms column by column: standardised
// numbers as float32, and for each categorical (and missing indicator) the
// coefficient each contact's level switches on (-1: the reference). Then
// the categorical slots are folded into cells, one per combination of
// levels that occurs: a contact's categorical terms are those of its cell,
// so a pass gathers and scatters once per contact for all of them (the
// Hessian's categorical blocks come from per-cell sums).
type logitDesign struct {
	n, p   int
	y      []bool
	num    [][]float32
	numIdx []int
	coded  [][]int16 // until buildCells
	cell   []int32   // per contact
	cells  [][]int16 // per cell, its coefficients in increasing order
}

// logitDenseCells bounds the (cell, level) table of buildCells; past it, a map.
var logitDenseCells = 1 << 22

// buildCells folds the categorical slots into cells, slot by slot: (cell so
// far, level) pairs get new cell numbers in order of first appearance.
func (d *logitDesign) buildCells() {
	d.cell = make([]int32, d.n)
	d.cells = [][]int16{nil}
	for _, col := range d.coded {
		first := int16(math.MaxInt16)
		for _, k := range col {
			if k >= 0 {
				first = min(first, k)
			}
		}
		width := 1
		for _, k := range col {
			width = max(width, int(k-first)+2)
		}
		local := func(k int16) int {
			if k < 0 {
				return 0
			}
			return int(k-first) + 1
		}
		var cells [][]int16
		dense := len(d.cells)*width <= logitDenseCells
		var table []int32
		byPair := map[int]int32{}
		if dense {
			table = make([]int32, len(d.cells)*width)
			for i := range table {
				table[i] = -1
			}
		}
		for i, k := range col {
			key := int(d.cell[i])*width + local(k)
			var c int32
			var ok bool
			if dense {
				c = table[key]
				ok = c >= 0
			} else {
				c, ok = byPair[key]
			}
			if !ok {
				c = int32(len(cells))
				ks := slices.Clone(d.cells[d.cell[i]])
				if k >= 0 {
					ks = append(ks, k)
				}
				cells = append(cells, ks)
				if dense {
					table[key] = c
				} else {
					byPair[key] = c
				}
			}
			d.cell[i] = c
		}
		d.cells = cells
	}
	d.coded = nil
}

// addFeature prepares column c over the contacts' rows and names its terms;
// false when it does not vary among them.
func (d *logitDesign) addFeature(c model.Column, rows []int32, fit *LogitFit) (logitFeature, bool) {
	name := c.Meta().Name
	switch c := c.(type) {
	case *model.NumberColumn:
		// Mean and sd in one pass, shifted by the first value against
		// cancellation (days since 1970, unix seconds).
		var sum, sq, shift float64
		nulls, first := 0, true
		for _, r := range rows {
			if c.Nulls.Has(int(r)) {
				nulls++
				continue
			}
			if first {
				shift, first = c.Values[r], false
			}
			v := c.Values[r] - shift
			sum += v
			sq += v * v
		}
		have := len(rows) - nulls
		if have < logitMinLevel {
			return logitFeature{}, false
		}
		mean := sum / float64(have)
		sd := math.Sqrt(max(0, sq/float64(have)-mean*mean))
		mean += shift
		if sd == 0 || math.IsNaN(sd) || math.IsInf(sd, 0) {
			return logitFeature{}, false
		}
		f := logitFeature{num: c, mean: mean, sd: sd, idx: d.p, miss: -1}
		d.p++
		fit.Terms = append(fit.Terms, LogitTerm{Feature: name})
		z := make([]float32, len(rows))
		for k, r := range rows {
			z[k] = float32(f.z(int(r)))
		}
		d.num, d.numIdx = append(d.num, z), append(d.numIdx, f.idx)
		if nulls >= logitMinLevel {
			f.miss = d.p
			d.p++
			fit.Terms = append(fit.Terms, LogitTerm{Feature: name, Level: "missing"})
			ind := make([]int16, len(rows))
			for k, r := range rows {
				ind[k] = -1
				if c.Nulls.Has(int(r)) {
					ind[k] = int16(f.miss)
				}
			}
			d.coded = append(d.coded, ind)
		}
		return f, true
	case *model.CodedColumn:
		counts := make([]int, len(c.Dict)+1)
		for _, r := range rows {
			counts[c.Codes[r]+1]++
		}
		order := make([]int, len(counts)) // levels by count, most frequent first
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return counts[b] - counts[a] })
		levelName := func(l int) string {
			if l == 0 {
				return "no value"
			}
			return c.Dict[l-1]
		}
		f := logitFeature{coded: c, level: make([]int, len(counts))}
		for i := range f.level {
			f.level[i] = -1
		}
		ref := levelName(order[0])
		kept := 0
		for _, l := range order[1:] {
			if counts[l] < logitMinLevel || kept == logitMaxLevels {
				break
			}
			f.level[l] = d.p
			d.p++
			kept++
			fit.Terms = append(fit.Terms, LogitTerm{Feature: name, Level: levelName(l), Reference: ref})
		}
		if kept == 0 {
			return logitFeature{}, false
		}
		ks := make([]int16, len(rows))
		for k, r := range rows {
			ks[k] = int16(f.level[c.Codes[r]+1])
		}
		d.coded = append(d.coded, ks)
		return f, true
	}
	return logitFeature{}, false
}

// logitSums are the log-loss, its gradient and (when h is set) its Hessian
// (p×p, filled in any triangle) summed over contacts. gc and hc are the
// per-cell sums the categorical parts come from: residuals; weights and
// weights times each number.
type logitSums struct {
	f      float64
	g, h   []float64
	gc, hc []float64
}

// sums evaluates contacts [lo, hi) at beta. They are cut into logitParts
// fixed parts, evaluated concurrently and added in order, so the result does
// not depend on the number of cores.
func (d *logitDesign) sums(beta []float64, lo, hi int, hess bool) logitSums {
	cb := make([]float64, len(d.cells)) // each cell's categorical log-odds
	for c, ks := range d.cells {
		for _, k := range ks {
			cb[c] += beta[k]
		}
	}
	nn := len(d.num) + 1
	parts := make([]logitSums, logitParts)
	var wg sync.WaitGroup
	per := (hi - lo + logitParts - 1) / logitParts
	for k := range parts {
		a, b := lo+k*per, min(hi, lo+(k+1)*per)
		parts[k].g = make([]float64, d.p)
		parts[k].gc = make([]float64, len(d.cells))
		if hess {
			parts[k].h = make([]float64, d.p*d.p)
			parts[k].hc = make([]float64, len(d.cells)*nn)
		}
		if a >= b {
			continue
		}
		if hi-lo < 50_000 {
			d.part(beta, cb, a, b, &parts[k])
			continue
		}
		wg.Go(func() { d.part(beta, cb, a, b, &parts[k]) })
	}
	wg.Wait()
	out := parts[0]
	for _, s := range parts[1:] {
		out.f += s.f
		for j := range out.g {
			out.g[j] += s.g[j]
		}
		for j := range out.gc {
			out.gc[j] += s.gc[j]
		}
		for j := range out.h {
			out.h[j] += s.h[j]
		}
		for j := range out.hc {
			out.hc[j] += s.hc[j]
		}
	}
	// The categorical terms from the cells: an indicator squared is itself,
	// so a cell's weight goes to the intercept row, the diagonal and every
	// pair of its levels alike.
	p, h := d.p, out.h
	for c, ks := range d.cells {
		for a, k := range ks {
			out.g[k] += out.gc[c]
			if h == nil {
				continue
			}
			w := out.hc[c*nn]
			h[k] += w // (0, k)
			for _, k2 := range ks[a:] {
				h[int(k)*p+int(k2)] += w
			}
			for j, idx := range d.numIdx {
				h[idx*p+int(k)] += out.hc[c*nn+1+j]
			}
		}
	}
	return out
}

// part accumulates contacts [a, b) into s, a block at a time.
func (d *logitDesign) part(beta, cb []float64, a, b int, s *logitSums) {
	var eta, r, w [logitBlock]float64
	z := make([][logitBlock]float64, len(d.num))
	num := make([][]float64, len(d.num))
	nn := len(d.num) + 1
	p := d.p
	for i0 := a; i0 < b; i0 += logitBlock {
		i1 := min(b, i0+logitBlock)
		m := i1 - i0
		for j, col := range d.num {
			for i, v := range col[i0:i1] {
				z[j][i] = float64(v)
			}
			num[j] = z[j][:m]
		}
		cell := d.cell[i0:i1]
		e, rr, ww := eta[:m], r[:m], w[:m]
		for i, c := range cell {
			e[i] = beta[0] + cb[c]
		}
		for j, col := range num {
			bj := beta[d.numIdx[j]]
			for i, v := range col {
				e[i] += bj * v
			}
		}
		// The loss of a contact is log(1+e^-|x|) + max(x, 0) − y·x. The
		// logarithms are taken of products of 512 factors in (1, 2] (at most
		// 2^512): one log per 512 contacts instead of one each, the
		// costliest part of the pass otherwise, at a relative error ~1e-14.
		var sr, sw, lin float64
		prod := 1.0
		for i, y := range d.y[i0:i1] {
			x := e[i]
			var pr float64
			if x >= 0 {
				ex := math.Exp(-x)
				pr = 1 / (1 + ex)
				prod *= 1 + ex
				lin += x
			} else {
				ex := math.Exp(x)
				pr = ex / (1 + ex)
				prod *= 1 + ex
			}
			if y {
				lin -= x
				rr[i] = pr - 1
			} else {
				rr[i] = pr
			}
			if i&511 == 511 {
				s.f += math.Log(prod)
				prod = 1
			}
			sr += rr[i]
			ww[i] = pr * (1 - pr)
			sw += ww[i]
		}
		s.f += math.Log(prod) + lin
		s.g[0] += sr
		for j, col := range num {
			acc := 0.0
			for i, v := range col {
				acc += rr[i] * v
			}
			s.g[d.numIdx[j]] += acc
		}
		if len(d.cells) > 1 {
			for i, c := range cell {
				s.gc[c] += rr[i]
			}
		}
		if s.h == nil {
			continue
		}
		h := s.h
		h[0] += sw
		for j, zj := range num {
			var a0 float64
			for i, v := range zj {
				a0 += ww[i] * v
			}
			h[d.numIdx[j]] += a0 // (0, j)
			for l := j; l < len(num); l++ {
				zl := num[l]
				acc := 0.0
				for i, v := range zj {
					acc += ww[i] * v * zl[i]
				}
				h[d.numIdx[j]*p+d.numIdx[l]] += acc
			}
		}
		if len(d.cells) > 1 {
			for i, c := range cell {
				hc := s.hc[int(c)*nn : int(c)*nn+nn]
				hc[0] += ww[i]
				for j := range num {
					hc[1+j] += ww[i] * num[j][i]
				}
			}
		}
	}
}

// fit minimises the penalised log-loss over contacts [lo, hi) by Newton's
// method from start, and returns the coefficients. Each step solves the
// Hessian system by Cholesky (gonum/mat); a step that would raise the loss
// is halved. The Hessian costs as much as the rest of a pass, so it is
// recomputed only while steps are large (over logitRehess in log-odds):
// near the optimum it barely changes, and the old one still converges
// fast, to the exact optimum, since the gradient is always exact. It stops
// when the next step moves no coefficient by more than tol; that step is
// taken.
func (d *logitDesign) fit(start []float64, lo, hi int, tol float64) []float64 {
	p := d.p
	eval := func(b []float64, hess bool) logitSums {
		s := d.sums(b, lo, hi, hess)
		for j := 1; j < p; j++ {
			s.f += LogitLambda / 2 * b[j] * b[j]
			s.g[j] += LogitLambda * b[j]
		}
		return s
	}
	beta := slices.Clone(start)
	cur := eval(beta, true)
	hess := mat.NewSymDense(p, nil)
	step := mat.NewVecDense(p, nil)
	trial := make([]float64, p)
	var chol mat.Cholesky
	for range 50 {
		if cur.h != nil {
			for a := range p {
				for b := a; b < p; b++ {
					v := cur.h[a*p+b]
					if a != b {
						v += cur.h[b*p+a]
					} else if a > 0 {
						v += LogitLambda
					}
					hess.SetSym(a, b, v)
				}
			}
			if !chol.Factorize(hess) {
				break // not positive definite: cannot happen with λ > 0 and a contact, but stop safely
			}
		}
		if chol.SolveVecTo(step, mat.NewVecDense(p, slices.Clone(cur.g))) != nil {
			break
		}
		size := maxAbs(step.RawVector().Data)
		if size < tol {
			for j := range beta {
				beta[j] -= step.AtVec(j)
			}
			break
		}
		accepted := false
		for t := 1.0; t > 1e-6; t /= 2 {
			for j := range trial {
				trial[j] = beta[j] - t*step.AtVec(j)
			}
			if next := eval(trial, t*size > logitRehess); next.f <= cur.f && finite(next.g) {
				copy(beta, trial)
				cur, accepted = next, true
				break
			}
		}
		if !accepted {
			break // at the optimum to rounding
		}
	}
	return beta
}

func maxAbs(x []float64) float64 {
	m := 0.0
	for _, v := range x {
		m = max(m, math.Abs(v))
	}
	return m
}

func finite(x []float64) bool {
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// predict gives the probabilities of contacts [lo, hi) at beta.
func (d *logitDesign) predict(beta []float64, lo, hi int) []float64 {
	out := make([]float64, hi-lo)
	for i := range out {
		out[i] = beta[0]
	}
	for j, col := range d.num {
		b := beta[d.numIdx[j]]
		for i, z := range col[lo:hi] {
			out[i] += b * float64(z)
		}
	}
	for i, c := range d.cell[lo:hi] {
		for _, k := range d.cells[c] {
			out[i] += beta[k]
		}
	}
	for i, e := range out {
		out[i] = sigmoid(e)
	}
	return out
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
	for ch := range NumChannels {
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

// describeLogit is Describe for a channel of the logistic model with history.
func (m *ResponseModel) describeLogit(ch Channel) string {
	c, f := m.Channel[ch], m.Logit[ch]
	if f == nil || f.TooFew {
		s := fmt.Sprintf("%s: %d past treated contacts with %d responses, too few for a logistic model (needs %d responses and %d non-responses); %.2f%% responded (95%% CI %.2f–%.2f%%), used for everyone",
			ch, c.N, c.Responses, logitMinResponses, logitMinResponses, 100*c.Raw, 100*c.Lo, 100*c.Hi)
		return s + m.describeControl(c, "the channel rate less the control rate")
	}
	on := "no attributes (the channel rate)"
	if len(f.Features) > 0 {
		on = strings.Join(f.Features, ", ")
	}
	s := fmt.Sprintf("%s: logistic on %s from %d past treated contacts (%.2f%% responded)", ch, on, f.N, 100*c.Raw)
	if math.IsNaN(f.AUC) {
		s += "; too few responses in a held-out fifth to measure how well it ranks"
	} else {
		s += fmt.Sprintf("; on a held-out fifth (%d contacts): mean predicted %.2f%%, observed %.2f%%, discrimination AUC %.2f (0.5 is chance)",
			f.HoldoutN, 100*f.HoldoutPred, 100*f.HoldoutObs, f.AUC)
	}
	return s + m.describeControl(c, "predicted less the control rate, at least 0")
}

func (m *ResponseModel) describeControl(c RateCell, uplift string) string {
	s := ""
	if c.ControlN > 0 {
		s += fmt.Sprintf("; control %.2f%% of %d", 100*c.ControlRate, c.ControlN)
	}
	switch {
	case m.Uplift && c.ControlN > 0:
		s += "; uplift: " + uplift
	case m.Uplift:
		s += "; no control group in the history, so not uplift"
	}
	return s
}
