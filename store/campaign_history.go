package store

import (
	"context"
	"fmt"
	"strings"

	"github.com/pulpero/pulpero/store/parse"
)

// PastCampaign is one row of the user's campaigns table.
type PastCampaign struct {
	ID      int64
	Name    string
	Channel string // as written in the data ("email", "sms", ...)
	Day     int64  // days since 1970-01-01; -1 when the date is missing or unreadable
	Cost    float64
}

// CampaignHistory is every past contact, column by column (one entry per
// campaign_contacts row), so a million contacts stay a few slices.
type CampaignHistory struct {
	Campaigns   []PastCampaign
	Campaign    []int32 // index into Campaigns
	CustomerIDs []int64
	Control     []bool // held out, not contacted
	Responded   []bool
	Revenue     []float64
}

// Len is the number of contacts.
func (h *CampaignHistory) Len() int { return len(h.CustomerIDs) }

// historyTables are the tables and columns a campaign history is read from:
// the demo's layout, which is also the plainest one. Other layouts give no
// history (pulpero then uses the stated default rate).
var historyTables = map[string][]string{
	"campaigns":         {"campaign_id", "name", "channel", "campaign_date", "cost_per_contact"},
	"campaign_contacts": {"campaign_id", "customer_id", "control_group", "responded", "revenue"},
}

// ReadCampaignHistory reads past campaigns and their contacts. ok is false
// (and the error nil) when the database has no such tables; contacts whose
// customer id is not a whole number are skipped.
func (d *DB) ReadCampaignHistory(ctx context.Context) (h *CampaignHistory, ok bool, err error) {
	tables, err := d.Tables(ctx)
	if err != nil {
		return nil, false, err
	}
	for name, cols := range historyTables {
		t, found := FindTable(tables, name)
		if !found {
			return nil, false, nil
		}
		for _, c := range cols {
			if !hasColumn(t, c) {
				return nil, false, nil
			}
		}
	}
	h = &CampaignHistory{}
	index := map[int64]int32{}
	err = d.eachRow(ctx, `SELECT campaign_id, coalesce(name, ''), coalesce(channel, ''), campaign_date,
		coalesce(cost_per_contact, 0) FROM campaigns ORDER BY campaign_id`, 5, func(v []any) {
		c := PastCampaign{ID: historyInt(v[0]), Name: contactText(v[1]), Channel: strings.ToLower(contactText(v[2])), Day: -1, Cost: historyFloat(v[4])}
		if date, ok := parse.ParseDate(contactText(v[3]), parse.DayFirst); ok {
			c.Day = date.Days()
		}
		index[c.ID] = int32(len(h.Campaigns))
		h.Campaigns = append(h.Campaigns, c)
	})
	if err != nil {
		return nil, false, err
	}
	err = d.eachRow(ctx, `SELECT campaign_id, customer_id, coalesce(control_group, 0), coalesce(responded, 0),
		coalesce(revenue, 0) FROM campaign_contacts`, 5, func(v []any) {
		k, known := index[historyInt(v[0])]
		id, whole := v[1].(int64)
		if !known || !whole {
			return
		}
		h.Campaign = append(h.Campaign, k)
		h.CustomerIDs = append(h.CustomerIDs, id)
		h.Control = append(h.Control, historyInt(v[2]) != 0)
		h.Responded = append(h.Responded, historyInt(v[3]) != 0)
		h.Revenue = append(h.Revenue, historyFloat(v[4]))
	})
	if err != nil {
		return nil, false, err
	}
	return h, true, nil
}

func (d *DB) eachRow(ctx context.Context, q string, ncols int, f func([]any)) error {
	if err := d.scanInto(ctx, q, nil, ncols, f); err != nil {
		return fmt.Errorf("%s: reading campaign history: %s", d.Name(), cleanSQLiteError(err))
	}
	return nil
}

func historyInt(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		return int64(x)
	case string:
		var n int64
		fmt.Sscan(x, &n)
		return n
	}
	return 0
}

func historyFloat(v any) float64 {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	case string:
		var f float64
		fmt.Sscan(x, &f)
		return f
	}
	return 0
}
