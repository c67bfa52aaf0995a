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
// The behaviour is read behind the screens (LoadInStages), so each
// iteration stops it once the frame is drawn. Cold: a new data folder each
// time (no snapshot); Snapshot: the second open of the same database.
//
//	PULPERO_BENCH_DEMO=/tmp/demo1m.db go test ./ui/ -run '^$' -bench FirstScreen -benchtime 5x
func BenchmarkFirstScreenCold(b *testing.B) {
	path := firstScreenDB(b)
	for b.Loop() {
		firstScreen(b, path, b.TempDir())
	}
}

func BenchmarkFirstScreenSnapshot(b *testing.B) {
	path, dir := firstScreenDB(b), b.TempDir()
	firstScreen(b, path, dir) // the first open writes the snapshot
	for b.Loop() {
		firstScreen(b, path, dir)
	}
}

func firstScreenDB(b *testing.B) string {
	p := os.Getenv("PULPERO_BENCH_DEMO")
	if p == "" {
		b.Skip("PULPERO_BENCH_DEMO names the demo database to open (go run . sample --customers 1000000 --out FILE)")
	}
	return p
}

func firstScreen(b *testing.B, path, dataDir string) {
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
		drawn = true
		cancel() // the behaviour is not what is timed
	})
	if !drawn {
		b.Fatalf("no first screen: %v", err)
	}
}
