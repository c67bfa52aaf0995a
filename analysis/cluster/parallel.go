package cluster

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// chunkRows is the fixed size of the pieces work is split into. Chunks do not
// depend on the number of cores, and every sum over rows is a sum of chunk
// sums taken in chunk order: that is what makes results identical whatever
// GOMAXPROCS is.
const chunkRows = 1 << 13

// chunkCount is the number of chunks of n rows.
func chunkCount(n int) int { return (n + chunkRows - 1) / chunkRows }

// forChunks calls f(c, lo, hi) for every chunk c = [lo, hi) of [0, n), on up
// to GOMAXPROCS goroutines. f writes only to its own rows or to slot c of a
// per-chunk buffer.
func forChunks(n int, f func(c, lo, hi int)) {
	chunks := chunkCount(n)
	workers := min(runtime.GOMAXPROCS(0), chunks)
	if workers <= 1 {
		for c := 0; c < chunks; c++ {
			f(c, c*chunkRows, min(n, (c+1)*chunkRows))
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for {
				c := int(next.Add(1) - 1)
				if c >= chunks {
					return
				}
				f(c, c*chunkRows, min(n, (c+1)*chunkRows))
			}
		})
	}
	wg.Wait()
}

// forEach calls f(i) for i in [0, n) on up to GOMAXPROCS goroutines, taking
// indexes one at a time (for a few expensive items such as features).
func forEach(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
