package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

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
// transaction: a crash leaves the campaign recorded whole or not at all.
// It returns the campaign's id.
func (w *Workspace) RecordCampaign(ctx context.Context, m *campaign.Manifest, members []ListItem) (int64, error) {
	b, err := json.Marshal(m)
	if err != nil {
		return 0, err
	}
	var id int64
	err = w.Tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO pulpero_campaigns(name, created_at, list_path, db_sha256, manifest)
			VALUES (?,?,?,?,?)`, m.Campaign, m.Created, m.Files.List, m.Database.SHA256, string(b))
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
