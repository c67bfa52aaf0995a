package analysis

import (
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"github.com/pulpero/pulpero/model"
)

// Generations by birth year, as marketing practice names them. A birth year
// after 2010 is "born after 2010"; one that cannot be a customer's (before
// 1900, after the as-of day, or more than MaxAge years back) is
// GenerationImplausible, and the data-quality view lists those rows.
var Generations = []struct {
	Name     string
	From, To int // birth years, inclusive
}{
	{"baby boomers", 1900, 1964},
	{"gen x", 1965, 1978},
	{"millennials", 1979, 1996},
	{"centennials", 1997, 2010},
}

// The generation buckets past the four generations.
const (
	GenerationAfter2010   = "born after 2010"
	GenerationImplausible = "birth year implausible"
)

// MaxAge is the oldest a customer can plausibly be, in years.
const MaxAge = 110

// GenerationOf names the generation of a birth year, as of a year.
func GenerationOf(year, asOfYear int) string {
	if year < 1900 || year > asOfYear || asOfYear-year > MaxAge {
		return GenerationImplausible
	}
	for _, g := range Generations {
		if year >= g.From && year <= g.To {
			return g.Name
		}
	}
	return GenerationAfter2010
}

// generationNote says what the buckets hold, as the code decides them.
const generationNote = ": baby boomers born 1900–1964, gen x 1965–78, millennials 1979–96, centennials 1997–2010, then born after 2010; " +
	"a birth year before 1900, in the future or more than 110 years back is \"birth year implausible\""

// IncomeBands name the quintiles of income among the customers.
var IncomeBands = []string{"low", "lower-middle", "middle", "upper-middle", "high"}

// Derive adds the attributes that the data allows, found through roles:
// age and generation (from a birth date or birth year), income_band (the
// customer's income quintile), has_children, and tenure_days (days since
// sign-up). asOf is the reference date for ages and tenure: the caller's
// today, or a fixed date in tests. Derived columns behave like stored ones.
func Derive(ds *model.Dataset, asOf time.Time) { DeriveSome(ds, asOf, nil) }

// DerivedNames are the attributes Derive may add.
var DerivedNames = []string{"age", "generation", "income_band", "has_children", "tenure_days"}

// DeriveSome is Derive for the derived attributes named (nil: all of
// them): a one-shot count of a rule on generation need not rank a million
// incomes into quintiles.
func DeriveSome(ds *model.Dataset, asOf time.Time, names []string) {
	want := func(n string) bool { return names == nil || slices.Contains(names, n) }
	ds.AsOf = asOf
	asOfDay := float64(asOf.Unix() / 86400)
	// the attributes are independent: computed at once, added in order
	var (
		wg                    sync.WaitGroup
		years                 *ageColumns
		band, kids, tenureCol model.Column
	)
	if want("age") || want("generation") {
		wg.Go(func() { years = birthYears(ds, asOf) })
	}
	if c, ok := ds.ByRole(model.RoleIncome).(*model.NumberColumn); ok && want("income_band") {
		wg.Go(func() { band = incomeBands(c) })
	}
	if c, ok := ds.ByRole(model.RoleChildren).(*model.NumberColumn); ok && want("has_children") {
		wg.Go(func() { kids = hasChildren(c) })
	}
	if c, ok := ds.ByRole(model.RoleSignupDate).(*model.NumberColumn); ok && want("tenure_days") {
		wg.Go(func() { tenureCol = tenure(c, asOfDay) })
	}
	wg.Wait()
	if years != nil {
		if want("age") {
			ds.Add(years.age)
		}
		if want("generation") {
			ds.Add(years.generation)
		}
	}
	for _, c := range []model.Column{band, kids, tenureCol} {
		if c != nil {
			ds.Add(c)
		}
	}
}

type ageColumns struct {
	age        *model.NumberColumn
	generation *model.CodedColumn
}

func birthYears(ds *model.Dataset, asOf time.Time) *ageColumns {
	n := ds.Rows()
	age := model.NewNumberColumn(model.ColumnMeta{Name: "age", Kind: model.KindInteger, Derived: true}, n)
	gen := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "generation", Kind: model.KindCategorical, Derived: true},
		Codes: make([]int32, n)}
	for _, g := range Generations {
		gen.Dict = append(gen.Dict, g.Name)
	}
	gen.Dict = append(gen.Dict, GenerationAfter2010, GenerationImplausible)
	// a year's code from a table over the plausible years (a million rows
	// would otherwise compare names a million times)
	first, last := asOf.Year()-MaxAge-1, asOf.Year()+1
	byYear := make([]int32, last-first+1)
	for y := range byYear {
		byYear[y] = int32(slices.Index(gen.Dict, GenerationOf(first+y, asOf.Year())))
	}
	implausible := int32(slices.Index(gen.Dict, GenerationImplausible))
	code := func(year int) int32 {
		if year < first || year > last {
			return implausible
		}
		return byYear[year-first]
	}
	set := func(i, y int, a float64) {
		age.SetValue(i, a)
		gen.Codes[i] = code(y)
	}
	switch c := ds.ByRole(model.RoleBirthDate).(type) {
	case *model.NumberColumn:
		age.Note = fmt.Sprintf("whole years from %s to %s", c.Name, asOf.Format("2006-01-02"))
		gen.Note = "birth year of " + c.Name + generationNote
		for i := range gen.Codes {
			gen.Codes[i] = -1
			if c.IsNull(i) {
				continue
			}
			y, m, d := civil(dayNumber(c, i)) // no time.Time per row: a million dates in milliseconds
			a := asOf.Year() - y
			if int(asOf.Month()) < m || int(asOf.Month()) == m && asOf.Day() < d {
				a-- // birthday not reached yet this year
			}
			set(i, y, float64(a))
		}
	default:
		y, ok := ds.ByRole(model.RoleBirthYear).(*model.NumberColumn)
		if !ok {
			return nil
		}
		age.Note = fmt.Sprintf("%d minus %s (age reached this year)", asOf.Year(), y.Name)
		gen.Note = "from " + y.Name + generationNote
		for i := range gen.Codes {
			gen.Codes[i] = -1
			if !y.IsNull(i) {
				set(i, int(y.Values[i]), float64(asOf.Year())-y.Values[i])
			}
		}
	}
	return &ageColumns{age: age, generation: gen}
}

// dayNumber is a date column's row as days since 1970-01-01 (date-times are
// seconds).
func dayNumber(c *model.NumberColumn, i int) int64 {
	if c.Kind == model.KindDateTime {
		return int64(math.Floor(c.Values[i] / 86400))
	}
	return int64(math.Floor(c.Values[i]))
}

// dayTime reads a date column's row as a time (date-times are seconds).
func dayTime(c *model.NumberColumn, i int) time.Time {
	if c.Kind == model.KindDateTime {
		return time.Unix(int64(c.Values[i]), 0).UTC()
	}
	return time.Unix(int64(c.Values[i])*86400, 0).UTC()
}

func incomeBands(c *model.NumberColumn) *model.CodedColumn {
	cuts := Quantiles(values(c, nil), []float64{0.2, 0.4, 0.6, 0.8})
	band := &model.CodedColumn{
		ColumnMeta: model.ColumnMeta{Name: "income_band", Kind: model.KindCategorical, Derived: true,
			Note: fmt.Sprintf("quintiles of %s: cuts at %s", c.Name, formatCuts(cuts))},
		Codes: make([]int32, c.Len()), Dict: append([]string(nil), IncomeBands...)}
	for i, v := range c.Values {
		band.Codes[i] = -1
		if c.IsNull(i) {
			continue
		}
		k := int32(0)
		for k < 4 && v > cuts[k] {
			k++
		}
		band.Codes[i] = k
	}
	return band
}

func formatCuts(cuts []float64) string {
	s := ""
	for i, c := range cuts {
		if i > 0 {
			s += ", "
		}
		if math.IsNaN(c) {
			s += "–"
		} else {
			s += fmt.Sprintf("%.0f", c)
		}
	}
	return s
}

func hasChildren(c *model.NumberColumn) *model.CodedColumn {
	out := &model.CodedColumn{
		ColumnMeta: model.ColumnMeta{Name: "has_children", Kind: model.KindBoolean, Derived: true, Note: c.Name + " > 0"},
		Codes:      make([]int32, c.Len()), Dict: append([]string(nil), model.BoolDict...)}
	for i, v := range c.Values {
		switch {
		case c.IsNull(i):
			out.Codes[i] = -1
		case v > 0:
			out.Codes[i] = 1
		}
	}
	return out
}

func tenure(c *model.NumberColumn, asOfDay float64) *model.NumberColumn {
	out := model.NewNumberColumn(model.ColumnMeta{Name: "tenure_days", Kind: model.KindInteger, Derived: true,
		Note: "days from " + c.Name + " to the reference date"}, c.Len())
	for i, v := range c.Values {
		if c.IsNull(i) {
			continue
		}
		if c.Kind == model.KindDateTime {
			v = math.Floor(v / 86400)
		}
		out.SetValue(i, asOfDay-v)
	}
	return out
}
