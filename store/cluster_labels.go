package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// clusterLabelsMigration keeps cluster labels saved by `pulpero cluster
// --assign-to NAME` (or the Clusters screen): one row per saved set (a
// name per customer table, replaced whole when saved again) and one row per
// labelled customer, keyed by the customer's rowid in that table. The
// user's tables are never touched.
const clusterLabelsMigration = `
	CREATE TABLE IF NOT EXISTS pulpero_cluster_sets (
	    id         INTEGER PRIMARY KEY,
	    table_name TEXT NOT NULL,
	    name       TEXT NOT NULL COLLATE NOCASE,
	    saved_at   TEXT NOT NULL,
	    levels     TEXT NOT NULL, -- JSON array: the text of label 0, 1, ...
	    note       TEXT NOT NULL, -- how the labels were made (features, k, seed)
	    customers  INTEGER NOT NULL, -- customers in the table when saved
	    UNIQUE (table_name, name));
	CREATE TABLE IF NOT EXISTS pulpero_cluster_labels (
	    set_id INTEGER NOT NULL REFERENCES pulpero_cluster_sets(id) ON DELETE CASCADE,
	    row_id INTEGER NOT NULL, -- the customer's rowid in table_name
	    label  INTEGER NOT NULL, -- index into levels
	    PRIMARY KEY (set_id, row_id)) WITHOUT ROWID;`

// ClusterLabels is one saved set of labels: Labels[i] is the label of the
// customer whose rowid is RowIDs[i] (customers left out have no row).
type ClusterLabels struct {
	Table     string
	Name      string
	SavedAt   time.Time
	Levels    []string
	Note      string
	Customers int
	RowIDs    []int64
	Labels    []int32

	id int64 // the set's row in pulpero_cluster_sets
}

// labelBatch is how many labels one INSERT carries (3 parameters each,
// well under SQLite's 32,766).
const labelBatch = 500

// SaveClusterLabels stores l, replacing a set of the same name for the same
// table, in one transaction: either the whole new set lands or the old one
// stays. SavedAt is the caller's clock.
func (w *Workspace) SaveClusterLabels(ctx context.Context, l ClusterLabels) error {
	l.Name = strings.TrimSpace(l.Name)
	if l.Name == "" || strings.ContainsAny(l.Name, "\n\r\t") || len(l.Name) > 200 {
		return fmt.Errorf("cluster labels need a name of one line, at most 200 characters, not %q", l.Name)
	}
	if len(l.RowIDs) != len(l.Labels) {
		return fmt.Errorf("cluster labels %q: %d rowids for %d labels", l.Name, len(l.RowIDs), len(l.Labels))
	}
	for _, a := range l.Labels {
		if a < 0 || int(a) >= len(l.Levels) {
			return fmt.Errorf("cluster labels %q: label %d outside the %d levels", l.Name, a, len(l.Levels))
		}
	}
	levels, err := json.Marshal(l.Levels)
	if err != nil {
		return err
	}
	err = w.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM pulpero_cluster_sets WHERE table_name=? AND name=?`, l.Table, l.Name); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO pulpero_cluster_sets(table_name, name, saved_at, levels, note, customers)
			VALUES(?,?,?,?,?,?)`, l.Table, l.Name, l.SavedAt.UTC().Format(timeLayout), string(levels), l.Note, l.Customers)
		if err != nil {
			return err
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		return insertLabels(ctx, tx, id, l.RowIDs, l.Labels)
	})
	if err != nil {
		return fmt.Errorf("saving cluster labels %q: %w", l.Name, err)
	}
	return nil
}

// insertLabels writes the labels in multi-row INSERTs (one statement per
// row would take ~10 s for a million customers).
func insertLabels(ctx context.Context, tx *sql.Tx, id int64, rowids []int64, labels []int32) error {
	var stmt *sql.Stmt
	defer func() {
		if stmt != nil {
			stmt.Close()
		}
	}()
	args := make([]any, 0, 3*labelBatch)
	for start := 0; start < len(rowids); start += labelBatch {
		end := min(len(rowids), start+labelBatch)
		args = args[:0]
		for i := start; i < end; i++ {
			args = append(args, id, rowids[i], labels[i])
		}
		q := `INSERT INTO pulpero_cluster_labels(set_id, row_id, label) VALUES` +
			strings.TrimSuffix(strings.Repeat("(?,?,?),", end-start), ",")
		if end-start == labelBatch {
			if stmt == nil {
				var err error
				if stmt, err = tx.PrepareContext(ctx, q); err != nil {
					return err
				}
			}
			if _, err := stmt.ExecContext(ctx, args...); err != nil {
				return err
			}
			continue
		}
		if _, err := tx.ExecContext(ctx, q, args...); err != nil {
			return err
		}
	}
	return nil
}

// ClusterLabelsOf reads every set saved for a table, with its labels in
// rowid order. A workspace never written to has none.
func (w *Workspace) ClusterLabelsOf(ctx context.Context, table string) ([]ClusterLabels, error) {
	if w == nil {
		return nil, nil
	}
	sets, err := w.clusterSets(ctx, table)
	if err != nil || len(sets) == 0 {
		return sets, err
	}
	for i := range sets {
		s := &sets[i]
		s.RowIDs = make([]int64, 0, s.Customers)
		s.Labels = make([]int32, 0, s.Customers)
		err := w.Query(ctx, "pulpero_cluster_labels", `SELECT row_id, label FROM pulpero_cluster_labels WHERE set_id=? ORDER BY row_id`,
			[]any{s.id}, func(r *sql.Rows) error {
				var rowid int64
				var label int32
				if err := r.Scan(&rowid, &label); err != nil {
					return err
				}
				s.RowIDs = append(s.RowIDs, rowid)
				s.Labels = append(s.Labels, label)
				return nil
			})
		if err != nil {
			return nil, fmt.Errorf("reading cluster labels %q: %w", s.Name, err)
		}
	}
	return sets, nil
}

// ClusterLabelSets lists the sets saved for a table (without their labels),
// by name.
func (w *Workspace) ClusterLabelSets(ctx context.Context, table string) ([]ClusterLabels, error) {
	if w == nil {
		return nil, nil
	}
	return w.clusterSets(ctx, table)
}

func (w *Workspace) clusterSets(ctx context.Context, table string) ([]ClusterLabels, error) {
	var out []ClusterLabels
	err := w.Query(ctx, "pulpero_cluster_sets", `SELECT id, name, saved_at, levels, note, customers FROM pulpero_cluster_sets
		WHERE table_name=? ORDER BY name`, []any{table}, func(r *sql.Rows) error {
		l := ClusterLabels{Table: table}
		var at, levels string
		if err := r.Scan(&l.id, &l.Name, &at, &levels, &l.Note, &l.Customers); err != nil {
			return err
		}
		l.SavedAt = parseTime(at)
		if err := json.Unmarshal([]byte(levels), &l.Levels); err != nil {
			return fmt.Errorf("cluster labels %q: levels %q: %w", l.Name, levels, err)
		}
		out = append(out, l)
		return nil
	})
	return out, err
}

// ErrNoClusterLabels is returned (wrapped) for a name with no saved labels.
var ErrNoClusterLabels = errors.New("no saved cluster labels")

// DeleteClusterLabels removes a saved set and its labels.
func (w *Workspace) DeleteClusterLabels(ctx context.Context, table, name string) error {
	return w.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM pulpero_cluster_sets WHERE table_name=? AND name=?`, table, strings.TrimSpace(name))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("%q: %w", name, ErrNoClusterLabels)
		}
		return nil
	})
}
