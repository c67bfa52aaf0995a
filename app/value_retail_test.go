package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pulpero/pulpero/analysis/value"
	"github.com/pulpero/pulpero/sample/publicdata"
)

// retailDays is Online Retail's purchase days for the oracle: a line's
// value is Quantity × UnitPrice; a negative value, or any line of a
// cancellation invoice ("C536379"), is a return of its absolute value;
// lines without a CustomerID belong to nobody.
const retailDays = `SELECT CAST(CustomerID AS TEXT) AS c, CAST(julianday(substr(InvoiceDate, 1, 10)) - 2440587.5 AS INTEGER) AS day,
	sum(CASE WHEN InvoiceNo NOT GLOB 'C[0-9]*' AND Quantity * UnitPrice > 0 THEN Quantity * UnitPrice ELSE 0 END)
	- sum(CASE WHEN InvoiceNo GLOB 'C[0-9]*' OR Quantity * UnitPrice < 0 THEN abs(Quantity * UnitPrice) ELSE 0 END) AS v,
	max(InvoiceNo NOT GLOB 'C[0-9]*' AND Quantity * UnitPrice > 0) AS sale
	FROM online_retail WHERE CustomerID IS NOT NULL AND Quantity * UnitPrice != 0
	GROUP BY 1, 2`

// valueRetail imports Online Retail (UCI, 541,909 lines) with pulpero's
// importer, as a user would.
func valueRetail(t *testing.T) string {
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

// TestValueOnlineRetail: on a real shop (transactions only, returns as
// cancellations), the summary equals SQL's customer by customer, both
// models fit with every parameter identified, and the holdout validation
// is computed (the published analyses of this data set find BG/NBD
// tracks its repeat purchases within some tens of percent; the test asks
// only for finite figures and a positive correlation).
func TestValueOnlineRetail(t *testing.T) {
	path := valueRetail(t)
	db, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Load(context.Background(), LoadRequest{AsOf: valueToday})
	if err != nil {
		t.Fatal(err)
	}
	// Pareto/NBD is checked on the demo world (TestValueDemoAgainstSQL):
	// here its s runs to the boundary and the fit takes ~40 s
	v, err := s.ComputeValue(context.Background(), ValueOptions{Validate: true})
	if err != nil || v.Err != nil {
		t.Fatal(err, v.Err)
	}
	w := valueSQL(t, path)
	var last int
	if err := w.QueryRow(`SELECT max(day) FROM (` + retailDays + `) WHERE sale`).Scan(&last); err != nil {
		t.Fatal(err)
	}
	if int(dayOf(v.AsOf)) != last {
		t.Fatalf("as of %s, the last purchase day is %s", v.AsOf, dateOf(int32(last)))
	}
	checkSummary(t, s, v, sqlSummary(t, w, retailDays, last))
	checkPredictions(t, v)
	for _, f := range []value.FitInfo{v.BGNBD.Fit, v.Spend.Fit} {
		for _, e := range f.Estimates {
			if !e.Identified || !(e.SE > 0) {
				t.Errorf("%s = %v: SE %v identified %v", e.Name, e.Value, e.SE, e.Identified)
			}
		}
	}
	val := v.Validation
	if val == nil || !val.CorrelationDefined || !(val.Correlation > 0) || len(val.Tracking) < 10 {
		t.Fatalf("validation %+v: %v", val, v.ValidationErr)
	}
	t.Logf("BG/NBD %+v LL %.1f; Gamma-Gamma %+v; validation: error %.1f%%, correlation %.3f",
		v.BGNBD.BGNBDParams, v.BGNBD.Fit.LogLikelihood, v.Spend.GammaGammaParams, val.TotalErrorPct, val.Correlation)
}
