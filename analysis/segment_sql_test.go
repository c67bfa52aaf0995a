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

// sqlWhere translates a rule tree into a SQL WHERE over the customer table
// of shopDB, with every value bound as a parameter (never spliced). It is the
// independent check of the engine: dates are compared as the ISO text the
// table holds, booleans as its 0/1 integers, categories case-insensitively.
func sqlWhere(n segment.Node, ds *model.Dataset, asOf time.Time) (string, []any) {
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
			return sqlCondition(x, col, asOf, &args)
		}
		panic("unknown node")
	}
	return w(n), args
}

func sqlCondition(c *segment.Condition, col model.Column, asOf time.Time, args *[]any) string {
	name := store.QuoteIdent(col.Meta().Name)
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
			yes, _ := analysis.ParseYesNo(v.Text)
			return map[bool]int{false: 0, true: 1}[yes]
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
		return "substr(" + expr + ", 1, " + bind(len(s)) + ") = " + bind(s)
	case segment.OpInLast, segment.OpThis:
		from, to, _ := analysis.RelativeDays(c, asOf)
		iso := func(d int64) string { return time.Unix(d*86400, 0).UTC().Format("2006-01-02") }
		return expr + " BETWEEN " + bind(iso(from)) + " AND " + bind(iso(to))
	}
	return expr + " " + ops[c.Op] + " " + bind(val(c.Values[0]))
}

// randomRule draws a condition on a stored column with an operator and
// values that suit its kind, including values that match nobody.
func randomRule(r *rand.Rand, ds *model.Dataset) *segment.Condition {
	var cols []model.Column
	for _, c := range ds.Columns {
		if !c.Meta().Derived && c.Meta().Kind != model.KindIdentifier && !strings.HasPrefix(c.Meta().Name, "customer") {
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
	var gen func() segment.Value
	switch col.Meta().Kind {
	case model.KindBoolean:
		pick(segment.OpEq, segment.OpNe, segment.OpIn, segment.OpEmpty, segment.OpNotEmpty)
		gen = func() segment.Value { return segment.Value{Text: []string{"yes", "no", "TRUE", "0"}[r.IntN(4)]} }
	case model.KindCategorical:
		pick(segment.OpEq, segment.OpNe, segment.OpIn, segment.OpNotIn, segment.OpContains, segment.OpStartsWith, segment.OpEmpty)
		gen = func() segment.Value {
			return segment.Value{Text: []string{"north", "NORTH", "south", "east", "north-east", "nowhere", "th", "n"}[r.IntN(8)]}
		}
	case model.KindText:
		pick(segment.OpEq, segment.OpNe, segment.OpIn, segment.OpNotIn, segment.OpContains, segment.OpStartsWith, segment.OpEmpty)
		gen = func() segment.Value {
			return segment.Value{Text: []string{"note 1", "NOTE 12", "te 3", "x", "note 7", "n", "Note"}[r.IntN(7)]}
		}
	case model.KindDate, model.KindDateTime:
		pick(segment.OpEq, segment.OpLt, segment.OpGe, segment.OpBefore, segment.OpAfter, segment.OpBetween,
			segment.OpInLast, segment.OpThis, segment.OpNe, segment.OpEmpty, segment.OpNotEmpty)
		gen = date
	default:
		pick(segment.OpEq, segment.OpNe, segment.OpLt, segment.OpLe, segment.OpGt, segment.OpGe, segment.OpBetween,
			segment.OpIn, segment.OpNotIn, segment.OpEmpty, segment.OpNotEmpty)
		gen = func() segment.Value { return num(0, 3) }
		if strings.Contains(c.Attribute, "ncome") {
			gen = func() segment.Value { return num(300, 3000) }
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

func randomRuleTree(r *rand.Rand, ds *model.Dataset, depth int) segment.Node {
	if depth == 0 || r.IntN(3) == 0 {
		return randomRule(r, ds)
	}
	switch r.IntN(4) {
	case 0:
		return &segment.Not{X: randomRuleTree(r, ds, depth-1)}
	case 1, 2:
		a := &segment.And{}
		for range 2 + r.IntN(2) {
			a.Terms = append(a.Terms, randomRuleTree(r, ds, depth-1))
		}
		return a
	}
	o := &segment.Or{}
	for range 2 + r.IntN(2) {
		o.Terms = append(o.Terms, randomRuleTree(r, ds, depth-1))
	}
	return o
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
var sqlTable = "customers"

func TestSegmentsEqualSQL(t *testing.T) {
	ds, db := shopDB(t, 2000)
	propertyTest(t, ds, db)
}

func propertyTest(t *testing.T, ds *model.Dataset, db *sql.DB) {
	asOf := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	ev := analysis.NewEvaluator(ds, asOf, nil)
	r := rand.New(rand.NewPCG(11, 12))
	trees := 600
	if testing.Short() {
		trees = 100
	}
	for i := range trees {
		tree := randomRuleTree(r, ds, 3)
		text := segment.Print(tree)
		parsed, err := segment.Parse(text)
		if err != nil {
			t.Fatalf("#%d %s: %v", i, text, err)
		}
		got, err := ev.Eval(parsed)
		if err != nil {
			t.Fatalf("#%d %s:\n%s", i, text, segment.Caret(text, err))
		}
		var ids []int64
		got.True.ForEach(func(row int) { ids = append(ids, ds.RowIDs[row]) })
		sort.Slice(ids, func(a, b int) bool { return ids[a] < ids[b] })
		where, args := sqlWhere(parsed, ds, asOf)
		want := sqlRows(t, db, where, args)
		if fmt.Sprint(ids) != fmt.Sprint(want) {
			t.Fatalf("#%d %s\nengine %d rows, SQL %d rows\nWHERE %s %v", i, text, len(ids), len(want), where, args)
		}
		if got.True.AndCount(got.Unknown) != 0 {
			t.Fatalf("#%d %s: a row is both true and unknown", i, text)
		}
	}
}
