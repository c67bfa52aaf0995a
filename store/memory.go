package store

import (
	"runtime"
	"runtime/debug"
)

// HoldMemory asks the garbage collector to keep the process near its
// present size plus extra bytes until the returned function is called.
// Reading from SQLite produces garbage fast (the driver boxes every value
// it hands over), and with the usual pacing the heap grows to twice what is
// live; a soft memory limit makes the collector run more often instead (it
// never takes more than half the CPU). A tighter limit already set is left
// alone.
func HoldMemory(extra int64) (restore func()) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	limit := int64(ms.Sys-ms.HeapReleased) + extra
	prev := debug.SetMemoryLimit(-1) // reads the current limit
	if prev <= limit {
		return func() {}
	}
	debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }
}
