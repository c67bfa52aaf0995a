package analysis

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pulpero/pulpero/model"
)

// ProblemKind names a kind of data-quality problem.
type ProblemKind string

const (
	ProblemNulls       ProblemKind = "missing"
	ProblemInvalid     ProblemKind = "invalid"    // values that contradicted the kind; loaded as NULL
	ProblemDuplicates  ProblemKind = "duplicates" // identifier values held by more than one row
	ProblemNegative    ProblemKind = "negative"   // money below zero
	ProblemRange       ProblemKind = "out of range"
	ProblemOutliers    ProblemKind = "outliers"
	ProblemImplausible ProblemKind = "implausible" // birth years no customer can have
	ProblemPlaceholder ProblemKind = "placeholder" // a value standing for "no value" ("unknown", 999)
)

// Problem is one data-quality finding on one column, with the rows behind
// it so the interface can open them.
type Problem struct {
	Column string
	Kind   ProblemKind
	Count  int
	// Detail says what the problem is, for a person: a Sentence the
	// interface translates (its English is Detail.String()).
	Detail model.Sentence
	// Rows are the dataset rows with the problem; nil when they cannot be
	// told apart (invalid values of a column built without their rows).
	Rows model.Bitset
	// Value is the placeholder value, for a placeholder finding.
	Value string
}

// Fences for extreme outliers: beyond Q1 − 3·IQR or Q3 + 3·IQR (Tukey's
// "far out" values), which flags typing slips and test rows rather than the
// ordinary long tail of incomes and spend.
const outlierIQRs = 3

// Quality lists the data-quality problems of ds, column by column in dataset
// order: missing values, invalid values, duplicate identifiers, negative
// money, ages outside 0–120 and dates outside 1900..asOfDay (days since
// 1970-01-01), and extreme outliers.
func Quality(ds *model.Dataset, asOfDay float64) []Problem {
	var out []Problem
	for _, c := range ds.Columns {
		out = append(out, columnProblems(c, asOfDay)...)
	}
	return out
}

func columnProblems(c model.Column, asOfDay float64) []Problem {
	m := c.Meta()
	var out []Problem
	add := func(k ProblemKind, rows model.Bitset, detail model.Sentence) {
		if n := rows.Count(); n > 0 {
			out = append(out, Problem{Column: m.Name, Kind: k, Count: n, Detail: detail, Rows: rows})
		}
	}
	add(ProblemNulls, Nulls(c), model.Say(DetailNoValue))
	if m.Invalid > 0 {
		ex := strings.Join(m.InvalidExamples, ", ")
		p := Problem{Column: m.Name, Kind: ProblemInvalid, Count: m.Invalid,
			Detail: model.Say(DetailInvalid, m.Kind, ex)}
		if len(m.InvalidRows) == m.Invalid {
			p.Rows = model.NewBitset(c.Len())
			for _, r := range m.InvalidRows {
				p.Rows.Set(int(r))
			}
		}
		out = append(out, p)
	}
	for _, p := range Placeholders(c) {
		out = append(out, Problem{Column: m.Name, Kind: ProblemPlaceholder, Count: p.Count, Rows: p.Rows, Value: p.Value,
			Detail: model.Say(DetailPlaceholder, strconv.Quote(p.Value))})
	}
	if m.Role == model.RoleCustomerID || nearlyUnique(c) {
		add(ProblemDuplicates, duplicateRows(c), model.Say(DetailDuplicates))
	}
	x, ok := c.(*model.NumberColumn)
	if !ok {
		return out
	}
	switch {
	case moneyLike(m):
		add(ProblemNegative, NumberCompare(x, OpLt, 0), model.Say(DetailNegative))
	case ageLike(m):
		add(ProblemRange, rowsWhere(x, func(v float64) bool { return v < 0 || v > MaxAge }), model.Say(DetailAge, MaxAge))
	case m.Role == model.RoleBirthYear:
		asOfYear := time.Unix(int64(asOfDay)*86400, 0).UTC().Year()
		add(ProblemImplausible, rowsWhere(x, func(v float64) bool { return GenerationOf(int(v), asOfYear) == GenerationImplausible }),
			model.Say(DetailBirth, MaxAge))
	case m.Role == model.RoleBirthDate && (m.Kind == model.KindDate || m.Kind == model.KindDateTime):
		// the generation calls these rows "birth year implausible"
		asOf := time.Unix(int64(asOfDay)*86400, 0).UTC()
		add(ProblemImplausible, rowsWhere(x, func(v float64) bool {
			var born time.Time
			if x.Kind == model.KindDateTime {
				born = time.Unix(int64(v), 0).UTC()
			} else {
				born = time.Unix(int64(v)*86400, 0).UTC()
			}
			return born.After(asOf) || GenerationOf(born.Year(), asOf.Year()) == GenerationImplausible
		}), model.Say(DetailBirth, MaxAge))
	case m.Kind == model.KindDate || m.Kind == model.KindDateTime:
		lo, hi := -25567.0, asOfDay+1 // 1900-01-01, and the day after the reference date
		if m.Kind == model.KindDateTime {
			lo, hi = lo*86400, hi*86400
		}
		add(ProblemRange, rowsWhere(x, func(v float64) bool { return v < lo || v >= hi }), model.Say(DetailDateRange))
	}
	if (m.Kind == model.KindInteger || m.Kind == model.KindReal) && m.Role != model.RoleCustomerID {
		if rows, detail := outliers(x); rows != nil {
			add(ProblemOutliers, rows, detail)
		}
	}
	return out
}

// nearlyUnique reports an identifier or text column whose values are almost
// all different (at least 90%): a key, where a repeat is a problem. A column
// named like a key but shared by design (a neighbourhood or household id,
// with many rows per value) is not one.
func nearlyUnique(c model.Column) bool {
	m := c.Meta()
	if m.Kind != model.KindIdentifier && m.Kind != model.KindText {
		return false
	}
	n := c.Len() - Nulls(c).Count()
	return n >= 20 && Distinct(c)*10 >= n*9
}

// moneyLike finds amounts that cannot be negative by role or by name.
func moneyLike(m *model.ColumnMeta) bool {
	if m.Role == model.RoleIncome {
		return true
	}
	n := strings.ToLower(m.Name)
	for _, w := range []string{"price", "amount", "income", "revenue", "spend", "salary", "total"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

func ageLike(m *model.ColumnMeta) bool {
	n := strings.ToLower(m.Name)
	return n == "age" || strings.HasPrefix(n, "age_") || strings.HasSuffix(n, "_age")
}

// outliers returns the rows beyond the far-out fences, or nil when the
// column has too few values or no spread between its quartiles.
func outliers(c *model.NumberColumn) (model.Bitset, model.Sentence) {
	vals := values(c, nil)
	if len(vals) < 20 {
		return nil, model.Sentence{}
	}
	q := Quantiles(vals, []float64{0.25, 0.75})
	iqr := q[1] - q[0]
	if iqr == 0 || math.IsNaN(iqr) {
		return nil, model.Sentence{}
	}
	lo, hi := q[0]-outlierIQRs*iqr, q[1]+outlierIQRs*iqr
	return rowsWhere(c, func(v float64) bool { return v < lo || v > hi }),
		model.Say(DetailOutliers, Approx(lo), Approx(hi))
}

// duplicateRows returns every row whose identifier another row also holds.
func duplicateRows(c model.Column) model.Bitset {
	out := model.NewBitset(c.Len())
	switch x := c.(type) {
	case *model.NumberColumn:
		idx := make([]int32, 0, x.Len())
		eachRow(x.Len(), x.Nulls, nil, func(i int) { idx = append(idx, int32(i)) })
		sort.Slice(idx, func(a, b int) bool { return x.Values[idx[a]] < x.Values[idx[b]] })
		for i := 1; i < len(idx); i++ {
			if x.Values[idx[i]] == x.Values[idx[i-1]] {
				out.Set(int(idx[i]))
				out.Set(int(idx[i-1]))
			}
		}
	case *model.TextColumn:
		first := make(map[string]int32, x.Len())
		eachRow(x.Len(), x.Nulls, nil, func(i int) {
			if j, ok := first[x.Values[i]]; ok {
				out.Set(int(j))
				out.Set(i)
			} else {
				first[x.Values[i]] = int32(i)
			}
		})
	case *model.CodedColumn:
		counts := CodeCounts(x, nil)
		for i, k := range x.Codes {
			if k >= 0 && counts[k+1] > 1 {
				out.Set(i)
			}
		}
	}
	return out
}

// rowsWhere returns the non-null rows of c whose value satisfies keep.
func rowsWhere(c *model.NumberColumn, keep func(float64) bool) model.Bitset {
	out := model.NewBitset(c.Len())
	eachRow(c.Len(), c.Nulls, nil, func(i int) {
		if keep(c.Values[i]) {
			out.Set(i)
		}
	})
	return out
}
