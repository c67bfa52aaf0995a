package app

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/model/campaign"
)

// TestSpreadsheetCellsCannotRunFormulas: names that a spreadsheet would run
// (=HYPERLINK, +cmd|..., @SUM, -2+3) are written with a leading quote in CSV
// and Excel lists, raw in JSON lines, and the manifest says so and how many.
func TestSpreadsheetCellsCannotRunFormulas(t *testing.T) {
	hostile := []string{`=HYPERLINK("http://x","click")`, `+cmd|' /C calc'!A0`, `@SUM(1+1)`, `-2+3`, "Ana"}
	path := shopWith(t, "consent_email", "", "", nil)
	db, _ := sql.Open("sqlite", path)
	for i, h := range hostile {
		if _, err := db.Exec(`UPDATE customers SET name = ? WHERE customer_id = ?`, h, i+1); err != nil {
			t.Fatal(err)
		}
	}
	db.Exec(`DELETE FROM customers WHERE customer_id > ?`, len(hostile))
	db.Close()
	ctx := context.Background()
	d, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	s, err := d.Load(ctx, LoadRequest{AsOf: consentAsOf})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, format := range []string{"csv", "excel", "jsonl"} {
		req := campaign.ExportRequest{Request: campaign.Request{Channels: []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.01}},
			Value: 100, DefaultRate: 0.5, Model: campaign.ModelRates, Prior: 50}, Out: filepath.Join(dir, "list-"+format+".csv"),
			Format: campaign.FormatCSV, Excel: format == "excel", NoRecord: true}
		if format == "jsonl" {
			req.Format, req.Out = campaign.FormatJSONL, filepath.Join(dir, "list.jsonl")
		}
		m, err := s.Export(ctx, nil, req, ExportOptions{Now: consentAsOf})
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		if format == "jsonl" {
			b, _ := os.ReadFile(req.Out)
			for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
				var row struct{ Name string }
				json.Unmarshal([]byte(line), &row)
				names[row.Name] = true
			}
			for _, h := range hostile {
				if !names[h] {
					t.Errorf("jsonl: %q is not written as it is", h)
				}
			}
			if m.Files.Neutralised != 0 || m.Files.SpreadsheetSafety != "" {
				t.Errorf("jsonl manifest: %+v", m.Files)
			}
			continue
		}
		f, _ := os.Open(req.Out)
		r := csv.NewReader(f)
		if format == "excel" {
			r.Comma = ';'
		}
		rows, err := r.ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, row := range rows[1:] {
			names[row[1]] = true
		}
		for _, h := range hostile[:4] {
			if !names["'"+h] {
				t.Errorf("%s: %q is not neutralised (got %v)", format, h, names)
			}
		}
		if !names["Ana"] || m.Files.Neutralised != 4 || !strings.Contains(m.Files.SpreadsheetSafety, "prefixed with '") {
			t.Errorf("%s: Ana %v, manifest %+v", format, names["Ana"], m.Files)
		}
	}
}
