package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"

	"github.com/pulpero/pulpero/model/campaign"
)

// campaignsMigration keeps every exported campaign: its manifest (segment
// definitions and hashes, parameters, counts) and its members with their
// group, so responses can later be matched to treated and control customers.
// Members are keyed by customer id, not rowid, because ids survive a reload.
const campaignsMigration = `
	CREATE TABLE IF NOT EXISTS pulpero_campaigns (
	    id          INTEGER PRIMARY KEY,
	    name        TEXT NOT NULL,
	    created_at  TEXT NOT NULL,
	    list_path   TEXT NOT NULL,
	    db_sha256   TEXT NOT NULL,
	    manifest    TEXT NOT NULL);
	CREATE INDEX IF NOT EXISTS pulpero_campaigns_name ON pulpero_campaigns(name);
	CREATE TABLE IF NOT EXISTS pulpero_campaign_members (
	    campaign_id INTEGER NOT NULL REFERENCES pulpero_campaigns(id) ON DELETE CASCADE,
	    customer_id TEXT NOT NULL,
	    channel     TEXT NOT NULL,
	    grp         TEXT NOT NULL CHECK (grp IN ('target', 'control')),
	    probability REAL NOT NULL,
	    PRIMARY KEY (campaign_id, customer_id));`

// campaignStateMigration lets an export be recorded before its files are
// put in place: 'writing' until every file is renamed into place, then
// 'done'. A record left 'writing' by a crash is resolved on the next
// export or campaign command (see ResolveInterrupted).
const campaignStateMigration = `
	ALTER TABLE pulpero_campaigns ADD COLUMN state TEXT NOT NULL DEFAULT 'done';
	ALTER TABLE pulpero_campaigns ADD COLUMN list_sha256 TEXT NOT NULL DEFAULT '';`

// RecordCampaign stores an exported campaign and its members in one
// transaction, in the state 'writing' with its list's hash: the export then
// puts its files in place and calls MarkCampaignDone. A crash leaves the
// campaign recorded whole or not at all, and a record still 'writing' is
// resolved by ResolveInterrupted. It returns the campaign's id.
func (w *Workspace) RecordCampaign(ctx context.Context, m *campaign.Manifest, members []ListItem, listSHA256 string) (int64, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return 0, err
	}
	var id int64
	err = w.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO pulpero_campaigns(name, created_at, list_path, db_sha256, manifest, state, list_sha256)
			VALUES (?,?,?,?,?,'writing',?)`, m.Campaign, m.Created, m.Files.List, m.Database.SHA256, string(b), listSHA256)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		st, err := tx.PrepareContext(ctx, `INSERT INTO pulpero_campaign_members VALUES (?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, it := range members {
			if _, err := st.ExecContext(ctx, id, it.CustomerID, it.Channel, it.Group, it.Prob); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("recording campaign %q in %s: %w", m.Campaign, w.Path, err)
	}
	return id, nil
}

// MarkCampaignDone says an export's files are all in place.
func (w *Workspace) MarkCampaignDone(ctx context.Context, id int64) error {
	return w.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE pulpero_campaigns SET state = 'done' WHERE id = ?`, id)
		return err
	})
}

// ForgetCampaign removes a campaign record whose files could not be put in
// place (its members and responses go with it).
func (w *Workspace) ForgetCampaign(ctx context.Context, id int64) error {
	return w.Tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM pulpero_campaigns WHERE id = ?`, id)
		return err
	})
}

// InterruptedExport is an export a crash stopped between recording the
// campaign and finishing: Kept says whether its list was complete and in
// place (the record is then kept) or not (the record was removed).
type InterruptedExport struct {
	Campaign, List string
	Kept           bool
}

// ResolveInterrupted settles every campaign left in the state 'writing':
// when its list is in place with the recorded hash, the crash came after
// the files were placed and the record is kept; otherwise nothing of the
// export is visible and its record is removed. Either way it is reported.
func (w *Workspace) ResolveInterrupted(ctx context.Context) ([]InterruptedExport, error) {
	type pending struct {
		id         int64
		name, list string
		sha        string
	}
	var todo []pending
	err := w.Query(ctx, "pulpero_campaigns", `SELECT id, name, list_path, list_sha256 FROM pulpero_campaigns WHERE state = 'writing'`, nil,
		func(r *sql.Rows) error {
			var p pending
			if err := r.Scan(&p.id, &p.name, &p.list, &p.sha); err != nil {
				return err
			}
			todo = append(todo, p)
			return nil
		})
	if err != nil {
		return nil, err
	}
	var out []InterruptedExport
	for _, p := range todo {
		kept := false
		if st, err := os.Lstat(p.list); err == nil && st.Mode().IsRegular() {
			sum, err := FileSHA256(p.list)
			kept = err == nil && sum == p.sha
		}
		if kept {
			err = w.MarkCampaignDone(ctx, p.id)
		} else {
			err = w.ForgetCampaign(ctx, p.id)
		}
		if err != nil {
			return out, err
		}
		out = append(out, InterruptedExport{Campaign: p.name, List: p.list, Kept: kept})
	}
	return out, nil
}
