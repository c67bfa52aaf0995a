package cluster

import (
	"errors"
	"math"
	"testing"

	"github.com/pulpero/pulpero/model"
)

// Prepare's numbers against a hand computation: values 1, 2, 3, 10 and one
// NULL. Median of {1,2,3,10} = 2.5 fills the NULL, so the clustered values
// are 1, 2, 3, 10, 2.5 with mean 18.5/5 = 3.7 and population variance
// ((−2.7)² + (−1.7)² + (−0.7)² + 6.3² + (−1.2)²)/5
// = (7.29 + 2.89 + 0.49 + 39.69 + 1.44)/5 = 51.8/5 = 10.36.
// Skewness of the non-null values {1,2,3,10}: mean 4, deviations −3,−2,−1,6,
// m2 = 50/4 = 12.5, m3 = (−27−8−1+216)/4 = 45, g1 = 45/12.5^1.5 ≈ 1.01823.
func TestPrepareNumbersByHand(t *testing.T) {
	col := numberColumn("spend", model.KindReal, []float64{1, 2, 3, 10, math.NaN()})
	m, err := Prepare([]Feature{{Column: col}}, PrepareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f := m.Features[0]
	if f.Missing != 1 || f.Imputed != 1 || f.Median != 2.5 {
		t.Errorf("missing %d imputed %d median %v, want 1, 1, 2.5", f.Missing, f.Imputed, f.Median)
	}
	if math.Abs(f.Center-3.7) > 1e-12 || math.Abs(f.Scale-math.Sqrt(10.36)) > 1e-12 {
		t.Errorf("centre %v scale %v, want 3.7 and √10.36", f.Center, f.Scale)
	}
	if math.Abs(f.Skewness-45/math.Pow(12.5, 1.5)) > 1e-12 {
		t.Errorf("skewness %v", f.Skewness)
	}
	if !f.SuggestLog || !f.LogPossible {
		t.Errorf("skewness %.3f > 1 with no negative value: log should be suggested", f.Skewness)
	}
	want := []float64{1, 2, 3, 10, 2.5}
	for i, v := range want {
		if z := (v - 3.7) / math.Sqrt(10.36); math.Abs(m.X[i]-z) > 1e-12 {
			t.Errorf("row %d: z %v, want %v", i, m.X[i], z)
		}
	}
	// leaving the customer out instead
	m, err = Prepare([]Feature{{Column: col}}, PrepareOptions{Missing: LeaveOut})
	if err != nil {
		t.Fatal(err)
	}
	if m.N != 4 || m.LeftOut != 1 || m.Features[0].Imputed != 0 || m.Features[0].Center != 4 {
		t.Errorf("LeaveOut: %d rows, %d left out, %d imputed, centre %v", m.N, m.LeftOut, m.Features[0].Imputed, m.Features[0].Center)
	}
	if got := m.DatasetLabels([]int32{0, 1, 0, 1}); got[4] != -1 || got[3] != 1 {
		t.Errorf("DatasetLabels %v", got)
	}
}

// log(1 + x): the z-scores are of log1p of the values (and of the median).
func TestPrepareLog(t *testing.T) {
	vals := []float64{0, 9, 99, 999, math.NaN()}
	m, err := Prepare([]Feature{{Column: numberColumn("m", model.KindReal, vals), Log: true}}, PrepareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// log1p: 0, ln 10, ln 100, ln 1000; median of the values is 54, log1p(54) = ln 55
	t2 := []float64{0, math.Log(10), math.Log(100), math.Log(1000), math.Log(55)}
	mean := 0.0
	for _, v := range t2 {
		mean += v / 5
	}
	sd := 0.0
	for _, v := range t2 {
		sd += (v - mean) * (v - mean) / 5
	}
	sd = math.Sqrt(sd)
	for i, v := range t2 {
		if math.Abs(m.X[i]-(v-mean)/sd) > 1e-12 {
			t.Errorf("row %d: %v, want %v", i, m.X[i], (v-mean)/sd)
		}
	}
	if !m.Features[0].Log || m.Features[0].SuggestLog {
		t.Errorf("log chosen: %+v", m.Features[0])
	}
}

// Categories: one dimension per category present (the empty one last),
// holding DefaultCategoryWeight, so that two different categories are at
// squared distance 1.
func TestPrepareOneHot(t *testing.T) {
	col := codedColumn("channel", []string{"web", "shop", "", "web"})
	col.Dict = append(col.Dict, "phone") // a category no customer has
	m, err := Prepare([]Feature{{Column: col}}, PrepareOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f := m.Features[0]
	if m.D != 3 || len(f.Levels) != 3 || f.Levels[2].Code != -1 || f.Levels[0].Count != 2 {
		t.Fatalf("levels %+v, D %d", f.Levels, m.D)
	}
	if d := sqDist(m.Row(0), m.Row(1)); math.Abs(d-1) > 1e-12 {
		t.Errorf("web vs shop at squared distance %v, want 1", d)
	}
	if d := sqDist(m.Row(0), m.Row(3)); d != 0 {
		t.Errorf("web vs web at %v", d)
	}
}

func TestPrepareErrors(t *testing.T) {
	many := make([]string, 10_000)
	for i := range many {
		many[i] = "c" + string(rune('A'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676))
	}
	neg := numberColumn("profit", model.KindReal, []float64{-5, 1, 2})
	cases := []struct {
		name  string
		feats []Feature
		want  Problem
	}{
		{"none", nil, ProblemNoFeatures},
		{"constant", []Feature{{Column: numberColumn("c", model.KindReal, []float64{4, 4, 4, math.NaN()})}}, ProblemConstant},
		{"all missing", []Feature{{Column: numberColumn("c", model.KindReal, []float64{math.NaN(), math.NaN()})}}, ProblemAllMissing},
		{"10,000 categories", []Feature{{Column: codedColumn("city", many)}}, ProblemTooManyLevels},
		{"one category", []Feature{{Column: codedColumn("city", []string{"a", "a"})}}, ProblemConstant},
		{"log of negative", []Feature{{Column: neg, Log: true}}, ProblemLogNegative},
		{"infinite", []Feature{{Column: numberColumn("c", model.KindReal, []float64{1, math.Inf(1), 2})}}, ProblemNonFinite},
		{"text", []Feature{{Column: &model.TextColumn{ColumnMeta: model.ColumnMeta{Name: "note"}, Values: []string{"a"}, Nulls: model.NewBitset(1)}}}, ProblemUnsupported},
		{"lengths", []Feature{{Column: neg}, {Column: numberColumn("x", model.KindReal, []float64{1, 2})}}, ProblemLengthMismatch},
	}
	for _, c := range cases {
		_, err := Prepare(c.feats, PrepareOptions{})
		var pe *Error
		if !errors.As(err, &pe) || pe.Problem != c.want {
			t.Errorf("%s: error %v, want %s", c.name, err, c.want)
			continue
		}
		if !errors.Is(err, &Error{Problem: c.want}) || pe.Error() == "" {
			t.Errorf("%s: errors.Is fails or empty message", c.name)
		}
		t.Logf("%s: %v", c.name, err)
	}
	m, err := Prepare([]Feature{{Column: neg}}, PrepareOptions{})
	if err != nil || m.Features[0].LogPossible || m.Features[0].SuggestLog {
		t.Errorf("negative values: log must be impossible and not suggested (%v)", err)
	}
}
