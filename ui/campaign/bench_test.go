package campaign

import (
	"os"
	"testing"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

// benchJob loads the database in PULPERO_CAMPAIGN_DB (a demo world made by
// `pulpero sample --customers 1000000`) as the program does, and sets up
// a campaign to one segment on e-mail and post.
func benchJob(b *testing.B) job {
	path := os.Getenv("PULPERO_CAMPAIGN_DB")
	if path == "" {
		b.Skip("set PULPERO_CAMPAIGN_DB to a database made by `pulpero sample --customers 1000000`")
	}
	s := screentest.Session(b, path, "", asOf)
	m := New(&common.Common{Width: 120, Height: 40, Styles: common.NewStyles(true), Session: s})
	hist := readHistory(s)().(historyMsg)
	lib, err := app.LibraryOf([2]string{"target", `generation in ("gen x", "millennials") and monthly_income > 1500`},
		[2]string{"out", `loyalty_member = yes`})
	if err != nil {
		b.Fatal(err)
	}
	m.form[fPost].value = "0.65"
	st, err := parseForm(m.common.Locale, m.form, []string{"target"}, []string{"out"})
	if err != nil {
		b.Fatal(err)
	}
	return job{sess: s, lib: lib, past: hist.past, req: st.req.Request}
}

// BenchmarkCountsAfterChange is what a change of segment or channel costs
// before the two counts are on screen: evaluating the segments and the
// breakdown per channel.
func BenchmarkCountsAfterChange(b *testing.B) {
	j := benchJob(b)
	b.ResetTimer()
	for b.Loop() {
		if msg := j.counts().(countsMsg); msg.err != nil {
			b.Fatal(msg.err)
		}
	}
}

// BenchmarkPlanAfterChange is the rest: response model, funnel, control
// group and the budget allocation with its profit curve.
func BenchmarkPlanAfterChange(b *testing.B) {
	j := benchJob(b)
	j.req.Budget = 20000
	b.ResetTimer()
	for b.Loop() {
		if msg := j.plan().(planMsg); msg.err != nil {
			b.Fatal(msg.err)
		}
	}
}

// BenchmarkPlanLogisticFit is the plan when the logistic model must be
// fitted (the model options changed); BenchmarkPlanLogisticAfterChange when
// it is reused (a segment, cost or budget changed).
func BenchmarkPlanLogisticFit(b *testing.B) { benchLogistic(b, false) }

func BenchmarkPlanLogisticAfterChange(b *testing.B) { benchLogistic(b, true) }

func benchLogistic(b *testing.B, reuse bool) {
	j := benchJob(b)
	j.req.Budget, j.req.Model = 20000, "logistic"
	first := j.plan().(planMsg)
	if first.err != nil {
		b.Fatal(first.err)
	}
	if reuse {
		j.fit = first.fit
	}
	b.ResetTimer()
	for b.Loop() {
		if msg := j.plan().(planMsg); msg.err != nil {
			b.Fatal(msg.err)
		}
	}
}
