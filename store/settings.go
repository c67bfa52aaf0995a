package store

import (
	"context"
	"database/sql"
)

// Setting reads one of pulpero's per-database settings (kept in the
// workspace's pulpero_meta under "setting.KEY"); ok is false when unset.
func (w *Workspace) Setting(ctx context.Context, key string) (value string, ok bool, err error) {
	if w == nil {
		return "", false, nil
	}
	err = w.Query(ctx, "pulpero_meta", `SELECT value FROM pulpero_meta WHERE key=?`, []any{"setting." + key},
		func(r *sql.Rows) error {
			ok = true
			return r.Scan(&value)
		})
	return value, ok, err
}

// SetSetting saves a per-database setting; "" removes it.
func (w *Workspace) SetSetting(ctx context.Context, key, value string) error {
	return w.Tx(ctx, func(tx *sql.Tx) error {
		if value == "" {
			_, err := tx.ExecContext(ctx, `DELETE FROM pulpero_meta WHERE key=?`, "setting."+key)
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO pulpero_meta(key, value) VALUES(?,?)
			ON CONFLICT(key) DO UPDATE SET value=excluded.value`, "setting."+key, value)
		return err
	})
}
