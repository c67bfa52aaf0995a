package cluster

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pulpero/pulpero/model"
)

func wantProblem(t *testing.T, what string, err error, p Problem) {
	t.Helper()
	var pe *Error
	if !errors.As(err, &pe) || pe.Problem != p {
		t.Errorf("%s: error %v, want %s", what, err, p)
		return
	}
	t.Logf("%s: %v", what, err)
}

func TestBadInputGivesTypedErrors(t *testing.T) {
	ctx := context.Background()
	small, _ := Prepare([]Feature{{Column: numberColumn("x", model.KindReal, []float64{1, 2, 3})}}, PrepareOptions{})
	_, err := KMeans(ctx, small, 4, Options{})
	wantProblem(t, "fewer rows than k", err, ProblemTooFewRows)
	big, _ := blobMatrix(100, 2, 3, 1)
	_, err = KMeans(ctx, big, 51, Options{})
	wantProblem(t, "k > 50", err, ProblemKOutOfRange)
	_, err = KMeans(ctx, big, 1, Options{})
	wantProblem(t, "k = 1", err, ProblemKOutOfRange)
	dup, _ := Prepare([]Feature{{Column: numberColumn("x", model.KindReal, []float64{1, 1, 1, 2, 2, 2})}}, PrepareOptions{})
	_, err = KMeans(ctx, dup, 3, Options{})
	wantProblem(t, "two distinct customers, k = 3", err, ProblemTooFewDistinct)
	tab, err := ChooseK(ctx, dup, ChooseOptions{KMax: 4})
	if err == nil {
		wantProblem(t, "table stopped", tab.Stopped, ProblemTooFewDistinct)
		if len(tab.Rows) != 1 || tab.Suggested != 2 {
			t.Errorf("table on 2 distinct customers: %d rows, suggested %d", len(tab.Rows), tab.Suggested)
		}
	} else {
		t.Errorf("ChooseK on 2 distinct customers: %v", err)
	}
	_, err = ChooseK(ctx, big, ChooseOptions{KMin: 5, KMax: 60})
	wantProblem(t, "table to k = 60", err, ProblemKOutOfRange)

	cols, labels := shopFixture()
	_, err = Rules(ctx, cols, labels, 2, TreeOptions{})
	wantProblem(t, "labels beyond k", err, ProblemBadLabels)
	_, err = Rules(ctx, cols, labels, 3, TreeOptions{MaxDepth: 9})
	wantProblem(t, "depth 9", err, ProblemBadOption)
	_, err = Rules(ctx, cols, labels[:10], 3, TreeOptions{})
	wantProblem(t, "short labels", err, ProblemLengthMismatch)
	many := make([]string, len(labels))
	for i := range many {
		many[i] = string(rune(0x4e00 + i%300))
	}
	_, err = Rules(ctx, []model.Column{codedColumn("city", many)}, labels, 3, TreeOptions{})
	wantProblem(t, "tree on 300 categories", err, ProblemTooManyLevels)
	_, err = Profile(cols, labels, 2)
	wantProblem(t, "profile labels beyond k", err, ProblemBadLabels)
	_, err = Profile(nil, labels, 3)
	wantProblem(t, "profile of nothing", err, ProblemNoFeatures)
}

// Property: whatever the data (ties, NULLs, a constant-looking column,
// a cluster the tree cannot describe), no result holds NaN or Inf and
// nothing panics.
func TestNoNaNInResults(t *testing.T) {
	rng := rand.New(rand.NewPCG(77, 78))
	ctx := context.Background()
	done := 0
	defer func() {
		if done < 20 {
			t.Errorf("only %d of 40 trials reached the rules", done)
		}
	}()
	for trial := 0; trial < 40; trial++ {
		n := 5 + rng.IntN(200)
		a, b := make([]float64, n), make([]float64, n)
		c := make([]string, n)
		for i := 0; i < n; i++ {
			a[i] = float64(rng.IntN(4))
			b[i] = rng.ExpFloat64() * 100
			if rng.IntN(4) == 0 {
				b[i] = math.NaN()
			}
			c[i] = []string{"p", "q", "", "P"}[rng.IntN(4)]
		}
		a[0] = 7 // never constant
		cols := []model.Column{numberColumn("a", model.KindInteger, a), numberColumn("b", model.KindReal, b), codedColumn("c", c)}
		feats := []Feature{{Column: cols[0]}, {Column: cols[1], Log: trial%2 == 0}, {Column: cols[2]}}
		m, err := Prepare(feats, PrepareOptions{Missing: MissingPolicy(trial % 2)})
		if err != nil {
			continue // a typed error is an answer
		}
		tab, err := ChooseK(ctx, m, ChooseOptions{KMeans: Options{Seed: uint64(trial), NInit: 2}, KMax: 6})
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("trial %d: untyped error %v", trial, err)
			}
			continue
		}
		for _, row := range tab.Rows {
			finite(t, "inertia", row.Inertia)
			finite(t, "silhouette", row.Silhouette)
			for _, v := range row.Result.Centers {
				finite(t, "centre", v)
			}
		}
		k := tab.Suggested
		labels := m.DatasetLabels(tab.Rows[k-2].Result.Labels)
		p, err := Profile(cols, labels, k)
		if err != nil {
			t.Fatalf("trial %d: profile: %v", trial, err)
		}
		for _, cp := range p.Clusters {
			finite(t, "share", cp.Share)
			for _, np := range cp.Numbers {
				for _, v := range []float64{np.Mean, np.Median, np.OverallMean, np.OverallMedian, np.OverallSD, np.Index, np.StdDiff} {
					finite(t, "number profile", v)
				}
			}
			for _, c := range cp.Categories {
				for _, v := range []float64{c.Share, c.OverallShare, c.StdDiff} {
					finite(t, "category profile", v)
				}
			}
		}
		rs, err := Rules(ctx, cols, labels, k, TreeOptions{MinLeaf: 1 + rng.IntN(5)})
		if err != nil {
			t.Fatalf("trial %d: rules: %v", trial, err)
		}
		finite(t, "accuracy", rs.Accuracy)
		done++
		for _, r := range rs.Rules {
			for _, v := range []float64{r.Precision, r.Recall, r.Coverage} {
				finite(t, "rule", v)
			}
			checkWithAnalysis(t, cols, labels, r)
		}
	}
}

func finite(t *testing.T, what string, v float64) {
	t.Helper()
	if math.IsNaN(v) || math.IsInf(v, 0) {
		t.Fatalf("%s is %v", what, v)
	}
}
