package store

import (
	"io"
	"os"
	"strconv"
	"testing"
)

// BenchmarkWriteList writes every customer of PULPERO_CAMPAIGN_DB (e.g. a
// `pulpero sample --customers 1000000` file) as a post list to io.Discard:
// the personal fields read in rowid batches and the CSV written.
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
	rows, err := d.sql.Query("SELECT rowid, customer_id FROM customers ORDER BY rowid")
	if err != nil {
		b.Fatal(err)
	}
	for rows.Next() {
		var id, cid int64
		rows.Scan(&id, &cid)
		items = append(items, ListItem{RowID: id, CustomerID: strconv.FormatInt(cid, 10), Channel: "post",
			Segment: "all", Group: "target", Prob: 0.05, Expected: 2})
	}
	rows.Close()
	cols := ListColumns{Name: "name", Contact: map[string]string{"post": "address"}}
	b.ResetTimer()
	for b.Loop() {
		w, _ := NewListWriter(io.Discard, ListFormat{})
		n, _, err := d.WriteList(b.Context(), "customers", cols, items, w, func(ListItem, string) {}, nil)
		if err != nil || n < len(items)*9/10 {
			b.Fatalf("wrote %d of %d: %v", n, len(items), err)
		}
	}
	b.ReportMetric(float64(len(items)), "rows")
}
