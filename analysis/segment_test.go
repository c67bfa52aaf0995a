package analysis_test

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
)

// tinyShop has 8 customers with a NULL in each column, so the
// three-valued logic is visible row by row.
func tinyShop() *model.Dataset {
	income := model.NewNumberColumn(model.ColumnMeta{Name: "income", Kind: model.KindReal}, 8)
	for i, v := range []float64{100, 200, 300, 400, 500, 600, 700} {
		income.SetValue(i, v) // row 7 stays NULL
	}
	zone := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "Zone", Kind: model.KindCategorical},
		Dict: []string{"north", "south"}, Codes: []int32{0, 0, 1, 1, 0, -1, 1, 0}}
	club := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "e-mail club", Kind: model.KindBoolean},
		Dict: model.BoolDict, Codes: []int32{1, 0, 1, 0, 1, 0, -1, 1}}
	return &model.Dataset{Table: "t", RowIDs: []int64{1, 2, 3, 4, 5, 6, 7, 8}, Columns: []model.Column{income, zone, club}}
}

func rowsOf(b model.Bitset) []int { return b.Rows(-1) }

func evalRows(t *testing.T, ev *analysis.Evaluator, expr string) []int {
	t.Helper()
	n, err := segment.Parse(expr)
	if err != nil {
		t.Fatalf("%s", segment.Caret(expr, err))
	}
	got, err := ev.Eval(n)
	if err != nil {
		t.Fatalf("%s", segment.Caret(expr, err))
	}
	return rowsOf(got.True)
}

func TestThreeValuedLogic(t *testing.T) {
	ev := analysis.NewEvaluator(tinyShop(), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	cases := map[string]string{
		`income > 350`:                            "[3 4 5 6]",
		`not income > 350`:                        "[0 1 2]", // row 7 (NULL) is in neither
		`zone = "NORTH"`:                          "[0 1 4 7]",
		`zone != north`:                           "[2 3 6]",
		`not (zone = north and income > 150)`:     "[0 2 3 6]", // rows 5 and 7 are unknown: a NULL and a true
		`not (zone = north or income > 650)`:      "[2 3]",
		`"E-MAIL CLUB" = yes or income < 150`:     "[0 2 4 7]",
		`zone is empty or "e-mail club" is empty`: "[5 6]",
		`not zone is empty`:                       "[0 1 2 3 4 6 7]",
		`income between 200 and 400`:              "[1 2 3]",
		`income not in (100, 700)`:                "[1 2 3 4 5]",
	}
	for expr, want := range cases {
		if got := rowsOf2(evalRows(t, ev, expr)); got != want {
			t.Errorf("%s = %s, want %s", expr, got, want)
		}
	}
}

func rowsOf2(r []int) string {
	s := make([]string, len(r))
	for i, v := range r {
		s[i] = string(rune('0' + v))
	}
	return "[" + strings.Join(s, " ") + "]"
}

func TestWaterfallAndSegments(t *testing.T) {
	saved := map[string]string{"rich": `income >= 500`, "loop": `in segment "loop2"`, "loop2": `in segment "LOOP"`}
	resolve := func(name string) (segment.Node, bool) {
		for k, v := range saved {
			if strings.EqualFold(k, name) {
				n, err := segment.Parse(v)
				return n, err == nil
			}
		}
		return nil, false
	}
	ev := analysis.NewEvaluator(tinyShop(), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), resolve)
	tree, _ := segment.Parse(`income > 150 and zone in (north, south) and "e-mail club" = yes`)
	steps, final, err := ev.Waterfall(tree)
	if err != nil {
		t.Fatal(err)
	}
	want := []analysis.WaterfallStep{{`income > 150`, 6, 2}, {`zone in ("north", "south")`, 5, 1}, {`"e-mail club" = "yes"`, 2, 3}}
	if len(steps) != len(want) {
		t.Fatalf("%d waterfall steps, want %d: %+v", len(steps), len(want), steps)
	}
	removed := 0
	for i, s := range steps {
		if s.Rule != want[i].Rule || s.Remaining != want[i].Remaining || s.Removed != want[i].Removed {
			t.Errorf("step %d = %+v, want %+v", i, s, want[i])
		}
		removed += s.Removed
	}
	// everyone is either removed by one step or left at the end
	if final.Count() != 2 || removed+final.Count() != 8 || steps[len(steps)-1].Remaining != final.Count() {
		t.Errorf("final %v, %d removed of 8", rowsOf(final), removed)
	}
	if got := rowsOf2(evalRows(t, ev, `not in segment "RICH"`)); got != "[0 1 2 3 7]" {
		t.Errorf("not in segment rich = %s", got)
	}
	n, _ := segment.Parse(`in segment loop`)
	if _, err := ev.Eval(n); err == nil || !strings.Contains(err.Error(), "refers to itself") {
		t.Errorf("cycle: %v", err)
	}
	m := analysis.Overlap([]model.Bitset{final, model.FullBitset(8)})
	if m[0][0] != 2 || m[0][1] != 2 || m[1][1] != 8 {
		t.Errorf("overlap %v", m)
	}
}

func TestProfile(t *testing.T) {
	ds := tinyShop()
	base := analysis.NewProfileBase(ds)
	seg := model.NewBitset(8)
	for _, i := range []int{0, 1, 4, 7} { // the north
		seg.Set(i)
	}
	prof := base.Profile(seg)
	var zone analysis.AttributeProfile
	for i, p := range prof {
		if i > 0 && p.Distance > prof[i-1].Distance {
			t.Errorf("not ranked: %s after %s", p.Attribute, prof[i-1].Attribute)
		}
		if p.Attribute == "Zone" {
			zone = p
		}
	}
	if math.Abs(zone.Distance-0.5) > 1e-9 {
		t.Fatalf("Zone distance %v, want 0.5", zone.Distance)
	}
	for _, p := range prof {
		seen, all := 0, 0
		for _, b := range p.Buckets {
			seen += b.Segment
			all += b.Overall
		}
		if seen != 4 || all != 8 {
			t.Errorf("%s: buckets sum to %d of %d", p.Attribute, seen, all)
		}
	}
	north := zone.Buckets[0]
	if north.Label != "north" || north.Index != 2 {
		t.Errorf("north bucket %+v", north)
	}
}

func TestWarningsForAbsentValues(t *testing.T) {
	ev := analysis.NewEvaluator(tinyShop(), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	n, _ := segment.Parse(`zone in ("nort", "south") and income > 1 and "e-mail club" = yes`)
	w := ev.Warnings(n)
	if len(w) != 1 || w[0] != `no customer has Zone = "nort"; did you mean "north"?` {
		t.Fatalf("warnings %q", w)
	}
}

// TestWarningForAThousandsPoint: 1.500 is fifteen hundred to a reader in
// Spain or Argentina, and 1.5 to the rule language: say so. 1.5 and 1.25
// are plainly decimals and get no warning.
func TestWarningForAThousandsPoint(t *testing.T) {
	ev := analysis.NewEvaluator(tinyShop(), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), nil)
	n, err := segment.Parse(`income > 1.500 or income between 1.5 and 20.000 or income < 1.25`)
	if err != nil {
		t.Fatal(err)
	}
	w := ev.Warnings(n)
	want := []string{
		"1.500 is read with a decimal point; for a thousands figure write 1500",
		"20.000 is read with a decimal point; for a thousands figure write 20000",
	}
	if strings.Join(w, "|") != strings.Join(want, "|") {
		t.Fatalf("warnings %q, want %q", w, want)
	}
}

// FuzzEvaluate: whatever parses evaluates without panicking, and every
// binding error carries a position inside the expression.
func FuzzEvaluate(f *testing.F) {
	for _, s := range []string{`income > 350`, `zone in ("north", nowhere) or not "e-mail club" = yes`,
		`income between 1 and x`, `zone contains "or" and income is empty`, `zone in the last 3 days`,
		`in segment "rich"`, `"e-mail club" > 3`, `income in this year`} {
		f.Add(s)
	}
	ds := tinyShop()
	resolve := func(name string) (segment.Node, bool) {
		n, err := segment.Parse(`income >= 500 or in segment "loop"`)
		return n, err == nil && name != "missing"
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := segment.Parse(s)
		if err != nil {
			return
		}
		ev := analysis.NewEvaluator(ds, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), resolve)
		got, err := ev.Eval(n)
		if err != nil {
			var e *segment.Error
			if !errors.As(err, &e) || e.Pos < 0 || e.Pos > len(s) {
				t.Fatalf("%q: error without a position: %v", s, err)
			}
			return
		}
		if got.True.AndCount(got.Unknown) != 0 {
			t.Fatalf("%q: a row both true and unknown", s)
		}
		ev.Warnings(n)
		ev.Waterfall(n)
	})
}

// TestLibraryResolves is how other features turn a saved segment's name
// into rows: a segment.Library (from store's Workspace.SegmentLibrary)
// resolves names for EvaluateSegment.
func TestLibraryResolves(t *testing.T) {
	lib := segment.Library{}
	if err := lib.Add("Rich", `income >= 500`); err != nil {
		t.Fatal(err)
	}
	lib.Add("Rich north", `in segment "rich" and zone = north`)
	tree, ok := lib.Resolve("RICH NORTH")
	if !ok {
		t.Fatal("not found")
	}
	rows, err := analysis.EvaluateSegment(tinyShop(), tree, time.Now(), lib.Resolve)
	if err != nil || rowsOf2(rowsOf(rows)) != "[4]" {
		t.Fatalf("rows %v, %v", rowsOf(rows), err)
	}
}

// TestProfileBucketsSayWhatTheyHold: beside its English label, each bucket
// says what it holds and a range its bounds, so a face can write it in its
// user's format (review 7); the labels are unchanged.
func TestProfileBucketsSayWhatTheyHold(t *testing.T) {
	ds := tinyShop()
	seg := model.FullBitset(8)
	for _, p := range analysis.NewProfileBase(ds).Profile(seg) {
		for _, b := range p.Buckets {
			var want string
			switch b.Of {
			case analysis.BucketEmpty:
				want = "(empty)"
			case analysis.BucketValue, analysis.BucketOther:
				want = b.Label
			case analysis.BucketRange:
				num := func(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
				switch {
				case math.IsNaN(b.Lo):
					want = "≤ " + num(b.Hi)
				case math.IsNaN(b.Hi):
					want = "> " + num(b.Lo)
				default:
					want = num(b.Lo) + " – " + num(b.Hi)
				}
			}
			if b.Label != want {
				t.Errorf("%s: bucket %q (%v, %v, %v) reads %q", p.Attribute, b.Label, b.Of, b.Lo, b.Hi, want)
			}
			if b.Of != analysis.BucketEmpty && p.Kind.Coded() == (b.Of == analysis.BucketRange) {
				t.Errorf("%s (%v): bucket %q is %v", p.Attribute, p.Kind, b.Label, b.Of)
			}
		}
	}
}
