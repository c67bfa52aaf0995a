package app

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model/segment"
)

// The behaviour benchmarks read the demo world at 1,000,000 customers
// (~10M invoice lines, ~6M touchpoints), generated once outside the
// repository:
//
//	go run . sample --customers 1000000 --out /tmp/demo1m.db
//	PULPERO_BEHAVIOUR_DB=/tmp/demo1m.db go test ./app/ -run '^$' -bench 'Behaviour|GroupBy|Recount' -benchtime 3x
//
// They skip without it.
func bigWorld(b *testing.B) string {
	path := os.Getenv("PULPERO_BEHAVIOUR_DB")
	if path == "" {
		b.Skip("PULPERO_BEHAVIOUR_DB is not set (a demo world of 1M customers; see the comment)")
	}
	return path
}

// procStatus reads a field of /proc/self/status in MB (0 elsewhere).
func procStatus(field string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, field+":") {
			f := strings.Fields(l)
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkBehaviourDemo1M times ComputeBehaviour alone (purchases and
// touchpoints read from SQLite, attributes and RFM scores computed) on the
// customers already loaded, and reports the memory it adds: peak RSS over
// the RSS before (after a GC returned what loading the customers left),
// and the live heap it leaves (the columns).
func BenchmarkBehaviourDemo1M(b *testing.B) {
	path := bigWorld(b)
	db, err := Open(path, OpenOptions{DataDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	cust, br, err := db.loadCustomers(ctx, LoadRequest{AsOf: demoToday})
	if err != nil {
		b.Fatal(err)
	}
	analysis.Derive(cust.Data, demoToday)
	var ms runtime.MemStats
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		runtime.GC()
		debug.FreeOSMemory()
		runtime.ReadMemStats(&ms)
		heap0, rss0 := ms.HeapAlloc, procStatus("VmRSS")
		os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // resets VmHWM (Linux)
		b.StartTimer()
		t0 := time.Now()
		stop := make(chan bool)
		if os.Getenv("PULPERO_TRACE_RSS") != "" {
			go func() {
				var m runtime.MemStats
				for {
					select {
					case <-stop:
						return
					case <-time.After(250 * time.Millisecond):
						runtime.ReadMemStats(&m)
						b.Logf("%5.2fs RSS %6.0f MB heap %5d MB goal %5d MB", time.Since(t0).Seconds(), procStatus("VmRSS"), m.HeapAlloc>>20, m.NextGC>>20)
					}
				}
			}()
		}
		br := *br
		br.Stage = func(s string) {
			if os.Getenv("PULPERO_TRACE_RSS") != "" {
				b.Logf("%5.2fs stage %s", time.Since(t0).Seconds(), s)
			}
		}
		beh, cols, err := db.ComputeBehaviour(ctx, br)
		close(stop)
		took := time.Since(t0)
		b.StopTimer()
		if err != nil || beh.Err != nil {
			b.Fatal(err, beh.Err)
		}
		peak := procStatus("VmHWM") - rss0
		runtime.GC()
		runtime.ReadMemStats(&ms)
		b.ReportMetric(took.Seconds(), "s/behaviour")
		b.ReportMetric(peak, "MB-peak-RSS-added")
		b.ReportMetric(float64(ms.HeapAlloc-heap0)/(1<<20), "MB-live-added")
		b.ReportMetric(float64(beh.Summary.Lines), "lines")
		b.ReportMetric(float64(beh.Summary.Touchpoints), "touchpoints")
		runtime.KeepAlive(cols)
		b.StartTimer()
	}
}

// BenchmarkSQLGroupBy1M is the comparison: recency, frequency and
// monetary value per customer by SQL's GROUP BY over the same file,
// through the same driver (modernc), for the invoice lines alone.
func BenchmarkSQLGroupBy1M(b *testing.B) {
	db := openRO(b, bigWorld(b))
	for range b.N {
		rows, err := db.Query(`SELECT h.customer_id, max(h.invoice_datetime), count(DISTINCT CASE WHEN l.quantity * l.unit_price > 0 THEN h.invoice_id END),
			sum(CASE WHEN l.quantity * l.unit_price > 0 THEN l.quantity * l.unit_price ELSE 0 END) -
			sum(CASE WHEN l.returned_quantity * l.unit_price > 0 THEN l.returned_quantity * l.unit_price ELSE 0 END)
			FROM invoice_lines l JOIN invoices h ON h.invoice_id = l.invoice_id GROUP BY h.customer_id`)
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			n++
		}
		rows.Close()
		b.ReportMetric(float64(n), "customers")
	}
}

var (
	bigOnce    sync.Once
	bigSession *Session
	bigErr     error
)

// BenchmarkRecount1M: a segment recount on behaviour attributes against
// one on the customer table's own columns, on the 1M-customer session.
func BenchmarkRecount1M(b *testing.B) {
	path := bigWorld(b)
	bigOnce.Do(func() {
		db, err := Open(path, OpenOptions{DataDir: b.TempDir()})
		if err != nil {
			bigErr = err
			return
		}
		bigSession, bigErr = db.Load(context.Background(), LoadRequest{AsOf: demoToday})
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	for _, c := range []struct{ name, rule string }{
		{"behaviour", `recency_days <= 90 and frequency >= 3 and monetary > 200`},
		{"customer", `monthly_income > 2000 and children >= 1 and zone = "north"`},
		{"rfm", `rfm_segment = "Champions" or (r_score between 4 and 5 and f_score >= 3)`},
	} {
		b.Run(c.name, func(b *testing.B) {
			n, err := segment.Parse(c.rule)
			if err != nil {
				b.Fatal(err)
			}
			for range b.N {
				// a fresh evaluator each time: no condition cached
				ev := analysis.NewEvaluator(bigSession.Data, bigSession.AsOf, nil)
				r, err := ev.Eval(n)
				if err != nil {
					b.Fatal(err)
				}
				_ = r.True.Count()
			}
		})
	}
}

// BenchmarkOnlineRetail: loading Online Retail (541,909 lines): customers
// from the transactions and their behaviour, as the screens open it.
func BenchmarkOnlineRetail(b *testing.B) {
	path := os.Getenv("PULPERO_RETAIL_DB")
	if path == "" {
		b.Skip("PULPERO_RETAIL_DB is not set (Online Retail imported: pulpero import online-retail.csv --db retail.db)")
	}
	db, err := Open(path, OpenOptions{DataDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for range b.N {
		s, err := db.Load(context.Background(), LoadRequest{AsOf: demoToday})
		if err != nil || s.Behaviour.Err != nil {
			b.Fatal(err, s.Behaviour.Err)
		}
		b.ReportMetric(s.Behaviour.Took.Seconds(), "s/behaviour")
	}
}
