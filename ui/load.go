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

// Messages of the background load, in the order they arrive.
type (
	loadStageMsg    struct{ stage loadStage }
	loadProgressMsg struct{ p app.LoadProgress }
	loadedMsg       struct {
		session *common.Session
		elapsed time.Duration
		err     error
	}
)

// loadRequest is everything the load needs, captured by value so the
// goroutine never reads the model.
type loadRequest struct {
	db    *app.Database
	table string // "" = detect
	asOf  time.Time
}

// startLoad runs the open → detect → profile → load pipeline in the
// background, sending its messages into ch; waitLoad delivers them one by one.
func startLoad(ctx context.Context, req loadRequest, ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		go func() {
			defer close(ch)
			start := time.Now()
			s, err := runLoad(ctx, req, ch)
			ch <- loadedMsg{session: s, elapsed: time.Since(start), err: err}
		}()
		return waitLoad(ch)()
	}
}

func waitLoad(ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return msg
	}
}

func runLoad(ctx context.Context, req loadRequest, ch chan tea.Msg) (*common.Session, error) {
	send := func(m tea.Msg) {
		select {
		case ch <- m:
		case <-ctx.Done():
		}
	}
	stage := func(s string) { send(loadStageMsg{loadStage(s)}) }
	progress := func(p app.LoadProgress) { send(loadProgressMsg{p}) }
	return req.db.Load(ctx, app.LoadRequest{Table: req.table, AsOf: req.asOf, Stage: stage, Progress: progress})
}
