package analysis_test

// Benchmarks of segments at a million customers. Run:
//
//	go test -bench Segment -run '^$' -benchtime 20x ./analysis/
//
// PULPERO_SEG_DB=path measures on an existing database (e.g. made by
// `pulpero sample --customers 1000000`); otherwise the synthetic database
// of bench_test.go (or PULPERO_BENCH_DB) is used. The rules are built from
// whatever columns the customer table has, so any shop database works.

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/store"
)

var segBench struct {
	once sync.Once
	ds   *model.Dataset
	err  error
}

func segBenchData(b *testing.B) *model.Dataset {
	p := os.Getenv("PULPERO_SEG_DB")
	if p == "" {
		ds, _ := benchData(b)
		return ds
	}
	segBench.once.Do(func() {
		d, err := store.Open(p)
		if err != nil {
			segBench.err = err
			return
		}
		ctx := context.Background()
		tables, err := d.Tables(ctx)
		if err != nil {
			segBench.err = err
			return
		}
		choice, err := d.DetectCustomerTable(ctx, tables)
		if err != nil {
			segBench.err = err
			return
		}
		cols, err := d.Profile(ctx, choice.Table, nil)
		if err != nil {
			segBench.err = err
			return
		}
		segBench.ds, segBench.err = d.Load(ctx, choice.Table, cols, nil)
		if segBench.err == nil {
			analysis.Derive(segBench.ds, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
		}
	})
	if segBench.err != nil {
		b.Fatal(segBench.err)
	}
	return segBench.ds
}

// benchRules builds up to n rules, one per column, each keeping most
// customers (so the segment stays large and the profile does full work):
// categoricals lose their rarest value, booleans are not empty, numbers
// and dates are above their 10th percentile. k varies the thresholds.
func benchRules(ds *model.Dataset, n int, k int) []string {
	var rules []string
	for _, c := range ds.Columns {
		if len(rules) == n {
			break
		}
		name := segment.Name(c.Meta().Name)
		switch x := c.(type) {
		case *model.CodedColumn:
			counts, _ := analysis.Frequency(x, nil)
			if len(counts) < 2 {
				continue
			}
			if x.Kind == model.KindBoolean {
				rules = append(rules, name+" is not empty")
				continue
			}
			rules = append(rules, name+" != "+segment.Quote(counts[(len(counts)-1+k)%len(counts)].Value))
		case *model.NumberColumn:
			if x.Kind == model.KindIdentifier {
				continue
			}
			var vals []float64
			for i := 0; i < len(x.Values); i += 97 {
				if !x.Nulls.Has(i) {
					vals = append(vals, x.Values[i])
				}
			}
			if len(vals) == 0 {
				continue
			}
			sort.Float64s(vals)
			v := vals[(len(vals)/10+k)%len(vals)]
			if x.Kind == model.KindDate {
				rules = append(rules, name+" after "+segment.Quote(time.Unix(int64(v)*86400, 0).UTC().Format("2006-01-02")))
			} else if x.Kind != model.KindDateTime {
				rules = append(rules, fmt.Sprintf("%s >= %v", name, v))
			}
		}
	}
	return rules
}

func mustParse(b *testing.B, s string) segment.Node {
	n, err := segment.Parse(s)
	if err != nil {
		b.Fatalf("%s", segment.Caret(s, err))
	}
	return n
}

// BenchmarkSegmentRecount10Rules is the recount after an edit: 10 rules of
// which one (the 5th) changes every iteration, the others remembered by the
// evaluator, then the waterfall of all 10.
func BenchmarkSegmentRecount10Rules(b *testing.B) {
	ds := segBenchData(b)
	rules := benchRules(ds, 10, 0)
	if len(rules) < 10 {
		b.Fatalf("only %d rules from this table", len(rules))
	}
	ev := analysis.NewEvaluator(ds, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), nil)
	ev.Waterfall(mustParse(b, strings.Join(rules, " and ")))
	edits := make([]segment.Node, b.N)
	for i := range edits {
		r := append([]string(nil), rules...)
		r[4] = benchRules(ds, 5, i+1)[4] // a value never seen before
		edits[i] = mustParse(b, strings.Join(r, " and "))
	}
	b.ResetTimer()
	var size int
	for i := 0; i < b.N; i++ {
		steps, _, err := ev.Waterfall(edits[i])
		if err != nil {
			b.Fatal(err)
		}
		size = steps[len(steps)-1].Remaining
	}
	b.ReportMetric(float64(size), "customers")
}

// BenchmarkSegmentCount10RulesCold evaluates all 10 rules from nothing
// (opening a saved segment).
func BenchmarkSegmentCount10RulesCold(b *testing.B) {
	ds := segBenchData(b)
	tree := mustParse(b, strings.Join(benchRules(ds, 10, 0), " and "))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ev := analysis.NewEvaluator(ds, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), nil)
		if _, _, err := ev.Waterfall(tree); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSegmentProfileBase(b *testing.B) {
	ds := segBenchData(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		analysis.NewProfileBase(ds)
	}
}

// BenchmarkSegmentProfile is the full profile (every attribute) of the
// 10-rule segment, everyone's side computed once beforehand.
func BenchmarkSegmentProfile(b *testing.B) {
	ds := segBenchData(b)
	rows, err := analysis.EvaluateSegment(ds, mustParse(b, strings.Join(benchRules(ds, 10, 0), " and ")), time.Now(), nil)
	if err != nil {
		b.Fatal(err)
	}
	base := analysis.NewProfileBase(ds)
	b.ResetTimer()
	var attrs int
	for i := 0; i < b.N; i++ {
		attrs = len(base.Profile(rows))
	}
	b.ReportMetric(float64(attrs), "attributes")
	b.ReportMetric(float64(rows.Count()), "customers")
}

// BenchmarkSegmentOverlap20 evaluates 20 saved segments from nothing (two
// and three rules each) and their pairwise intersections.
func BenchmarkSegmentOverlap20(b *testing.B) {
	ds := segBenchData(b)
	var trees []segment.Node
	for k := 0; len(trees) < 20; k++ {
		r := benchRules(ds, 12, k)
		trees = append(trees, mustParse(b, strings.Join(r[k%9:k%9+2+k%2], " and ")))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ev := analysis.NewEvaluator(ds, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), nil)
		sets := make([]model.Bitset, len(trees))
		for j, t := range trees {
			tr, err := ev.Eval(t)
			if err != nil {
				b.Fatal(err)
			}
			sets[j] = tr.True
		}
		analysis.Overlap(sets)
	}
}
