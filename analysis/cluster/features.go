package cluster

import (
	"math"

	"github.com/pulpero/pulpero/model"
)

// Feature is one attribute chosen to cluster on.
type Feature struct {
	Column model.Column // *model.NumberColumn or *model.CodedColumn
	Log    bool         // numbers: cluster on log(1 + x); needs every value >= 0
}

// MissingPolicy says what happens to a customer whose number is missing.
type MissingPolicy int

const (
	ImputeMedian MissingPolicy = iota // the column's median takes its place (default)
	LeaveOut                          // the customer is left out (label -1)
)

// PrepareOptions are the choices of Prepare; the zero value is the default.
type PrepareOptions struct {
	Missing        MissingPolicy
	CategoryWeight float64 // value of a one-hot indicator; 0 means DefaultCategoryWeight
}

// Limits of the input.
const (
	// DefaultCategoryWeight puts two customers who differ in one category at
	// squared distance 2·(1/√2)² = 1, as one standard deviation on a number.
	DefaultCategoryWeight = math.Sqrt2 / 2
	MaxLevels             = 50  // categories of one attribute (each is a dimension)
	MaxFeatures           = 100 // attributes in one clustering
	SkewSuggestLog        = 1.0 // skewness above which log(1 + x) is suggested
)

// Level is one category of a categorical feature.
type Level struct {
	Text  string // the category; "" for the empty level
	Code  int32  // its code in the column; -1 for the empty level
	Count int    // clustered customers with it
}

// FeatureInfo says how one feature entered the matrix, with the counts that
// must be shown (nothing is dropped silently).
type FeatureInfo struct {
	Name        string
	Kind        model.Kind
	Categorical bool
	Dim, Dims   int // its matrix columns are [Dim, Dim+Dims)

	// Numbers. Statistics of the non-null values, on the original scale.
	Missing     int     // NULL values in the column
	Imputed     int     // of them, replaced by Median (ImputeMedian only)
	Median      float64 // what missing values are replaced by
	Min, Max    float64
	Skewness    float64 // g1 = m3 / m2^{3/2}
	LogPossible bool    // Min >= 0
	SuggestLog  bool    // Skewness > SkewSuggestLog, LogPossible and Log not chosen
	Log         bool    // log(1 + x) was taken
	// z = (t(x) − Center) / Scale, t = log1p when Log; Scale is the
	// population standard deviation of t(x) over the clustered customers.
	Center, Scale float64

	// Categories.
	Levels []Level // the categories present, in code order, the empty level last
	Weight float64 // value of an indicator
}

// Matrix is the feature space k-means works in: N customers × D dimensions,
// row-major. Rows maps a matrix row to its dataset row.
type Matrix struct {
	N, D      int
	X         []float64
	Rows      []int32
	TotalRows int // rows of the dataset
	LeftOut   int // customers left out for a missing number (LeaveOut)
	Features  []FeatureInfo
}

// Row returns the coordinates of matrix row i.
func (m *Matrix) Row(i int) []float64 { return m.X[i*m.D : (i+1)*m.D] }

// DatasetLabels spreads labels of the matrix rows over the dataset's rows,
// with -1 for the customers that were left out.
func (m *Matrix) DatasetLabels(labels []int32) []int32 {
	out := make([]int32, m.TotalRows)
	for i := range out {
		out[i] = -1
	}
	for i, r := range m.Rows {
		if i < len(labels) {
			out[r] = labels[i]
		}
	}
	return out
}

// Prepare builds the feature matrix. Preconditions, each reported as an
// *Error: at least one feature, all of the same length, numbers or
// categories only, no feature empty or constant, at most MaxLevels
// categories, finite numbers, log(1 + x) only of non-negative numbers.
func Prepare(features []Feature, opt PrepareOptions) (*Matrix, error) {
	if len(features) == 0 {
		return nil, problem(ProblemNoFeatures, "", 0, 0)
	}
	if len(features) > MaxFeatures {
		return nil, problem(ProblemTooManyFeatures, "", len(features), MaxFeatures)
	}
	w := opt.CategoryWeight
	if w == 0 {
		w = DefaultCategoryWeight
	}
	if !(w > 0) || math.IsInf(w, 0) {
		return nil, problem(ProblemBadOption, "CategoryWeight", int(w), 0)
	}
	n := features[0].Column.Len()
	infos := make([]FeatureInfo, len(features))
	for f, ft := range features {
		c := ft.Column
		if c.Len() != n {
			return nil, problem(ProblemLengthMismatch, c.Meta().Name, c.Len(), n)
		}
		info := &infos[f]
		info.Name, info.Kind = c.Meta().Name, c.Meta().Kind
		switch x := c.(type) {
		case *model.NumberColumn:
			if err := numberStats(x, ft.Log, info); err != nil {
				return nil, err
			}
		case *model.CodedColumn:
			info.Categorical, info.Weight = true, w
		default:
			return nil, problem(ProblemUnsupported, info.Name, 0, 0)
		}
	}
	keep := keptRows(features, n, opt.Missing)
	m := &Matrix{N: len(keep), Rows: keep, TotalRows: n, LeftOut: n - len(keep)}
	if m.N == 0 {
		return nil, problem(ProblemTooFewRows, "", 0, 1)
	}
	for f, ft := range features {
		if x, ok := ft.Column.(*model.CodedColumn); ok {
			if err := levelsOf(x, keep, &infos[f]); err != nil {
				return nil, err
			}
		}
	}
	for f := range infos {
		infos[f].Dim = m.D
		infos[f].Dims = max(1, len(infos[f].Levels))
		m.D += infos[f].Dims
	}
	m.X = make([]float64, m.N*m.D)
	m.Features = infos
	for f, ft := range features {
		var err error
		switch x := ft.Column.(type) {
		case *model.NumberColumn:
			err = fillNumber(m, x, &infos[f], opt.Missing)
		case *model.CodedColumn:
			fillCoded(m, x, &infos[f])
		}
		if err != nil {
			return nil, err
		}
	}
	return m, nil
}

// numberStats fills the statistics of a number column's non-null values.
func numberStats(x *model.NumberColumn, log bool, info *FeatureInfo) error {
	vals := make([]float64, 0, len(x.Values))
	bad := 0
	for i, v := range x.Values {
		if x.Nulls.Has(i) {
			info.Missing++
			continue
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			bad++
			continue
		}
		vals = append(vals, v)
	}
	if bad > 0 {
		return problem(ProblemNonFinite, info.Name, bad, 0)
	}
	if len(vals) == 0 {
		return problem(ProblemAllMissing, info.Name, 0, 0)
	}
	info.Min, info.Max = vals[0], vals[0]
	for _, v := range vals {
		info.Min, info.Max = min(info.Min, v), max(info.Max, v)
	}
	_, _, info.Skewness = moments(vals)
	info.Median = median(vals)
	info.LogPossible = info.Min >= 0
	info.Log = log
	if log && !info.LogPossible {
		return problem(ProblemLogNegative, info.Name, 0, 0)
	}
	info.SuggestLog = !log && info.LogPossible && info.Skewness > SkewSuggestLog
	return nil
}

// keptRows lists the rows that are clustered: all, or (LeaveOut) those with
// no missing number.
func keptRows(features []Feature, n int, policy MissingPolicy) []int32 {
	keep := make([]int32, 0, n)
	for i := 0; i < n; i++ {
		ok := true
		if policy == LeaveOut {
			for _, ft := range features {
				if x, isNum := ft.Column.(*model.NumberColumn); isNum && x.Nulls.Has(i) {
					ok = false
					break
				}
			}
		}
		if ok {
			keep = append(keep, int32(i))
		}
	}
	return keep
}

// fillNumber writes the z-scores of a number column into its dimension.
func fillNumber(m *Matrix, x *model.NumberColumn, info *FeatureInfo, policy MissingPolicy) error {
	t := make([]float64, m.N)
	fill := info.Median
	if info.Log {
		fill = math.Log1p(fill)
	}
	for i, r := range m.Rows {
		switch {
		case x.Nulls.Has(int(r)):
			t[i] = fill
			if policy == ImputeMedian {
				info.Imputed++
			}
		case info.Log:
			t[i] = math.Log1p(x.Values[r])
		default:
			t[i] = x.Values[r]
		}
	}
	mean, sd, _ := moments(t)
	if isConstant(mean, sd) {
		return problem(ProblemConstant, info.Name, 0, 0)
	}
	info.Center, info.Scale = mean, sd
	for i, v := range t {
		m.X[i*m.D+info.Dim] = (v - mean) / sd
	}
	return nil
}

// levelsOf finds the categories present among the kept rows.
func levelsOf(x *model.CodedColumn, keep []int32, info *FeatureInfo) error {
	counts := make([]int, len(x.Dict)+1) // the last slot counts NULL
	for _, r := range keep {
		c := x.Codes[r]
		if c < 0 || int(c) >= len(x.Dict) {
			counts[len(x.Dict)]++
			continue
		}
		counts[c]++
	}
	present := 0
	for _, c := range counts {
		if c > 0 {
			present++
		}
	}
	if present > MaxLevels {
		return problem(ProblemTooManyLevels, info.Name, present, MaxLevels)
	}
	if present < 2 {
		return problem(ProblemConstant, info.Name, 0, 0)
	}
	for code, c := range counts {
		if c == 0 {
			continue
		}
		if code == len(x.Dict) {
			info.Levels = append(info.Levels, Level{Code: -1, Count: c})
		} else {
			info.Levels = append(info.Levels, Level{Text: x.Dict[code], Code: int32(code), Count: c})
		}
	}
	return nil
}

// fillCoded writes the one-hot indicators of a categorical column.
func fillCoded(m *Matrix, x *model.CodedColumn, info *FeatureInfo) {
	dimOf := make([]int, len(x.Dict)+1)
	for j, l := range info.Levels {
		if l.Code < 0 {
			dimOf[len(x.Dict)] = j
		} else {
			dimOf[l.Code] = j
		}
	}
	for i, r := range m.Rows {
		c := x.Codes[r]
		if c < 0 || int(c) >= len(x.Dict) {
			c = int32(len(x.Dict))
		}
		m.X[i*m.D+info.Dim+dimOf[c]] = info.Weight
	}
}
