package csvimport

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/pulpero/pulpero/store/parse"
)

// insert is the second pass: it converts every sound record and writes it,
// and rejects (or stops at) the others. Reading and converting run on a
// goroutine of their own while SQLite writes the previous batches on the
// caller's: on two cores the reading hides behind the writing.
//
// With learn set, every sound record also teaches learn, and a value that
// does not fit its column stops the pass with errRetype instead of being an
// error: the types came from a sample.
func (j *job) insert(t *target, table string, cols []*column, mark parse.DecimalMark, rej *rejects, learn *typeStats) (int64, error) {
	ctx, cancel := context.WithCancel(j.ctx)
	defer cancel()
	full := make(chan []any, 4)
	free := make(chan []any, 8)
	var rows int64
	var readErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(full)
		rows, readErr = j.convertAll(ctx, cols, mark, rej, learn, rowsPerBatch(len(cols)), full, free)
	}()
	writeErr := t.writeBatches(j.ctx, table, len(cols), full, func(batch []any) {
		select {
		case free <- batch[:0]:
		default:
		}
	}, cancel)
	<-done
	err := writeErr
	if err == nil {
		err = readErr
	}
	if err != nil {
		var ie *ImportError
		if writeErr != nil && !errors.As(err, &ie) && j.ctx.Err() == nil {
			err = fmt.Errorf("write %s: %w", t.path, err)
		}
		if j.ctx.Err() != nil {
			err = j.ctx.Err()
		}
		return 0, err
	}
	return rows, nil
}

// convertAll reads the file and sends batches of converted values, per
// rows at a time, on full; it takes empty buffers from free when it can.
func (j *job) convertAll(ctx context.Context, cols []*column, mark parse.DecimalMark, rej *rejects, learn *typeStats, per int,
	full chan<- []any, free <-chan []any) (int64, error) {
	convs := make([]converter, len(cols))
	for i, c := range cols {
		convs[i] = converter{col: c, mark: mark}
	}
	ncols := len(cols)
	newBuf := func() []any {
		select {
		case b := <-free:
			return b
		default:
			return make([]any, 0, per*ncols)
		}
	}
	buf := newBuf()
	var rows int64
	reject := func(bad *ImportError, rec []string) error {
		if !j.opt.SkipBad {
			return bad
		}
		reason := strings.TrimPrefix(bad.Error(), bad.File+":")
		return rej.add(bad.Line, reason, rec)
	}
	send := func() error {
		select {
		case full <- buf:
			buf = newBuf()
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	err := j.records(ctx, PhaseInsert, 0, func(rec []string, line int, bad *ImportError) error {
		if bad != nil {
			return reject(bad, rec)
		}
		if learn != nil {
			learn.add(rec, line)
		}
		start := len(buf)
		for i, s := range rec {
			s = strings.TrimSpace(s)
			if s == "" {
				buf = append(buf, nil)
				continue
			}
			v, err := convs[i].convert(s)
			if err != nil {
				buf = buf[:start]
				if learn != nil {
					return errRetype
				}
				return reject(j.importErr(line, i+1, err), rec)
			}
			buf = append(buf, v)
		}
		for i, c := range cols {
			if v := buf[start+i]; v == nil {
				c.nulls++
			} else if len(c.samples) < 3 {
				c.addSample(v)
			}
		}
		rows++
		if len(buf) == per*ncols {
			return send()
		}
		return nil
	})
	if err == nil && len(buf) > 0 {
		err = send()
	}
	return rows, err
}
