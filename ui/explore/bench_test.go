package explore

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

// benchSession is the data of the benchmarks: the database named by
// PULPERO_BENCH_DB (e.g. a 1M-customer sample), loaded as the interface
// loads it, or else a synthetic million customers with two 50-value
// categoricals.
func benchSession(b *testing.B) *common.Session {
	b.Helper()
	if path := os.Getenv("PULPERO_BENCH_DB"); path != "" {
		return screentest.Session(b, path, "", asOf)
	}
	return &common.Session{Data: syntheticDataset(1_000_000), AsOf: asOf}
}

func syntheticDataset(n int) *model.Dataset {
	r := rand.New(rand.NewPCG(1, 1))
	ds := &model.Dataset{Table: "customers", RowIDs: make([]int64, n)}
	id := model.NewNumberColumn(model.ColumnMeta{Name: "customer_id", Kind: model.KindIdentifier, Role: model.RoleCustomerID}, n)
	income := model.NewNumberColumn(model.ColumnMeta{Name: "monthly_income", Kind: model.KindReal, Role: model.RoleIncome}, n)
	birth := model.NewNumberColumn(model.ColumnMeta{Name: "birth_date", Kind: model.KindDate, Role: model.RoleBirthDate}, n)
	signup := model.NewNumberColumn(model.ColumnMeta{Name: "signup_date", Kind: model.KindDate, Role: model.RoleSignupDate}, n)
	kids := model.NewNumberColumn(model.ColumnMeta{Name: "children", Kind: model.KindInteger, Role: model.RoleChildren}, n)
	city := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "city", Kind: model.KindCategorical}, Codes: make([]int32, n)}
	channel := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "channel", Kind: model.KindCategorical}, Codes: make([]int32, n)}
	news := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "newsletter", Kind: model.KindBoolean}, Codes: make([]int32, n), Dict: model.BoolDict}
	note := &model.TextColumn{ColumnMeta: model.ColumnMeta{Name: "note", Kind: model.KindText}, Values: make([]string, n), Nulls: model.NewBitset(n)}
	for k := range 50 {
		city.Dict = append(city.Dict, fmt.Sprintf("city %02d", k))
		channel.Dict = append(channel.Dict, fmt.Sprintf("channel %02d", k))
	}
	for i := range n {
		ds.RowIDs[i] = int64(i + 1)
		id.SetValue(i, float64(i+1))
		if r.IntN(10) > 0 {
			income.SetValue(i, math.Round(math.Exp(7.3+0.6*r.NormFloat64())*100)/100)
		}
		if r.IntN(15) > 0 {
			birth.SetValue(i, float64(-9000+r.IntN(20000)))
		}
		signup.SetValue(i, float64(16000+r.IntN(4000)))
		kids.SetValue(i, float64(r.IntN(4)))
		city.Codes[i] = int32(min(49, int(r.ExpFloat64()*10)))
		channel.Codes[i] = int32(r.IntN(50))
		news.Codes[i] = int32(r.IntN(2))
		if r.IntN(2) == 0 {
			note.Nulls.Set(i)
		} else {
			note.Values[i] = fmt.Sprintf("note %d", r.IntN(5000))
		}
	}
	ds.Columns = []model.Column{id, city, channel, income, kids, birth, signup, news, note}
	analysis.Derive(ds, asOf)
	return ds
}

// BenchmarkCursorMove measures what a move to an attribute not seen before
// costs: computing its distribution and rendering the screen (the first
// visit; later visits hit the cache). One sub-benchmark per attribute.
func BenchmarkCursorMove(b *testing.B) {
	s := benchSession(b)
	c := &common.Common{Width: 100, Height: 27, Styles: common.NewStyles(true), Session: s}
	m := New(c)
	m.syncLimit = math.MaxInt // measure compute + render in one call
	m.SetSize(100, 27)
	for i, col := range s.Data.Columns {
		b.Run(col.Meta().Name, func(b *testing.B) {
			for b.Loop() {
				m.cache = map[distKey]*dist{}
				m.cursor = i
				m.ensure()
				_ = m.View()
			}
		})
	}
}

// BenchmarkCursorMoveWarm measures a move once the background prefetch
// (started by Init on a big table) has filled the cache: render only.
func BenchmarkCursorMoveWarm(b *testing.B) {
	s := benchSession(b)
	c := &common.Common{Width: 100, Height: 27, Styles: common.NewStyles(true), Session: s}
	m := New(c)
	m.SetSize(100, 27)
	msg := m.prefetchFrom(0)()
	m.Update(msg)
	n := len(s.Data.Columns)
	i := 0
	for b.Loop() {
		m.cursor = i % n
		if m.ensure() != nil {
			b.Fatal("cache miss after prefetch")
		}
		_ = m.View()
		i++
	}
}

// BenchmarkCrossTab50x50 measures a cross-tab of two 50-value attributes,
// computed and rendered.
func BenchmarkCrossTab50x50(b *testing.B) {
	s := benchSession(b)
	a, z := s.Data.Column("city"), s.Data.Column("channel")
	if a == nil || z == nil {
		a, z = fiftyValued(b, s.Data)
	}
	m := New(&common.Common{Width: 100, Height: 27, Styles: common.NewStyles(true), Session: s})
	m.SetSize(100, 27)
	m.view = viewCrossTab
	for b.Loop() {
		tab, err := computeCrossTab(a, z)
		if err != nil {
			b.Fatal(err)
		}
		m.xt.tab = &tab
		_ = m.View()
	}
	b.ReportMetric(float64(len(m.xt.tab.Rows.Labels)*len(m.xt.tab.Cols.Labels)), "cells")
}

// fiftyValued picks the two categoricals of a real database with the most
// values, at most 60.
func fiftyValued(b *testing.B, ds *model.Dataset) (model.Column, model.Column) {
	var best []model.Column
	for _, c := range ds.Columns {
		if x, ok := c.(*model.CodedColumn); ok && len(x.Dict) <= 60 {
			best = append(best, c)
		}
	}
	if len(best) < 2 {
		b.Skip("no two categoricals")
	}
	for i := range best {
		for j := i + 1; j < len(best); j++ {
			if len(best[j].(*model.CodedColumn).Dict) > len(best[i].(*model.CodedColumn).Dict) {
				best[i], best[j] = best[j], best[i]
			}
		}
	}
	b.Logf("crossing %s (%d values) × %s (%d values)", best[0].Meta().Name, len(best[0].(*model.CodedColumn).Dict), best[1].Meta().Name, len(best[1].(*model.CodedColumn).Dict))
	return best[0], best[1]
}

// BenchmarkQualityView measures finding every data-quality problem (the
// in-memory checks, then the e-mail and phone check that streams the personal
// columns from SQLite) and rendering the list.
func BenchmarkQualityView(b *testing.B) {
	s := benchSession(b)
	m := New(&common.Common{Width: 100, Height: 27, Styles: common.NewStyles(true), Session: s})
	m.SetSize(100, 27)
	m.syncLimit = math.MaxInt
	for b.Loop() {
		m.q = qualityState{}
		if cmd := m.openQuality(); cmd != nil {
			m.Update(cmd()) // the e-mail and phone check, streamed from SQLite
		}
		_ = m.View()
	}
}
