package server

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
)

// childEnv runs this test binary as a server (database|keys|folder), so
// the load test measures the server's memory alone, not its clients'.
const childEnv = "PULPERO_SERVE_TEST_CHILD"

func serveChild() int {
	parts := strings.Split(os.Getenv(childEnv), "|")
	fmt.Printf("BASE %d\n", rssKB(os.Getpid()))
	db, err := app.Open(parts[0], app.OpenOptions{DataDir: filepath.Join(parts[2], "data")})
	if err != nil {
		fmt.Println("ERR", err)
		return 1
	}
	shared, err := db.Load(context.Background(), app.LoadRequest{AsOf: testAsOf})
	if err != nil {
		fmt.Println("ERR", err)
		return 1
	}
	srv, err := New(Config{AuthorizedKeys: parts[1], HostKeyPath: filepath.Join(parts[2], "hk"), ExportsDir: filepath.Join(parts[2], "exports"),
		Log: slog.New(slog.DiscardHandler), MaxSessions: 20}, shared)
	if err != nil {
		fmt.Println("ERR", err)
		return 1
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println("ERR", err)
		return 1
	}
	fmt.Printf("ADDR %s\n", ln.Addr())
	go srv.Serve(ln)
	go func() { // the live heap after a collection, beside RSS (which includes GC headroom)
		for range time.Tick(2 * time.Second) {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			fmt.Printf("HEAP %d %d\n", ms.HeapAlloc/1024, srv.Sessions())
			// PULPERO_LOAD_HEAPPROFILE: where the heap goes with 20 sessions
			if p := os.Getenv("PULPERO_LOAD_HEAPPROFILE"); p != "" && srv.Sessions() == 20 {
				if f, err := os.Create(p); err == nil {
					pprof.WriteHeapProfile(f)
					f.Close()
				}
			}
		}
	}()
	io.Copy(io.Discard, os.Stdin) // the parent closes stdin to stop us
	srv.Close()
	return 0
}

// rssKB reads a process's resident set size (Linux).
func rssKB(pid int) int {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	for _, l := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return n
		}
	}
	return -1
}

// TestLoad20Sessions (PULPERO_LOAD_SECONDS=60 go test -run TestLoad20Sessions
// -v ./ui/server/): 20 sessions at once, each moving through Explore and
// recounting a segment, for the given time, against a server process of
// its own. It reports the server's RSS with 0, 1 and 20 sessions, the key
// echo latency (key written → first byte of the redraw) p50/p99, and
// fails if a session was dropped. PULPERO_LOAD_CUSTOMERS sets the shop's
// size (100,000).
func TestLoad20Sessions(t *testing.T) {
	secs, _ := strconv.Atoi(os.Getenv("PULPERO_LOAD_SECONDS"))
	if secs <= 0 {
		t.Skip("set PULPERO_LOAD_SECONDS to run the load test")
	}
	customers := 100_000
	if n, err := strconv.Atoi(os.Getenv("PULPERO_LOAD_CUSTOMERS")); err == nil && n > 0 {
		customers = n
	}
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "shop.db")
	if err := app.GenerateSample(context.Background(), dbPath, sample.Options{Customers: customers, Seed: 5}, false); err != nil {
		t.Fatal(err)
	}
	const n = 20
	e := &env{dir: dir}
	signers := make([]*term, n)
	var keys strings.Builder
	ss := make([]gossh.Signer, n)
	for i := range n {
		ss[i] = newSigner(t)
		fmt.Fprintf(&keys, "%s user%02d\n", authLine(ss[i]), i)
	}
	ak := filepath.Join(dir, "authorized_keys")
	os.WriteFile(ak, []byte(keys.String()), 0o600)

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+dbPath+"|"+ak+"|"+dir)
	stdin, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); cmd.Wait() }()
	rd := bufio.NewScanner(out)
	var base int
	for rd.Scan() {
		f := strings.Fields(rd.Text())
		if len(f) == 2 && f[0] == "BASE" {
			base, _ = strconv.Atoi(f[1])
		}
		if len(f) == 2 && f[0] == "ADDR" {
			e.addr = f[1]
			break
		}
		if len(f) > 0 && f[0] == "ERR" {
			t.Fatal(rd.Text())
		}
	}
	var heapMu sync.Mutex
	heap := map[int]int{} // sessions → max live heap kB
	go func() {
		for rd.Scan() {
			var kb, n int
			if _, err := fmt.Sscanf(rd.Text(), "HEAP %d %d", &kb, &n); err == nil {
				heapMu.Lock()
				heap[n] = max(heap[n], kb)
				heapMu.Unlock()
			}
		}
	}()
	hk, err := EnsureHostKey(filepath.Join(dir, "hk"))
	if err != nil {
		t.Fatal(err)
	}
	e.hostKey = hk.PublicKey()
	pid := cmd.Process.Pid
	time.Sleep(time.Second)
	rss0 := rssKB(pid)

	var mu sync.Mutex
	var lat []time.Duration
	run := func(tm *term, i int, until time.Time) {
		keys := []string{"1", "j", "j", "j", "k", "k", "k", "2", "a"}
		for time.Now().Before(until) {
			for _, k := range keys {
				at := tm.mark()
				t0 := time.Now()
				io.WriteString(tm.in, k)
				for tm.mark() == at && time.Since(t0) < 10*time.Second {
					time.Sleep(500 * time.Microsecond)
				}
				if k == "j" || k == "k" { // each redraws the attribute list
					mu.Lock()
					lat = append(lat, time.Since(t0))
					mu.Unlock()
				}
				time.Sleep(20 * time.Millisecond)
			}
			// recount a segment: a rule typed on Segments, then undone
			for _, c := range fmt.Sprintf("age > %d", 20+i%40) {
				io.WriteString(tm.in, string(c))
				time.Sleep(5 * time.Millisecond)
			}
			io.WriteString(tm.in, enter)
			time.Sleep(100 * time.Millisecond)
			io.WriteString(tm.in, "u")
			time.Sleep(50 * time.Millisecond)
		}
	}
	// one session first
	first := e.openTerm(t, ss[0], 40, 140)
	signers[0] = first
	first.waitFor(t, "Explore")
	run(first, 0, time.Now().Add(5*time.Second))
	rss1 := rssKB(pid)

	for i := 1; i < n; i++ {
		signers[i] = e.openTerm(t, ss[i], 40, 140)
	}
	for _, tm := range signers {
		tm.waitFor(t, "Explore")
	}
	mu.Lock()
	lat = lat[:0]
	mu.Unlock()
	until := time.Now().Add(time.Duration(secs) * time.Second)
	var wg sync.WaitGroup
	for i, tm := range signers {
		wg.Add(1)
		go func() { defer wg.Done(); run(tm, i, until) }()
	}
	rss20 := 0
	for time.Now().Before(until) {
		rss20 = max(rss20, rssKB(pid))
		time.Sleep(time.Second)
	}
	wg.Wait()
	rss20 = max(rss20, rssKB(pid))
	dropped := 0
	for _, tm := range signers {
		select {
		case <-tm.done:
			dropped++
		default:
		}
	}
	for _, tm := range signers {
		io.WriteString(tm.in, ctrlC)
	}
	for _, tm := range signers {
		if err := tm.waitExit(t); err != nil {
			dropped++
		}
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	per := float64(rss20-rss1) / float64(n-1) / 1024
	t.Logf("customers %d; server RSS: before load %.1f MB, loaded %.1f MB, 1 session %.1f MB, 20 sessions %.1f MB (max) → %.2f MB per extra session",
		customers, float64(base)/1024, float64(rss0)/1024, float64(rss1)/1024, float64(rss20)/1024, per)
	t.Logf("key echo over %d keys in %ds: p50 %v, p99 %v, max %v; sessions dropped: %d",
		len(lat), secs, pct(0.5).Round(time.Microsecond*10), pct(0.99).Round(time.Microsecond*10), lat[len(lat)-1].Round(time.Millisecond), dropped)
	heapMu.Lock()
	t.Logf("live heap after GC (max, kB) by sessions running: %v", heap)
	heapMu.Unlock()
	if dropped > 0 {
		t.Fatalf("%d sessions dropped", dropped)
	}
	// the data is held once: each session adds its screens' own working
	// data (profile base, campaign history, plans: a few hundred bytes per
	// customer) and its terminal buffers, never a copy of the customers
	data := rss0 - base
	perSession := min(data/2, 300*customers/1024+8*1024) // kB
	if rss20 > rss1+(n-1)*perSession {
		t.Fatalf("20 sessions take %d kB more than 1 (data %d kB): over %d kB a session", rss20-rss1, data, perSession)
	}
}
