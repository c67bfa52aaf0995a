package store

import "sync"

// progress adds up the rows read by parallel scans and reports the total.
type progress struct {
	mu          sync.Mutex
	done, total int64
	f           func(LoadProgress)
}

func newProgress(total int64, f func(LoadProgress)) *progress {
	return &progress{total: total, f: f}
}

func (p *progress) add(n int64) {
	if p.f == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	p.f(LoadProgress{Done: p.done, Total: max(p.total, p.done)})
}

// finish reports the end (a table can grow while it is read).
func (p *progress) finish() {
	if p.f != nil {
		p.f(LoadProgress{Done: p.done, Total: p.done})
	}
}
