package behaviour

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// groups lists the lines of each customer: customer c's lines are
// idx[off[c]:off[c+1]], in ascending line order (the counting sort is stable).
type groups struct {
	off []int32
	idx []int32
}

func (g *groups) of(c int) []int32 { return g.idx[g.off[c]:g.off[c+1]] }

// parallelFromLines is the input size from which passes are split across
// cores; below it goroutines cost more than they save.
const parallelFromLines = 1 << 16

// customerChunk is the number of customers one worker takes at a time in the
// per-customer pass: a multiple of 64, so two workers never write the same
// word of a NULL bitset.
const customerChunk = 4096

func workerCount(opt int) int {
	if opt > 0 {
		return opt
	}
	return max(1, runtime.GOMAXPROCS(0))
}

// lineShards splits [0, m) into contiguous ranges, one per worker (one range
// for small inputs).
func lineShards(m, workers int) [][2]int {
	w := workers
	if m < parallelFromLines {
		w = 1
	}
	per := (m + w - 1) / w
	if per == 0 {
		return [][2]int{{0, 0}}
	}
	var out [][2]int
	for lo := 0; lo < m; lo += per {
		out = append(out, [2]int{lo, min(m, lo+per)})
	}
	return out
}

// runShards calls f(s) for every shard s concurrently and waits.
func runShards(n int, f func(s int)) {
	if n == 1 {
		f(0)
		return
	}
	var wg sync.WaitGroup
	for s := range n {
		wg.Go(func() { f(s) })
	}
	wg.Wait()
}

// countingSort builds the groups of n customers from per-shard counts:
// hists[s][c] holds how many lines of shard s (line range shards[s]) belong
// to customer c; key(i) returns line i's customer or -1 for a line that is
// left out. hists are consumed (turned into write cursors).
//
// Two passes: the prefix sums, customer-major then shard-major, give each
// shard its own slots inside every customer's group, so the shards place
// their lines concurrently without locks and the order stays that of the
// lines.
func countingSort(n int, shards [][2]int, hists [][]int32, key func(i int) int32) groups {
	off := make([]int32, n+1)
	run := int32(0)
	for c := 0; c < n; c++ {
		off[c] = run
		for s := range hists {
			h := hists[s][c]
			hists[s][c] = run
			run += h
		}
	}
	off[n] = run
	idx := make([]int32, run)
	runShards(len(shards), func(s int) {
		cur := hists[s]
		for i := shards[s][0]; i < shards[s][1]; i++ {
			if k := key(i); k >= 0 {
				idx[cur[k]] = int32(i)
				cur[k]++
			}
		}
	})
	return groups{off: off, idx: idx}
}

// forCustomerChunks calls f(w, lo, hi) over ranges of customerChunk
// customers, handed out to workers as they finish (customers differ a lot in
// how many lines they have). w identifies the worker, for its scratch space.
func forCustomerChunks(n, workers int, f func(w, lo, hi int)) {
	chunks := (n + customerChunk - 1) / customerChunk
	w := min(workers, max(chunks, 1))
	if n < parallelFromLines/16 {
		w = 1
	}
	var next atomic.Int64
	runShards(w, func(wi int) {
		for {
			k := int(next.Add(1) - 1)
			if k >= chunks {
				return
			}
			f(wi, k*customerChunk, min(n, (k+1)*customerChunk))
		}
	})
}
