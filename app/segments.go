package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/store"
)

// ErrNoSegment is returned (wrapped) for a segment name that is not saved.
var ErrNoSegment = store.ErrNoSegment

// ErrNoWorkspace is returned when saving on a database without a workspace.
var ErrNoWorkspace = errors.New("saving needs a workspace")

// Library is the saved segments as read at one moment: each with its latest
// version and parsed tree. It never changes after it is read, so a resolver
// taken from it can be used by work in flight while a newer library is read.
type Library struct {
	saved []SavedSegment
	trees map[string]segment.Node // lower-cased name → latest tree
}

// Library reads the saved segments. A database without a workspace has
// none. A definition that no longer parses is listed but not resolvable.
func (d *Database) Library(ctx context.Context) (*Library, error) {
	lib := &Library{trees: map[string]segment.Node{}}
	if d == nil || d.ws == nil {
		return lib, nil
	}
	list, err := d.ws.Segments(ctx)
	if err != nil {
		return nil, err
	}
	lib.saved = list
	for _, s := range list {
		if n, err := segment.Parse(s.Latest.Definition); err == nil {
			lib.trees[strings.ToLower(s.Name)] = n
		}
	}
	return lib, nil
}

// LibraryOf is a library of definitions that are not saved anywhere (for
// benchmarks and tests): defs pairs each name with its rule.
func LibraryOf(defs ...[2]string) (*Library, error) {
	lib := &Library{trees: map[string]segment.Node{}}
	for _, d := range defs {
		n, err := segment.Parse(d[1])
		if err != nil {
			return nil, fmt.Errorf("segment %q: %w", d[0], err)
		}
		lib.saved = append(lib.saved, SavedSegment{Name: d[0], Versions: 1, Latest: SegmentVersion{Version: 1, Definition: segment.Print(n), Hash: segment.Hash(n)}})
		lib.trees[strings.ToLower(d[0])] = n
	}
	return lib, nil
}

// Saved lists the saved segments in the workspace's order.
func (l *Library) Saved() []SavedSegment {
	if l == nil {
		return nil
	}
	return l.saved
}

// Names lists the names of the segments that can be resolved.
func (l *Library) Names() []string {
	var out []string
	for _, s := range l.Saved() {
		if _, ok := l.trees[strings.ToLower(s.Name)]; ok {
			out = append(out, s.Name)
		}
	}
	return out
}

// Find returns a saved segment by name, ignoring case.
func (l *Library) Find(name string) (SavedSegment, bool) {
	for _, s := range l.Saved() {
		if strings.EqualFold(s.Name, strings.TrimSpace(name)) {
			return s, true
		}
	}
	return SavedSegment{}, false
}

// Resolve gives a saved segment's tree, for `in segment "NAME"`.
func (l *Library) Resolve(name string) (segment.Node, bool) {
	if l == nil {
		return nil, false
	}
	n, ok := l.trees[strings.ToLower(strings.TrimSpace(name))]
	return n, ok
}

// with returns a resolver that sees tree as name's definition, so that
// a definition reaching itself through `in segment` shows as a loop before it
// is saved.
func (l *Library) with(name string, tree segment.Node) func(string) (segment.Node, bool) {
	return func(n string) (segment.Node, bool) {
		if strings.EqualFold(strings.TrimSpace(n), strings.TrimSpace(name)) {
			return tree, true
		}
		return l.Resolve(n)
	}
}

// Evaluator evaluates rules on the session's customers, resolving
// `in segment` from lib (nil: no saved segments).
func (s *Session) Evaluator(lib *Library) *analysis.Evaluator {
	return analysis.NewEvaluator(s.Data, s.AsOf, lib.Resolve)
}

// SaveSegment counts tree afresh on the session's customers and saves it as
// the next version of name. A definition that would reach itself through
// `in segment` is refused before anything is written.
func (s *Session) SaveSegment(ctx context.Context, lib *Library, name string, tree segment.Node) (SegmentVersion, error) {
	if s.DB.ws == nil {
		return SegmentVersion{}, ErrNoWorkspace
	}
	ev := analysis.NewEvaluator(s.Data, s.AsOf, lib.with(name, tree))
	t, err := ev.Eval(tree)
	if err != nil {
		return SegmentVersion{}, err
	}
	v := SegmentVersion{Definition: segment.Print(tree), Hash: segment.Hash(tree), Size: t.True.Count(), Customers: s.Data.Rows()}
	return s.DB.ws.SaveSegment(ctx, name, v)
}

// SegmentHistory lists every version of a saved segment, oldest first.
func (d *Database) SegmentHistory(ctx context.Context, name string) ([]SegmentVersion, error) {
	if d.ws == nil {
		return nil, ErrNoWorkspace
	}
	return d.ws.SegmentHistory(ctx, name)
}

// RenameSegment renames a saved segment, keeping its history.
func (d *Database) RenameSegment(ctx context.Context, old, name string) error {
	if d.ws == nil {
		return ErrNoWorkspace
	}
	return d.ws.RenameSegment(ctx, old, name)
}

// DuplicateSegment saves a copy of a segment's latest version under a new name.
func (d *Database) DuplicateSegment(ctx context.Context, name, copyName string) (SegmentVersion, error) {
	if d.ws == nil {
		return SegmentVersion{}, ErrNoWorkspace
	}
	return d.ws.DuplicateSegment(ctx, name, copyName)
}

// DeleteSegment deletes a saved segment and its history.
func (d *Database) DeleteSegment(ctx context.Context, name string) error {
	if d.ws == nil {
		return ErrNoWorkspace
	}
	return d.ws.DeleteSegment(ctx, name)
}

// SegmentRows evaluates a saved segment (with its `in segment` references)
// and describes it as a list's manifest does.
func (s *Session) SegmentRows(lib *Library, name string) (model.Bitset, campaign.SegRef, error) {
	saved, ok := lib.Find(name)
	if !ok {
		return nil, campaign.SegRef{Name: name}, fmt.Errorf("segment %q: %w; `pulpero segment list` shows the saved ones", name, ErrNoSegment)
	}
	return s.ruleRows(lib, saved.Name, saved.Latest.Definition, "segment "+saved.Name)
}

// RuleRows evaluates an inline rule; label names it in an error (a flag
// such as --where).
func (s *Session) RuleRows(lib *Library, rule, label string) (model.Bitset, campaign.SegRef, error) {
	return s.ruleRows(lib, "where", rule, label)
}

func (s *Session) ruleRows(lib *Library, name, src, label string) (model.Bitset, campaign.SegRef, error) {
	ref := campaign.SegRef{Name: name, Definition: src}
	tree, err := segment.Parse(src)
	if err != nil {
		return nil, ref, &RuleError{Label: label, Source: src, Err: err}
	}
	ref.Definition, ref.Hash = segment.Print(tree), segment.Hash(tree)
	rows, err := analysis.EvaluateSegment(s.Data, tree, s.AsOf, lib.Resolve)
	if err != nil {
		return nil, ref, &RuleError{Label: label, Source: src, Err: err}
	}
	ref.Matching = rows.Count()
	return rows, ref, nil
}

// RuleError is a rule that does not parse or does not fit the data; its
// message shows the rule with a caret under the problem.
type RuleError struct {
	Label, Source string
	Err           error
}

func (e *RuleError) Error() string { return e.Label + ":\n" + segment.Caret(e.Source, e.Err) }
func (e *RuleError) Unwrap() error { return e.Err }
