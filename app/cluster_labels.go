package app

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// ClusterLabelSet describes labels saved under a name (without the labels).
type ClusterLabelSet = store.ClusterLabels

// LabelText is the category a customer of cluster j (0-based) gets in a
// saved label attribute: "1", "2", ..., as the screens and the command
// line number clusters, so `NAME = 1` selects the first cluster.
func LabelText(j int) string { return strconv.Itoa(j + 1) }

// SaveClusterLabels writes each clustered customer's cluster to the
// workspace under name (never into the user's tables), replacing labels
// saved under that name before. On later loads they are the categorical
// attribute name ("1"…"k", empty for a customer not clustered). now is the
// caller's clock. It returns how many customers were labelled.
func (s *Session) SaveClusterLabels(ctx context.Context, name string, c *Clustering, now time.Time) (int, error) {
	if s.DB.ws == nil {
		return 0, ErrNoWorkspace
	}
	name = strings.TrimSpace(name)
	if c == nil || len(c.Labels) == 0 {
		return 0, model.Say(msgLabelsNone)
	}
	if len(c.Labels) != s.Data.Rows() {
		return 0, fmt.Errorf("the clustering has %d customers, the session %d", len(c.Labels), s.Data.Rows())
	}
	if col := s.Data.Column(name); col != nil {
		// only labels saved before under this name may be replaced
		sets, err := s.DB.ws.ClusterLabelSets(ctx, s.Table.Name)
		if err != nil {
			return 0, err
		}
		if !slices.ContainsFunc(sets, func(l store.ClusterLabels) bool { return strings.EqualFold(l.Name, name) }) {
			return 0, model.Say(msgLabelsTaken, name)
		}
	}
	l := store.ClusterLabels{Table: s.Table.Name, Name: name, SavedAt: now, Customers: s.Data.Rows(),
		Note: fmt.Sprintf(msgLabelNote, now.UTC().Format("2006-01-02"), c.K, strings.Join(c.Request.Features, ", "), c.Request.Seed)}
	for j := 0; j < c.K; j++ {
		l.Levels = append(l.Levels, LabelText(j))
	}
	for i, a := range c.Labels {
		if a >= 0 {
			l.RowIDs = append(l.RowIDs, s.Data.RowIDs[i])
			l.Labels = append(l.Labels, a)
		}
	}
	if err := s.DB.ws.SaveClusterLabels(ctx, l); err != nil {
		return 0, err
	}
	return len(l.Labels), nil
}

// SaveClusterLabels saves labels as Session.SaveClusterLabels does, if the
// role may save (labels are workspace work, like a segment).
func (p *Policy) SaveClusterLabels(ctx context.Context, s *Session, name string, c *Clustering, now time.Time) (int, error) {
	if p == nil {
		return s.SaveClusterLabels(ctx, name, c, now)
	}
	if err := p.check(ActSaveSegment); err != nil {
		return 0, err
	}
	end, err := p.begin(ActSaveSegment)
	if err != nil {
		return 0, err
	}
	defer end()
	return s.SaveClusterLabels(ctx, name, c, now)
}

// ClusterLabelSets lists the labels saved for the session's table.
func (s *Session) ClusterLabelSets(ctx context.Context) ([]ClusterLabelSet, error) {
	if s.DB.ws == nil {
		return nil, nil
	}
	return s.DB.ws.ClusterLabelSets(ctx, s.Table.Name)
}

// DeleteClusterLabels removes labels saved under name; the attribute goes
// on the next load.
func (s *Session) DeleteClusterLabels(ctx context.Context, name string) error {
	if s.DB.ws == nil {
		return ErrNoWorkspace
	}
	return s.DB.ws.DeleteClusterLabels(ctx, s.Table.Name, name)
}

// addClusterLabels is Load's hook: each label set saved for the table
// becomes a derived categorical attribute of its name (attrs, when not nil,
// limits it to the sets a rule reads). A name the data has meanwhile taken
// keeps the data's column: the labels then load as NAME_2 (as behaviour
// attributes do), said in the column's note.
func (d *Database) addClusterLabels(ctx context.Context, table string, data *model.Dataset, attrs []string) error {
	if d.ws == nil {
		return nil
	}
	want := func(name string) bool {
		return attrs == nil || slices.ContainsFunc(attrs, func(a string) bool { return strings.EqualFold(strings.TrimSpace(a), name) })
	}
	if attrs != nil {
		sets, err := d.ws.ClusterLabelSets(ctx, table)
		if err != nil || !slices.ContainsFunc(sets, func(l store.ClusterLabels) bool { return want(l.Name) }) {
			return err
		}
	}
	sets, err := d.ws.ClusterLabelsOf(ctx, table)
	if err != nil {
		return err
	}
	for _, l := range sets {
		if want(l.Name) {
			data.Add(labelColumn(l, data))
		}
	}
	return nil
}

// labelColumn spreads a saved set over the data's rows (both in rowid
// order when the data is; otherwise through a map).
func labelColumn(l store.ClusterLabels, data *model.Dataset) *model.CodedColumn {
	name := l.Name
	for k := 2; data.Column(name) != nil; k++ {
		name = l.Name + "_" + strconv.Itoa(k)
	}
	n := data.Rows()
	codes := make([]int32, n)
	for i := range codes {
		codes[i] = -1
	}
	if slices.IsSorted(data.RowIDs) {
		j := 0
		for i, id := range data.RowIDs {
			for j < len(l.RowIDs) && l.RowIDs[j] < id {
				j++
			}
			if j < len(l.RowIDs) && l.RowIDs[j] == id {
				codes[i] = l.Labels[j]
			}
		}
	} else {
		at := make(map[int64]int32, len(l.RowIDs))
		for j, id := range l.RowIDs {
			at[id] = l.Labels[j]
		}
		for i, id := range data.RowIDs {
			if a, ok := at[id]; ok {
				codes[i] = a
			}
		}
	}
	note := fmt.Sprintf(msgLabelColumn, l.Note)
	if name != l.Name {
		note += fmt.Sprintf(NoteRenamed, l.Name)
	}
	return &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: name, Kind: model.KindCategorical, Derived: true, Note: note},
		Codes: codes, Dict: append([]string(nil), l.Levels...)}
}
