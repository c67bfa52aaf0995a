package csvimport

import (
	"context"
	"encoding/csv"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/sample/publicdata"
	"github.com/pulpero/pulpero/store/parse"
)

// rawFile is an independent reading of a file with encoding/csv.
type rawFile struct {
	header []string
	rows   [][]string
}

func readRaw(t *testing.T, path string, comma rune) rawFile {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = comma
	var raw rawFile
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if raw.header == nil {
			raw.header = rec
			continue
		}
		raw.rows = append(raw.rows, rec)
	}
	return raw
}

// checkSums compares, for every numeric and boolean column, SQL's sum over
// the imported table with the sum of the raw values.
func checkSums(t *testing.T, db string, res *Result, raw rawFile) {
	t.Helper()
	for i, c := range res.Columns {
		if c.SQLType == "TEXT" {
			continue
		}
		var want float64
		for _, rec := range raw.rows {
			s := strings.TrimSpace(rec[i])
			if s == "" {
				continue
			}
			if v, err := strconv.ParseFloat(s, 64); err == nil {
				want += v
			} else if b, ok := parse.Bool(s); ok {
				if b {
					want++
				}
			} else {
				t.Fatalf("%s: raw value %q is neither a number nor yes/no", c.Name, s)
			}
		}
		got := rows(t, db, `SELECT total(`+quoteIdent(c.Name)+`) FROM `+quoteIdent(res.Table))[0][0].(float64)
		if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
			t.Errorf("%s: SQL sum %v, file sum %v", c.Name, got, want)
		} else {
			t.Logf("%s: sum %v", c.Name, got)
		}
	}
}

func wantKind(t *testing.T, res *Result, name, sqlType, kind string) {
	t.Helper()
	if c := summaryOf(t, res, name); c.SQLType != sqlType || c.Kind.String() != kind {
		t.Errorf("%s: %s %s, want %s %s", name, c.SQLType, c.Kind, sqlType, kind)
	}
}

func TestOnlineRetail(t *testing.T) {
	dir := t.TempDir()
	path := onlineRetailCSV(t, dir)
	db := filepath.Join(dir, "retail.db")
	res, err := Import(context.Background(), db, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw := readRaw(t, path, ',')
	if len(raw.rows) != 541909 || res.Rows != 541909 || res.Rejected != 0 {
		t.Fatalf("rows: file %d, imported %d, rejected %d", len(raw.rows), res.Rows, res.Rejected)
	}
	customers := map[string]bool{}
	noCustomer := 0
	for _, rec := range raw.rows {
		if rec[6] == "" {
			noCustomer++
		} else {
			customers[rec[6]] = true
		}
	}
	if len(customers) != 4372 || noCustomer != 135080 {
		t.Fatalf("raw file: %d customers, %d rows without", len(customers), noCustomer)
	}
	wantRows(t, db, `SELECT count(*), count(DISTINCT CustomerID), sum(CustomerID IS NULL), min(Quantity) < 0,
		sum(InvoiceDate GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]'),
		min(InvoiceDate), max(InvoiceDate) FROM online_retail_dataset`,
		[][]any{{int64(541909), int64(4372), int64(135080), int64(1), int64(541909), "2010-12-01 08:26:00", "2011-12-09 12:50:00"}})
	wantKind(t, res, "InvoiceDate", "TEXT", "datetime")
	wantKind(t, res, "CustomerID", "INTEGER", "identifier")
	wantKind(t, res, "Quantity", "INTEGER", "integer")
	wantKind(t, res, "UnitPrice", "REAL", "real")
	wantKind(t, res, "InvoiceNo", "TEXT", "text")
	wantKind(t, res, "Country", "TEXT", "categorical")
	if res.Key != "CustomerID" {
		t.Errorf("key %q", res.Key)
	}
	// Descriptions are stored trimmed, quotes unescaped.
	var trimmed, quoted int
	for _, rec := range raw.rows {
		if d := strings.TrimSpace(rec[2]); d != rec[2] {
			trimmed++
		}
		if strings.Contains(rec[2], `"`) {
			quoted++
		}
	}
	if trimmed == 0 || quoted == 0 {
		t.Fatalf("the raw file has %d untrimmed and %d quoted descriptions; the check below needs some", trimmed, quoted)
	}
	wantRows(t, db, `SELECT sum(Description <> trim(Description)), sum(instr(Description, '"') > 0) FROM online_retail_dataset`,
		[][]any{{int64(0), int64(quoted)}})
	checkSums(t, db, res, raw)
}

func TestBankMarketing(t *testing.T) {
	path := publicdata.Path(t, publicdata.BankMarketing)
	db := filepath.Join(t.TempDir(), "bank.db")
	res, err := Import(context.Background(), db, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw := readRaw(t, path, ';')
	if res.Dialect.Delimiter != ';' || !res.Dialect.Header || len(raw.rows) != 45211 || res.Rows != 45211 {
		t.Fatalf("dialect %+v, rows: file %d imported %d", res.Dialect, len(raw.rows), res.Rows)
	}
	for i, h := range raw.header {
		if res.Columns[i].Name != h {
			t.Errorf("column %d named %q, header says %q", i, res.Columns[i].Name, h)
		}
	}
	// The yes/no columns are stored as the file writes them ("yes"/"no"),
	// no longer as 0/1, so that WHERE y = 'yes' finds the subscribers; the
	// counts come from encoding/csv's reading of the file.
	for i, name := range raw.header {
		if name != "y" && name != "default" && name != "housing" && name != "loan" {
			continue
		}
		wantKind(t, res, name, "TEXT", "boolean")
		var yes int64
		for _, rec := range raw.rows {
			if rec[i] == "yes" {
				yes++
			}
		}
		if name == "y" && yes != 5289 { // bank-full.csv: 5,289 subscribed of 45,211 (39,922 did not)
			t.Fatalf("raw file: %d yes in y", yes)
		}
		wantRows(t, db, `SELECT count(*), sum(`+quoteIdent(name)+` = 'yes') FROM bank_full`, [][]any{{int64(45211), yes}})
	}
	wantKind(t, res, "balance", "INTEGER", "integer")
	wantKind(t, res, "age", "INTEGER", "integer")
	wantKind(t, res, "job", "TEXT", "categorical")
	checkSums(t, db, res, raw)
}

func TestMallCustomers(t *testing.T) {
	path := publicdata.Path(t, publicdata.MallCustomers)
	db := filepath.Join(t.TempDir(), "mall.db")
	res, err := Import(context.Background(), db, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	raw := readRaw(t, path, ',')
	if len(raw.rows) != 200 || res.Rows != 200 {
		t.Fatalf("rows: file %d imported %d", len(raw.rows), res.Rows)
	}
	// Zero-padded ids keep their zeros; the column is the key.
	wantKind(t, res, "CustomerID", "TEXT", "identifier")
	wantKind(t, res, "Genre", "TEXT", "categorical")
	wantKind(t, res, "Annual Income (k$)", "INTEGER", "integer")
	wantRows(t, db, `SELECT min(CustomerID), max(CustomerID) FROM mall_customers`, [][]any{{"0001", "0200"}})
	checkSums(t, db, res, raw)
}

func TestOnlineRetailGzipped(t *testing.T) {
	// The data set as it ships, gzipped, read directly; the oracle is
	// encoding/csv over publicdata's own gunzipped copy.
	gz := publicdata.Path(t, publicdata.OnlineRetail)
	dir := t.TempDir()
	raw := readRaw(t, onlineRetailCSV(t, dir), ',')
	db := filepath.Join(dir, "retail.db")
	res, err := Import(context.Background(), db, gz, Options{RecordSource: true})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Dialect.Gzip || res.Table != "online_retail_dataset" || res.Rows != int64(len(raw.rows)) || res.Rejected != 0 {
		t.Fatalf("gzip %v table %q rows %d (file %d) rejected %d", res.Dialect.Gzip, res.Table, res.Rows, len(raw.rows), res.Rejected)
	}
	customers := map[string]bool{}
	var quantity int64
	for _, rec := range raw.rows {
		if rec[6] != "" {
			customers[rec[6]] = true
		}
		q, err := strconv.ParseInt(rec[3], 10, 64)
		if err != nil {
			t.Fatalf("raw quantity %q", rec[3])
		}
		quantity += q
	}
	wantRows(t, db, `SELECT count(DISTINCT CustomerID), sum(Quantity) FROM online_retail_dataset`,
		[][]any{{int64(len(customers)), quantity}})
	if tbl, ok, err := SourceUnchanged(context.Background(), db, gz); err != nil || !ok || tbl != res.Table {
		t.Errorf("SourceUnchanged on the .gz: %q %v %v", tbl, ok, err)
	}
}
