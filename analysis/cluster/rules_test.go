package cluster

import (
	"context"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// checkWithAnalysis is the independent oracle of a rule: its printed text is
// parsed back and evaluated by analysis (the evaluator behind every segment
// count), and precision, recall and coverage are recounted here.
func checkWithAnalysis(t *testing.T, cols []model.Column, labels []int32, r Rule) {
	t.Helper()
	if r.Leaves == 0 {
		return
	}
	var tree segment.Node
	if !r.Everyone {
		parsed, err := segment.Parse(r.Text)
		if err != nil {
			t.Fatalf("cluster %d: %q does not parse: %v", r.Cluster, r.Text, err)
		}
		if !segment.Equal(parsed, r.Node) {
			t.Fatalf("cluster %d: %q parses to a different tree", r.Cluster, r.Text)
		}
		tree = parsed
	}
	ids := make([]int64, len(labels))
	for i := range ids {
		ids[i] = int64(i + 1)
	}
	ds := &model.Dataset{Table: "t", RowIDs: ids, Columns: cols}
	sel, err := analysis.EvaluateSegment(ds, tree, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	if err != nil {
		t.Fatalf("cluster %d: %q: %v", r.Cluster, r.Text, err)
	}
	selected, clustered, hits, size := 0, 0, 0, 0
	for i, a := range labels {
		if int(a) == r.Cluster {
			size++
		}
		if !sel.Has(i) {
			continue
		}
		selected++
		if a >= 0 {
			clustered++
			if int(a) == r.Cluster {
				hits++
			}
		}
	}
	if r.Selected != selected || r.SelectedClustered != clustered || r.Hits != hits || r.Size != size {
		t.Errorf("cluster %d %q: selected %d/%d/%d hits of %d, analysis says %d/%d/%d of %d",
			r.Cluster, r.Text, r.Selected, r.SelectedClustered, r.Hits, r.Size, selected, clustered, hits, size)
	}
	if clustered > 0 && math.Abs(r.Precision-float64(hits)/float64(clustered)) > 1e-12 {
		t.Errorf("cluster %d: precision %v", r.Cluster, r.Precision)
	}
	if math.Abs(r.Coverage-float64(selected)/float64(len(labels))) > 1e-12 {
		t.Errorf("cluster %d: coverage %v", r.Cluster, r.Coverage)
	}
}

// The labels come from a known rule, a > 3 and b = "x"; the tree must find
// it exactly, with precision and recall 1.
func TestRulesRecoverAKnownRule(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	n := 2000
	a := make([]float64, n)
	b := make([]string, n)
	labels := make([]int32, n)
	for i := range a {
		a[i] = float64(rng.IntN(11)) // 0…10
		b[i] = []string{"x", "y", "z"}[rng.IntN(3)]
		if a[i] > 3 && b[i] == "x" {
			labels[i] = 1
		}
	}
	cols := []model.Column{numberColumn("a", model.KindInteger, a), codedColumn("b", b)}
	rs, err := Rules(context.Background(), cols, labels, 2, TreeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := rs.Rules[1]
	t.Logf("cluster 1: %s; cluster 0: %s", r.Text, rs.Rules[0].Text)
	want1, want2 := `a > 3 and b = "x"`, `b = "x" and a > 3`
	if r.Text != want1 && r.Text != want2 {
		t.Errorf("rule %q, want %q", r.Text, want1)
	}
	if r.Precision != 1 || r.Recall != 1 {
		t.Errorf("precision %v recall %v, want 1 and 1", r.Precision, r.Recall)
	}
	if rs.Accuracy != 1 {
		t.Errorf("accuracy %v", rs.Accuracy)
	}
	for _, r := range rs.Rules {
		checkWithAnalysis(t, cols, labels, r)
	}
}

// A NULL satisfies no comparison, so a cluster defined by "a <= 3 or a is
// empty" must be written with "is empty".
func TestRulesSendNullsSomewhereExpressible(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	n := 1500
	a := make([]float64, n)
	b := make([]string, n)
	labels := make([]int32, n)
	for i := range a {
		a[i] = rng.Float64() * 10
		if rng.IntN(5) == 0 {
			a[i] = math.NaN()
		}
		b[i] = []string{"x", "y", ""}[rng.IntN(3)]
		if (math.IsNaN(a[i]) || a[i] <= 3) && b[i] != "y" {
			labels[i] = 1
		}
	}
	cols := []model.Column{numberColumn("a", model.KindReal, a), codedColumn("b", b)}
	rs, err := Rules(context.Background(), cols, labels, 2, TreeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("cluster 1: %s", rs.Rules[1].Text)
	if r := rs.Rules[1]; r.Precision != 1 || r.Recall != 1 {
		t.Errorf("%q: precision %v recall %v, want 1 and 1", r.Text, r.Precision, r.Recall)
	}
	for _, r := range rs.Rules {
		checkWithAnalysis(t, cols, labels, r)
	}
}

// On clusters of mixed data (numbers with NULLs, dates, categories,
// booleans), every rule's counts equal analysis's evaluation of its text.
func TestRulesAgreeWithTheSegmentEvaluator(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	n := 3000
	money, visits, day, stamp := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	channel, club := make([]string, n), make([]string, n)
	for i := 0; i < n; i++ {
		g := rng.IntN(4)
		money[i] = float64(g*300) + rng.NormFloat64()*120
		visits[i] = math.Round(float64(g) + rng.Float64()*3)
		if rng.IntN(10) == 0 {
			visits[i] = math.NaN()
		}
		day[i] = 19000 + float64(g*200+rng.IntN(300))
		stamp[i] = (19500+float64(g*30+rng.IntN(60)))*86400 + float64(rng.IntN(86400))
		channel[i] = []string{"online", "Online", "store", "phone", ""}[(g+rng.IntN(2))%5]
		club[i] = []string{"no", "yes"}[(g+rng.IntN(3))%2]
	}
	clubCol := codedColumn("e-mail club", club)
	clubCol.Kind = model.KindBoolean
	cols := []model.Column{numberColumn("money", model.KindReal, money), numberColumn("visits", model.KindInteger, visits),
		numberColumn("first day", model.KindDate, day), codedColumn("channel", channel), clubCol,
		numberColumn("last visit", model.KindDateTime, stamp)}
	var feats []Feature
	for _, c := range cols {
		feats = append(feats, Feature{Column: c})
	}
	m, err := Prepare(feats, PrepareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	between := 0
	defer func() {
		if between == 0 {
			t.Error("no rule used between: the date ranges were not exercised")
		}
	}()
	for _, k := range []int{2, 4, 6} {
		res, err := KMeans(context.Background(), m, k, Options{Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		labels := m.DatasetLabels(res.Labels)
		labels[0], labels[1] = -1, -1 // customers not clustered are counted but not learned from
		for _, depth := range []int{1, 2, 3, 4} {
			rs, err := Rules(context.Background(), cols, labels, k, TreeOptions{MaxDepth: depth})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rs.Rules {
				checkWithAnalysis(t, cols, labels, r)
				if strings.Contains(r.Text, "between") {
					between++
				}
			}
			if k == 4 && depth == 3 {
				for _, r := range rs.Rules {
					t.Logf("k=4 cluster %d (n=%d) p=%.3f r=%.3f: %s", r.Cluster, r.Size, r.Precision, r.Recall, r.Text)
				}
			}
		}
	}
}

// A cluster too small for a leaf gets no rule (nothing selected, recall 0);
// a tree that cannot split at all gives its one cluster the rule "everyone".
func TestRulesWithoutLeaves(t *testing.T) {
	n := 300
	a := make([]float64, n)
	labels := make([]int32, n)
	for i := range a {
		a[i] = float64(i)
		if i >= 150 {
			labels[i] = 1
		}
	}
	labels[7] = 2 // one customer: below the minimum leaf
	cols := []model.Column{numberColumn("a", model.KindReal, a)}
	rs, err := Rules(context.Background(), cols, labels, 3, TreeOptions{MinLeaf: 5})
	if err != nil {
		t.Fatal(err)
	}
	r := rs.Rules[2]
	if r.Leaves != 0 || r.Node != nil || r.Selected != 0 || r.Recall != 0 || r.Size != 1 {
		t.Errorf("tiny cluster: %+v", r)
	}
	if rs.Rules[0].Text != "a <= 149" && rs.Rules[0].Text != "a < 150" {
		t.Errorf("rule of cluster 0: %q", rs.Rules[0].Text)
	}
	for _, r := range rs.Rules {
		checkWithAnalysis(t, cols, labels, r)
	}
	one := make([]int32, n)
	rs, err = Rules(context.Background(), cols, one, 1, TreeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if r := rs.Rules[0]; !r.Everyone || r.Precision != 1 || r.Recall != 1 || r.Coverage != 1 {
		t.Errorf("one cluster: %+v", r)
	}
}

// Readable thresholds keep every row of the node on its side: the roundest
// number in [lo, hi), checked here against brute force over the decimals.
func TestReadableThresholds(t *testing.T) {
	cases := []struct {
		lo, hi float64
		want   string
	}{
		{812, 815, "812"}, {812.4, 815, "813"}, {799.5, 1203, "1000"}, {2.9866, 2.9988, "2.99"},
		{-3.2, -1, "-3"}, {-5, 7, "0"}, {0.0012, 0.0015, "0.0012"}, {15.5, 16, "15.5"}, {7, 7, "7"},
	}
	for _, c := range cases {
		v, s := readable(c.lo, c.hi)
		if s != c.want || (c.lo < c.hi && (v < c.lo || v >= c.hi)) {
			t.Errorf("readable(%v, %v) = %v %q, want %q", c.lo, c.hi, v, s, c.want)
		}
	}
	if got := isoDay(readableDay(float64(19723), float64(19760))); got != "2024-02-01" { // 2024-01-01 … 2024-02-07
		t.Errorf("day boundary %s, want 2024-02-01", got)
	}
}
