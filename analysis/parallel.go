package analysis

import (
	"runtime"
	"sync"
)

// parallelFromWords is the column length (in 64-row words) from which scans
// are split across cores: below it, starting goroutines costs more than the
// scan (4,096 words = 262,144 rows).
const parallelFromWords = 4096

// forWordChunks calls f on disjoint, contiguous ranges of word indexes
// [w0, w1) covering [0, words), concurrently on large columns. f writes only
// to its own range or its own chunk index, so no locking is needed.
func forWordChunks(words int, f func(chunk, w0, w1 int)) {
	chunks := chunkCount(words)
	if chunks == 1 {
		f(0, 0, words)
		return
	}
	per := (words + chunks - 1) / chunks
	var wg sync.WaitGroup
	for c := 0; c < chunks; c++ {
		w0, w1 := c*per, min(words, (c+1)*per)
		if w0 >= w1 {
			continue
		}
		wg.Go(func() { f(c, w0, w1) })
	}
	wg.Wait()
}

// chunkCount is how many chunks forWordChunks splits words into.
func chunkCount(words int) int {
	if words < parallelFromWords {
		return 1
	}
	return max(1, runtime.GOMAXPROCS(0))
}
