package store

import (
	"math"
	"runtime/debug"
	"testing"
)

func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestPaceHoldsOverlapAndComeBack: two loads overlap (a reload starts
// before the load it replaces stops) and release their holds in either
// order; the tightest hold applies meanwhile, and the process's own
// settings come back at the end (they once stayed at 25% for good).
func TestPaceHoldsOverlapAndComeBack(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(80))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	for _, order := range [][2]int{{0, 1}, {1, 0}} {
		first := Pace(25, 0)
		second := Pace(40, 1<<30)
		if got := gcPercent(); got != 25 {
			t.Errorf("two holds: GC at %d%%, want the tighter 25%%", got)
		}
		if lim := debug.SetMemoryLimit(-1); lim == math.MaxInt64 {
			t.Error("no memory limit while a hold asks for one")
		}
		releases := []func(){first, second}
		releases[order[0]]()
		releases[order[0]]() // twice: no effect
		releases[order[1]]()
		if got := gcPercent(); got != 80 {
			t.Errorf("released in order %v: GC at %d%%, want the process's 80%%", order, got)
		}
		if lim := debug.SetMemoryLimit(-1); lim != math.MaxInt64 {
			t.Errorf("released in order %v: memory limit %d left set", order, lim)
		}
	}
	// a tighter limit of the user's own is kept
	debug.SetMemoryLimit(1 << 20)
	release := Pace(0, 1<<30)
	if lim := debug.SetMemoryLimit(-1); lim != 1<<20 {
		t.Errorf("the user's limit became %d", lim)
	}
	release()
	if lim := debug.SetMemoryLimit(-1); lim != 1<<20 {
		t.Errorf("the user's limit came back as %d", lim)
	}
}
