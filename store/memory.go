package store

import (
	"math"
	"runtime"
	"runtime/debug"
	"sync"
)

// Reading from SQLite produces garbage fast (the driver boxes every value
// it hands over), and with the usual pacing the heap grows to twice what is
// live. While a load runs, the collector is paced tighter: a lower GC
// percentage, and a soft memory limit of the process's present size plus
// what the load will keep (the collector then runs more often, never taking
// more than half the CPU). Loads overlap (a reload starts before the load it
// replaces has stopped; pulpero serve loads for several people), so the
// settings are held, not swapped: the tightest of the holds in force
// applies, and the process's own settings come back when the last is
// released, whatever the order.

var pacing struct {
	sync.Mutex
	holds map[*paceHold]bool
	gc    int   // the process's own GC percentage, while holds are in force
	limit int64 // and its own memory limit (GOMEMLIMIT, or none)
}

type paceHold struct {
	gc    int   // 0: no change
	limit int64 // 0: no change
}

// Pace holds the collector at gcPercent (0: unchanged) and, when extra > 0,
// at a soft memory limit of the process's present size plus extra bytes,
// until the returned function is called. A tighter setting in force (another
// hold, or the user's GOMEMLIMIT) is kept.
func Pace(gcPercent int, extra int64) (release func()) {
	h := &paceHold{gc: gcPercent}
	if extra > 0 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		h.limit = int64(ms.Sys-ms.HeapReleased) + extra
	}
	pacing.Lock()
	defer pacing.Unlock()
	if len(pacing.holds) == 0 {
		pacing.holds = map[*paceHold]bool{}
		pacing.gc = debug.SetGCPercent(100)
		debug.SetGCPercent(pacing.gc)
		pacing.limit = debug.SetMemoryLimit(-1) // reads it
	}
	pacing.holds[h] = true
	applyPacing()
	var once sync.Once
	return func() {
		once.Do(func() {
			pacing.Lock()
			defer pacing.Unlock()
			delete(pacing.holds, h)
			applyPacing()
		})
	}
}

// applyPacing sets the tightest of the holds, or the process's own
// settings when none is left; pacing is locked.
func applyPacing() {
	gc, limit := pacing.gc, pacing.limit
	for h := range pacing.holds {
		if h.gc > 0 && (gc < 0 || h.gc < gc) {
			gc = h.gc
		}
		if h.limit > 0 && h.limit < limit {
			limit = h.limit
		}
	}
	debug.SetGCPercent(gc)
	if limit <= 0 {
		limit = math.MaxInt64
	}
	debug.SetMemoryLimit(limit)
}
