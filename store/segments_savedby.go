package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// segmentsSavedByMigration records who saved each version of a segment
// (`pulpero serve`: the user named by the key's comment). Versions saved
// before it, or by a local user, have "".
const segmentsSavedByMigration = `
	ALTER TABLE pulpero_segment_versions ADD COLUMN saved_by TEXT NOT NULL DEFAULT '';`

// SaveSegmentBy is SaveSegment recording who saved the version. It is the
// same transaction as SaveSegment's (repeated here rather than changing
// that one): the version number is read and the row inserted under the
// write lock, so two people saving at once each get their own version and
// neither is lost. Saving the latest definition again adds no version and
// keeps its saver.
func (w *Workspace) SaveSegmentBy(ctx context.Context, name string, v SegmentVersion, by string) (SegmentVersion, error) {
	name = SegmentName(name)
	if err := checkName(name); err != nil {
		return v, err
	}
	now := time.Now().UTC()
	err := w.Tx(ctx, func(tx *sql.Tx) error {
		id, err := segmentID(ctx, tx, name)
		if errors.Is(err, ErrNoSegment) {
			res, err := tx.ExecContext(ctx, `INSERT INTO pulpero_segments(name, created_at, updated_at) VALUES(?,?,?)`,
				name, now.Format(timeLayout), now.Format(timeLayout))
			if err != nil {
				return err
			}
			if id, err = res.LastInsertId(); err != nil {
				return err
			}
		} else if err != nil {
			return err
		}
		var last, size int
		var hash string
		err = tx.QueryRowContext(ctx, `SELECT version, definition_hash, size FROM pulpero_segment_versions
			WHERE segment_id=? ORDER BY version DESC LIMIT 1`, id).Scan(&last, &hash, &size)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if last > 0 && hash == v.Hash && size == v.Size {
			v.Version = last
			return nil
		}
		v.Version, v.SavedAt = last+1, now
		if _, err := tx.ExecContext(ctx, `INSERT INTO pulpero_segment_versions
			(segment_id, version, saved_at, definition, definition_hash, size, customers, saved_by) VALUES(?,?,?,?,?,?,?,?)`,
			id, v.Version, now.Format(timeLayout), v.Definition, v.Hash, v.Size, v.Customers, by); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE pulpero_segments SET updated_at=? WHERE id=?`, now.Format(timeLayout), id)
		return err
	})
	return v, err
}

// SegmentSavers maps each version of a segment to who saved it ("" when
// not recorded), for the history.
func (w *Workspace) SegmentSavers(ctx context.Context, name string) (map[int]string, error) {
	out := map[int]string{}
	ok, err := w.exists(ctx, "pulpero_segment_versions")
	if err != nil || !ok {
		return out, err
	}
	// a workspace not written since this migration has no saved_by yet
	var n int
	if err := w.db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info('pulpero_segment_versions') WHERE name='saved_by'`).Scan(&n); err != nil || n == 0 {
		return out, err
	}
	err = w.Query(ctx, "pulpero_segments", `SELECT v.version, v.saved_by
		FROM pulpero_segment_versions v JOIN pulpero_segments s ON s.id = v.segment_id
		WHERE s.name = ?`, []any{SegmentName(name)}, func(r *sql.Rows) error {
		var v int
		var by string
		err := r.Scan(&v, &by)
		out[v] = by
		return err
	})
	return out, err
}
