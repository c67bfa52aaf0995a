package cli

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
)

func rfmWorld(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := app.GenerateSample(context.Background(), path, sample.Options{Customers: 1200, Seed: 8}, false); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestRFMCommandAgainstSQL: the per-customer file's recency, frequency
// and monetary value equal SQL's GROUP BY over the same file (money to
// the cent); the JSON's bin and segment counts equal the file's.
func TestRFMCommandAgainstSQL(t *testing.T) {
	db := rfmWorld(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "rfm.csv")
	code, stdout, stderr := runCLI(t, "rfm", db, "--data-dir", dir, "--format", "json", "--customers", out)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep app.RFMReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(app.RFMCustomersHeader, ",") || len(rows)-1 != rep.Scored {
		t.Fatalf("header %v, %d rows for %d scored", rows[0], len(rows)-1, rep.Scored)
	}
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: db, RawQuery: "mode=ro"}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	type want struct {
		recency, frequency int
		monetary           float64
	}
	sqlRows, err := w.Query(`WITH l AS (SELECT h.customer_id AS c, h.invoice_id AS inv,
			CAST(julianday(substr(h.invoice_datetime, 1, 10)) - 2440587.5 AS INTEGER) AS day,
			CASE WHEN l.quantity * l.unit_price > 0 THEN l.quantity * l.unit_price ELSE 0 END AS sale,
			CASE WHEN l.returned_quantity * l.unit_price > 0 THEN l.returned_quantity * l.unit_price ELSE 0 END AS ret
			FROM invoice_lines l JOIN invoices h ON h.invoice_id = l.invoice_id),
		a AS (SELECT max(day) + 1 AS a FROM l)
		SELECT c, (SELECT a FROM a) - max(CASE WHEN sale > 0 THEN day END), count(DISTINCT CASE WHEN sale > 0 THEN inv END),
			sum(sale) - sum(ret), (SELECT date(a * 86400, 'unixepoch') FROM a)
		FROM l GROUP BY c HAVING count(DISTINCT CASE WHEN sale > 0 THEN inv END) > 0`)
	if err != nil {
		t.Fatal(err)
	}
	wants := map[string]want{}
	asOf := ""
	for sqlRows.Next() {
		var c int64
		var x want
		if err := sqlRows.Scan(&c, &x.recency, &x.frequency, &x.monetary, &asOf); err != nil {
			t.Fatal(err)
		}
		wants[strconv.FormatInt(c, 10)] = x
	}
	sqlRows.Close()
	if len(wants) != rep.Scored || rep.AnalysisDate != asOf {
		t.Fatalf("SQL: %d customers with purchases as of %s; rfm: %d as of %s", len(wants), asOf, rep.Scored, rep.AnalysisDate)
	}
	segs, bins := map[string]int{}, map[string]int{}
	for _, r := range rows[1:] {
		x, ok := wants[r[0]]
		rec, _ := strconv.Atoi(r[2])
		freq, _ := strconv.Atoi(r[3])
		mon, _ := strconv.ParseFloat(r[4], 64)
		if !ok || r[1] != asOf || rec != x.recency || freq != x.frequency || math.Abs(mon-x.monetary) > 0.005 {
			t.Fatalf("customer %s: %v, SQL says %+v as of %s", r[0], r, x, asOf)
		}
		segs[r[9]]++
		bins["r"+r[5]]++
		bins["f"+r[6]]++
		bins["m"+r[7]]++
	}
	for _, s := range rep.Segments {
		if segs[s.Name] != s.Customers {
			t.Errorf("segment %s: %d in the report, %d in the file", s.Name, s.Customers, segs[s.Name])
		}
	}
	for _, b := range rep.Bins {
		k := strconv.Itoa(b.Score)
		if bins["r"+k] != b.Recency || bins["f"+k] != b.Frequency || bins["m"+k] != b.Monetary {
			t.Errorf("score %d: report %+v, file r%d f%d m%d", b.Score, b, bins["r"+k], bins["f"+k], bins["m"+k])
		}
	}
	// text and csv say the same analysis date
	for _, format := range []string{"text", "csv"} {
		code, stdout, stderr := runCLI(t, "rfm", db, "--data-dir", dir, "--format", format)
		if code != exitOK || !strings.Contains(stdout, asOf) {
			t.Errorf("--format %s: exit %d, no analysis date %s in\n%s%s", format, code, asOf, stdout, stderr)
		}
	}
	// the file is not replaced without --force
	if code, _, stderr := runCLI(t, "rfm", db, "--data-dir", dir, "--customers", out); code == exitOK || !strings.Contains(stderr, "--force") {
		t.Errorf("an existing file was replaced: exit %d %s", code, stderr)
	}
}

// TestRFMFreezeAndSet: freeze saves a version that later runs use; --set
// corrects a purchase role the names did not give.
func TestRFMFreezeAndSet(t *testing.T) {
	db := rfmWorld(t)
	dir := t.TempDir()
	if code, stdout, stderr := runCLI(t, "rfm", "freeze", db, "q1", "--data-dir", dir); code != exitOK || !strings.Contains(stdout, `"q1" version 1`) {
		t.Fatalf("freeze: %d %s %s", code, stdout, stderr)
	}
	code, stdout, _ := runCLI(t, "rfm", db, "--data-dir", dir, "--as-of", "2025-07-01")
	if code != exitOK || !strings.Contains(stdout, `frozen "q1" version 1`) || !strings.Contains(stdout, "analysis date 2025-07-01 (set)") {
		t.Errorf("after freezing:\n%s", stdout)
	}
	if code, stdout, _ := runCLI(t, "rfm", "frozen", db, "--data-dir", dir); code != exitOK || !strings.Contains(stdout, "q1") {
		t.Errorf("frozen list: %s", stdout)
	}
	if code, stdout, _ := runCLI(t, "rfm", db, "--data-dir", dir, "--unfrozen"); code != exitOK || !strings.Contains(stdout, "follow the data") {
		t.Errorf("--unfrozen:\n%s", stdout)
	}

	// two date columns no name tells apart
	shop := filepath.Join(t.TempDir(), "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: shop}).String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`CREATE TABLE clientes (id_cliente INTEGER PRIMARY KEY, zona TEXT);
		CREATE TABLE ventas (id INTEGER PRIMARY KEY, id_cliente INTEGER REFERENCES clientes(id_cliente), importe REAL, cuando TEXT, entrega TEXT);
		INSERT INTO clientes VALUES (1, 'norte'), (2, 'sur');
		INSERT INTO ventas VALUES (1, 1, 10.5, '2024-03-01', '2024-03-09'), (2, 2, 20, '2024-03-05', '2024-03-09'), (3, 1, 5, '2024-04-01', '2024-04-09')`); err != nil {
		t.Fatal(err)
	}
	w.Close()
	code, _, stderr := runCLI(t, "rfm", shop, "--data-dir", dir)
	if code != exitFail || !strings.Contains(stderr, `"ventas"`) || !strings.Contains(stderr, "purchase_date") {
		t.Fatalf("without a date: exit %d %s", code, stderr)
	}
	code, stdout, stderr = runCLI(t, "rfm", shop, "--data-dir", dir, "--set", "purchase_date=ventas.cuando", "--format", "json")
	if code != exitOK {
		t.Fatalf("with --set: exit %d %s", code, stderr)
	}
	var rep app.RFMReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.AnalysisDate != "2024-04-02" || rep.Scored != 2 || rep.Lines.Purchases != 3 {
		t.Errorf("analysis %s, scored %d, purchases %d", rep.AnalysisDate, rep.Scored, rep.Lines.Purchases)
	}
	for _, bad := range [][]string{{"rfm", shop, "--set", "nonsense=ventas.cuando"}, {"rfm", shop, "--format", "xml"},
		{"rfm", shop, "--as-of", "yesterday"}, {"rfm", "freeze", shop}} {
		if code, _, _ := runCLI(t, append(bad, "--data-dir", dir)...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", bad, code, exitUsage)
		}
	}
}
