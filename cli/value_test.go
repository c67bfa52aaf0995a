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
	"time"

	"github.com/pulpero/pulpero/analysis/value"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/sample/publicdata"
)

// valueSummarySQL is the oracle of the per-customer summary: from a view
// of purchase days (customer c, day number, day value v net of returns,
// sale = the day has a sale line), the days with a sale on or before the
// calibration end ?1; x = their number − 1, t_x and T in weeks, the mean
// value of the repeat days (the first day left out).
const valueSummarySQL = `WITH d AS (%s), p AS (SELECT c, day, v FROM d WHERE sale AND day <= ?1),
	f AS (SELECT c, min(day) AS first FROM p GROUP BY c)
	SELECT p.c, count(*) - 1, (max(day) - f.first) / 7.0, (?1 - f.first) / 7.0,
		coalesce((sum(v) - (SELECT v FROM p q WHERE q.c = p.c AND q.day = f.first)) / nullif(count(*) - 1, 0), 0)
	FROM p JOIN f ON f.c = p.c GROUP BY p.c`

// The demo world's purchase days: a line's sale is quantity × unit price,
// its return returned quantity × unit price.
const valueDemoDays = `SELECT CAST(h.customer_id AS TEXT) AS c, CAST(julianday(substr(h.invoice_datetime, 1, 10)) - 2440587.5 AS INTEGER) AS day,
	sum(CASE WHEN l.quantity * l.unit_price > 0 THEN l.quantity * l.unit_price ELSE 0 END)
	- sum(CASE WHEN l.returned_quantity * l.unit_price > 0 THEN l.returned_quantity * l.unit_price ELSE 0 END) AS v,
	max(l.quantity * l.unit_price > 0) AS sale
	FROM invoice_lines l JOIN invoices h ON h.invoice_id = l.invoice_id
	WHERE l.quantity * l.unit_price > 0 OR l.returned_quantity * l.unit_price > 0 GROUP BY 1, 2`

// Online Retail's purchase days: Quantity × UnitPrice; a negative value or
// a cancellation invoice ("C536379") is a return of its absolute value.
const valueRetailDays = `SELECT CAST(CustomerID AS TEXT) AS c, CAST(julianday(substr(InvoiceDate, 1, 10)) - 2440587.5 AS INTEGER) AS day,
	sum(CASE WHEN InvoiceNo NOT GLOB 'C[0-9]*' AND Quantity * UnitPrice > 0 THEN Quantity * UnitPrice ELSE 0 END)
	- sum(CASE WHEN InvoiceNo GLOB 'C[0-9]*' OR Quantity * UnitPrice < 0 THEN abs(Quantity * UnitPrice) ELSE 0 END) AS v,
	max(InvoiceNo NOT GLOB 'C[0-9]*' AND Quantity * UnitPrice > 0) AS sale
	FROM online_retail WHERE CustomerID IS NOT NULL AND Quantity * UnitPrice != 0 GROUP BY 1, 2`

type valueRow struct {
	x           int
	tx, T, mean float64
}

// valueOracle runs the summary SQL over the file at calibration end d.
func valueOracle(t *testing.T, path, days string, d time.Time) map[string]valueRow {
	t.Helper()
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path, RawQuery: "mode=ro"}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	rows, err := w.Query(strings.Replace(valueSummarySQL, "%s", days, 1), d.Unix()/86400)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]valueRow{}
	for rows.Next() {
		var c string
		var r valueRow
		if err := rows.Scan(&c, &r.x, &r.tx, &r.T, &r.mean); err != nil {
			t.Fatal(err)
		}
		out[c] = r
	}
	return out
}

// runValueJSON runs `pulpero value DB --format json --customers F` and
// returns the report and the file's rows.
func runValueJSON(t *testing.T, db string, extra ...string) (app.ValueReport, [][]string) {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "value.csv")
	args := append([]string{"value", db, "--data-dir", dir, "--format", "json", "--customers", out}, extra...)
	code, stdout, stderr := runCLI(t, args...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep app.ValueReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(app.ValueCustomersHeader(rep.Unit), ",") {
		t.Fatalf("header %v", rows[0])
	}
	return rep, rows[1:]
}

// checkValueFile compares the file with the SQL summary, and each
// customer's predictions with analysis/value's one-customer formulas at
// the parameters the JSON reports (written in full, so they read back
// exactly).
func checkValueFile(t *testing.T, rep app.ValueReport, rows [][]string, want map[string]valueRow) {
	t.Helper()
	if len(rows) != len(want) || rep.Customers.Modelled != len(want) {
		t.Fatalf("%d rows, %d modelled, SQL %d customers with purchases", len(rows), rep.Customers.Modelled, len(want))
	}
	p := func(m *app.ModelFit, k int) float64 { return m.Params[k].Value }
	bg := value.BGNBDParams{R: p(rep.BGNBD, 0), Alpha: p(rep.BGNBD, 1), A: p(rep.BGNBD, 2), B: p(rep.BGNBD, 3)}
	gg := value.GammaGammaParams{P: p(&rep.GammaGamma.ModelFit, 0), Q: p(&rep.GammaGamma.ModelFit, 1), Gamma: p(&rep.GammaGamma.ModelFit, 2)}
	m := value.BGNBD{BGNBDParams: bg, Unit: value.Weeks}
	po := value.PredictOptions{HorizonDays: rep.HorizonDays, DiscountRate: rep.DiscountRate, PeriodDays: rep.DiscountDays}
	f := func(s string) float64 {
		if s == "" {
			return 0
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	close := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*max(1, math.Abs(b)) }
	for _, r := range rows {
		w, ok := want[r[0]]
		x, _ := strconv.Atoi(r[2])
		tx, T, mean := f(r[3]), f(r[4]), f(r[5])
		if !ok || x != w.x || !close(tx, w.tx) || !close(T, w.T) || math.Abs(mean-w.mean) > 1e-6*max(1, math.Abs(w.mean)) {
			t.Fatalf("customer %s: %v; SQL %+v", r[0], r, w)
		}
		pa, _ := bg.PAlive(x, tx, T)
		ex, _ := bg.ExpectedPurchases(float64(rep.HorizonDays)/7, x, tx, T)
		ev, _ := gg.ExpectedValue(x, mean)
		clv, _ := m.CLV(ev, x, tx, T, po)
		for k, want := range []float64{pa, ex, ev, clv} {
			if got := f(r[6+k]); !close(got, want) {
				t.Fatalf("customer %s: %s %v, analysis/value says %v", r[0], app.ValueAttributes[k], got, want)
			}
		}
	}
}

// TestValueCommandAgainstSQL: `pulpero value` on a demo world: the
// per-customer file's summary equals SQL's over the same file, its
// predictions equal analysis/value's formulas at the reported parameters,
// every JSON number is finite (JSON cannot hold NaN), and the validation
// is there with eight groups (0..7+).
func TestValueCommandAgainstSQL(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if err := app.GenerateSample(context.Background(), db, sample.Options{Customers: 2000, Seed: 9}, false); err != nil {
		t.Fatal(err)
	}
	rep, rows := runValueJSON(t, db, "--horizon", "26w", "--discount", "0.1/year")
	asOf, err := app.ParseDay(rep.AsOf)
	if err != nil || rep.AsOfSet || rep.HorizonDays != 182 || rep.DiscountRate != 0.1 || rep.DiscountDays != 365 {
		t.Fatalf("as of %q (%v), horizon %d, discount %v/%d", rep.AsOf, err, rep.HorizonDays, rep.DiscountRate, rep.DiscountDays)
	}
	checkValueFile(t, rep, rows, valueOracle(t, db, valueDemoDays, asOf))
	if v := rep.Validation; v == nil || len(v.ByRepeat) != 8 || !v.ByRepeat[7].AndMore || len(v.Tracking) < 20 {
		t.Fatalf("validation %+v: %s", v, rep.ValidErr)
	}
	// a later as-of day: every T grows by the gap
	later := asOf.AddDate(0, 1, 0)
	rep2, rows2 := runValueJSON(t, db, "--as-of", later.Format(time.DateOnly), "--no-validate")
	if !rep2.AsOfSet || rep2.Validation != nil {
		t.Fatalf("as of %s set %v", rep2.AsOf, rep2.AsOfSet)
	}
	checkValueFile(t, rep2, rows2, valueOracle(t, db, valueDemoDays, later))
	// text says the same and names the models
	code, stdout, stderr := runCLI(t, "value", db, "--data-dir", t.TempDir(), "--top", "3")
	for _, s := range []string{"BG/NBD", "Gamma-Gamma", "log-likelihood", "p_alive bands", "clv >= ", "validation:", "7+", rep.AsOf} {
		if code != exitOK || !strings.Contains(stdout, s) {
			t.Fatalf("text without %q: exit %d\n%s%s", s, code, stdout, stderr)
		}
	}
}

// TestValueCommandBadInput: what the command refuses, and how.
func TestValueCommandBadInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if err := app.GenerateSample(context.Background(), db, sample.Options{Customers: 300, Seed: 2}, false); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"--horizon", "0"}, exitUsage, "at least 1"},
		{[]string{"--discount", "1.5/month"}, exitUsage, value.MsgBadDiscount},
		{[]string{"--unit", "months"}, exitUsage, "weeks or days"},
		{[]string{"--as-of", "2001-01-01"}, exitFail, value.MsgCalibrationOutside},
		{[]string{"--format", "csv"}, exitUsage, "text or json"},
	} {
		code, _, stderr := runCLI(t, append([]string{"value", db, "--data-dir", dir}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.says) {
			t.Errorf("%v: exit %d, %q; want %d saying %q", c.args, code, stderr, c.code, c.says)
		}
	}
	out := filepath.Join(dir, "v.csv")
	if err := os.WriteFile(out, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "value", db, "--data-dir", dir, "--no-validate", "--customers", out); code == exitOK || !strings.Contains(stderr, "--force") {
		t.Errorf("an existing file was replaced: exit %d %s", code, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "keep" {
		t.Errorf("file changed: %q", b)
	}
}

// TestValueCommandOnlineRetail: Online Retail imported as a user would:
// the summary equals SQL's over the imported table and the predictions
// analysis/value's; returns (cancellations) net out of the day values.
func TestValueCommandOnlineRetail(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "online_retail.csv")
	if err := os.Rename(publicdata.Gunzipped(t, publicdata.OnlineRetail, dir), csvPath); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "retail.db")
	if _, err := app.ImportCSV(context.Background(), db, csvPath, app.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	rep, rows := runValueJSON(t, db)
	asOf, _ := app.ParseDay(rep.AsOf)
	if rep.AsOf != "2011-12-09" || rep.Lines.Lines != 541909 {
		t.Fatalf("as of %s, %d lines", rep.AsOf, rep.Lines.Lines)
	}
	checkValueFile(t, rep, rows, valueOracle(t, db, valueRetailDays, asOf))
	if v := rep.Validation; v == nil || v.Correlation == nil || *v.Correlation <= 0 {
		t.Fatalf("validation %+v: %s", v, rep.ValidErr)
	}
}
