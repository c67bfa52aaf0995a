package store_test

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
)

// writeSample generates a world of n customers into path.
func writeSample(tb testing.TB, path string, n int, seed uint64, progress io.Writer) {
	tb.Helper()
	ctx := context.Background()
	w, err := store.CreateSampleDB(ctx, path, true)
	if err != nil {
		tb.Fatal(err)
	}
	if err := sample.Generate(ctx, w, sample.Options{Customers: n, Seed: seed, Progress: sample.TextBar(progress)}); err != nil {
		w.Abort()
		tb.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		tb.Fatal(err)
	}
}

func fileHash(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

func TestSampleDBSameSeedSameBytes(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db"), filepath.Join(dir, "c.db")
	writeSample(t, a, 1000, 1, nil)
	writeSample(t, b, 1000, 1, nil)
	writeSample(t, c, 1000, 2, nil)
	if fileHash(t, a) != fileHash(t, b) {
		t.Fatal("the same seed gave different database bytes")
	}
	if fileHash(t, a) == fileHash(t, c) {
		t.Fatal("seeds 1 and 2 gave the same database")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
}

// TestSampleProperties checks the documented properties of a 3,000-customer
// world with SQL over the generated file, independently of the generator.
func TestSampleProperties(t *testing.T) {
	path := filepath.Join(t.TempDir(), "world.db")
	writeSample(t, path, 3000, 1, nil)
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, c := range []struct {
		name string
		f    func(*testing.T, *sql.DB)
	}{
		{"generation shares", generationShares},
		{"income rises with band", incomeRisesWithBand},
		{"digital reach falls with age", digitalReachFallsWithAge},
		{"treated respond more than control", treatedRespondMore},
		{"seasonality and week", seasonalityAndWeek},
		{"households and children", householdsAndChildren},
		{"foreign keys resolve", foreignKeysResolve},
	} {
		t.Run(c.name, func(t *testing.T) { c.f(t, db) })
	}
	v, ok, err := store.ReadMeta(context.Background(), path, sample.MetaVersionKey)
	if err != nil || !ok || v != sample.Version {
		t.Fatalf("ReadMeta = %q, %v, %v; want %q", v, ok, err, sample.Version)
	}
	if _, ok, err = store.ReadMeta(context.Background(), path, "no such key"); err != nil || ok {
		t.Fatalf("missing key: ok=%v err=%v", ok, err)
	}
}

// query returns the first column of each row as float64, keyed by a label
// in column 0.
func grouped(t *testing.T, db *sql.DB, q string) (keys []string, vals []float64) {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var v float64
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatal(err)
		}
		keys, vals = append(keys, k), append(vals, v)
	}
	return keys, vals
}

func scalar(t *testing.T, db *sql.DB, q string) float64 {
	t.Helper()
	var v float64
	if err := db.QueryRow(q).Scan(&v); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return v
}

// strictlyFalling checks that vals decrease along keys.
func strictlyFalling(t *testing.T, what string, keys []string, vals []float64) {
	t.Helper()
	t.Logf("%s: %v %v", what, keys, vals)
	for i := 1; i < len(vals); i++ {
		if vals[i] >= vals[i-1] {
			t.Errorf("%s: %s (%.3f) not below %s (%.3f)", what, keys[i], vals[i], keys[i-1], vals[i-1])
		}
	}
}

func generationShares(t *testing.T, db *sql.DB) {
	keys, vals := grouped(t, db, `SELECT CASE
		WHEN birth_date < '1965' THEN '1 boomers' WHEN birth_date < '1979' THEN '2 gen X'
		WHEN birth_date < '1997' THEN '3 millennials' ELSE '4 centennials' END AS g,
		COUNT(*) * 1.0 / (SELECT COUNT(*) FROM customers) FROM customers GROUP BY g ORDER BY g`)
	want := []float64{0.245, 0.275, 0.305, 0.175} // documented in sample/doc.go
	if len(vals) != len(want) {
		t.Fatalf("generations %v", keys)
	}
	for i := range want {
		if d := vals[i] - want[i]; d > 0.03 || d < -0.03 {
			t.Errorf("%s: share %.3f, documented %.3f", keys[i], vals[i], want[i])
		}
	}
	if n := scalar(t, db, `SELECT COUNT(*) FROM customers WHERE birth_date > '2007-12-31' OR birth_date < '1930'`); n != 0 {
		t.Errorf("%v customers are minors or implausibly old", n)
	}
}

func incomeRisesWithBand(t *testing.T, db *sql.DB) {
	keys, vals := grouped(t, db, `SELECT n.socioeconomic_band, AVG(c.monthly_income) FROM customers c
		JOIN neighbourhoods n USING (neighbourhood_id) GROUP BY 1 ORDER BY 1`)
	if strings.Join(keys, "") != "ABCDE" {
		t.Fatalf("bands %v", keys)
	}
	strictlyFalling(t, "mean monthly income by band A→E", keys, vals)
	// Log-normal: the mean well above the median.
	mean := scalar(t, db, `SELECT AVG(monthly_income) FROM customers`)
	median := scalar(t, db, `SELECT monthly_income FROM customers WHERE monthly_income IS NOT NULL
		ORDER BY monthly_income LIMIT 1 OFFSET (SELECT COUNT(monthly_income) / 2 FROM customers)`)
	if mean < median*1.05 {
		t.Errorf("income mean %.0f vs median %.0f: not right-skewed", mean, median)
	}
}

func digitalReachFallsWithAge(t *testing.T, db *sql.DB) {
	ageBand := `CASE WHEN birth_date > '1991-12-31' THEN '18-34' WHEN birth_date > '1976-12-31' THEN '35-49'
		WHEN birth_date > '1961-12-31' THEN '50-64' WHEN birth_date > '1946-12-31' THEN '65-79' ELSE '80+' END`
	// Reachable by e-mail: a well-formed address, consent, no bounce, not unsubscribed.
	keys, vals := grouped(t, db, `SELECT `+ageBand+` AS a, AVG(consent_email = 1 AND email_bounced = 0
		AND unsubscribed = 0 AND email LIKE '%_@_%._%' AND email NOT LIKE '%@@%' AND email NOT LIKE '% %'
		AND email NOT LIKE '%..%') FROM customers GROUP BY a ORDER BY a`)
	strictlyFalling(t, "share reachable by e-mail by age", keys, vals)
	keys, vals = grouped(t, db, `SELECT `+ageBand+` AS a, AVG(has_smartphone) FROM customers GROUP BY a ORDER BY a`)
	strictlyFalling(t, "smartphone share by age", keys, vals)
	// Some addresses are missing or malformed, as in a real customer file.
	if n := scalar(t, db, `SELECT COUNT(*) FROM customers WHERE email IS NULL`); n == 0 {
		t.Error("no customer without e-mail")
	}
	if n := scalar(t, db, `SELECT COUNT(*) FROM customers WHERE email LIKE '%@@%' OR email = 'no-email'
		OR email LIKE '% %'`); n == 0 {
		t.Error("no malformed e-mail")
	}
}

func treatedRespondMore(t *testing.T, db *sql.DB) {
	treated := scalar(t, db, `SELECT AVG(responded) FROM campaign_contacts WHERE control_group = 0`)
	control := scalar(t, db, `SELECT AVG(responded) FROM campaign_contacts WHERE control_group = 1`)
	t.Logf("response: treated %.3f, control %.3f", treated, control)
	if treated < control+0.02 {
		t.Errorf("treated response %.3f not clearly above control %.3f", treated, control)
	}
	if n := scalar(t, db, `SELECT COUNT(*) FROM campaign_contacts cc JOIN campaigns c USING (campaign_id)
		JOIN customers u USING (customer_id) WHERE u.signup_date >= c.campaign_date`); n != 0 {
		t.Errorf("%v contacts precede the customer's sign-up", n)
	}
}

func seasonalityAndWeek(t *testing.T, db *sql.DB) {
	dec := scalar(t, db, `SELECT COUNT(*) FROM invoices WHERE substr(invoice_datetime, 6, 2) = '12'`)
	aug := scalar(t, db, `SELECT COUNT(*) FROM invoices WHERE substr(invoice_datetime, 6, 2) = '08'`)
	if dec < 1.6*aug {
		t.Errorf("December %v invoices vs August %v: no Christmas peak or summer dip", dec, aug)
	}
	sat := scalar(t, db, `SELECT COUNT(*) FROM invoices WHERE channel = 'store' AND strftime('%w', invoice_datetime) = '6'`)
	sun := scalar(t, db, `SELECT COUNT(*) FROM invoices WHERE channel = 'store' AND strftime('%w', invoice_datetime) = '0'`)
	if sat < 2*sun {
		t.Errorf("store invoices: Saturday %v vs Sunday %v", sat, sun)
	}
}

func householdsAndChildren(t *testing.T, db *sql.DB) {
	shared := scalar(t, db, `SELECT COUNT(*) FROM (SELECT household_id FROM customers GROUP BY 1 HAVING COUNT(*) > 1)`)
	if shared < 100 {
		t.Errorf("only %v shared households in 3,000 customers", shared)
	}
	if n := scalar(t, db, `SELECT COUNT(*) FROM (SELECT household_id FROM customers GROUP BY 1
		HAVING COUNT(DISTINCT address) > 1 OR COUNT(DISTINCT neighbourhood_id) > 1)`); n != 0 {
		t.Errorf("%v households live at several addresses", n)
	}
	keys, vals := grouped(t, db, `SELECT marital_status, AVG(children) FROM customers
		WHERE marital_status IN ('married', 'single') GROUP BY 1 ORDER BY 1`)
	strictlyFalling(t, "children: married vs single", keys, vals)
	keys, vals = grouped(t, db, `SELECT CASE WHEN birth_date < '1981-01-01' THEN 'a 45+' ELSE 'b <45' END AS a,
		AVG(children) FROM customers GROUP BY a ORDER BY a`)
	strictlyFalling(t, "children: 45+ vs under 45", keys, vals)
}

func foreignKeysResolve(t *testing.T, db *sql.DB) {
	rows, err := db.Query(`PRAGMA foreign_key_check`)
	if err != nil {
		t.Fatal(err)
	}
	if rows.Next() {
		t.Error("PRAGMA foreign_key_check reports violations")
	}
	rows.Close()
	for _, tbl := range sample.Tables() {
		for _, c := range tbl.ForeignKeys() {
			ref, refCol, _ := strings.Cut(strings.TrimSuffix(c.References, ")"), "(")
			q := fmt.Sprintf(`SELECT COUNT(*) FROM %s x LEFT JOIN %s r ON r.%s = x.%s WHERE r.%s IS NULL`,
				tbl.Name, ref, refCol, c.Name, refCol)
			if n := scalar(t, db, q); n != 0 {
				t.Errorf("%s.%s: %v rows point nowhere", tbl.Name, c.Name, n)
			}
		}
	}
	// The declared keys are what tells pulpero that customers is the hub.
	if n := scalar(t, db, `SELECT COUNT(*) FROM pragma_foreign_key_list('invoices') WHERE "table" = 'customers'`); n != 1 {
		t.Errorf("invoices declares %v foreign keys to customers", n)
	}
	for _, tbl := range []string{"customers", "invoices", "invoice_lines", "touchpoints", "campaign_contacts"} {
		if n := scalar(t, db, `SELECT COUNT(*) FROM `+tbl); n == 0 {
			t.Errorf("%s is empty", tbl)
		}
	}
	if n := scalar(t, db, `SELECT COUNT(*) FROM pragma_index_list('invoice_lines')`); n < 2 {
		t.Errorf("invoice_lines has %v indexes, want one per foreign key", n)
	}
}

func TestReadMetaWithoutMetaTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plain.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE t (x)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, ok, err := store.ReadMeta(context.Background(), path, sample.MetaVersionKey); ok || err != nil {
		t.Fatalf("ok=%v err=%v, want not found and no error", ok, err)
	}
}

var tinyTable = model.TableSchema{Name: "t", Columns: []model.ColumnSchema{
	{Name: "id", SQLType: "INTEGER", PrimaryKey: true}, {Name: "v", SQLType: "TEXT"}}}

func TestSampleWriterRefusesExistingFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.db")
	os.WriteFile(path, []byte("keep me"), 0o644)
	_, err := store.CreateSampleDB(context.Background(), path, false)
	if err == nil || !strings.Contains(err.Error(), "--force") || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v, want a refusal naming the file and --force", err)
	}
	// With replace the new database takes the old file's place.
	w, err := store.CreateSampleDB(context.Background(), path, true)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.CreateTable(tinyTable); err != nil {
		t.Fatal(err)
	}
	for i := range 250 { // more than one multi-row batch plus a tail
		if err := w.Insert("t", []any{int64(i), strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	db, _ := sql.Open("sqlite", path)
	defer db.Close()
	if n := scalar(t, db, `SELECT COUNT(*) FROM t`); n != 250 {
		t.Fatalf("%v rows, want 250", n)
	}
	assertOnlyFiles(t, dir, "x.db")
}

func TestSampleWriterDoesNotClobberFileCreatedMeanwhile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.db")
	w, err := store.CreateSampleDB(context.Background(), path, false)
	if err != nil {
		t.Fatal(err)
	}
	w.CreateTable(tinyTable)
	os.WriteFile(path, []byte("someone else's"), 0o644)
	if err := w.Commit(); err == nil || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("Commit err = %v, want a refusal", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "someone else's" {
		t.Fatal("the file created meanwhile was overwritten")
	}
	assertOnlyFiles(t, dir, "x.db")
}

func TestSampleWriterAbortLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	w, err := store.CreateSampleDB(context.Background(), filepath.Join(dir, "x.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	w.CreateTable(tinyTable)
	w.Insert("t", []any{int64(1), "a"})
	w.Abort()
	w.Abort() // twice is harmless
	assertOnlyFiles(t, dir)
	if err := w.Insert("t", []any{int64(2), "b"}); err == nil {
		t.Fatal("Insert after Abort succeeded")
	}
}

func TestSampleWriterReportsBadRows(t *testing.T) {
	dir := t.TempDir()
	w, err := store.CreateSampleDB(context.Background(), filepath.Join(dir, "x.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	w.CreateTable(tinyTable)
	if err := w.Insert("nope", []any{int64(1)}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Fatalf("unknown table: err = %v", err)
	}
	if err := w.Commit(); err == nil {
		t.Fatal("Commit after a failed Insert succeeded")
	}
	assertOnlyFiles(t, dir)
}

func assertOnlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("files in dir: %v, want %v", got, want)
	}
}

// BenchmarkSampleDemo writes the default demo world (20,000 customers, seed 1),
// what `pulpero` with no argument generates on first run.
func BenchmarkSampleDemo(b *testing.B) { benchSample(b, sample.DefaultCustomers) }

// BenchmarkSampleMillion writes 1,000,000 customers (~10M invoice lines, a
// 1.4 GB file). It takes minutes, so it runs only with PULPERO_BENCH_LARGE=1:
//
//	PULPERO_BENCH_LARGE=1 go test ./store/ -run '^$' -bench SampleMillion -benchtime 1x
func BenchmarkSampleMillion(b *testing.B) {
	if os.Getenv("PULPERO_BENCH_LARGE") == "" {
		b.Skip("set PULPERO_BENCH_LARGE=1 to write 1,000,000 customers")
	}
	benchSample(b, 1_000_000)
}

func benchSample(b *testing.B, n int) {
	path := filepath.Join(b.TempDir(), "bench.db")
	for b.Loop() {
		writeSample(b, path, n, 1, nil)
	}
	if st, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(st.Size())/1e6, "file-MB")
	}
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
}

// peakRSSMB reads the process's high-water resident set size (VmHWM).
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}
