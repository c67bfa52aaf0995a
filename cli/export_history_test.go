package cli

import (
	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model/campaign"

	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
)

// TestHistorySinceKeepsOnlyLaterCampaigns: with a cut-off date, the response
// model learns from exactly the contacts SQL finds in campaigns on or after
// it, channel by channel, and from fewer than without it.
func TestHistorySinceKeepsOnlyLaterCampaigns(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := app.GenerateSample(context.Background(), path, sample.Options{Customers: 800, Seed: 11}, false); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	adb, err := app.Open(path, app.OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer adb.Close()
	cust, err := adb.Load(t.Context(), app.LoadRequest{AsOf: time.Now().UTC()})
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
	all, err := adb.CampaignHistory(t.Context(), cust.Data)
	if err != nil {
		t.Fatal(err)
	}
	later := all.Since(day.Unix() / 86400)
	if later.Len() == 0 || later.Len() >= all.Len() {
		t.Fatalf("cut-off %s kept %d of %d contacts", cut, later.Len(), all.Len())
	}
	m, err := targeting.FitResponseRates(cust.Data, later, "", 0, 0.02)
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
		ch, ok := campaign.ParseChannel(name)
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

// TestExportWithLogisticModel: --model logistic gives each customer a
// probability of their own (the rates model gives one per generation), says
// so in the manifest, and still lists only reachable customers.
func TestExportWithLogisticModel(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if err := app.GenerateSample(context.Background(), db, sample.Options{Customers: 1500, Seed: 11}, false); err != nil {
		t.Fatal(err)
	}
	distinct := func(model string) (int, []string) {
		out := filepath.Join(dir, model+".csv")
		code, _, stderr := runCLI(t, "export", db, "--all", "--channel", "email", "--cost", "0.05", "--value", "40",
			"--model", model, "--out", out, "--data-dir", dir, "--no-record")
		if code != 0 {
			t.Fatalf("--model %s: %s", model, stderr)
		}
		rows := readCSV(t, out)
		seen := map[string]bool{}
		for _, r := range rows[1:] {
			seen[r[6]] = true
		}
		raw, err := os.ReadFile(manifestPath(out))
		if err != nil {
			t.Fatal(err)
		}
		var m struct {
			Model []string `json:"response_model"`
		}
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		return len(seen), m.Model
	}
	nRates, _ := distinct("rates")
	nLogit, described := distinct("logistic")
	// a logistic model no better than chance on its held-out fifth is not
	// used: everyone gets the channel rate, and the manifest says so
	chance := len(described) == 1 && strings.Contains(described[0], "no better than chance")
	if nRates > 6 || chance && nLogit != 1 || !chance && nLogit < 50 {
		t.Fatalf("distinct probabilities: rates %d (want ≤ 6: one per generation), logistic %d (want many, or 1 when no better than chance)", nRates, nLogit)
	}
	if len(described) != 1 || !strings.Contains(described[0], "logistic on") || !strings.Contains(described[0], "AUC") {
		t.Fatalf("the manifest does not say how sure the logistic model is: %q", described)
	}
	if code, _, _ := runCLI(t, "export", db, "--all", "--channel", "email", "--cost", "0.05", "--value", "40",
		"--model", "tree", "--dry-run", "--data-dir", dir); code != exitUsage {
		t.Fatalf("--model tree: exit %d, want a usage error", code)
	}
}
