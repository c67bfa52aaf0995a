package app

import (
	"context"
	"database/sql"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/sample/publicdata"
	"github.com/pulpero/pulpero/store"
)

// retailLines is Online Retail's lines view for the oracle: quantity ×
// unit price; a negative value, or a line of a cancellation invoice
// ("C536379"), is a return of its absolute value; lines without a
// CustomerID belong to nobody.
const retailLines = `SELECT CAST(CustomerID AS TEXT) AS c, InvoiceNo AS inv,
	CAST(julianday(substr(InvoiceDate, 1, 10)) - 2440587.5 AS INTEGER) AS day, NULL AS ch, NULL AS cat,
	CASE WHEN InvoiceNo GLOB 'C[0-9]*' THEN 0 WHEN Quantity * UnitPrice > 0 THEN Quantity * UnitPrice ELSE 0 END AS sale,
	CASE WHEN InvoiceNo GLOB 'C[0-9]*' THEN abs(Quantity * UnitPrice) WHEN Quantity * UnitPrice < 0 THEN -Quantity * UnitPrice ELSE 0 END AS ret
	FROM online_retail`

// importRetail imports Online Retail (UCI, 541,909 lines) as a user
// would, with pulpero's importer.
func importRetail(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "online_retail.csv")
	if err := os.Rename(publicdata.Gunzipped(t, publicdata.OnlineRetail, dir), csvPath); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "retail.db")
	if _, err := ImportCSV(context.Background(), path, csvPath, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestOnlineRetailTransactionsOnly: shape 3. The file is transactions,
// not customers: the customers are the 4,372 distinct CustomerIDs (not
// the 541,909 lines), the 135,080 lines without one are counted with
// their share of sales, Country becomes a customer attribute, and every
// behaviour attribute equals SQL's GROUP BY over the imported table.
func TestOnlineRetailTransactionsOnly(t *testing.T) {
	path := importRetail(t)
	s := loadSession(t, path, BehaviourOptions{})
	b := s.Behaviour
	if s.Data.Rows() != 4372 || b.Transactions == nil || b.Transactions.Customers != 4372 {
		t.Fatalf("%d customers (transactions %+v), want the 4,372 distinct CustomerIDs", s.Data.Rows(), b.Transactions)
	}
	db := openRO(t, path)
	var without int
	var salesWithout, sales float64
	if err := db.QueryRow(`SELECT sum(CustomerID IS NULL),
		sum(CASE WHEN CustomerID IS NULL AND Quantity * UnitPrice > 0 AND InvoiceNo NOT GLOB 'C[0-9]*' THEN Quantity * UnitPrice ELSE 0 END),
		sum(CASE WHEN Quantity * UnitPrice > 0 AND InvoiceNo NOT GLOB 'C[0-9]*' THEN Quantity * UnitPrice ELSE 0 END) FROM online_retail`).Scan(&without, &salesWithout, &sales); err != nil {
		t.Fatal(err)
	}
	sm := b.Summary
	if sm.LinesWithoutCustomer != without || without != 135080 || math.Abs(sm.SalesWithoutCustomer-salesWithout) > 0.005 ||
		math.Abs(sm.ShareWithoutCustomer-salesWithout/sales) > 1e-9 {
		t.Errorf("without customer: %d lines, %.2f of sales (%.4f); SQL: %d, %.2f (%.4f)", sm.LinesWithoutCustomer,
			sm.SalesWithoutCustomer, sm.ShareWithoutCustomer, without, salesWithout, salesWithout/sales)
	}
	var last int32
	if err := db.QueryRow(`SELECT CAST(julianday(substr(max(InvoiceDate), 1, 10)) - 2440587.5 AS INTEGER) FROM online_retail`).Scan(&last); err != nil {
		t.Fatal(err)
	}
	if b.AnalysisDay != last+1 || b.AnalysisDate.Format("2006-01-02") != "2011-12-10" {
		t.Errorf("analysis date %v, want 2011-12-10", b.AnalysisDate)
	}
	compareBehaviour(t, s.Data, oracleLines(t, db, retailLines, b.AnalysisDay), b.AnalysisDay, nil, false)
	checkCountry(t, s, db)
	// nobody can be contacted: the file has no contact columns
	for _, ch := range s.Reach.Channels {
		if n := ch.Reachable.Count(); n != 0 {
			t.Errorf("%d customers reachable by %v from a transactions file", n, ch.Channel)
		}
	}
	cancelled := 0
	for _, p := range b.Problems {
		if p.Key == store.FindCancellation {
			cancelled = p.Count
		}
	}
	var wantCancelled int
	db.QueryRow(`SELECT count(*) FROM online_retail WHERE InvoiceNo GLOB 'C[0-9]*'`).Scan(&wantCancelled)
	if cancelled != wantCancelled || b.ReturnRule() != "negative_values" {
		t.Errorf("cancellation lines %d, SQL %d; rule %s", cancelled, wantCancelled, b.ReturnRule())
	}
}

// checkCountry: each customer's Country is the most frequent of its lines
// (a few customers appear under two).
func checkCountry(t *testing.T, s *Session, db *sql.DB) {
	t.Helper()
	c, ok := s.Data.Column("Country").(*model.CodedColumn)
	if !ok {
		t.Fatalf("no Country attribute in %v", s.Data.Names())
	}
	want := map[string]string{}
	queryRows(t, db, `SELECT CAST(CustomerID AS TEXT), Country, count(*) AS n, min(rowid) AS first FROM online_retail
		WHERE CustomerID IS NOT NULL GROUP BY CustomerID, Country ORDER BY CustomerID, n DESC, first`, func(r *sql.Rows) error {
		var id, country string
		var n, first int
		if err := r.Scan(&id, &country, &n, &first); err != nil {
			return err
		}
		if _, ok := want[id]; !ok {
			want[id] = country
		}
		return nil
	})
	key := keyOf(t, s.Data)
	for i := range c.Codes {
		if got, _ := c.Value(i); got != want[key(i)] {
			t.Fatalf("customer %s Country %q, SQL's most frequent %q", key(i), got, want[key(i)])
		}
	}
}

// TestWhitespaceTransactions: a whitespace file of `customer date quantity
// amount` (the CDNOW layout) is transactions too.
func TestWhitespaceTransactions(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "cdnow.txt")
	lines := "customer date quantity amount\n" +
		"00001 19970101 1 11.77\n00002 19970112 1 12.00\n00002 19970112 5 77.00\n00003 19970102 2 20.76\n" +
		"00003 19970330 2 20.76\n00003 19970402 2 19.54\n00003 19971115 5 57.45\n00003 19971125 4 20.96\n" +
		"00003 19980528 1 16.99\n00004 19970101 2 29.33\n00004 19970118 2 29.73\n00004 19970802 1 14.96\n" +
		"00004 19971212 2 26.48\n00005 19970101 2 29.33\n00005 19970114 1 13.97\n00005 19970204 3 38.90\n" +
		"00005 19970411 3 45.55\n00005 19970531 3 38.71\n00005 19970616 2 26.14\n00005 19970722 2 28.14\n" +
		"00005 19970915 3 40.47\n00005 19971208 4 46.46\n00005 19971212 3 40.47\n00005 19980103 3 37.47\n" +
		"00005 19980616 -1 -14.99\n"
	if err := os.WriteFile(txt, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "cdnow.db")
	if _, err := ImportCSV(context.Background(), path, txt, ImportOptions{Delimiter: SpaceRuns}); err != nil {
		t.Fatal(err)
	}
	s := loadSession(t, path, BehaviourOptions{})
	b := s.Behaviour
	if s.Data.Rows() != 5 || b.Transactions == nil {
		t.Fatalf("%d customers, want 5", s.Data.Rows())
	}
	db := openRO(t, path)
	var table string
	if err := db.QueryRow(`SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'pulpero%'`).Scan(&table); err != nil {
		t.Fatal(err)
	}
	view := `SELECT CAST(customer AS TEXT) AS c, rowid AS inv,
		CAST(julianday(date) - 2440587.5 AS INTEGER) AS day, -- the importer writes yyyymmdd as ISO dates
		NULL AS ch, NULL AS cat, CASE WHEN amount > 0 THEN amount ELSE 0 END AS sale,
		CASE WHEN amount < 0 THEN -amount ELSE 0 END AS ret FROM "` + table + `"`
	if b.AnalysisDate.Format("2006-01-02") != "1998-06-17" {
		t.Errorf("analysis date %v", b.AnalysisDate)
	}
	compareBehaviour(t, s.Data, oracleLines(t, db, view, b.AnalysisDay), b.AnalysisDay, nil, false)
}
