package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"testing"
	"time"
)

// Labels saved for a table come back in rowid order with their levels; a
// second save under the same name replaces the first whole; the user's
// table is untouched; SQL over the workspace holds exactly the labels given.
func TestClusterLabelsRoundTrip(t *testing.T) {
	path := makeDB(t, `CREATE TABLE customers (id INTEGER PRIMARY KEY, income REAL)`,
		`INSERT INTO customers VALUES (1, 10), (2, 20), (3, 30)`)
	ws := segmentWorkspace(t, path)
	ctx := context.Background()
	if sets, err := ws.ClusterLabelsOf(ctx, "customers"); err != nil || len(sets) != 0 {
		t.Fatalf("fresh workspace: %v, %v", sets, err)
	}
	// more rows than one batch, in no particular order
	n := 2*labelBatch + 7
	var rowids []int64
	var labels []int32
	for i := n; i >= 1; i-- {
		if i%5 == 0 {
			continue // left out: no row
		}
		rowids = append(rowids, int64(i))
		labels = append(labels, int32(i%3))
	}
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	l := ClusterLabels{Table: "customers", Name: "seg", SavedAt: at, Levels: []string{"1", "2", "3"}, Note: "k=3", Customers: n, RowIDs: rowids, Labels: labels}
	if err := ws.SaveClusterLabels(ctx, l); err != nil {
		t.Fatal(err)
	}
	sets, err := ws.ClusterLabelsOf(ctx, "customers")
	if err != nil || len(sets) != 1 {
		t.Fatalf("sets = %v, %v", sets, err)
	}
	got := sets[0]
	if got.Name != "seg" || !got.SavedAt.Equal(at) || !slices.Equal(got.Levels, l.Levels) || got.Note != "k=3" || got.Customers != n {
		t.Errorf("header %+v", got)
	}
	if len(got.RowIDs) != len(rowids) || !slices.IsSorted(got.RowIDs) {
		t.Fatalf("%d rowids (sorted %v), want %d", len(got.RowIDs), slices.IsSorted(got.RowIDs), len(rowids))
	}
	for i, id := range got.RowIDs {
		if id%5 == 0 || got.Labels[i] != int32(id%3) {
			t.Fatalf("rowid %d has label %d", id, got.Labels[i])
		}
	}
	raw, err := sql.Open("sqlite", ws.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var rows, twos int
	raw.QueryRow(`SELECT count(*), sum(label = 2) FROM pulpero_cluster_labels`).Scan(&rows, &twos)
	want2 := 0
	for _, a := range labels {
		if a == 2 {
			want2++
		}
	}
	if rows != len(labels) || twos != want2 {
		t.Errorf("SQL: %d rows, %d with label 2; want %d and %d", rows, twos, len(labels), want2)
	}

	// saved again (any case): replaced, not added to
	l2 := ClusterLabels{Table: "customers", Name: "SEG", SavedAt: at, Levels: []string{"1", "2"}, RowIDs: []int64{2, 1}, Labels: []int32{1, 0}}
	if err := ws.SaveClusterLabels(ctx, l2); err != nil {
		t.Fatal(err)
	}
	sets, _ = ws.ClusterLabelsOf(ctx, "customers")
	if len(sets) != 1 || !slices.Equal(sets[0].RowIDs, []int64{1, 2}) || !slices.Equal(sets[0].Labels, []int32{0, 1}) {
		t.Fatalf("after replacing: %+v", sets)
	}
	raw.QueryRow(`SELECT count(*) FROM pulpero_cluster_labels`).Scan(&rows)
	if rows != 2 {
		t.Errorf("%d label rows after replacing with 2", rows)
	}
	if other, _ := ws.ClusterLabelsOf(ctx, "prospects"); len(other) != 0 {
		t.Errorf("another table sees %v", other)
	}
	var users int
	raw.QueryRow(`SELECT count(*) FROM customers`).Scan(&users)
	if users != 3 {
		t.Errorf("the user's table holds %d rows", users)
	}
	if err := ws.DeleteClusterLabels(ctx, "customers", "seg"); err != nil {
		t.Fatal(err)
	}
	raw.QueryRow(`SELECT count(*) FROM pulpero_cluster_labels`).Scan(&rows)
	if rows != 0 {
		t.Errorf("%d label rows left after deleting the set", rows)
	}
	if err := ws.DeleteClusterLabels(ctx, "customers", "seg"); !errors.Is(err, ErrNoClusterLabels) {
		t.Errorf("deleting again: %v", err)
	}
}

// A label outside the levels, mismatched lengths or a bad name are refused
// before anything is written.
func TestClusterLabelsRefuseBadInput(t *testing.T) {
	path := makeDB(t, `CREATE TABLE customers (id INTEGER PRIMARY KEY)`)
	ws := segmentWorkspace(t, path)
	ctx := context.Background()
	for _, l := range []ClusterLabels{
		{Table: "customers", Name: "a", Levels: []string{"1"}, RowIDs: []int64{1}, Labels: []int32{1}},
		{Table: "customers", Name: "a", Levels: []string{"1"}, RowIDs: []int64{1, 2}, Labels: []int32{0}},
		{Table: "customers", Name: " ", Levels: []string{"1"}},
		{Table: "customers", Name: "a\nb", Levels: []string{"1"}},
	} {
		if err := ws.SaveClusterLabels(ctx, l); err == nil {
			t.Errorf("%+v was saved", l)
		}
	}
	if sets, _ := ws.ClusterLabelsOf(ctx, "customers"); len(sets) != 0 {
		t.Errorf("saved: %v", sets)
	}
}
