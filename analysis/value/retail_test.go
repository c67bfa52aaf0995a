package value

import (
	"context"
	"encoding/csv"
	"io"
	"math"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/pulpero/pulpero/sample/publicdata"
)

// loadRetail reads Online Retail (UCI, 541,909 invoice lines of a UK online
// shop, 2010-12-01 to 2011-12-09): Amount = Quantity × UnitPrice, negative
// for the cancellations ("C" invoices); lines without CustomerID get -1.
func loadRetail(tb testing.TB) (Purchases, int) {
	tb.Helper()
	path := publicdata.Gunzipped(tb, publicdata.OnlineRetail, tb.TempDir())
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil {
		tb.Fatal(err)
	}
	var p Purchases
	custs := map[string]int32{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		q, err1 := strconv.ParseFloat(rec[3], 64)
		price, err2 := strconv.ParseFloat(rec[5], 64)
		at, err3 := time.Parse("2006-01-02 15:04:05", rec[4])
		if err1 != nil || err2 != nil || err3 != nil {
			tb.Fatalf("line %v", rec)
		}
		c := int32(-1)
		if rec[6] != "" {
			k, ok := custs[rec[6]]
			if !ok {
				k = int32(len(custs))
				custs[rec[6]] = k
			}
			c = k
		}
		p.Customer = append(p.Customer, c)
		p.Day = append(p.Day, int32(at.Unix()/86400))
		p.Amount = append(p.Amount, q*price)
	}
	return p, len(custs)
}

// A smoke test on real data with returns and anonymous lines: the whole
// road runs, counts what it leaves out, and predicts the four-month holdout
// roughly (no published figures exist for this split; the bounds are loose
// sanity limits, not an oracle).
func TestOnlineRetail(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 541,909 lines")
	}
	p, n := loadRetail(t)
	ctx := context.Background()
	v, err := Validate(ctx, p, n, ValidateOptions{Unit: Weeks})
	if err != nil {
		t.Fatal(err)
	}
	// The calibration period shows no dropout: a → 0, b → ∞ at the
	// maximum. The fit must say so and still give usable r, α.
	t.Logf("calibration fit: %+v", v.Model.Fit)
	if v.Model.Fit.Warning != KindAtBoundary {
		t.Errorf("calibration fit warning %q", v.Model.Fit.Warning)
	}
	for _, e := range v.Model.Fit.Estimates {
		if (e.Name == "r" || e.Name == "alpha") != e.Identified {
			t.Errorf("%+v", e)
		}
	}
	c := v.Counts
	if c.UnknownCustomerLines == 0 || c.ReturnOnlyDays == 0 || c.Modelled == 0 || c.NewAfterCalibration == 0 {
		t.Errorf("counts %+v", c)
	}
	if math.Abs(v.TotalErrorPct) > 30 || !v.CorrelationDefined || v.Correlation < 0.5 {
		t.Errorf("holdout: error %.1f%%, correlation %.3f", v.TotalErrorPct, v.Correlation)
	}
	s, err := Summarise(p, n, v.HoldoutEnd, Weeks)
	if err != nil {
		t.Fatal(err)
	}
	m, err := FitBGNBD(ctx, s, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	g, err := FitGammaGamma(ctx, s, FitOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pr, err := Predict(ctx, s, m, &g, DefaultPredictOptions())
	if err != nil {
		t.Fatal(err)
	}
	for i := range pr.CLV {
		if !finite(pr.CLV[i]) || pr.CLV[i] < 0 || !(pr.PAlive[i] >= 0 && pr.PAlive[i] <= 1) {
			t.Fatalf("customer %d: P(alive) %v, CLV %v", i, pr.PAlive[i], pr.CLV[i])
		}
	}
	t.Logf("calibration end %s: error %.1f%%, correlation %.3f; BG/NBD %+v; Gamma-Gamma %+v (excluded %d, corr %.3f)",
		dayString(v.CalibrationEnd), v.TotalErrorPct, v.Correlation, m.BGNBDParams, g.GammaGammaParams, g.Excluded, g.FrequencySpendCorrelation)
}
