package server

import (
	"io"
	"sync/atomic"
	"time"
)

// inputClock remembers when the user last sent a key. The connection's own
// idle timeout is reset by any traffic, the screen's redraws included, so
// it cannot tell a user who left from a busy screen; this can.
type inputClock struct {
	r    io.Reader
	last atomic.Int64 // unix nanoseconds
}

func newInputClock(r io.Reader) *inputClock {
	c := &inputClock{r: r}
	c.last.Store(time.Now().UnixNano())
	return c
}

func (c *inputClock) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	if n > 0 {
		c.last.Store(time.Now().UnixNano())
	}
	return n, err
}

func (c *inputClock) idleFor(now time.Time) time.Duration {
	return now.Sub(time.Unix(0, c.last.Load()))
}

// watchIdle calls quit once the user has sent nothing for idle (again at
// the next check while quit reports it could not yet), checking a few
// times per period; it stops when done closes.
func watchIdle(c *inputClock, idle time.Duration, done <-chan struct{}, quit func() bool) {
	tick := min(max(idle/8, 10*time.Millisecond), 30*time.Second)
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case now := <-t.C:
			if c.idleFor(now) >= idle && quit() {
				return
			}
		}
	}
}
