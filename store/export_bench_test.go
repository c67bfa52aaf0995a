package store

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkWriteList writes a list of every customer of
// PULPERO_CAMPAIGN_DB (e.g. a `pulpero sample --customers 1000000` file) who
// consented to some channel, on the first such channel, into a real file
// (temporary file, fsync, rename): the name, contact and consent re-checks
// read in rowid batches, the CSV written. Each run checks that every item was
// written or skipped with a reason, and that the file holds the rows written.
func BenchmarkWriteList(b *testing.B) {
	path := os.Getenv("PULPERO_CAMPAIGN_DB")
	if path == "" {
		b.Skip("set PULPERO_CAMPAIGN_DB to a sample database")
	}
	d, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	var items []ListItem
	rows, err := d.sql.Query("SELECT rowid, customer_id, consent_email, consent_sms, consent_phone, consent_post FROM customers ORDER BY rowid")
	if err != nil {
		b.Fatal(err)
	}
	channels := []string{"email", "sms", "phone", "post"}
	for rows.Next() {
		var id, cid int64
		var consent [4]sql.NullInt64
		rows.Scan(&id, &cid, &consent[0], &consent[1], &consent[2], &consent[3])
		for k, c := range consent {
			if c.Int64 == 1 {
				items = append(items, ListItem{RowID: id, CustomerID: strconv.FormatInt(cid, 10), Channel: channels[k],
					Segment: "all", Group: "target", Prob: 0.05, Expected: 2})
				break
			}
		}
	}
	rows.Close()
	cols := ListColumns{Name: "name", Contact: map[string]string{"email": "email", "sms": "phone", "phone": "phone", "post": "address"},
		Postcode: "postcode", Checks: map[string]ReachCheck{}}
	for _, ch := range channels {
		cols.Checks[ch] = ReachCheck{Consent: "consent_" + ch, OptOut: []string{"unsubscribed"}}
	}
	cols.Checks["email"] = ReachCheck{Consent: "consent_email", OptOut: []string{"unsubscribed"}, Bounced: []string{"email_bounced"}}
	table, err := d.Table(b.Context(), "customers")
	if err != nil {
		b.Fatal(err)
	}
	if cols.Profiles, err = d.Profile(b.Context(), table, nil); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "list.csv")
	var written int
	for b.Loop() {
		f, err := CreateAtomic(out, true)
		if err != nil {
			b.Fatal(err)
		}
		w, _ := NewListWriter(f, ListFormat{})
		skipped := 0
		n, _, err := d.WriteList(b.Context(), "customers", cols, items, w, func(ListItem, string) { skipped++ }, nil)
		if err == nil {
			err = w.Flush()
		}
		if err == nil {
			err = f.Commit()
		}
		if err != nil || n+skipped != len(items) || n == 0 {
			b.Fatalf("wrote %d and skipped %d of %d: %v", n, skipped, len(items), err)
		}
		written = n
	}
	b.StopTimer()
	data, err := os.ReadFile(out)
	if err != nil || bytes.Count(data, []byte("\n")) != written+1 {
		b.Fatalf("the file holds %d lines for %d rows (%v)", bytes.Count(data, []byte("\n")), written, err)
	}
	b.ReportMetric(float64(written), "rows")
	b.ReportMetric(float64(len(data))/1e6, "MB")
}
