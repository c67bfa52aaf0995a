package app

import "github.com/pulpero/pulpero/store"

// bytesPerCustomer is the memory behaviour may add per customer: its
// columns take about 250 bytes a customer (some thirty 8-byte values),
// and a quarter more leaves room to read.
const bytesPerCustomer = 300

// holdMemory keeps the process near its present size plus what the
// behaviour of n customers needs, until the returned function is called.
// Reading purchases produces garbage fast (about 1 GB for the demo world at
// 1M customers), and with the default pacing the heap grew to twice what
// was live, 860 MB over the 250 MB of columns kept.
func holdMemory(n int) (restore func()) {
	return store.Pace(0, max(64<<20, int64(n)*bytesPerCustomer))
}
