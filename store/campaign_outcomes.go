package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"
)

// CampaignOutcome is one campaign's contacts with their group and response, from the shop's own
// history tables (Source "data") or from an export pulpero recorded (Source "pulpero").
type CampaignOutcome struct {
	Name               string
	Source             string  // "data" or "pulpero"
	Date               string  // YYYY-MM-DD ("" unknown)
	Channel            string  // channel(s), comma-separated
	CostPerContact     float64 // mean cost of one treated contact
	Control, Responded []bool
	Revenue            []float64
	HasResponses       bool // false: a recorded export whose responses were not imported yet
}

// CampaignOutcomes lists every campaign: the data's, oldest first, then pulpero's recorded exports.
// Looking creates nothing: a workspace without pulpero tables (or a nil w) only adds no campaigns.
// A recorded member without an imported response did not respond.
func (w *Workspace) CampaignOutcomes(ctx context.Context, db *DB) ([]CampaignOutcome, error) {
	out, err := dataOutcomes(ctx, db)
	if err != nil {
		return nil, err
	}
	if w == nil {
		return out, nil
	}
	recorded, err := w.recordedOutcomes(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: reading the recorded campaigns: %w", w.Path, err)
	}
	return append(out, recorded...), nil
}

// dataOutcomes are the campaigns of the database's own history tables,
// oldest first (undated ones last, in the order of their ids).
func dataOutcomes(ctx context.Context, db *DB) ([]CampaignOutcome, error) {
	if db == nil {
		return nil, nil
	}
	h, ok, err := db.ReadCampaignHistory(ctx)
	if err != nil || !ok {
		return nil, err
	}
	out := make([]CampaignOutcome, len(h.Campaigns))
	for k, c := range h.Campaigns {
		out[k] = CampaignOutcome{Name: c.Name, Source: "data", Channel: c.Channel, CostPerContact: c.Cost, HasResponses: true}
		if c.Day >= 0 {
			out[k].Date = time.Unix(c.Day*86400, 0).UTC().Format(time.DateOnly)
		}
	}
	for i, k := range h.Campaign {
		o := &out[k]
		o.Control = append(o.Control, h.Control[i])
		o.Responded = append(o.Responded, h.Responded[i])
		o.Revenue = append(o.Revenue, h.Revenue[i])
	}
	slices.SortStableFunc(out, func(a, b CampaignOutcome) int {
		switch {
		case a.Date == b.Date:
			return 0
		case a.Date == "":
			return 1
		case b.Date == "":
			return -1
		}
		return strings.Compare(a.Date, b.Date)
	})
	return out, nil
}

// recordedOutcomes are the campaigns pulpero's exports recorded, oldest
// first, with the responses imported for them.
func (w *Workspace) recordedOutcomes(ctx context.Context) ([]CampaignOutcome, error) {
	var out []CampaignOutcome
	index := map[int64]int{}
	costs := map[int64]map[string]float64{}
	var order [][]string // per campaign, the channels in the manifest's order
	err := w.Query(ctx, "pulpero_campaigns", `SELECT id, name, created_at, manifest FROM pulpero_campaigns WHERE state = 'done' ORDER BY id`, nil,
		func(r *sql.Rows) error {
			var id int64
			var name, created, manifest string
			if err := r.Scan(&id, &name, &created, &manifest); err != nil {
				return err
			}
			index[id] = len(out)
			chans, cost := manifestChannels(manifest)
			costs[id], order = cost, append(order, chans)
			out = append(out, CampaignOutcome{Name: name, Source: "pulpero", Date: dateOf(created)})
			return nil
		})
	if err != nil || len(out) == 0 {
		return nil, err
	}
	imported, err := w.exists(ctx, "pulpero_campaign_imports")
	if err != nil {
		return nil, err
	}
	q := `SELECT campaign_id, channel, grp, 0, 0 FROM pulpero_campaign_members ORDER BY campaign_id, customer_id`
	if imported {
		q = `SELECT m.campaign_id, m.channel, m.grp, coalesce(r.responded, 0), coalesce(r.revenue, 0)
			FROM pulpero_campaign_members m LEFT JOIN pulpero_campaign_responses r USING (campaign_id, customer_id)
			ORDER BY m.campaign_id, m.customer_id`
		err = w.Query(ctx, "pulpero_campaign_imports", `SELECT campaign_id FROM pulpero_campaign_imports`, nil, func(r *sql.Rows) error {
			var id int64
			err := r.Scan(&id)
			if k, ok := index[id]; ok {
				out[k].HasResponses = true
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	used := make([]map[string]bool, len(out))
	spent := make([]float64, len(out))
	treated := make([]int, len(out))
	err = w.Query(ctx, "pulpero_campaign_members", q, nil, func(r *sql.Rows) error {
		var id int64
		var channel, grp string
		var responded bool
		var revenue float64
		if err := r.Scan(&id, &channel, &grp, &responded, &revenue); err != nil {
			return err
		}
		k, ok := index[id]
		if !ok {
			return nil
		}
		o := &out[k]
		o.Control = append(o.Control, grp == "control")
		o.Responded = append(o.Responded, responded)
		o.Revenue = append(o.Revenue, revenue)
		if used[k] == nil {
			used[k] = map[string]bool{}
		}
		used[k][channel] = true
		if grp != "control" {
			treated[k]++
			spent[k] += costs[id][channel]
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for id, k := range index {
		o := &out[k]
		var chans, other []string
		for _, c := range order[k] {
			if used[k][c] || len(used[k]) == 0 {
				chans = append(chans, c)
			}
		}
		for c := range used[k] {
			if !slices.Contains(order[k], c) {
				other = append(other, c)
			}
		}
		slices.Sort(other)
		chans = append(chans, other...)
		o.Channel = strings.Join(chans, ", ")
		if treated[k] > 0 {
			o.CostPerContact = spent[k] / float64(treated[k])
		} else if len(costs[id]) > 0 {
			for _, c := range costs[id] {
				o.CostPerContact += c / float64(len(costs[id]))
			}
		}
	}
	return out, nil
}

// manifestChannels reads the channels offered and their cost per contact
// from a recorded manifest's parameters; nothing when it has none.
func manifestChannels(manifest string) ([]string, map[string]float64) {
	var m struct {
		Params struct {
			Channels []struct {
				Channel string  `json:"channel"`
				Cost    float64 `json:"cost_per_contact"`
			} `json:"channels"`
		} `json:"parameters"`
	}
	json.Unmarshal([]byte(manifest), &m)
	var names []string
	cost := map[string]float64{}
	for _, c := range m.Params.Channels {
		names = append(names, c.Channel)
		cost[c.Channel] = c.Cost
	}
	return names, cost
}

// dateOf is the day of an RFC 3339 time ("" when it is not one).
func dateOf(ts string) string {
	if t, err := time.Parse(time.RFC3339, ts); err == nil {
		return t.UTC().Format(time.DateOnly)
	}
	return ""
}
