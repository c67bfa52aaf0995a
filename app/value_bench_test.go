package app

import (
	"context"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The customer-value benchmarks read the demo world at 1,000,000
// customers (~10M invoice lines), generated once outside the repository:
//
//	go run . sample --customers 1000000 --out /tmp/demo1m.db
//	PULPERO_VALUE_DB=/tmp/demo1m.db go test ./app/ -run '^$' -bench Value -benchtime 1x -count 3
//
// They skip without it. The session is loaded without behaviour (a rule
// over no attribute), so what is timed is value's own work.
func valueWorld(b *testing.B) *Session {
	path := os.Getenv("PULPERO_VALUE_DB")
	if path == "" {
		b.Skip("PULPERO_VALUE_DB is not set (a demo world of 1M customers; see the comment)")
	}
	db, err := Open(path, OpenOptions{DataDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	s, err := db.Load(context.Background(), LoadRequest{AsOf: valueToday, Attributes: []string{}})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// valueToday is the clock of the value tests: after the demo world's last
// purchase.
var valueToday = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

// BenchmarkValueSummary1M: the per-customer summary from the purchases
// (read from SQLite in chunks, added up per customer-day, summarised).
func BenchmarkValueSummary1M(b *testing.B) {
	s := valueWorld(b)
	for b.Loop() {
		lines, err := s.DB.readValueLines(context.Background(), s, dayOf(valueToday), nil)
		if err != nil {
			b.Fatal(err)
		}
		v := &Value{}
		t0 := time.Now()
		if _, err := summariseValue(lines, s.Data.Rows(), 0, false, dayOf(valueToday), 0, v); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(t0).Seconds(), "s/summarise")
		b.ReportMetric(float64(lines.read.Lines), "lines")
		b.ReportMetric(float64(len(lines.p.Day)), "customer-days")
	}
}

// BenchmarkValueCompute1M: ComputeValue end to end (read, summary, both
// fits, predictions, validation), with each step's time.
func BenchmarkValueCompute1M(b *testing.B) {
	s := valueWorld(b)
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		rss0 := valueRSS("VmRSS")
		os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // resets VmHWM (Linux)
		b.StartTimer()
		v, err := s.ComputeValue(context.Background(), ValueOptions{Validate: true})
		if err != nil || v.Err != nil {
			b.Fatal(err, v.Err)
		}
		t := v.Took
		for _, m := range []struct {
			d    time.Duration
			name string
		}{{t.Read, "s/read"}, {t.Summary, "s/summary"}, {t.FitBGNBD, "s/bgnbd"}, {t.FitSpend, "s/gammagamma"},
			{t.Predict, "s/predict"}, {t.Validate, "s/validate"}, {t.Total, "s/total"}} {
			b.ReportMetric(m.d.Seconds(), m.name)
		}
		b.ReportMetric(valueRSS("VmHWM")-rss0, "MB-peak-RSS-added")
	}
}

// valueRSS reads a field of /proc/self/status in MB (0 elsewhere).
func valueRSS(field string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) > 1 && f[0] == field+":" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}
