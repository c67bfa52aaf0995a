package app

// Benchmarks of opening a database, the part of pulpero that is slow (issue
// 14): a one-shot count of a 3-condition rule the first time ever and with
// the snapshot, a full load cold and from the snapshot, a text group-by, and
// the sqlite3 CLI counting the same rule in the same run. On the demo world:
//
//	PULPERO_BENCH_DEMO=/tmp/demo1m.db go test ./app/ -run '^$' -bench Open -benchtime 5x
//
// Without PULPERO_BENCH_DEMO a 1,000,000-customer demo world is generated
// into a temporary folder first (minutes: ten million invoice lines).
// PULPERO_BENCH_CUSTOMERS changes that size.

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/sample"
)

// benchRule is the 3-condition count.
const (
	benchRule = `monthly_income > 2000 and generation in ("millennials", "gen x") and zone = "north"`
	benchSQL  = `SELECT count(*) FROM customers WHERE monthly_income > 2000 AND zone = 'north' AND ` +
		`CAST(substr(birth_date, 1, 4) AS INTEGER) BETWEEN 1965 AND 1996`
)

var benchDemo struct {
	once sync.Once
	path string
	err  error
}

func benchDemoDB(b *testing.B) string {
	benchDemo.once.Do(func() {
		if p := os.Getenv("PULPERO_BENCH_DEMO"); p != "" {
			benchDemo.path = p
			return
		}
		n := 1_000_000
		if s := os.Getenv("PULPERO_BENCH_CUSTOMERS"); s != "" {
			n, _ = strconv.Atoi(s)
		}
		dir, err := os.MkdirTemp("", "pulpero-open-bench-")
		if err != nil {
			benchDemo.err = err
			return
		}
		benchDemo.path = filepath.Join(dir, "demo.db")
		benchDemo.err = GenerateSample(context.Background(), benchDemo.path,
			sample.Options{Customers: n, Seed: sample.DefaultSeed}, false)
	})
	if benchDemo.err != nil {
		b.Fatal(benchDemo.err)
	}
	return benchDemo.path
}

// openCount opens path, loads what the rule needs and counts it, as
// `pulpero segment count` does.
func openCount(b *testing.B, path, dataDir string) int {
	db, err := Open(path, OpenOptions{DataDir: dataDir})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	tree := mustParse(b, benchRule)
	s, err := db.Load(context.Background(), LoadRequest{AsOf: time.Now(), Attributes: RuleAttributes(tree, nil)})
	if err != nil {
		b.Fatal(err)
	}
	rows, err := s.Evaluator(nil).Eval(tree)
	if err != nil {
		b.Fatal(err)
	}
	return rows.True.Count()
}

// BenchmarkOpenCountFirstEver: no snapshot yet (a fresh data folder each
// time): detection, the rule's columns from SQLite, the count.
func BenchmarkOpenCountFirstEver(b *testing.B) {
	path := benchDemoDB(b)
	for b.Loop() {
		dir := b.TempDir()
		openCount(b, path, dir)
	}
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
}

// BenchmarkOpenCountSnapshot: the second open of the same database.
func BenchmarkOpenCountSnapshot(b *testing.B) {
	path := benchDemoDB(b)
	dir := b.TempDir()
	// makes the snapshot, and checks the count against SQL over the file
	if got, want := openCount(b, path, dir), sqlCountOf(b, path, benchSQL); got != want {
		b.Fatalf("counted %d, SQL %d", got, want)
	}
	for b.Loop() {
		openCount(b, path, dir)
	}
}

// BenchmarkOpenCountSQLite3CLI: the sqlite3 command-line program counting
// the same customers, as a peer in the same run (skipped without it).
func BenchmarkOpenCountSQLite3CLI(b *testing.B) {
	path := benchDemoDB(b)
	bin, err := exec.LookPath("sqlite3")
	if err != nil {
		b.Skip("sqlite3 is not installed")
	}
	for b.Loop() {
		out, err := exec.Command(bin, "-readonly", path, benchSQL).Output()
		if err != nil || strings.TrimSpace(string(out)) == "" {
			b.Fatalf("sqlite3: %v %s", err, out)
		}
	}
}

// BenchmarkOpenFull: every column, derived attribute and contact check
// (what the TUI and an export load), cold and from the snapshot.
func BenchmarkOpenFullCold(b *testing.B) {
	path := benchDemoDB(b)
	for b.Loop() {
		openFull(b, path, b.TempDir())
	}
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
}

func BenchmarkOpenFullSnapshot(b *testing.B) {
	path := benchDemoDB(b)
	dir := b.TempDir()
	s := openFull(b, path, dir)
	for b.Loop() {
		s = nil // let the previous copy go before loading the next
		s = openFull(b, path, dir)
	}
	runtime.GC()
	b.ReportMetric(heapMB(), "after-GC-heap-MB") // one session alive
	runtime.KeepAlive(s)
}

func openFull(b *testing.B, path, dataDir string) *Session {
	db, err := Open(path, OpenOptions{DataDir: dataDir})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	s, err := db.Load(context.Background(), LoadRequest{AsOf: time.Now()})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkOpenGroupByPostcode: the postcode counts (an identifier with 64
// values, dictionary-coded at load) over every customer.
func BenchmarkOpenGroupByPostcode(b *testing.B) {
	db, err := Open(benchDemoDB(b), OpenOptions{DataDir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	s, err := db.Load(context.Background(), LoadRequest{AsOf: time.Now(), Attributes: []string{"postcode"}})
	if err != nil {
		b.Fatal(err)
	}
	c, ok := s.Data.Attribute("postcode").(*model.CodedColumn)
	if !ok {
		b.Fatalf("postcode is %T, not dictionary-coded", s.Data.Attribute("postcode"))
	}
	for b.Loop() {
		if f, _ := analysis.Frequency(c, nil); len(f) == 0 {
			b.Fatal("no postcodes")
		}
	}
}

func heapMB() float64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// peakRSSMB is the process's high-water resident set size (VmHWM): for a
// benchmark run alone (-bench with one name), the peak of that work.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}
