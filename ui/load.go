package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

// loadStage names what the background load is doing, for the status line.
type loadStage string

// Messages of the background load, in the order they arrive. A load may
// deliver the customers first (loadedMsg with more set: the screens open on
// them) and their reachability and behaviour later (grownMsg).
type (
	loadStageMsg    struct{ stage loadStage }
	loadProgressMsg struct{ p app.LoadProgress }
	loadedMsg       struct {
		session *common.Session
		elapsed time.Duration
		err     error
		more    bool // reachability and behaviour are still being read: a grownMsg follows
	}
	grownMsg struct {
		session *common.Session // the first session with reachability and behaviour added
		err     error           // they could not be read (the first session stays)
	}
)

// fromLoad is a message of load number gen, read from its channel. A
// reload starts a new load; the old one's messages are read to the end and
// dropped, so its goroutine never blocks and nothing stale reaches the
// screens.
type fromLoad struct {
	gen int
	ch  chan tea.Msg
	msg tea.Msg
}

// loadRequest is everything the load needs, captured by value so the
// goroutine never reads the model.
type loadRequest struct {
	db    *app.Database
	table string // "" = detect
	asOf  time.Time
}

// startLoad runs the open → detect → profile → load pipeline in the
// background, sending its messages into ch; waitLoad delivers them one by one.
func startLoad(ctx context.Context, req loadRequest, gen int, ch chan tea.Msg) tea.Cmd {
	go func() {
		defer close(ch)
		start := time.Now()
		first := false
		s, err := runLoad(ctx, req, ch, func(s *common.Session) {
			first = true
			send(ctx, ch, loadedMsg{session: s, elapsed: time.Since(start), more: true})
		})
		if first {
			send(ctx, ch, grownMsg{session: s, err: err})
			return
		}
		send(ctx, ch, loadedMsg{session: s, elapsed: time.Since(start), err: err})
	}()
	return waitLoad(gen, ch)
}

// send delivers m unless the load was cancelled (then nobody reads it).
func send(ctx context.Context, ch chan tea.Msg, m tea.Msg) {
	select {
	case ch <- m:
	case <-ctx.Done():
	}
}

func waitLoad(gen int, ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return fromLoad{gen: gen, ch: ch, msg: msg}
	}
}

func runLoad(ctx context.Context, req loadRequest, ch chan tea.Msg, first func(*common.Session)) (*common.Session, error) {
	stage := func(s string) { send(ctx, ch, loadStageMsg{loadStage(s)}) }
	progress := func(p app.LoadProgress) { send(ctx, ch, loadProgressMsg{p}) }
	return req.db.LoadInStages(ctx, app.LoadRequest{Table: req.table, AsOf: req.asOf, Stage: stage, Progress: progress}, first)
}
