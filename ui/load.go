package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
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
	send(loadStageMsg{"reading tables"})
	tables, err := req.db.Tables(ctx)
	if err != nil {
		return nil, err
	}
	s := &common.Session{DB: req.db, Workspace: req.workspace, AsOf: req.asOf}
	if req.table != "" {
		t, ok := store.FindTable(tables, req.table)
		if !ok {
			return nil, tableNotFound(req.table, tables)
		}
		s.Table, s.TableWhy = t, "chosen with --table"
	} else {
		choice, err := req.db.DetectCustomerTable(ctx, tables)
		if err != nil {
			return nil, err
		}
		s.Table, s.TableWhy = choice.Table, choice.Why
	}
	send(loadStageMsg{"deciding column kinds and roles"})
	overrides, err := req.workspace.RoleOverrides(ctx, s.Table.Name)
	if err != nil {
		return nil, err
	}
	if s.Profiles, err = req.db.Profile(ctx, s.Table, overrides); err != nil {
		return nil, err
	}
	send(loadStageMsg{"loading columns"})
	data, err := req.db.Load(ctx, s.Table, s.Profiles, func(p store.LoadProgress) { send(loadProgressMsg{p}) })
	if err != nil {
		return nil, err
	}
	analysis.Derive(data, req.asOf)
	s.Data = data
	return s, nil
}

// Derived lists the derived columns of a dataset, for the status line.
func derivedCount(d *model.Dataset) int {
	n := 0
	for _, c := range d.Columns {
		if c.Meta().Derived {
			n++
		}
	}
	return n
}
