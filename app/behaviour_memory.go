package app

import (
	"runtime"
	"runtime/debug"
)

// bytesPerCustomer is the memory behaviour may add per customer: its
// columns take about 250 bytes a customer (some thirty 8-byte values),
// and a quarter more leaves room to read.
const bytesPerCustomer = 300

// holdMemory asks the garbage collector to keep the process near its
// present size plus what the behaviour of n customers needs, until the
// returned function is called. Reading purchases produces garbage fast
// (the SQLite driver boxes every value it hands over: about 1 GB for the
// demo world at 1M customers), and with the default pacing the heap grew
// to twice what was live, 860 MB over the 250 MB of columns kept. A soft
// memory limit makes the collector run more often instead (it never takes
// more than half the CPU); a tighter limit already set is left alone.
func holdMemory(n int) (restore func()) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	limit := int64(ms.Sys-ms.HeapReleased) + max(64<<20, int64(n)*bytesPerCustomer)
	prev := debug.SetMemoryLimit(-1) // reads the current limit
	if prev <= limit {
		return func() {}
	}
	debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }
}
