package rfm

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// textbookQ7 is the oracle's quantile: Hyndman & Fan (1996) definition 7,
// Q(p) = x(j) + g·(x(j+1) − x(j)) with j = ⌊np + m⌋, g = np + m − j,
// m = 1 − p, on a sorted copy; written apart from quantile7 (other form,
// other indexing), so it agrees to rounding only.
func textbookQ7(x []float64, p float64) float64 {
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	n := float64(len(s))
	m := 1 - p
	j := math.Floor(n*p + m)
	g := n*p + m - j
	lo := int(j) // 1-based
	if lo >= len(s) {
		return s[len(s)-1]
	}
	return s[lo-1] + g*(s[lo]-s[lo-1])
}

// rLoopScores is R's scoring loop written out: for bin i, every value with
// lower[i] <= v < upper[i] gets score i (k+1−i for recency); lower and upper
// come from the scored data's min and max around the edges.
func rLoopScores(x, edges []float64, reverse bool) []int {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range x {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	lower := append([]float64{lo}, edges...)
	upper := append(append([]float64(nil), edges...), hi+1)
	k := len(edges) + 1
	out := make([]int, len(x))
	for i := 0; i < k; i++ {
		for j, v := range x {
			if v >= lower[i] && v < upper[i] {
				out[j] = i + 1
				if reverse {
					out[j] = k - i
				}
			}
		}
	}
	return out
}

func oracleEdges(x []float64, k int) []float64 {
	var e []float64
	for j := 1; j < k; j++ {
		e = append(e, textbookQ7(x, float64(j)/float64(k))+1)
	}
	return e
}

// nearEdge reports whether v is within rounding of an edge on which the
// two quantile formulas disagree in the last bits: there v may fall on
// either side. Where they agree exactly, v is compared strictly.
func nearEdge(v float64, edges, other []float64) bool {
	for j, e := range edges {
		if e != other[j] && math.Abs(v-e) <= 1e-9*math.Max(1, math.Abs(e)) {
			return true
		}
	}
	return false
}

// randomValues draws n values: small integers with many ties, or reals.
func randomValues(rng *rand.Rand, n int) []float64 {
	out := make([]float64, n)
	kind := rng.IntN(3)
	for i := range out {
		switch kind {
		case 0:
			out[i] = float64(1 + rng.IntN(4)) // frequency-like: heavy ties
		case 1:
			out[i] = float64(rng.IntN(700)) // days
		default:
			out[i] = math.Round(rng.ExpFloat64()*30000) / 100 // money
		}
	}
	return out
}

func TestAgainstTextbookOracle(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 9))
	skipped, compared := 0, 0
	for trial := range 400 {
		n := 1 + rng.IntN(300)
		if trial%10 == 0 {
			n = 1 + rng.IntN(6) // fewer customers than bins
		}
		m := Measures{Recency: randomValues(rng, n), Frequency: randomValues(rng, n), Monetary: randomValues(rng, n)}
		opt := Options{RecencyBins: 1 + rng.IntN(9), FrequencyBins: 1 + rng.IntN(9), MonetaryBins: 1 + rng.IntN(9)}
		s, th, err := Score(m, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name    string
			x       []float64
			k       int
			scale   Scale
			got     []int8
			reverse bool
		}{
			{"recency", m.Recency, opt.RecencyBins, th.Recency, s.R, true},
			{"frequency", m.Frequency, opt.FrequencyBins, th.Frequency, s.F, false},
			{"monetary", m.Monetary, opt.MonetaryBins, th.Monetary, s.M, false},
		} {
			edges := oracleEdges(c.x, c.k)
			if len(edges) != len(c.scale.Edges) {
				t.Fatalf("%s: %d edges, oracle %d", c.name, len(c.scale.Edges), len(edges))
			}
			for j := range edges {
				if math.Abs(edges[j]-c.scale.Edges[j]) > 1e-9*math.Max(1, math.Abs(edges[j])) {
					t.Fatalf("trial %d %s: edges %v, oracle %v", trial, c.name, c.scale.Edges, edges)
				}
			}
			want := rLoopScores(c.x, edges, c.reverse)
			for i, v := range c.x {
				if nearEdge(v, edges, c.scale.Edges) {
					skipped++
					continue
				}
				compared++
				if int(c.got[i]) != want[i] {
					t.Fatalf("trial %d %s: value %v scored %d, oracle %d (edges %v)", trial, c.name, v, c.got[i], want[i], edges)
				}
			}
		}
		// segments: the oracle assigns rule by rule to customers still free
		seg := make([]int, n)
		for i := range seg {
			seg[i] = -1
		}
		for k, r := range th.Segments.Rules {
			for i := range seg {
				if seg[i] < 0 && int(s.R[i]) >= r.RMin && int(s.R[i]) <= r.RMax && int(s.F[i]) >= r.FMin &&
					int(s.F[i]) <= r.FMax && int(s.M[i]) >= r.MMin && int(s.M[i]) <= r.MMax {
					seg[i] = k
				}
			}
		}
		for i := range seg {
			if seg[i] < 0 {
				seg[i] = len(th.Segments.Rules)
			}
			if int(s.Segment[i]) != seg[i] {
				t.Fatalf("trial %d customer %d: segment %d, oracle %d", trial, i, s.Segment[i], seg[i])
			}
		}
	}
	t.Logf("compared %d values, skipped %d within rounding of an edge", compared, skipped)
	// values exactly on an interpolated edge are rare; most are compared
	if compared < 100*skipped {
		t.Errorf("compared %d values, skipped %d near an edge", compared, skipped)
	}
}

func TestAllEqualAndTiny(t *testing.T) {
	for _, x := range [][]float64{{7, 7, 7, 7, 7, 7, 7, 7}, {3}, {2, 9}} {
		m := Measures{Recency: x, Frequency: x, Monetary: x}
		s, th, err := Score(m, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for i := range x {
			want := rLoopScores(x, oracleEdges(x, 5), false)[i]
			wantR := rLoopScores(x, oracleEdges(x, 5), true)[i]
			if int(s.F[i]) != want || int(s.M[i]) != want || int(s.R[i]) != wantR {
				t.Errorf("%v: scores r%d f%d m%d, want r%d f%d", x, s.R[i], s.F[i], s.M[i], wantR, want)
			}
		}
		if th.Customers != len(x) {
			t.Errorf("fitted on %d", th.Customers)
		}
	}
	// all equal: every customer in bin 1, so recency 5 and frequency 1
	s, _, _ := Score(Measures{Recency: []float64{4, 4}, Frequency: []float64{2, 2}, Monetary: []float64{9, 9}}, Options{})
	if s.R[0] != 5 || s.F[0] != 1 || s.M[1] != 1 {
		t.Errorf("all equal: %d %d %d", s.R[0], s.F[0], s.M[1])
	}
}

func TestMissingRowsAreLeftOut(t *testing.T) {
	nan := math.NaN()
	m := Measures{
		Recency:   []float64{10, 20, nan, 30, 40, 50, 60},
		Frequency: []float64{1, 2, 3, 4, math.Inf(1), 6, 7},
		Monetary:  []float64{5, 6, 7, 8, 9, 10, 11},
		Missing:   model.NewBitset(7),
	}
	m.Missing.Set(5)
	s, th, err := Score(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	kept := []int{0, 1, 3, 6}
	only := Measures{}
	for _, i := range kept {
		only.Recency = append(only.Recency, m.Recency[i])
		only.Frequency = append(only.Frequency, m.Frequency[i])
		only.Monetary = append(only.Monetary, m.Monetary[i])
	}
	th2, err := Fit(only, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(th)
	b, _ := json.Marshal(th2)
	if string(a) != string(b) {
		t.Errorf("missing rows changed the thresholds:\n%s\n%s", a, b)
	}
	for _, i := range []int{2, 4, 5} {
		if s.R[i] != 0 || s.F[i] != 0 || s.M[i] != 0 || s.Segment[i] != -1 {
			t.Errorf("row %d scored: %d %d %d %d", i, s.R[i], s.F[i], s.M[i], s.Segment[i])
		}
	}
	if s.Scored != 4 {
		t.Errorf("scored %d, want 4", s.Scored)
	}
	for _, c := range s.Columns(th) {
		for _, i := range []int{2, 4, 5} {
			if !c.IsNull(i) {
				t.Errorf("%s[%d] not NULL", c.Meta().Name, i)
			}
		}
		if c.IsNull(0) || !c.Meta().Derived {
			t.Errorf("%s[0] NULL or not derived", c.Meta().Name)
		}
	}
	if _, _, err := Score(Measures{Recency: []float64{nan}, Frequency: []float64{1}, Monetary: []float64{1}}, Options{}); err == nil {
		t.Error("nobody to score: want an error")
	}
}

func TestColumnsFromColumns(t *testing.T) {
	mk := func(name string, vals []float64, nulls ...int) *model.NumberColumn {
		c := model.NewNumberColumn(model.ColumnMeta{Name: name, Kind: model.KindReal}, len(vals))
		for i, v := range vals {
			c.SetValue(i, v)
		}
		for _, i := range nulls {
			c.Nulls.Set(i)
		}
		return c
	}
	rec := mk("recency_days", []float64{1, 50, 20, 300, 7, 0}, 5)
	freq := mk("frequency", []float64{9, 1, 3, 1, 4, 0})
	mon := mk("monetary", []float64{900, 10, 80, 5, 120, 0})
	m, err := FromColumns(rec, freq, mon)
	if err != nil {
		t.Fatal(err)
	}
	s, th, err := Score(m, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cols := s.Columns(th)
	names := []string{ColR, ColF, ColM, ColScore, ColCell, ColSegment}
	for i, c := range cols {
		if c.Meta().Name != names[i] {
			t.Fatalf("column %d is %s, want %s", i, c.Meta().Name, names[i])
		}
	}
	score := cols[3].(*model.NumberColumn)
	cell := cols[4].(*model.CodedColumn)
	seg := cols[5].(*model.CodedColumn)
	for i := range 5 {
		r, f, mo := int(s.R[i]), int(s.F[i]), int(s.M[i])
		if score.Values[i] != float64(100*r+10*f+mo) {
			t.Errorf("row %d rfm_score %v for %d%d%d", i, score.Values[i], r, f, mo)
		}
		if got, _ := cell.Value(i); got != string(rune('0'+r))+string(rune('0'+f))+string(rune('0'+mo)) {
			t.Errorf("row %d rfm_cell %q for %d%d%d", i, got, r, f, mo)
		}
		if got, _ := seg.Value(i); got != th.Segments.Names()[th.Segments.Assign(r, f, mo)] {
			t.Errorf("row %d segment %q", i, got)
		}
	}
	if !score.IsNull(5) || cell.Codes[5] != -1 || seg.Codes[5] != -1 {
		t.Error("row 5 (NULL recency) should be unscored")
	}
	if len(cell.Dict) != 125 || cell.Dict[0] != "111" || cell.Dict[124] != "555" {
		t.Errorf("cell dictionary %d values", len(cell.Dict))
	}
	if _, err := FromColumns(rec, freq, &model.CodedColumn{}); err == nil {
		t.Error("coded monetary: want an error")
	}
}
