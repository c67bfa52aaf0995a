package app

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/model/campaign"
)

// TestOneNameOneControlGroup: a campaign name typed with other spacing or
// case holds out the same customers, and a different name others.
func TestOneNameOneControlGroup(t *testing.T) {
	same, other := 0, 0
	for i := range 2000 {
		key := string(rune('a'+i%26)) + strings.Repeat("x", i%7) + string(rune('0'+i%10))
		a := targeting.InControl("Spring Sale", key, 0.3)
		if a == targeting.InControl("  spring   SALE ", key, 0.3) {
			same++
		}
		if a == targeting.InControl("Summer Sale", key, 0.3) {
			other++
		}
	}
	if same != 2000 || other > 1700 {
		t.Fatalf("same name: %d of 2000 agree; another name: %d agree", same, other)
	}
}

// TestCampaignNamesAreUnique: a second export under a taken name (the
// data's own or an earlier export, whatever its case) is refused with a
// free name to use; replacing a list under its own name (--force, no
// responses yet) replaces its record.
func TestCampaignNamesAreUnique(t *testing.T) {
	path := shopWith(t, "consent_email", "", "", nil)
	raw, _ := sql.Open("sqlite", path)
	if _, err := raw.Exec(`CREATE TABLE campaigns (campaign_id INTEGER PRIMARY KEY, name TEXT, channel TEXT, campaign_date TEXT, cost_per_contact REAL);
		INSERT INTO campaigns VALUES (1, 'Winter', 'email', '2025-01-10', 0.05)`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	ctx := context.Background()
	db, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Load(ctx, LoadRequest{AsOf: consentAsOf})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	export := func(name, out string, force bool) error {
		req := campaign.ExportRequest{Request: campaign.Request{Name: name, Channels: []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.01}},
			Value: 100, DefaultRate: 0.5, Model: campaign.ModelRates, Prior: 50}, Out: filepath.Join(dir, out), Format: campaign.FormatCSV, Force: force}
		_, err := s.Export(ctx, nil, req, ExportOptions{Now: consentAsOf})
		return err
	}
	if err := export("Spring", "a.csv", false); err != nil {
		t.Fatal(err)
	}
	if err := export(" spring ", "b.csv", false); err == nil || !strings.Contains(err.Error(), `"spring-2"`) {
		t.Fatalf("a taken name: %v", err)
	}
	if err := export("WINTER", "c.csv", false); err == nil || !strings.Contains(err.Error(), "data's own") {
		t.Fatalf("the data's campaign name: %v", err)
	}
	if err := export("Spring", "a.csv", true); err != nil {
		t.Fatalf("replacing the list under its own name: %v", err)
	}
	names, err := db.CampaignNames(ctx)
	if err != nil {
		t.Fatal(err)
	}
	exports := 0
	for _, n := range names {
		if n.Source == "pulpero" {
			exports++
		}
	}
	if exports != 1 || UniqueName(names, "spring") != "spring-2" || UniqueName(names, "Autumn") != "Autumn" {
		t.Fatalf("%d exports recorded (want 1: the replaced one's record goes); names %+v", exports, names)
	}
	if _, err := PickCampaign(append(names, CampaignName{Name: "winter", Source: "pulpero", Date: "2026-01-01"}), "Winter"); err == nil ||
		!strings.Contains(err.Error(), "Winter@2025-01-10") || !strings.Contains(err.Error(), "winter@2026-01-01") {
		t.Fatalf("an ambiguous name lists its candidates: %v", err)
	}
}
