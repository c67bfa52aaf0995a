package analysis_test

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/store"
)

// oracle is the SQL side of the property test, written without the engine's
// helpers: derived attributes are SQL expressions over the stored columns,
// relative dates are windows of SQLite's own date functions around asOf, and
// yes/no words are read through the test's own table (yesNoWords).
type oracle struct {
	asOf    string            // the reference day, "2026-06-15"
	derived map[string]string // derived attribute (lower case) → SQL expression over the stored columns
}

// yesNoWords is the language's documented list of yes/no values (README,
// `pulpero segment --help`): English and Spanish, any case.
var yesNoWords = map[string]int{"yes": 1, "y": 1, "true": 1, "t": 1, "1": 1, "si": 1, "sí": 1, "s": 1, "verdadero": 1, "v": 1,
	"no": 0, "n": 0, "false": 0, "f": 0, "0": 0, "falso": 0}

// sqlWhere translates a rule tree into a SQL WHERE over the customer table,
// with every value bound as a parameter (never spliced). It is the
// independent check of the engine: dates are compared as the ISO text the
// table holds, booleans as its 0/1 integers, categories case-insensitively.
func (o oracle) sqlWhere(n segment.Node, ds *model.Dataset) (string, []any) {
	var args []any
	var w func(segment.Node) string
	w = func(n segment.Node) string {
		switch x := n.(type) {
		case *segment.And, *segment.Or:
			terms, sep := []segment.Node(nil), " AND "
			if a, ok := x.(*segment.And); ok {
				terms = a.Terms
			} else {
				terms, sep = x.(*segment.Or).Terms, " OR "
			}
			parts := make([]string, len(terms))
			for i, t := range terms {
				parts[i] = w(t)
			}
			return "(" + strings.Join(parts, sep) + ")"
		case *segment.Not:
			return "(NOT " + w(x.X) + ")"
		case *segment.Condition:
			col := ds.Column(x.Attribute)
			return o.sqlCondition(x, col, &args)
		}
		panic("unknown node")
	}
	return w(n), args
}

// relativeWindow is the first and last day a relative rule covers, as SQLite
// date expressions of asOf (A), with their arguments in order: in the last N
// days is date(A, '-(N−1) days') to A; N weeks is 7N days; N months
// date(A, '-N months', '+1 day') to A; N years likewise; this week is Monday
// to Sunday (ISO 8601; date(A, 'weekday 0') is the Sunday on or after A);
// this month and year run from 'start of month' / 'start of year'.
func (o oracle) relativeWindow(c *segment.Condition) (from, to string, args []any) {
	if c.Op == segment.OpThis {
		switch c.Unit {
		case "week":
			return "date(?, 'weekday 0', '-6 days')", "date(?, 'weekday 0')", []any{o.asOf, o.asOf}
		case "month":
			return "date(?, 'start of month')", "date(?, 'start of month', '+1 month', '-1 day')", []any{o.asOf, o.asOf}
		}
		return "date(?, 'start of year')", "date(?, 'start of year', '+1 year', '-1 day')", []any{o.asOf, o.asOf}
	}
	n, _ := strconv.Atoi(c.Values[0].Text)
	switch c.Unit {
	case "day":
		return "date(?, ?)", "?", []any{o.asOf, fmt.Sprintf("-%d days", n-1), o.asOf}
	case "week":
		return "date(?, ?)", "?", []any{o.asOf, fmt.Sprintf("-%d days", 7*n-1), o.asOf}
	case "month":
		return "date(?, ?, '+1 day')", "?", []any{o.asOf, fmt.Sprintf("-%d months", n), o.asOf}
	}
	return "date(?, ?, '+1 day')", "?", []any{o.asOf, fmt.Sprintf("-%d years", n), o.asOf}
}

func (o oracle) sqlCondition(c *segment.Condition, col model.Column, args *[]any) string {
	name := store.QuoteIdent(col.Meta().Name)
	if col.Meta().Derived {
		expr, ok := o.derived[strings.ToLower(col.Meta().Name)]
		if !ok {
			panic("no SQL for derived attribute " + col.Meta().Name)
		}
		name = "(" + expr + ")"
	}
	kind := col.Meta().Kind
	switch c.Op {
	case segment.OpEmpty:
		return name + " IS NULL"
	case segment.OpNotEmpty:
		return name + " IS NOT NULL"
	}
	expr, val := name, func(v segment.Value) any { f, _ := strconv.ParseFloat(v.Text, 64); return f }
	switch kind {
	case model.KindDate:
		val = func(v segment.Value) any { return v.Text }
	case model.KindDateTime:
		// the engine compares instants by their day
		expr, val = "date("+name+")", func(v segment.Value) any { return v.Text }
	case model.KindCategorical, model.KindText:
		expr, val = "lower("+name+")", func(v segment.Value) any { return strings.ToLower(v.Text) }
	case model.KindBoolean:
		// 0/1 integers or yes/no text, as the table holds them
		expr = "(CASE lower(" + name + ") WHEN 'yes' THEN 1 WHEN '1' THEN 1 WHEN 'no' THEN 0 WHEN '0' THEN 0 END)"
		val = func(v segment.Value) any {
			yes, ok := yesNoWords[strings.ToLower(strings.TrimSpace(v.Text))]
			if !ok {
				panic("not a yes/no word: " + v.Text)
			}
			return yes
		}
	}
	bind := func(v any) string { *args = append(*args, v); return "?" }
	ops := map[segment.Op]string{segment.OpEq: "=", segment.OpNe: "<>", segment.OpLt: "<", segment.OpLe: "<=",
		segment.OpGt: ">", segment.OpGe: ">=", segment.OpBefore: "<", segment.OpAfter: ">"}
	switch c.Op {
	case segment.OpBetween:
		return expr + " BETWEEN " + bind(val(c.Values[0])) + " AND " + bind(val(c.Values[1]))
	case segment.OpIn, segment.OpNotIn:
		var qs []string
		for _, v := range c.Values {
			qs = append(qs, bind(val(v)))
		}
		not := map[bool]string{true: " NOT", false: ""}[c.Op == segment.OpNotIn]
		return expr + not + " IN (" + strings.Join(qs, ", ") + ")"
	case segment.OpContains:
		return "instr(" + expr + ", " + bind(strings.ToLower(c.Values[0].Text)) + ") > 0"
	case segment.OpStartsWith:
		s := strings.ToLower(c.Values[0].Text)
		return "substr(" + expr + ", 1, " + bind(len([]rune(s))) + ") = " + bind(s)
	case segment.OpInLast, segment.OpThis:
		from, to, window := o.relativeWindow(c)
		*args = append(*args, window...)
		return expr + " BETWEEN " + from + " AND " + to
	}
	return expr + " " + ops[c.Op] + " " + bind(val(c.Values[0]))
}

// randomRule draws a condition on a stored column, or a derived one the
// oracle can compute, with an operator and values that suit its kind,
// including values that match nobody.
func (o oracle) randomRule(r *rand.Rand, ds *model.Dataset) *segment.Condition {
	var cols []model.Column
	for _, c := range ds.Columns {
		m := c.Meta()
		if m.Derived && o.derived[strings.ToLower(m.Name)] == "" {
			continue
		}
		if m.Kind != model.KindIdentifier && !strings.HasPrefix(m.Name, "customer") {
			cols = append(cols, c)
		}
	}
	col := cols[r.IntN(len(cols))]
	c := &segment.Condition{Attribute: col.Meta().Name}
	if strings.Contains(c.Attribute, "_") && r.IntN(3) == 0 {
		c.Attribute = strings.ToUpper(c.Attribute) // names match case-insensitively
	}
	pick := func(ops ...segment.Op) { c.Op = ops[r.IntN(len(ops))] }
	num := func(lo, hi int) segment.Value {
		return segment.Value{Text: strconv.Itoa(lo + r.IntN(hi-lo+1)), Number: true}
	}
	date := func() segment.Value {
		return segment.Value{Text: time.Date(1935+r.IntN(95), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC).Format("2006-01-02")}
	}
	words := func(ws ...string) func() segment.Value {
		return func() segment.Value { return segment.Value{Text: ws[r.IntN(len(ws))]} }
	}
	var gen func() segment.Value
	switch col.Meta().Kind {
	case model.KindBoolean:
		pick(segment.OpEq, segment.OpNe, segment.OpIn, segment.OpNotIn, segment.OpEmpty, segment.OpNotEmpty)
		gen = words("yes", "no", "TRUE", "true", "0", "1", "sí", "No", "falso", "Verdadero", "t", "f", "y", "N")
	case model.KindCategorical:
		pick(segment.OpEq, segment.OpNe, segment.OpIn, segment.OpNotIn, segment.OpContains, segment.OpStartsWith, segment.OpEmpty)
		switch strings.ToLower(col.Meta().Name) {
		case "generation":
			gen = words("baby boomers", "Gen X", "millennials", "centennials", "other", "gen", "x", "mill", "boomers")
		case "income_band":
			gen = words("low", "LOW", "lower-middle", "middle", "upper-middle", "high", "mid", "lower", "upper", "e")
		default:
			gen = words("north", "NORTH", "south", "east", "north-east", "nowhere", "th", "n")
		}
	case model.KindText:
		pick(segment.OpEq, segment.OpNe, segment.OpIn, segment.OpNotIn, segment.OpContains, segment.OpStartsWith, segment.OpEmpty)
		gen = words("note 1", "NOTE 12", "te 3", "x", "note 7", "n", "Note")
	case model.KindDate, model.KindDateTime:
		pick(segment.OpEq, segment.OpLt, segment.OpGe, segment.OpBefore, segment.OpAfter, segment.OpBetween,
			segment.OpInLast, segment.OpThis, segment.OpNe, segment.OpEmpty, segment.OpNotEmpty)
		gen = date
	default:
		pick(segment.OpEq, segment.OpNe, segment.OpLt, segment.OpLe, segment.OpGt, segment.OpGe, segment.OpBetween,
			segment.OpIn, segment.OpNotIn, segment.OpEmpty, segment.OpNotEmpty)
		gen = func() segment.Value { return num(0, 3) }
		switch name := strings.ToLower(c.Attribute); {
		case strings.Contains(name, "ncome"):
			gen = func() segment.Value { return num(300, 3000) }
		case name == "age":
			gen = func() segment.Value { return num(15, 90) }
		case name == "tenure_days":
			gen = func() segment.Value { return num(0, 4500) }
		}
	}
	switch c.Op {
	case segment.OpBetween:
		c.Values = []segment.Value{gen(), gen()}
	case segment.OpIn, segment.OpNotIn:
		for range 1 + r.IntN(3) {
			c.Values = append(c.Values, gen())
		}
	case segment.OpInLast:
		c.Values = []segment.Value{num(1, 40)}
		c.Unit = []string{"day", "week", "month", "year"}[r.IntN(4)]
		if c.Unit == "day" {
			c.Values[0] = num(100, 4000)
		}
	case segment.OpThis:
		c.Unit = []string{"week", "month", "year"}[r.IntN(3)]
	case segment.OpEmpty, segment.OpNotEmpty:
	default:
		c.Values = []segment.Value{gen()}
	}
	return c
}

func (o oracle) randomRuleTree(r *rand.Rand, ds *model.Dataset, depth int) segment.Node {
	if depth == 0 || r.IntN(3) == 0 {
		return o.randomRule(r, ds)
	}
	switch r.IntN(4) {
	case 0:
		return &segment.Not{X: o.randomRuleTree(r, ds, depth-1)}
	case 1, 2:
		a := &segment.And{}
		for range 2 + r.IntN(2) {
			a.Terms = append(a.Terms, o.randomRuleTree(r, ds, depth-1))
		}
		return a
	}
	or := &segment.Or{}
	for range 2 + r.IntN(2) {
		or.Terms = append(or.Terms, o.randomRuleTree(r, ds, depth-1))
	}
	return or
}

func sqlRows(t *testing.T, db *sql.DB, where string, args []any) []int64 {
	t.Helper()
	rows, err := db.Query("SELECT rowid FROM "+store.QuoteIdent(sqlTable)+" WHERE "+where+" ORDER BY rowid", args...)
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		out = append(out, id)
	}
	return out
}

// TestSegmentsEqualSQL is the property test: random rule trees, through
// the printer and parser, give the engine exactly the rows SQL's WHERE gives.
// Derived attributes (age, generation, income band, has_children, tenure,
// reachability) are in the draw, computed on the SQL side from the stored
// columns.
var sqlTable = "customers"

func TestSegmentsEqualSQL(t *testing.T) {
	ds, db := shopDB(t, 2000)
	o := shopOracle(t, db)
	for _, c := range ds.Columns {
		if c.Meta().Derived && o.derived[c.Meta().Name] == "" {
			t.Errorf("derived attribute %s has no SQL in the oracle", c.Meta().Name)
		}
	}
	used := propertyTest(t, ds, db, o)
	for name := range o.derived {
		if used[name] < 5 {
			t.Errorf("derived attribute %s drawn in %d rules only", name, used[name])
		}
	}
}

// propertyAsOf are the reference days the trees are evaluated on: a Monday,
// a Sunday, a Wednesday at a month's end, a leap day and a year's last day.
var propertyAsOf = []string{"2026-06-15", "2026-06-14", "2025-12-31", "2024-02-29", "2026-09-30"}

// propertyTest runs the random trees and returns how many rules named each
// attribute (lower case). It fails when too many trees select nobody or
// everybody, since such trees check little.
func propertyTest(t *testing.T, ds *model.Dataset, db *sql.DB, o oracle) map[string]int {
	evs := map[string]*analysis.Evaluator{}
	for _, d := range propertyAsOf {
		asOf, _ := time.Parse(time.DateOnly, d)
		evs[d] = analysis.NewEvaluator(ds, asOf, nil)
	}
	r := rand.New(rand.NewPCG(11, 12))
	trees := 600
	if testing.Short() {
		trees = 100
	}
	used := map[string]int{}
	some, notAll := 0, 0
	for i := range trees {
		o.asOf = propertyAsOf[i%len(propertyAsOf)]
		tree := o.randomRuleTree(r, ds, 3)
		for _, c := range segment.Conditions(tree) {
			used[strings.ToLower(c.Attribute)]++
		}
		text := segment.Print(tree)
		parsed, err := segment.Parse(text)
		if err != nil {
			t.Fatalf("#%d %s: %v", i, text, err)
		}
		got, err := evs[o.asOf].Eval(parsed)
		if err != nil {
			t.Fatalf("#%d %s:\n%s", i, text, segment.Caret(text, err))
		}
		var ids []int64
		got.True.ForEach(func(row int) { ids = append(ids, ds.RowIDs[row]) })
		sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
		where, args := o.sqlWhere(parsed, ds)
		want := sqlRows(t, db, where, args)
		if fmt.Sprint(ids) != fmt.Sprint(want) {
			t.Fatalf("#%d (as of %s) %s\nengine %d rows, SQL %d rows\nWHERE %s %v", i, o.asOf, text, len(ids), len(want), where, args)
		}
		if got.True.AndCount(got.Unknown) != 0 {
			t.Fatalf("#%d %s: a row is both true and unknown", i, text)
		}
		if len(ids) > 0 {
			some++
		}
		if len(ids) < ds.Rows() {
			notAll++
		}
	}
	if some < trees/4 || notAll < trees/4 {
		t.Errorf("of %d trees, %d select somebody and %d leave somebody out: the draw checks too little", trees, some, notAll)
	}
	return used
}
