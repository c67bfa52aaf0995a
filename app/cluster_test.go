package app

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/analysis/cluster"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/sample"
)

var clusterAsOf = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// clusterWorld generates a demo world of n customers.
func clusterWorld(t testing.TB, n int, seed uint64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("demo-%d-%d.db", n, seed))
	if err := GenerateSample(context.Background(), path, sample.Options{Customers: n, Seed: seed}, false); err != nil {
		t.Fatal(err)
	}
	return path
}

// clusterSession opens path with a fresh workspace and loads it.
func clusterSession(t testing.TB, path string, dataDir string) *Session {
	t.Helper()
	db, err := Open(path, OpenOptions{DataDir: dataDir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := db.Load(context.Background(), LoadRequest{AsOf: clusterAsOf})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

var behaviourFeatures = []string{"frequency", "avg_ticket", "share_online", "contacts_web_visit",
	"contacts_social_mention", "contacts_review", "contacts_call_centre"}

// Labels saved under a name load on the next load as a categorical
// attribute of that name, "1"…"k" per customer as the clustering gave them
// (checked row by row, and against SQL over the workspace); a name the
// data already has is refused; a lean load asking for other attributes
// does not read them.
func TestClusterLabelsLoadAsAttribute(t *testing.T) {
	path := clusterWorld(t, 2000, 3)
	dataDir := t.TempDir()
	s := clusterSession(t, path, dataDir)
	ctx := context.Background()
	c, err := s.Cluster(ctx, ClusterRequest{Features: []string{"recency_days", "frequency", "monetary"}, Log: []string{"monetary"},
		LeaveOut: true, K: 4, NoTable: true, Seed: 7}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveClusterLabels(ctx, "age", c, clusterAsOf); err == nil || !strings.Contains(err.Error(), "already an attribute") {
		t.Errorf("labels named like a column: %v", err)
	}
	n, err := s.SaveClusterLabels(ctx, "shape", c, clusterAsOf)
	if err != nil {
		t.Fatal(err)
	}
	left := 0
	for _, a := range c.Labels {
		if a < 0 {
			left++
		}
	}
	if left == 0 || n != len(c.Labels)-left || left != c.Matrix.LeftOut {
		t.Errorf("labelled %d, left out %d (matrix says %d) of %d", n, left, c.Matrix.LeftOut, len(c.Labels))
	}
	again := clusterSession(t, path, dataDir)
	col, ok := again.Data.Column("shape").(*model.CodedColumn)
	if !ok {
		t.Fatalf("no categorical attribute shape after reloading: %T", again.Data.Column("shape"))
	}
	for i, a := range c.Labels {
		v, has := col.Value(i)
		if a < 0 && has || a >= 0 && (!has || v != LabelText(int(a))) {
			t.Fatalf("row %d: label %d, attribute %q (%v)", i, a, v, has)
		}
	}
	// SQL over the workspace: the labels joined to the customers' rowids
	raw, err := sql.Open("sqlite", "file:"+again.DB.WorkspacePath()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for j := 0; j < c.K; j++ {
		var got int
		if err := raw.QueryRow(`SELECT count(*) FROM pulpero_cluster_labels l JOIN pulpero_cluster_sets s ON s.id = l.set_id
			WHERE s.name = 'shape' AND l.label = ?`, j).Scan(&got); err != nil {
			t.Fatal(err)
		}
		tree, _ := segment.Parse(fmt.Sprintf("shape = %d", j+1))
		rows, err := analysis.EvaluateSegment(again.Data, tree, clusterAsOf, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.Result.Sizes[j] || rows.Count() != got {
			t.Errorf("cluster %d: %d customers, SQL %d, `shape = %d` %d", j+1, c.Result.Sizes[j], got, j+1, rows.Count())
		}
	}
	// saved again under the same name: replaced, not refused
	if _, err := again.SaveClusterLabels(ctx, "Shape", c, clusterAsOf); err != nil {
		t.Errorf("saving the labels again: %v", err)
	}
	lean, err := again.DB.Load(ctx, LoadRequest{AsOf: clusterAsOf, Attributes: []string{"age"}})
	if err != nil {
		t.Fatal(err)
	}
	if lean.Data.Column("shape") != nil {
		t.Error("a load for age read the labels")
	}
	lean, err = again.DB.Load(ctx, LoadRequest{AsOf: clusterAsOf, Attributes: []string{"SHAPE"}})
	if err != nil {
		t.Fatal(err)
	}
	if lean.Data.Column("shape") == nil {
		t.Error("a load for the labels did not read them")
	}
}

// Each cluster's rule is saved as an ordinary segment whose size, counted
// by the segment evaluator (independent of the engine's own rule
// evaluation), is the rule's Selected; precision and recall re-counted
// from the segment's rows and the labels agree with the engine's.
func TestClusterRulesSavedAsSegments(t *testing.T) {
	s := clusterSession(t, clusterWorld(t, 2000, 3), t.TempDir())
	ctx := context.Background()
	c, err := s.Cluster(ctx, ClusterRequest{Features: []string{"recency_days", "frequency", "monetary", "age"}, K: 3, NoTable: true, Seed: 2}, nil)
	if err != nil {
		t.Fatal(err)
	}
	lib, _ := s.DB.Library(ctx)
	saved, err := s.SaveClusterRules(ctx, nil, lib, "Shape", c)
	if err != nil {
		t.Fatal(err)
	}
	lib, _ = s.DB.Library(ctx)
	for _, sr := range saved {
		r := c.Rules.Rules[sr.Cluster]
		if sr.Skipped != "" {
			t.Logf("cluster %d skipped: %s", sr.Cluster+1, sr.Skipped)
			continue
		}
		got, ok := lib.Find(sr.Name)
		if !ok || got.Latest.Definition != segment.Print(r.Node) {
			t.Fatalf("%s: saved %+v, rule %s", sr.Name, got, r.Text)
		}
		rows, _, err := s.SegmentRows(lib, sr.Name)
		if err != nil {
			t.Fatal(err)
		}
		hits, clustered := 0, 0
		rows.ForEach(func(i int) {
			if c.Labels[i] >= 0 {
				clustered++
			}
			if c.Labels[i] == int32(sr.Cluster) {
				hits++
			}
		})
		prec, rec := float64(hits)/float64(clustered), float64(hits)/float64(c.Result.Sizes[sr.Cluster])
		if rows.Count() != r.Selected || got.Latest.Size != r.Selected || math.Abs(prec-r.Precision) > 1e-12 || math.Abs(rec-r.Recall) > 1e-12 {
			t.Errorf("%s: segment %d customers (saved size %d), precision %.4f recall %.4f; engine %d, %.4f, %.4f",
				sr.Name, rows.Count(), got.Latest.Size, prec, rec, r.Selected, r.Precision, r.Recall)
		}
	}
	// saving again adds no version (same definition, same size)
	again, err := s.SaveClusterRules(ctx, nil, lib, "Shape", c)
	if err != nil {
		t.Fatal(err)
	}
	for i, sr := range again {
		if sr.Skipped == "" && sr.Version.Version != saved[i].Version.Version {
			t.Errorf("%s: version %d after saving the same rule again", sr.Name, sr.Version.Version)
		}
	}
}

// The k table's suggestion, another k from the table (no k-means again)
// and a k outside it give clusterings whose labels, sizes and profile
// agree; progress never runs backwards and ends at its total.
func TestClusterTableAndOtherK(t *testing.T) {
	s := clusterSession(t, clusterWorld(t, 2000, 3), t.TempDir())
	ctx := context.Background()
	var last ClusterProgress
	backwards := false
	c, err := s.Cluster(ctx, ClusterRequest{Features: []string{"recency_days", "frequency", "monetary"}, Log: []string{"frequency", "monetary"},
		Seed: 1, Restarts: 3}, func(p ClusterProgress) {
		if p.Done < last.Done || p.Total != 0 && p.Done > p.Total {
			backwards = true
		}
		if p.Total != 0 {
			last = p
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if backwards || last.Done != last.Total || last.Total != 9*3 {
		t.Errorf("progress ended at %+v (backwards %v)", last, backwards)
	}
	if c.Table == nil || len(c.Table.Rows) != 9 || c.K != c.Table.Suggested {
		t.Fatalf("table %+v, k %d", c.Table, c.K)
	}
	best := c.Table.Rows[0]
	for _, r := range c.Table.Rows {
		if r.Silhouette > best.Silhouette {
			best = r
		}
	}
	if best.K != c.K {
		t.Errorf("suggested k %d, best silhouette at k %d", c.K, best.K)
	}
	six, err := c.At(ctx, 6, nil)
	if err != nil {
		t.Fatal(err)
	}
	if six.K != 6 || six.Result != c.Table.Rows[4].Result || len(six.Profiles.Clusters) != 6 || len(six.Rules.Rules) != 6 || c.K == 6 {
		t.Errorf("k = 6 from the table: k %d, %d profiles, %d rules", six.K, len(six.Profiles.Clusters), len(six.Rules.Rules))
	}
	twelve, err := c.At(ctx, 12, nil)
	if err != nil {
		t.Fatal(err)
	}
	sizes := make([]int, 12)
	for _, a := range twelve.Labels {
		sizes[a]++
	}
	for j, p := range twelve.Profiles.Clusters {
		if p.Size != sizes[j] || p.Size != twelve.Result.Sizes[j] {
			t.Errorf("k = 12 cluster %d: profile %d, labels %d, result %d", j, p.Size, sizes[j], twelve.Result.Sizes[j])
		}
	}
	if _, err := c.At(ctx, 51, nil); err == nil {
		t.Error("k = 51 was run")
	}
}

// A cancelled job stops with the context's error.
func TestClusterCancelled(t *testing.T) {
	s := clusterSession(t, clusterWorld(t, 2000, 3), t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	_, err := s.Cluster(ctx, ClusterRequest{Features: []string{"recency_days", "frequency"}}, func(p ClusterProgress) {
		if p.Done > 0 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled job: %v", err)
	}
}

// Bad input gets a clear message, never a panic or a NaN.
func TestClusterBadInput(t *testing.T) {
	n := 60
	ds := &model.Dataset{Table: "t", RowIDs: make([]int64, n)}
	num := func(name string, f func(i int) (float64, bool)) {
		c := model.NewNumberColumn(model.ColumnMeta{Name: name, Kind: model.KindReal}, n)
		for i := 0; i < n; i++ {
			if v, ok := f(i); ok {
				c.SetValue(i, v)
			}
		}
		ds.Columns = append(ds.Columns, c)
	}
	num("x", func(i int) (float64, bool) { return float64(i % 7), true })
	num("flat", func(i int) (float64, bool) { return 3, true })
	num("empty", func(i int) (float64, bool) { return 0, false })
	num("neg", func(i int) (float64, bool) { return float64(i - 30), true })
	many := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "code", Kind: model.KindCategorical}, Codes: make([]int32, n)}
	for i := range n {
		many.Dict = append(many.Dict, fmt.Sprint("level ", i))
		many.Codes[i] = int32(i)
	}
	ds.Columns = append(ds.Columns, many)
	for i := range ds.RowIDs {
		ds.RowIDs[i] = int64(i + 1)
	}
	tiny := &model.Dataset{Table: "t", RowIDs: []int64{1, 2, 3}}
	tx := model.NewNumberColumn(model.ColumnMeta{Name: "x", Kind: model.KindReal}, 3)
	for i := range 3 {
		tx.SetValue(i, float64(i))
	}
	tiny.Columns = []model.Column{tx}
	s := &Session{Data: ds, AsOf: clusterAsOf}
	cases := []struct {
		name string
		s    *Session
		r    ClusterRequest
		want string
	}{
		{"fewer rows than k", &Session{Data: tiny}, ClusterRequest{Features: []string{"x"}, K: 5}, "too few for 5 clusters"},
		{"constant", s, ClusterRequest{Features: []string{"x", "flat"}}, "flat has the same value for every customer"},
		{"all missing", s, ClusterRequest{Features: []string{"empty"}}, "empty is empty for every customer"},
		{"too many categories", s, ClusterRequest{Features: []string{"code"}}, "more than 50"},
		{"k above 50", s, ClusterRequest{Features: []string{"x"}, K: 60}, "choose between 2 and 50"},
		{"no features", s, ClusterRequest{}, "at least one attribute"},
		{"unknown", s, ClusterRequest{Features: []string{"xx"}}, `no attribute "xx"; did you mean x?`},
		{"log of negatives", s, ClusterRequest{Features: []string{"neg"}, Log: []string{"neg"}}, "negative values"},
		{"log not a feature", s, ClusterRequest{Features: []string{"x"}, Log: []string{"neg"}}, "not one of the features"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := tc.s.Cluster(context.Background(), tc.r, nil)
			if err == nil {
				t.Fatalf("no error; k %d", c.K)
			}
			if !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "NaN") {
				t.Errorf("error %q, want it to say %q", err, tc.want)
			}
		})
	}
	// a 10,000-level categorical is refused by the candidate list too
	big := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "big", Kind: model.KindCategorical}, Codes: make([]int32, 10_000)}
	for i := range 10_000 {
		big.Dict = append(big.Dict, fmt.Sprint(i))
		big.Codes[i] = int32(i)
	}
	if cd := candidate(big); cd.Usable || cd.Why != WhyTooManyCats || cd.Levels != 10_000 {
		t.Errorf("candidate %+v", cd)
	}
	rows := make([]int64, 10_000)
	bigSession := &Session{Data: &model.Dataset{Table: "t", RowIDs: rows, Columns: []model.Column{big}}}
	if _, err := bigSession.Cluster(context.Background(), ClusterRequest{Features: []string{"big"}}, nil); err == nil ||
		!strings.Contains(err.Error(), "big has 10000 categories, more than 50") {
		t.Errorf("10,000 categories: %v", err)
	}
}

// The candidate list's skewness is the population g1 computed here
// directly, and log(1 + x) is suggested exactly when it exceeds 1 for
// non-negative values.
func TestClusterCandidatesSkewness(t *testing.T) {
	vals := []float64{1, 1, 2, 2, 3, 4, 9, 30, 100}
	c := model.NewNumberColumn(model.ColumnMeta{Name: "v", Kind: model.KindReal}, len(vals)+1)
	for i, v := range vals {
		c.SetValue(i, v)
	}
	var mean float64
	for _, v := range vals {
		mean += v / float64(len(vals))
	}
	var m2, m3 float64
	for _, v := range vals {
		m2 += (v - mean) * (v - mean) / float64(len(vals))
		m3 += (v - mean) * (v - mean) * (v - mean) / float64(len(vals))
	}
	want := m3 / math.Pow(m2, 1.5)
	cd := candidate(c)
	if math.Abs(cd.Skewness-want) > 1e-12 || !cd.SuggestLog || !cd.LogPossible || cd.Missing != 1 || !cd.Usable {
		t.Errorf("candidate %+v, skewness want %v", cd, want)
	}
	for i := range vals {
		c.Values[i] = -vals[i] // skewed left: no log
	}
	if cd := candidate(c); cd.SuggestLog || cd.LogPossible {
		t.Errorf("negative values: %+v", cd)
	}
}

var _ = cluster.MaxK

// With fewer restarts for the table than for the chosen k (as above
// BigTable customers), the chosen k is run again with every restart: its
// inertia is no higher than the table's run (the first restarts are the
// same seeds), and its silhouette is that of its own labels, measured here
// by a direct O(n²) loop.
func TestClusterTableWithFewerRestarts(t *testing.T) {
	s := clusterSession(t, clusterWorld(t, 1500, 3), t.TempDir())
	var last ClusterProgress
	c, err := s.Cluster(context.Background(), ClusterRequest{Features: []string{"recency_days", "frequency", "monetary"},
		Log: []string{"frequency", "monetary"}, KMax: 6, Restarts: 6, TableRestarts: 2, Seed: 3}, func(p ClusterProgress) { last = p })
	if err != nil {
		t.Fatal(err)
	}
	if c.TableRestarts != 2 || last.Total != 5*2+6 || last.Done != last.Total {
		t.Errorf("table restarts %d, progress %+v", c.TableRestarts, last)
	}
	row := c.Table.Rows[c.K-2]
	if c.Result == row.Result || c.Result.Restarts != 6 || c.Result.Inertia > row.Inertia+1e-9 {
		t.Errorf("chosen k %d: restarts %d, inertia %v, table's %v", c.K, c.Result.Restarts, c.Result.Inertia, row.Inertia)
	}
	got, ok := c.Silhouette()
	want := directSilhouette(c.Matrix.X, c.Matrix.D, c.Result.Labels)
	if !ok || math.Abs(got-want) > 1e-9 {
		t.Errorf("silhouette %v (%v), direct %v", got, ok, want)
	}
}

// directSilhouette is Rousseeuw's mean silhouette by the definition.
func directSilhouette(x []float64, d int, labels []int32) float64 {
	n := len(labels)
	k := 0
	for _, l := range labels {
		k = max(k, int(l)+1)
	}
	size := make([]float64, k)
	for _, l := range labels {
		size[l]++
	}
	total := 0.0
	for i := 0; i < n; i++ {
		sum := make([]float64, k)
		for j := 0; j < n; j++ {
			if i == j {
				continue
			}
			var dd float64
			for f := 0; f < d; f++ {
				v := x[i*d+f] - x[j*d+f]
				dd += v * v
			}
			sum[labels[j]] += math.Sqrt(dd)
		}
		own := labels[i]
		if size[own] == 1 {
			continue // s(i) = 0
		}
		a := sum[own] / (size[own] - 1)
		b := math.Inf(1)
		for c := 0; c < k; c++ {
			if c != int(own) && size[c] > 0 {
				b = min(b, sum[c]/size[c])
			}
		}
		total += (b - a) / max(a, b)
	}
	return total / float64(n)
}
