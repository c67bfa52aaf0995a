package app

import (
	"context"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model/segment"
)

// SaveSegmentBy is SaveSegment recording who saved the version (the
// user of a `pulpero serve` session). Two people saving at once each get
// their own version: the workspace numbers versions under its write lock.
func (s *Session) SaveSegmentBy(ctx context.Context, lib *Library, name string, tree segment.Node, by string) (SegmentVersion, error) {
	if s.DB.ws == nil {
		return SegmentVersion{}, ErrNoWorkspace
	}
	ev := analysis.NewEvaluator(s.Data, s.AsOf, lib.with(name, tree))
	t, err := ev.Eval(tree)
	if err != nil {
		return SegmentVersion{}, err
	}
	v := SegmentVersion{Definition: segment.Print(tree), Hash: segment.Hash(tree), Size: t.True.Count(), Customers: s.Data.Rows()}
	return s.DB.ws.SaveSegmentBy(ctx, name, v, by)
}

// SegmentSavers maps each version of a saved segment to who saved it (""
// for a local user or a version saved before this was recorded).
func (d *Database) SegmentSavers(ctx context.Context, name string) (map[int]string, error) {
	if d.ws == nil {
		return nil, ErrNoWorkspace
	}
	return d.ws.SegmentSavers(ctx, name)
}
