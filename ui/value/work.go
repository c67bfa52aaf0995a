package value

import (
	"context"
	"errors"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

// Messages of the background computation, each with the sequence number
// of the run it belongs to, so a cancelled run's late reports are dropped.
type (
	progressMsg struct {
		seq int
		p   app.ValueProgress
	}
	doneMsg struct {
		seq  int
		v    *app.Value
		took time.Duration
		err  error // cancellation
	}
	savedMsg struct{ err error }
)

// topN is how many customers the report keeps for the customers view.
const topN = 200

// job is a running computation: its messages and how to stop it.
type job struct {
	seq    int
	ch     chan tea.Msg
	cancel context.CancelFunc
}

// start runs ComputeValue on s with o in the background; progress reports
// are dropped when the screen is behind (the computation never waits for
// the screen), the result is always delivered.
func start(s *common.Session, o app.ValueOptions, seq int) (*job, tea.Cmd) {
	ctx, cancel := context.WithCancel(context.Background())
	j := &job{seq: seq, ch: make(chan tea.Msg, 32), cancel: cancel}
	o.Progress = func(p app.ValueProgress) {
		select {
		case j.ch <- progressMsg{seq: seq, p: p}:
		default:
		}
	}
	go func() {
		t0 := time.Now()
		v, err := s.ComputeValue(ctx, o)
		j.ch <- doneMsg{seq: seq, v: v, took: time.Since(t0), err: err}
		close(j.ch)
	}()
	return j, j.wait()
}

// wait delivers the job's next message.
func (j *job) wait() tea.Cmd {
	ch := j.ch
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return msg
	}
}

// saveCmd changes the database's saved value settings (the others stay),
// so `pulpero value`, segment counts and exports mean the same clv; the
// screen then computes again with them.
func saveCmd(pol *app.Policy, db *app.Database, change func(*app.ValueOptions)) tea.Cmd {
	return func() tea.Msg {
		return savedMsg{err: pol.Change(context.Background(), app.ChangeValueSettings, "", func(ctx context.Context) error {
			o, err := db.ValueSettings(ctx)
			if err != nil {
				return err
			}
			change(&o)
			return db.SetValueSettings(ctx, o)
		})}
	}
}

// addCmd hands the root a copy of the session with v's attributes, then
// whatever follows (a rule for the Segments screen).
func addCmd(s *common.Session, v *app.Value, then ...tea.Cmd) tea.Cmd {
	swap := func() tea.Msg { return common.SessionMsg{Session: s.WithValue(v)} }
	return tea.Sequence(append([]tea.Cmd{swap}, then...)...)
}

// isCancel reports a cancellation.
func isCancel(err error) bool {
	return errors.Is(err, context.Canceled)
}
