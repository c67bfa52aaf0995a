package csvimport

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// writeGenerated writes an 8-column file of n rows: integer ids, a
// customer id, text, a date-time, a real, an integer, a category, a yes/no.
func writeGenerated(tb testing.TB, path string, n int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(1, 2))
	countries := []string{"Spain", "France", "United Kingdom", "Germany", "Portugal", "Italy"}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	fmt.Fprintln(w, "order_id,customer_id,product,ordered_at,amount,quantity,country,returned")
	for i := range n {
		yes := "no"
		if rng.IntN(10) == 0 {
			yes = "yes"
		}
		t := base.Add(time.Duration(rng.IntN(365*24*3600)) * time.Second)
		fmt.Fprintf(w, "%d,%d,product %d,%s,%.2f,%d,%s,%s\n", i+1, 10000+rng.IntN(50000), rng.IntN(5000),
			t.Format("2006-01-02 15:04:05"), rng.Float64()*500, 1+rng.IntN(20), countries[rng.IntN(len(countries))], yes)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkImportGenerated imports 1,000,000 rows × 8 columns into a new
// database; rows/s is reported.
func BenchmarkImportGenerated(b *testing.B) {
	dir := b.TempDir()
	csv := filepath.Join(dir, "orders.csv")
	const n = 1_000_000
	writeGenerated(b, csv, n)
	b.ResetTimer()
	for i := range b.N {
		db := filepath.Join(dir, fmt.Sprintf("b%d.db", i))
		res, err := Import(context.Background(), db, csv, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Rows != n {
			b.Fatalf("rows %d", res.Rows)
		}
		b.StopTimer()
		os.Remove(db)
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkImportOnlineRetail imports the 541,909 lines of Online Retail.
func BenchmarkImportOnlineRetail(b *testing.B) {
	dir := b.TempDir()
	csv := onlineRetailCSV(b, dir)
	b.ResetTimer()
	for i := range b.N {
		db := filepath.Join(dir, fmt.Sprintf("r%d.db", i))
		if _, err := Import(context.Background(), db, csv, Options{}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		os.Remove(db)
		b.StartTimer()
	}
	b.ReportMetric(541909*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkScanOnlineRetail is the first read of every import (line ends,
// encoding, line count) over the 45 MB of Online Retail; MB/s is reported.
func BenchmarkScanOnlineRetail(b *testing.B) {
	csv := onlineRetailCSV(b, b.TempDir())
	b.ResetTimer()
	var size int64
	for range b.N {
		info, err := scanFile(context.Background(), csv, "", nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		size = info.size
	}
	b.SetBytes(size)
}
