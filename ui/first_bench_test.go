package ui

import (
	"context"
	"os"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app"
)

// BenchmarkFirstScreen (issue 14) times what a user waits for before
// Explore answers keys: opening the database, the customers' load, every
// screen built over it, Explore's first distribution and the first frame.
// Contact checks, the behaviour and the snapshot's writing come behind the
// screens (LoadInStages): each iteration stops them once the frame is
// drawn, and the time to that frame is reported as s-to-Explore (ns/op
// also counts what runs until the stop is seen). Cold: a new data folder
// each time (no snapshot); Snapshot: the second open of the same database.
//
//	PULPERO_BENCH_DEMO=/tmp/demo1m.db go test ./ui/ -run '^$' -bench FirstScreen -benchtime 5x
func BenchmarkFirstScreenCold(b *testing.B) {
	path := firstScreenDB(b)
	var took time.Duration
	for b.Loop() {
		took += firstScreen(b, path, b.TempDir())
	}
	b.ReportMetric(took.Seconds()/float64(b.N), "s-to-Explore")
}

func BenchmarkFirstScreenSnapshot(b *testing.B) {
	path, dir := firstScreenDB(b), b.TempDir()
	firstScreen(b, path, dir) // the first open writes the snapshot
	var took time.Duration
	for b.Loop() {
		took += firstScreen(b, path, dir)
	}
	b.ReportMetric(took.Seconds()/float64(b.N), "s-to-Explore")
}

func firstScreenDB(b *testing.B) string {
	p := os.Getenv("PULPERO_BENCH_DEMO")
	if p == "" {
		b.Skip("PULPERO_BENCH_DEMO names the demo database to open (go run . sample --customers 1000000 --out FILE)")
	}
	return p
}

// firstScreen opens path and returns how long Explore took to be drawn.
func firstScreen(b *testing.B, path, dataDir string) (took time.Duration) {
	start := time.Now()
	db, err := app.Open(path, app.OpenOptions{DataDir: dataDir})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	drawn := false
	_, err = db.LoadInStages(ctx, app.LoadRequest{AsOf: time.Now()}, func(s *app.Session) {
		a := New(Options{DB: db})
		a.Update(tea.WindowSizeMsg{Width: 120, Height: 35})
		a.Update(loadedMsg{session: s, more: true})
		if a.focused().Title() != "Explore" || a.View().Content == "" {
			b.Fatal("no Explore")
		}
		drawn, took = true, time.Since(start)
		cancel() // what comes behind the screens is not what is timed
	})
	if !drawn {
		b.Fatalf("no first screen: %v", err)
	}
	return took
}
