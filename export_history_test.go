package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
)

// TestHistorySinceKeepsOnlyLaterCampaigns: with a cut-off date, the response
// model learns from exactly the contacts SQL finds in campaigns on or after
// it, channel by channel, and from fewer than without it.
func TestHistorySinceKeepsOnlyLaterCampaigns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := generateSample(context.Background(), path, sample.Options{Customers: 800, Seed: 11}, false); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cust, err := db.LoadCustomers(t.Context(), nil, "", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var cut string
	if err := db.SQL().QueryRow(`SELECT campaign_date FROM campaigns ORDER BY campaign_date
		LIMIT 1 OFFSET (SELECT count(*) / 2 FROM campaigns)`).Scan(&cut); err != nil {
		t.Fatal(err)
	}
	day, err := time.Parse(time.DateOnly, cut[:10])
	if err != nil {
		t.Fatalf("campaign date %q: %v", cut, err)
	}
	all, err := pastContacts(t.Context(), db, cust.Data, -1)
	if err != nil {
		t.Fatal(err)
	}
	later, err := pastContacts(t.Context(), db, cust.Data, day.Unix()/86400)
	if err != nil {
		t.Fatal(err)
	}
	if later.Len() == 0 || later.Len() >= all.Len() {
		t.Fatalf("cut-off %s kept %d of %d contacts", cut, later.Len(), all.Len())
	}
	m, err := analysis.FitResponseRates(cust.Data, later, "", 0, 0.02)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.SQL().Query(`SELECT c.channel, count(*), sum(cc.responded) FROM campaign_contacts cc
		JOIN campaigns c USING (campaign_id) WHERE coalesce(cc.control_group, 0) = 0 AND c.campaign_date >= ? GROUP BY 1`, cut[:10])
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	seen := 0
	for rows.Next() {
		var name string
		var n, k int
		if err := rows.Scan(&name, &n, &k); err != nil {
			t.Fatal(err)
		}
		ch, ok := analysis.ParseChannel(name)
		if !ok {
			t.Fatalf("channel %q", name)
		}
		if got := m.Channel[ch]; got.N != n || got.Responses != k {
			t.Errorf("%s since %s: model %d/%d, SQL %d/%d", name, cut, got.Responses, got.N, k, n)
		}
		seen++
	}
	if seen == 0 {
		t.Fatal("SQL found no campaigns after the cut-off")
	}
}
