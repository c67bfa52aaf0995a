package rfm

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// The published vectors, as printed in the rfm 0.3.0 reference manual
// (rfm_segment and rfm_segment_summary examples):
//
//	recency_lower <-   c(5, 3, 2, 3, 4, 1, 1, 1, 2, 1)
//	recency_upper <-   c(5, 5, 4, 4, 5, 2, 2, 3, 3, 1)
//	frequency_lower <- c(5, 3, 2, 1, 1, 3, 2, 3, 1, 1)
//	frequency_upper <- c(5, 5, 4, 3, 3, 4, 5, 5, 3, 5)
//	monetary_lower <-  c(5, 2, 2, 3, 1, 4, 4, 3, 1, 1)
//	monetary_upper <-  c(5, 5, 4, 5, 5, 5, 5, 5, 4, 5)
func TestDefaultTableIsPublished(t *testing.T) {
	names := []string{"Champions", "Potential Loyalist", "Loyal Customers", "Promising", "New Customers",
		"Can't Lose Them", "At Risk", "Need Attention", "About To Sleep", "Lost"}
	vec := [6][]int{
		{5, 3, 2, 3, 4, 1, 1, 1, 2, 1}, {5, 5, 4, 4, 5, 2, 2, 3, 3, 1},
		{5, 3, 2, 1, 1, 3, 2, 3, 1, 1}, {5, 5, 4, 3, 3, 4, 5, 5, 3, 5},
		{5, 2, 2, 3, 1, 4, 4, 3, 1, 1}, {5, 5, 4, 5, 5, 5, 5, 5, 4, 5},
	}
	tab := DefaultTable()
	if len(tab.Rules) != len(names) {
		t.Fatalf("%d rules", len(tab.Rules))
	}
	for i, r := range tab.Rules {
		got := [6]int{r.RMin, r.RMax, r.FMin, r.FMax, r.MMin, r.MMax}
		for k := range got {
			if r.Name != names[i] || got[k] != vec[k][i] {
				t.Errorf("rule %d %q %v, published %q", i, r.Name, got, names[i])
				break
			}
		}
	}
}

// The ranges as the rfm-transaction-level-data vignette prints them.
func TestClassicTableIsPublished(t *testing.T) {
	names := []string{"Champions", "Loyal Customers", "Potential Loyalist", "New Customers", "Promising",
		"Need Attention", "About To Sleep", "At Risk", "Can't Lose Them", "Hibernating", "Lost"}
	recency := []string{"4 - 5", "2 - 5", "3 - 5", "4 - 5", "3 - 4", "2 - 3", "2 - 3", "<= 2", "<= 1", "1 - 2", "<= 2"}
	frequency := []string{"4 - 5", "3 - 5", "1 - 3", "<= 1", "<= 1", "2 - 3", "<= 2", "2 - 5", "4 - 5", "1 - 2", "<= 2"}
	monetary := []string{"4 - 5", "3 - 5", "1 - 3", "<= 1", "<= 1", "2 - 3", "<= 2", "2 - 5", "4 - 5", "1 - 2", "<= 2"}
	parse := func(s string) (int, int) {
		if v, ok := strings.CutPrefix(s, "<= "); ok {
			hi, _ := strconv.Atoi(v)
			return 1, hi
		}
		a, b, _ := strings.Cut(s, " - ")
		lo, _ := strconv.Atoi(a)
		hi, _ := strconv.Atoi(b)
		return lo, hi
	}
	tab := ClassicTable()
	if len(tab.Rules) != 11 {
		t.Fatalf("%d rules", len(tab.Rules))
	}
	for i, r := range tab.Rules {
		rl, rh := parse(recency[i])
		fl, fh := parse(frequency[i])
		ml, mh := parse(monetary[i])
		if r.Name != names[i] || r.RMin != rl || r.RMax != rh || r.FMin != fl || r.FMax != fh || r.MMin != ml || r.MMax != mh {
			t.Errorf("rule %d %+v, published %s %s %s %s", i, r, names[i], recency[i], frequency[i], monetary[i])
		}
	}
}

func TestTableValidate(t *testing.T) {
	for _, tab := range []Table{DefaultTable(), ClassicTable()} {
		if err := tab.Validate(); err != nil {
			t.Errorf("%s: %v", tab.Name, err)
		}
	}
	bad := []Table{
		{Rules: []Rule{{"A", 0, 5, 1, 5, 1, 5}}},
		{Rules: []Rule{{"A", 3, 2, 1, 5, 1, 5}}},
		{Rules: []Rule{{"A", 1, 10, 1, 5, 1, 5}}},
		{Rules: []Rule{{"", 1, 5, 1, 5, 1, 5}}},
		{Rules: []Rule{{"others", 1, 5, 1, 5, 1, 5}}},
		{Rules: []Rule{{"A", 1, 5, 1, 5, 1, 5}, {"A", 1, 2, 1, 2, 1, 2}}},
	}
	for i, tab := range bad {
		if err := tab.Validate(); err == nil {
			t.Errorf("bad table %d accepted", i)
		}
	}
}

// TestDefinitionsSelectTheSameCustomers evaluates every Definition with
// pulpero's segment engine over the score columns: each scored customer must
// be in exactly the segment Assign gives, unscored customers in none.
func TestDefinitionsSelectTheSameCustomers(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	n := 3000
	m := Measures{Recency: randomValues(rng, n), Frequency: randomValues(rng, n), Monetary: randomValues(rng, n),
		Missing: model.NewBitset(n)}
	for i := 0; i < n; i += 17 {
		m.Missing.Set(i)
	}
	for _, tab := range []Table{DefaultTable(), ClassicTable()} {
		s, th, err := Score(m, Options{Segments: &tab})
		if err != nil {
			t.Fatal(err)
		}
		ds := &model.Dataset{RowIDs: make([]int64, n), Columns: s.Columns(th)}
		defs := th.Segments.Definitions()
		if len(defs) != len(tab.Rules)+1 || defs[len(defs)-1].Name != Others {
			t.Fatalf("%d definitions", len(defs))
		}
		in := make([]int, n)
		for k, d := range defs {
			tree, err := segment.Parse(d.Rule)
			if err != nil {
				t.Fatalf("%s: %q: %v", d.Name, d.Rule, err)
			}
			if segment.Print(tree) != d.Rule {
				t.Errorf("%s is not in canonical form: %q", d.Name, d.Rule)
			}
			rows, err := analysis.EvaluateSegment(ds, tree, time.Unix(0, 0), nil)
			if err != nil {
				t.Fatalf("%s: %v", d.Name, err)
			}
			rows.ForEach(func(i int) {
				in[i]++
				if int(s.Segment[i]) != k {
					t.Fatalf("%s: customer %d selected, but its segment is %d", d.Name, i, s.Segment[i])
				}
			})
		}
		for i := range n {
			if want := min(1, int(s.R[i])); in[i] != want {
				t.Fatalf("%s: customer %d in %d segments (scores %d%d%d)", tab.Name, i, in[i], s.R[i], s.F[i], s.M[i])
			}
		}
	}
	if got := DefaultTable().Rules[1].Text(); got != "r_score between 3 and 5 and f_score between 3 and 5 and m_score between 2 and 5" {
		t.Errorf("Potential Loyalist: %q", got)
	}
	if got := DefaultTable().Rules[0].Text(); got != "r_score = 5 and f_score = 5 and m_score = 5" {
		t.Errorf("Champions: %q", got)
	}
}

func TestFrozenThresholds(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 1))
	old := Measures{Recency: randomValues(rng, 500), Frequency: randomValues(rng, 500), Monetary: randomValues(rng, 500)}
	tab := ClassicTable()
	th, err := Fit(old, Options{AnalysisDay: 15000, Segments: &tab, FrequencyBins: 4})
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(th)
	if err != nil {
		t.Fatal(err)
	}
	var back Thresholds
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.AnalysisDay != 15000 || back.Segments.Name != TableClassic || back.Frequency.Bins != 4 || back.Method != Method {
		t.Errorf("round trip lost something: %s", b)
	}
	// new data, partly outside the old range
	fresh := Measures{Recency: randomValues(rng, 300), Frequency: randomValues(rng, 300), Monetary: randomValues(rng, 300)}
	for i := range 20 {
		fresh.Monetary[i] = -50 + float64(i)*1e5
		fresh.Recency[i] = float64(i * 400)
	}
	s, err := Apply(back, fresh)
	if err != nil {
		t.Fatal(err)
	}
	// R with custom thresholds: lower = c(min(new), bins), upper = c(bins, max(new) + 1)
	for _, c := range []struct {
		x       []float64
		edges   []float64
		got     []int8
		reverse bool
	}{{fresh.Recency, th.Recency.Edges, s.R, true}, {fresh.Frequency, th.Frequency.Edges, s.F, false},
		{fresh.Monetary, th.Monetary.Edges, s.M, false}} {
		want := rLoopScores(c.x, c.edges, c.reverse)
		for i := range want {
			if int(c.got[i]) != want[i] {
				t.Fatalf("value %v: %d, R's custom-threshold rule %d", c.x[i], c.got[i], want[i])
			}
		}
	}
	// applying to the data it was fitted on gives Score's result
	s1, err := Apply(back, old)
	if err != nil {
		t.Fatal(err)
	}
	s2, _, _ := Score(old, Options{Segments: &tab, FrequencyBins: 4})
	for i := range s1.R {
		if s1.R[i] != s2.R[i] || s1.F[i] != s2.F[i] || s1.M[i] != s2.M[i] || s1.Segment[i] != s2.Segment[i] {
			t.Fatalf("row %d differs after the JSON round trip", i)
		}
	}
}

func TestThresholdsValidate(t *testing.T) {
	good := Thresholds{Recency: NewScale([]float64{1, 2}), Frequency: NewScale(nil), Monetary: NewScale([]float64{5, 5, 9}),
		Segments: DefaultTable()}
	if err := good.Validate(); err != nil {
		t.Fatal(err)
	}
	for i, mod := range []func(*Thresholds){
		func(t *Thresholds) { t.Recency.Edges = []float64{2, 1} },
		func(t *Thresholds) { t.Recency.Bins = 4 },
		func(t *Thresholds) { t.Monetary.Edges[1] = math.Inf(1) },
		func(t *Thresholds) { t.Frequency = NewScale(make([]float64, 9)) },
		func(t *Thresholds) { t.Segments.Rules[0].RMax = 0 },
	} {
		th := good
		th.Recency.Edges = append([]float64(nil), good.Recency.Edges...)
		th.Monetary.Edges = append([]float64(nil), good.Monetary.Edges...)
		th.Segments = good.Segments.clone()
		mod(&th)
		if err := th.Validate(); err == nil {
			t.Errorf("change %d accepted", i)
		}
		if _, err := Apply(th, Measures{Recency: []float64{1}, Frequency: []float64{1}, Monetary: []float64{1}}); err == nil {
			t.Errorf("change %d: Apply accepted", i)
		}
	}
	if _, err := Fit(Measures{Recency: []float64{1}, Frequency: []float64{1}, Monetary: []float64{1}}, Options{MonetaryBins: 10}); err == nil {
		t.Error("10 bins accepted")
	}
	if _, err := Fit(Measures{Recency: []float64{1}, Frequency: []float64{1, 2}, Monetary: []float64{1}}, Options{}); err == nil {
		t.Error("slices of different lengths accepted")
	}
}
