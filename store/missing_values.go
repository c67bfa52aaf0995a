package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"sort"
)

// missingKey is where a table's "treat as missing" choices live in
// pulpero_meta: a JSON object of column → values.
func missingKey(table string) string { return "missing:" + table }

// MissingValues returns the values the user chose to treat as missing in
// each column of a table (for analysis only: the table keeps them).
func (w *Workspace) MissingValues(ctx context.Context, table string) (map[string][]string, error) {
	out := map[string][]string{}
	if w == nil {
		return out, nil
	}
	err := w.Query(ctx, "pulpero_meta", `SELECT value FROM pulpero_meta WHERE key=?`, []any{missingKey(table)},
		func(r *sql.Rows) error {
			var raw string
			if err := r.Scan(&raw); err != nil {
				return err
			}
			return json.Unmarshal([]byte(raw), &out)
		})
	return out, err
}

// SetMissingValue records (missing true) or forgets that value of column
// stands for a missing value, in one transaction.
func (w *Workspace) SetMissingValue(ctx context.Context, table, column, value string, missing bool) error {
	return w.Tx(ctx, func(tx *sql.Tx) error {
		cur := map[string][]string{}
		var raw string
		if err := tx.QueryRowContext(ctx, `SELECT value FROM pulpero_meta WHERE key=?`, missingKey(table)).Scan(&raw); err == nil {
			json.Unmarshal([]byte(raw), &cur)
		}
		vals := slices.DeleteFunc(cur[column], func(v string) bool { return v == value })
		if missing {
			vals = append(vals, value)
			sort.Strings(vals)
		}
		if len(vals) == 0 {
			delete(cur, column)
		} else {
			cur[column] = vals
		}
		b, err := json.Marshal(cur)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO pulpero_meta(key, value) VALUES(?,?)
			ON CONFLICT(key) DO UPDATE SET value=excluded.value`, missingKey(table), string(b))
		return err
	})
}
