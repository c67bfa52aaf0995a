package server

import (
	"net"
	"sync"
	"sync/atomic"
)

// connLimiter caps open connections, those still in their handshake
// included, in all and from one address: a flood of attempts is closed at
// once instead of each holding a goroutine and a handshake until its
// timeout. Closed attempts are counted for the log.
type connLimiter struct {
	max, perIP int

	mu      sync.Mutex
	open    int
	byIP    map[string]int
	refused atomic.Int64
}

func newConnLimiter(max, perIP int) *connLimiter {
	return &connLimiter{max: max, perIP: perIP, byIP: map[string]int{}}
}

// admit wraps c so that closing it frees its place, or returns nil (the
// server then closes c) when the caps are reached.
func (l *connLimiter) admit(c net.Conn) net.Conn {
	ip := hostOf(c.RemoteAddr())
	l.mu.Lock()
	defer l.mu.Unlock()
	if (l.max > 0 && l.open >= l.max) || (l.perIP > 0 && l.byIP[ip] >= l.perIP) {
		l.refused.Add(1)
		return nil
	}
	l.open++
	l.byIP[ip]++
	return &countedConn{Conn: c, release: sync.OnceFunc(func() { l.release(ip) })}
}

func (l *connLimiter) release(ip string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.open--
	if l.byIP[ip]--; l.byIP[ip] <= 0 {
		delete(l.byIP, ip)
	}
}

func hostOf(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.String()
	}
	if a == nil {
		return ""
	}
	h, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return h
}

type countedConn struct {
	net.Conn
	release func()
}

func (c *countedConn) Close() error {
	c.release()
	return c.Conn.Close()
}
