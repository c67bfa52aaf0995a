package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/store"
	"github.com/pulpero/pulpero/ui/common"
)

// loadStage names what the background load is doing, for the status line.
type loadStage string

// Messages of the background load, in the order they arrive.
type (
	loadStageMsg    struct{ stage loadStage }
	loadProgressMsg struct{ p store.LoadProgress }
	loadedMsg       struct {
		session *common.Session
		elapsed time.Duration
		err     error
	}
)

// loadRequest is everything the load needs, captured by value so the
// goroutine never reads the model.
type loadRequest struct {
	db        *store.DB
	workspace *store.Workspace
	table     string // "" = detect
	asOf      time.Time
	load      LoadFunc
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
	progress := func(p store.LoadProgress) { send(loadProgressMsg{p}) }
	load := req.load
	if load == nil {
		load = func(ctx context.Context, stage func(string), progress func(store.LoadProgress)) (*store.Customers, *analysis.Reach, error) {
			c, err := req.db.LoadCustomers(ctx, req.workspace, req.table, stage, progress)
			if err == nil {
				analysis.Derive(c.Data, req.asOf)
			}
			return c, nil, err
		}
	}
	c, reach, err := load(ctx, stage, progress)
	if err != nil {
		return nil, err
	}
	return &common.Session{DB: req.db, Workspace: req.workspace, Table: c.Table, TableWhy: c.Why,
		Profiles: c.Profiles, Data: c.Data, Reach: reach, AsOf: req.asOf}, nil
}
