package store

import (
	"bufio"
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
// that says "saved N" after each save returns, and kills it with SIGKILL
// mid-stream: every version the child was told was saved is there (none
// lost), at most the one in flight beyond it, each whole and numbered
// without gaps, and the database is sound. No rate is asserted: the kill
// comes after a number of acknowledged saves, however long they take.
func TestKilledSaveKeepsPreviousVersion(t *testing.T) {
	if path := os.Getenv("PULPERO_SEGMENT_SAVER"); path != "" {
		saveForever(path)
		return
	}
	if testing.Short() {
		t.Skip("spawns a process")
	}
	path := makeDB(t, `CREATE TABLE customers (id INTEGER PRIMARY KEY, income REAL)`)
	ws := segmentWorkspace(t, path)
	ctx := context.Background()
	for round, kills := range []int{3, 12} {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestKilledSaveKeepsPreviousVersion$")
		cmd.Env = append(os.Environ(), "PULPERO_SEGMENT_SAVER="+path)
		pipe, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		acked := 0 // the last version the child saw saved
		lines := bufio.NewScanner(pipe)
		for acked < kills && lines.Scan() {
			if n, ok := strings.CutPrefix(lines.Text(), "saved "); ok {
				acked, _ = strconv.Atoi(n)
			}
		}
		time.Sleep(time.Duration(round) * time.Millisecond) // land the second kill inside a save, perhaps
		cmd.Process.Kill()
		// the child kept saving until the kill: read the saves it
		// acknowledged meanwhile (the pipe holds them), so "acked" is the
		// last one it saw saved, not the last one read before the kill
		for lines.Scan() {
			if n, ok := strings.CutPrefix(lines.Text(), "saved "); ok {
				acked, _ = strconv.Atoi(n)
			}
		}
		cmd.Wait()
		if acked < kills {
			t.Fatalf("round %d: the child stopped after %d saves", round, acked)
		}
		h, err := ws.SegmentHistory(ctx, "churn risk")
		if err != nil || len(h) < acked || len(h) > acked+1 {
			t.Fatalf("round %d: %d versions after the kill, the child saw %d saved (%v)", round, len(h), acked, err)
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
}

// saveForever saves a new version of one segment again and again, from
// where the history stands, and says "saved N" after each save returns.
func saveForever(path string) {
	d, err := Open(path)
	if err != nil {
		os.Exit(3)
	}
	ws, err := OpenWorkspace(d, os.TempDir())
	if err != nil {
		os.Exit(3)
	}
	ctx := context.Background()
	start := 0
	if h, err := ws.SegmentHistory(ctx, "churn risk"); err == nil {
		start = len(h)
	}
	for i := start + 1; ; i++ {
		v, err := ws.SaveSegment(ctx, "churn risk", SegmentVersion{Definition: "income > " + strconv.Itoa(i), Hash: fmt.Sprint("h", i), Size: i})
		if err != nil {
			os.Exit(4)
		}
		fmt.Printf("saved %d\n", v.Version)
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
