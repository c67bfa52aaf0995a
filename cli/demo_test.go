package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
)

func TestEnsureDemoGeneratesOnceAndRegeneratesStale(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pulpero", "demo.db")
	opt := sample.Options{Customers: 60, Seed: 1}
	var progress strings.Builder
	if err := ensureDemo(ctx, path, opt, &progress); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(progress.String(), "generating") || !strings.Contains(progress.String(), "100%") {
		t.Fatalf("progress %q", progress.String())
	}
	// A current database is reused as it is.
	progress.Reset()
	if err := ensureDemo(ctx, path, opt, &progress); err != nil || progress.Len() != 0 {
		t.Fatalf("second call: err %v, progress %q; want silent reuse", err, progress.String())
	}
	// Another generator version's database is rebuilt.
	w, err := store.CreateSampleDB(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	w.SetMeta(sample.MetaVersionKey, "old")
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := ensureDemo(ctx, path, opt, nil); err != nil {
		t.Fatal(err)
	}
	if v, _, _ := store.ReadMeta(ctx, path, sample.MetaVersionKey); v != sample.Version {
		t.Fatalf("stamp %q after regeneration", v)
	}
	// A day-old partial file from a killed run is cleaned up; a fresh one is not.
	old, fresh := path[:len(path)-len("demo.db")]+".demo.db.partial-1", path[:len(path)-len("demo.db")]+".demo.db.partial-2"
	os.WriteFile(old, nil, 0o644)
	os.WriteFile(fresh, nil, 0o644)
	os.Chtimes(old, time.Now().Add(-48*time.Hour), time.Now().Add(-48*time.Hour))
	// So is a damaged file.
	os.WriteFile(path, []byte("garbage"), 0o644)
	if err := ensureDemo(ctx, path, opt, nil); err != nil {
		t.Fatal(err)
	}
	if v, _, _ := store.ReadMeta(ctx, path, sample.MetaVersionKey); v != sample.Version {
		t.Fatalf("stamp %q after replacing a damaged file", v)
	}
	if _, err := os.Stat(old); err == nil {
		t.Error("the day-old partial file was left behind")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh partial file (maybe another generator's) was removed")
	}
}

func TestDemoDatabasePathUsesCacheDir(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache)
	want := filepath.Join(cache, "pulpero", "demo.db")
	// Put a current database there so the test does not generate 20,000 customers.
	if err := ensureDemo(context.Background(), want, sample.Options{Customers: 5, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	got, err := demoDatabasePath(context.Background(), nil)
	if err != nil || got != want {
		t.Fatalf("demoDatabasePath = %q, %v; want %q", got, err, want)
	}
}
