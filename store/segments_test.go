package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pulpero/pulpero/model/segment"
)

func segmentWorkspace(t *testing.T, path string) *Workspace {
	t.Helper()
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	ws, err := OpenWorkspace(d, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

func TestSegmentsKeepVersions(t *testing.T) {
	path := makeDB(t, `CREATE TABLE customers (id INTEGER PRIMARY KEY, income REAL)`)
	ws := segmentWorkspace(t, path)
	ctx := context.Background()
	if list, err := ws.Segments(ctx); err != nil || len(list) != 0 {
		t.Fatalf("fresh workspace lists %v, %v", list, err)
	}
	v1, err := ws.SaveSegment(ctx, "Rich", SegmentVersion{Definition: "income > 100", Hash: "h1", Size: 10, Customers: 50})
	if err != nil || v1.Version != 1 {
		t.Fatalf("save: %+v %v", v1, err)
	}
	if v, _ := ws.SaveSegment(ctx, "rich", SegmentVersion{Definition: "income > 100", Hash: "h1", Size: 10, Customers: 50}); v.Version != 1 {
		t.Fatalf("an unchanged save made version %d", v.Version)
	}
	v2, _ := ws.SaveSegment(ctx, "RICH", SegmentVersion{Definition: "income > 200", Hash: "h2", Size: 4, Customers: 50})
	if v2.Version != 2 {
		t.Fatalf("second version is %d", v2.Version)
	}
	s, err := ws.Segment(ctx, "rich")
	if err != nil || s.Name != "Rich" || s.Versions != 2 || s.Latest.Definition != "income > 200" || s.Latest.Size != 4 {
		t.Fatalf("Segment = %+v, %v", s, err)
	}
	if err := ws.RenameSegment(ctx, "rich", "Wealthy"); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.DuplicateSegment(ctx, "wealthy", "Wealthy copy"); err != nil {
		t.Fatal(err)
	}
	if err := ws.RenameSegment(ctx, "wealthy copy", "WEALTHY"); err == nil {
		t.Fatal("renamed onto an existing name")
	}
	h, err := ws.SegmentHistory(ctx, "Wealthy")
	if err != nil || len(h) != 2 || h[0].Definition != "income > 100" || h[1].Hash != "h2" {
		t.Fatalf("history %+v %v", h, err)
	}
	lib, err := ws.SegmentLibrary(ctx)
	if err != nil || len(lib) != 2 {
		t.Fatalf("library %v, %v", lib, err)
	}
	if n, ok := lib.Resolve("WEALTHY COPY"); !ok || segment.Print(n) != "income > 200" {
		t.Fatalf("resolve: %v %v", n, ok)
	}
	if err := ws.DeleteSegment(ctx, "wealthy"); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Segment(ctx, "Wealthy"); !errors.Is(err, ErrNoSegment) {
		t.Fatalf("deleted segment: %v", err)
	}
	list, _ := ws.Segments(ctx)
	if len(list) != 1 || list[0].Name != "Wealthy copy" || list[0].Versions != 1 {
		t.Fatalf("list %+v", list)
	}
	// the user's table is untouched
	var n int
	ws.db.QueryRow(`SELECT count(*) FROM customers`).Scan(&n)
	if n != 0 {
		t.Fatalf("customers has %d rows", n)
	}
}

// TestKilledSaveKeepsPreviousVersion saves versions in a child process
// and kills it with SIGKILL mid-stream: every version that is there is whole,
// numbered without gaps, and the database is sound.
func TestKilledSaveKeepsPreviousVersion(t *testing.T) {
	if path := os.Getenv("PULPERO_SEGMENT_SAVER"); path != "" {
		saveForever(path)
		return
	}
	if testing.Short() {
		t.Skip("spawns a process")
	}
	path := makeDB(t, `CREATE TABLE customers (id INTEGER PRIMARY KEY, income REAL)`)
	cmd := exec.Command(os.Args[0], "-test.run", "^TestKilledSaveKeepsPreviousVersion$")
	cmd.Env = append(os.Environ(), "PULPERO_SEGMENT_SAVER="+path)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	ws := segmentWorkspace(t, path)
	ctx := context.Background()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if s, err := ws.Segment(ctx, "churn risk"); err == nil && s.Versions >= 30 {
			break
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	h, err := ws.SegmentHistory(ctx, "churn risk")
	if err != nil || len(h) < 30 {
		t.Fatalf("history after the kill: %d versions, %v", len(h), err)
	}
	for i, v := range h {
		if v.Version != i+1 || v.Definition != "income > "+strconv.Itoa(v.Size) || v.Hash != fmt.Sprint("h", v.Size) {
			t.Fatalf("version %d is damaged: %+v", i+1, v)
		}
	}
	var ok string
	ws.db.QueryRow(`PRAGMA integrity_check`).Scan(&ok)
	if ok != "ok" {
		t.Fatalf("integrity_check: %s", ok)
	}
}

func saveForever(path string) {
	d, err := Open(path)
	if err != nil {
		os.Exit(3)
	}
	ws, err := OpenWorkspace(d, os.TempDir())
	if err != nil {
		os.Exit(3)
	}
	for i := 1; ; i++ {
		ws.SaveSegment(context.Background(), "churn risk", SegmentVersion{Definition: "income > " + strconv.Itoa(i), Hash: fmt.Sprint("h", i), Size: i})
	}
}

// TestConcurrentSavesWaitTheirTurn: four writers (each its own connection,
// as four processes would be) saving versions at once all succeed: write
// transactions take the lock when they begin and wait for it, instead of
// failing with "database is locked" when a reader turns writer.
func TestConcurrentSavesWaitTheirTurn(t *testing.T) {
	d, _, _ := openShop(t, 20)
	dir := t.TempDir()
	const writers, saves = 4, 25
	errs := make(chan error, writers*saves)
	var wg sync.WaitGroup
	for w := range writers {
		ws, err := OpenWorkspace(d, dir)
		if err != nil {
			t.Fatal(err)
		}
		defer ws.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range saves {
				_, err := ws.SaveSegment(t.Context(), fmt.Sprintf("writer %d", w), SegmentVersion{Definition: fmt.Sprintf("age > %d", i), Hash: fmt.Sprint(i), Size: i})
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	failed := 0
	for err := range errs {
		if err != nil {
			failed++
			t.Log(err)
		}
	}
	if failed > 0 {
		t.Fatalf("%d of %d saves failed", failed, writers*saves)
	}
	ws, _ := OpenWorkspace(d, dir)
	defer ws.Close()
	for w := range writers {
		h, err := ws.SegmentHistory(t.Context(), fmt.Sprintf("writer %d", w))
		if err != nil || len(h) != saves {
			t.Fatalf("writer %d: %d versions kept of %d (%v)", w, len(h), saves, err)
		}
	}
}

// TestBusyIsSaidPlainly: when another writer holds the database past the
// busy timeout, the error says so and what to do, not "(5) (SQLITE_BUSY)".
func TestBusyIsSaidPlainly(t *testing.T) {
	err := busy(errors.New("database is locked (5) (SQLITE_BUSY)"))
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), "try again") {
		t.Fatalf("%v", err)
	}
	if other := errors.New("no such table"); busy(other) != other {
		t.Fatal("another error was taken for busy")
	}
}
