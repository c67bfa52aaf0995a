package server

import (
	"context"
	"sync"

	"github.com/pulpero/pulpero/model"
)

// errStopping refuses a save or an export that would start while the
// server stops (a model.Sentence: the screen says it in the user's language).
var errStopping error = model.Say(msgWritesStopped)

// writeGate counts the saves and exports in flight, so a stopping server
// lets them finish before it closes the sessions.
type writeGate struct {
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
}

// begin is app.Policy.BeginWrite.
func (g *writeGate) begin() (func(), error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return nil, errStopping
	}
	g.wg.Add(1)
	return sync.OnceFunc(g.wg.Done), nil
}

// close refuses new writes; wait then waits for those in flight.
func (g *writeGate) close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
}

func (g *writeGate) wait(ctx context.Context) error {
	done := make(chan struct{})
	go func() { g.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
