package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// rfmMigration keeps frozen RFM cut-offs: each freeze is a new version of
// a name, holding the thresholds and the segment table as JSON (the
// analysis package's serialisation, stored as given) and the analysis date
// they were fitted at.
const rfmMigration = `
	CREATE TABLE IF NOT EXISTS pulpero_rfm (
	    name          TEXT NOT NULL COLLATE NOCASE,
	    version       INTEGER NOT NULL,
	    frozen_at     TEXT NOT NULL,
	    table_name    TEXT NOT NULL, -- the customers' table the cut-offs were fitted on
	    analysis_date TEXT NOT NULL, -- YYYY-MM-DD
	    customers     INTEGER NOT NULL, -- customers scored when they were fitted
	    thresholds    TEXT NOT NULL, -- JSON
	    PRIMARY KEY (name, version));`

// FrozenRFM is one saved version of RFM cut-offs.
type FrozenRFM struct {
	Name         string
	Version      int
	FrozenAt     time.Time
	Table        string
	AnalysisDate string // YYYY-MM-DD
	Customers    int
	Thresholds   string // JSON
}

// ErrNoFrozenRFM is returned for a name with no frozen cut-offs.
var ErrNoFrozenRFM = errors.New("no frozen RFM cut-offs by that name")

// FreezeRFM saves f as the next version of f.Name and returns the
// version number. FrozenAt is the caller's clock.
func (w *Workspace) FreezeRFM(ctx context.Context, f FrozenRFM) (int, error) {
	f.Name = strings.TrimSpace(f.Name)
	if f.Name == "" || strings.ContainsAny(f.Name, "\n\r\t") || len(f.Name) > 200 {
		return 0, fmt.Errorf("frozen RFM cut-offs need a name of one line, at most 200 characters, not %q", f.Name)
	}
	err := w.Tx(ctx, func(tx *sql.Tx) error {
		var last int
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM pulpero_rfm WHERE name=?`, f.Name).Scan(&last); err != nil {
			return err
		}
		f.Version = last + 1
		_, err := tx.ExecContext(ctx, `INSERT INTO pulpero_rfm(name, version, frozen_at, table_name, analysis_date, customers, thresholds)
			VALUES(?,?,?,?,?,?,?)`, f.Name, f.Version, f.FrozenAt.UTC().Format(timeLayout), f.Table, f.AnalysisDate, f.Customers, f.Thresholds)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("freezing RFM cut-offs %q: %w", f.Name, err)
	}
	return f.Version, nil
}

// FrozenRFMs lists every frozen version, newest first.
func (w *Workspace) FrozenRFMs(ctx context.Context) ([]FrozenRFM, error) {
	if w == nil {
		return nil, nil
	}
	var out []FrozenRFM
	err := w.Query(ctx, "pulpero_rfm", `SELECT name, version, frozen_at, table_name, analysis_date, customers, thresholds
		FROM pulpero_rfm ORDER BY frozen_at DESC, name, version DESC`, nil, func(r *sql.Rows) error {
		var f FrozenRFM
		var at string
		if err := r.Scan(&f.Name, &f.Version, &at, &f.Table, &f.AnalysisDate, &f.Customers, &f.Thresholds); err != nil {
			return err
		}
		f.FrozenAt, _ = time.Parse(timeLayout, at)
		out = append(out, f)
		return nil
	})
	return out, err
}

// FrozenRFMVersion returns a name's version (0: the latest).
func (w *Workspace) FrozenRFMVersion(ctx context.Context, name string, version int) (FrozenRFM, error) {
	all, err := w.FrozenRFMs(ctx)
	if err != nil {
		return FrozenRFM{}, err
	}
	var best *FrozenRFM
	for i := range all {
		f := &all[i]
		if !strings.EqualFold(f.Name, strings.TrimSpace(name)) || (version > 0 && f.Version != version) {
			continue
		}
		if best == nil || f.Version > best.Version {
			best = f
		}
	}
	if best == nil {
		return FrozenRFM{}, fmt.Errorf("%q version %d: %w", name, version, ErrNoFrozenRFM)
	}
	return *best, nil
}
