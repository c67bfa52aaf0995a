package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pulpero/pulpero/model/segment"
)

// segmentsMigration keeps saved segments: one row per segment (its name,
// unique ignoring case, survives renames through the id) and one row per
// saved version, never overwritten, so the history of a definition is kept.
const segmentsMigration = `
	CREATE TABLE IF NOT EXISTS pulpero_segments (
	    id         INTEGER PRIMARY KEY,
	    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
	    created_at TEXT NOT NULL,
	    updated_at TEXT NOT NULL);
	CREATE TABLE IF NOT EXISTS pulpero_segment_versions (
	    segment_id      INTEGER NOT NULL REFERENCES pulpero_segments(id) ON DELETE CASCADE,
	    version         INTEGER NOT NULL,
	    saved_at        TEXT NOT NULL,
	    definition      TEXT NOT NULL,
	    definition_hash TEXT NOT NULL,
	    size            INTEGER NOT NULL, -- customers in the segment when saved
	    customers       INTEGER NOT NULL, -- customers in the table when saved
	    PRIMARY KEY (segment_id, version));`

// ErrNoSegment is returned (wrapped) for a segment name that is not saved.
var ErrNoSegment = errors.New("no saved segment")

// SegmentVersion is one saved state of a segment's definition.
type SegmentVersion struct {
	Version    int // 1, 2, ... per segment
	SavedAt    time.Time
	Definition string // the canonical printed rule tree
	Hash       string // segment.Hash of the definition
	Size       int    // customers in the segment when saved
	Customers  int    // customers in the table when saved
}

// SavedSegment is a segment with its latest version.
type SavedSegment struct {
	Name             string
	Created, Updated time.Time
	Versions         int
	Latest           SegmentVersion
}

const timeLayout = time.RFC3339Nano

func parseTime(s string) time.Time { t, _ := time.Parse(timeLayout, s); return t }

// SegmentName is a segment name as it is stored and looked up: without
// surrounding spaces, so "VIP " and "VIP" are one segment.
func SegmentName(name string) string { return strings.TrimSpace(name) }

// checkName refuses names that could not be typed back in a rule.
func checkName(name string) error {
	if strings.TrimSpace(name) == "" {
		return errors.New("a segment needs a name")
	}
	if strings.ContainsAny(name, "\n\r\t") || len(name) > 200 {
		return fmt.Errorf("segment name %q: use one line of at most 200 characters", name)
	}
	return nil
}

// SaveSegment stores v as the next version of the segment name (creating
// it), in one transaction: a crash leaves either the new version or the
// previous state, never half of one. Saving the same definition with the
// same size again adds no version. It returns the version as stored.
func (w *Workspace) SaveSegment(ctx context.Context, name string, v SegmentVersion) (SegmentVersion, error) {
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
			id, err = res.LastInsertId()
			if err != nil {
				return err
			}
		} else if err != nil {
			return err
		}
		var last int
		var hash string
		var size int
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
			(segment_id, version, saved_at, definition, definition_hash, size, customers) VALUES(?,?,?,?,?,?,?)`,
			id, v.Version, now.Format(timeLayout), v.Definition, v.Hash, v.Size, v.Customers); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE pulpero_segments SET updated_at=? WHERE id=?`, now.Format(timeLayout), id)
		return err
	})
	return v, err
}

func segmentID(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM pulpero_segments WHERE name=?`, name).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("%w %q", ErrNoSegment, name)
	}
	return id, err
}

const latestQuery = `SELECT s.name, s.created_at, s.updated_at,
	(SELECT count(*) FROM pulpero_segment_versions x WHERE x.segment_id = s.id),
	v.version, v.saved_at, v.definition, v.definition_hash, v.size, v.customers
	FROM pulpero_segments s JOIN pulpero_segment_versions v ON v.segment_id = s.id
	WHERE v.version = (SELECT max(version) FROM pulpero_segment_versions x WHERE x.segment_id = s.id)`

func scanSaved(r *sql.Rows) (SavedSegment, error) {
	var s SavedSegment
	var created, updated, saved string
	err := r.Scan(&s.Name, &created, &updated, &s.Versions, &s.Latest.Version, &saved,
		&s.Latest.Definition, &s.Latest.Hash, &s.Latest.Size, &s.Latest.Customers)
	s.Created, s.Updated, s.Latest.SavedAt = parseTime(created), parseTime(updated), parseTime(saved)
	return s, err
}

// Segments lists the saved segments with their latest versions, by name.
func (w *Workspace) Segments(ctx context.Context) ([]SavedSegment, error) {
	var out []SavedSegment
	err := w.Query(ctx, "pulpero_segments", latestQuery+` ORDER BY s.name COLLATE NOCASE`, nil, func(r *sql.Rows) error {
		s, err := scanSaved(r)
		out = append(out, s)
		return err
	})
	return out, err
}

// Segment returns one saved segment (names match ignoring case), or an
// error wrapping ErrNoSegment.
func (w *Workspace) Segment(ctx context.Context, name string) (SavedSegment, error) {
	name = SegmentName(name)
	var out []SavedSegment
	err := w.Query(ctx, "pulpero_segments", latestQuery+` AND s.name = ?`, []any{name}, func(r *sql.Rows) error {
		s, err := scanSaved(r)
		out = append(out, s)
		return err
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("%w %q", ErrNoSegment, name)
	}
	if err != nil {
		return SavedSegment{}, err
	}
	return out[0], nil
}

// SegmentHistory returns every version of a segment, oldest first.
func (w *Workspace) SegmentHistory(ctx context.Context, name string) ([]SegmentVersion, error) {
	name = SegmentName(name)
	var out []SegmentVersion
	err := w.Query(ctx, "pulpero_segments", `SELECT v.version, v.saved_at, v.definition, v.definition_hash, v.size, v.customers
		FROM pulpero_segment_versions v JOIN pulpero_segments s ON s.id = v.segment_id
		WHERE s.name = ? ORDER BY v.version`, []any{name}, func(r *sql.Rows) error {
		var v SegmentVersion
		var saved string
		err := r.Scan(&v.Version, &saved, &v.Definition, &v.Hash, &v.Size, &v.Customers)
		v.SavedAt = parseTime(saved)
		out = append(out, v)
		return err
	})
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("%w %q", ErrNoSegment, name)
	}
	return out, err
}

// RenameSegment gives a segment a new name, keeping its history.
func (w *Workspace) RenameSegment(ctx context.Context, old, name string) error {
	old, name = SegmentName(old), SegmentName(name)
	if err := checkName(name); err != nil {
		return err
	}
	return w.Tx(ctx, func(tx *sql.Tx) error {
		id, err := segmentID(ctx, tx, old)
		if err != nil {
			return err
		}
		if other, err := segmentID(ctx, tx, name); err == nil && other != id {
			return fmt.Errorf("a segment named %q already exists", name)
		}
		_, err = tx.ExecContext(ctx, `UPDATE pulpero_segments SET name=?, updated_at=? WHERE id=?`,
			name, time.Now().UTC().Format(timeLayout), id)
		return err
	})
}

// DuplicateSegment saves the latest version of a segment under a new name,
// as that segment's version 1.
func (w *Workspace) DuplicateSegment(ctx context.Context, name, copyName string) (SegmentVersion, error) {
	name, copyName = SegmentName(name), SegmentName(copyName)
	s, err := w.Segment(ctx, name)
	if err != nil {
		return SegmentVersion{}, err
	}
	if _, err := w.Segment(ctx, copyName); err == nil {
		return SegmentVersion{}, fmt.Errorf("a segment named %q already exists", copyName)
	}
	return w.SaveSegment(ctx, copyName, s.Latest)
}

// DeleteSegment removes a segment and its history.
func (w *Workspace) DeleteSegment(ctx context.Context, name string) error {
	name = SegmentName(name)
	return w.Tx(ctx, func(tx *sql.Tx) error {
		id, err := segmentID(ctx, tx, name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM pulpero_segment_versions WHERE segment_id=?`, id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM pulpero_segments WHERE id=?`, id)
		return err
	})
}

// SegmentLibrary returns the latest definition of every saved segment,
// parsed, by name: pass lib.Resolve to analysis as the resolver of
// `in segment "NAME"`, and lib.Resolve(name) gives a segment's tree. A
// definition that no longer parses is left out.
func (w *Workspace) SegmentLibrary(ctx context.Context) (segment.Library, error) {
	list, err := w.Segments(ctx)
	if err != nil {
		return nil, err
	}
	lib := segment.Library{}
	for _, s := range list {
		lib.Add(s.Name, s.Latest.Definition)
	}
	return lib, nil
}
