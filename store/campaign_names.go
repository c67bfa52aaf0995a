package store

import (
	"context"
	"database/sql"
	"fmt"
)

// CampaignName is one campaign as its name is known: the data's own
// (Source "data") or a list pulpero exported (Source "pulpero", with its id,
// list and whether responses were imported for it).
type CampaignName struct {
	Name, Source, Date string
	ID                 int64
	List               string
	HasResponses       bool
}

// CampaignNames lists every campaign's name, cheaply (no contacts are
// read): the data's campaigns table, when it has one, and pulpero's
// recorded exports.
func (w *Workspace) CampaignNames(ctx context.Context, db *DB) ([]CampaignName, error) {
	var out []CampaignName
	if t, err := db.Table(ctx, "campaigns"); err == nil && hasColumn(t, "name") {
		date := "''"
		if hasColumn(t, "campaign_date") {
			date = "coalesce(substr(campaign_date, 1, 10), '')"
		}
		err := db.eachRow(ctx, `SELECT coalesce(name, ''), `+date+` FROM campaigns`, 2, func(v []any) {
			out = append(out, CampaignName{Name: contactText(v[0]), Date: contactText(v[1]), Source: "data"})
		})
		if err != nil {
			return nil, err
		}
	}
	if w == nil {
		return out, nil
	}
	err := w.Query(ctx, "pulpero_campaigns", `SELECT c.id, c.name, substr(c.created_at, 1, 10), c.list_path,
			EXISTS (SELECT 1 FROM pulpero_campaign_responses r WHERE r.campaign_id = c.id)
		FROM pulpero_campaigns c WHERE c.state = 'done' ORDER BY c.id`, nil,
		func(r *sql.Rows) error {
			c := CampaignName{Source: "pulpero"}
			err := r.Scan(&c.ID, &c.Name, &c.Date, &c.List, &c.HasResponses)
			out = append(out, c)
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("%s: reading the recorded campaigns: %w", w.Path, err)
	}
	return out, nil
}
