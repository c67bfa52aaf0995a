package app

import (
	"context"
	"database/sql"
	"math"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/analysis/value"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/sample"
)

// valueDemo generates a demo world of n customers and opens it.
func valueDemo(t testing.TB, n int, seed uint64) (string, *Database) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := GenerateSample(context.Background(), path, sample.Options{Customers: n, Seed: seed}, false); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return path, db
}

func valueSQL(t testing.TB, path string) *sql.DB {
	t.Helper()
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path, RawQuery: "mode=ro"}).String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// sqlSummary is the oracle: the BG/NBD summary per customer key computed
// by SQL over the same file, from days (a view of customer c, day, value
// v and sale flag) with calibration end d (a day number): purchase days
// are days with a sale on or before d; x is their number less one, t_x
// and T in weeks, the mean over the repeat days.
type sqlRow struct {
	x           int
	tx, T, mean float64
	first       int
}

func sqlSummary(t testing.TB, w *sql.DB, days string, d int) map[string]sqlRow {
	t.Helper()
	q := `WITH d AS (` + days + `), p AS (SELECT c, day, v FROM d WHERE sale AND day <= ?1),
		f AS (SELECT c, min(day) AS first FROM p GROUP BY c)
		SELECT p.c, count(*) - 1, max(day) - f.first, ?1 - f.first,
			coalesce((sum(v) - (SELECT v FROM p q WHERE q.c = p.c AND q.day = f.first)) / nullif(count(*) - 1, 0), 0), f.first
		FROM p JOIN f ON f.c = p.c GROUP BY p.c`
	rows, err := w.Query(q, d)
	if err != nil {
		t.Fatalf("%v\n%s", err, q)
	}
	defer rows.Close()
	out := map[string]sqlRow{}
	for rows.Next() {
		var c string
		var r sqlRow
		var tx, T int
		if err := rows.Scan(&c, &r.x, &tx, &T, &r.mean, &r.first); err != nil {
			t.Fatal(err)
		}
		r.tx, r.T = float64(tx)/7, float64(T)/7
		out[c] = r
	}
	return out
}

// demoDays is the demo world's purchase days: lines' sale (quantity ×
// unit price) and returned value (returned quantity × unit price) added
// up per customer and day; a day is a purchase day when a line has a sale.
const demoDays = `SELECT CAST(h.customer_id AS TEXT) AS c, CAST(julianday(substr(h.invoice_datetime, 1, 10)) - 2440587.5 AS INTEGER) AS day,
	sum(CASE WHEN l.quantity * l.unit_price > 0 THEN l.quantity * l.unit_price ELSE 0 END)
	- sum(CASE WHEN l.returned_quantity * l.unit_price > 0 THEN l.returned_quantity * l.unit_price ELSE 0 END) AS v,
	max(l.quantity * l.unit_price > 0) AS sale
	FROM invoice_lines l JOIN invoices h ON h.invoice_id = l.invoice_id
	WHERE l.quantity * l.unit_price > 0 OR l.returned_quantity * l.unit_price > 0
	GROUP BY 1, 2`

// TestValueDemoAgainstSQL: the summary every model reads (x, t_x, T, the
// mean repeat-day value) equals SQL's over the same file, customer by
// customer; the as-of day is the last purchase day; and each customer's
// four attributes equal analysis/value's one-customer formulas (P(alive),
// conditional expectation, Gamma-Gamma expected value, CLV) for the same
// summary and fitted parameters.
func TestValueDemoAgainstSQL(t *testing.T) {
	path, db := valueDemo(t, 2500, 11)
	s, err := db.Load(context.Background(), LoadRequest{AsOf: valueToday})
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.ComputeValue(context.Background(), ValueOptions{Validate: true, ParetoNBD: true})
	if err != nil || v.Err != nil {
		t.Fatal(err, v.Err)
	}
	if v.Pareto == nil || v.ParetoErr != nil {
		t.Errorf("Pareto/NBD: %v", v.ParetoErr)
	}
	w := valueSQL(t, path)
	var last int
	if err := w.QueryRow(`SELECT max(day) FROM (` + demoDays + `) WHERE sale`).Scan(&last); err != nil {
		t.Fatal(err)
	}
	if got := dayOf(v.AsOf); int(got) != last || v.AsOfSet {
		t.Fatalf("as of %s (set %v), want the last purchase day %s", v.AsOf, v.AsOfSet, dateOf(int32(last)))
	}
	want := sqlSummary(t, w, demoDays, last)
	checkSummary(t, s, v, want)
	checkPredictions(t, v)
	// the attributes reach the data, and segments read them
	s.AddValue(v)
	for _, name := range ValueAttributes {
		if c, ok := s.Data.Column(name).(*model.NumberColumn); !ok || !c.Derived {
			t.Fatalf("%s: not a derived number column of the session (%T)", name, s.Data.Column(name))
		}
	}
	if v.Validation == nil || v.ValidationErr != nil || len(v.Validation.ByRepeat) != 8 {
		t.Fatalf("validation %v: %v", v.Validation, v.ValidationErr)
	}
}

// checkSummary compares the summary with the SQL oracle, by customer key.
func checkSummary(t *testing.T, s *Session, v *Value, want map[string]sqlRow) {
	t.Helper()
	key := s.customerKey()
	sum := v.Summary
	seen := 0
	for i := range sum.Modelled {
		w, ok := want[key(i)]
		if !ok {
			if sum.Modelled[i] {
				t.Fatalf("customer %s modelled, SQL has no purchase for it", key(i))
			}
			continue
		}
		seen++
		if !sum.Modelled[i] || int(sum.X[i]) != w.x || math.Abs(sum.Tx[i]-w.tx) > 1e-9 || math.Abs(sum.T[i]-w.T) > 1e-9 ||
			math.Abs(sum.MeanValue[i]-w.mean) > 1e-6*max(1, math.Abs(w.mean)) || int(sum.First[i]) != w.first {
			t.Fatalf("customer %s: x %d t_x %v T %v mean %v first %d; SQL %+v", key(i), sum.X[i], sum.Tx[i], sum.T[i], sum.MeanValue[i], sum.First[i], w)
		}
	}
	if seen != len(want) || seen != sum.Counts.Modelled {
		t.Fatalf("SQL has %d customers with purchases, the session matched %d, the summary models %d", len(want), seen, sum.Counts.Modelled)
	}
}

// checkPredictions compares every customer's attributes with the
// one-customer formulas of analysis/value.
func checkPredictions(t *testing.T, v *Value) {
	t.Helper()
	m, g, sum, pr := v.BGNBD, v.Spend, v.Summary, v.Predictions
	if g == nil {
		t.Fatalf("no spend model: %v", v.SpendErr)
	}
	h := float64(v.HorizonDays) / 7
	po := value.PredictOptions{HorizonDays: v.HorizonDays, DiscountRate: v.DiscountRate, PeriodDays: v.DiscountPeriod}
	cols := map[string]*model.NumberColumn{}
	for _, c := range v.Columns {
		cols[c.Meta().Name] = c.(*model.NumberColumn)
	}
	for i, ok := range sum.Modelled {
		if !ok {
			for _, c := range cols {
				if !c.IsNull(i) {
					t.Fatalf("customer %d has no purchase but %s = %v", i, c.Name, c.Values[i])
				}
			}
			continue
		}
		x, tx, T := int(sum.X[i]), sum.Tx[i], sum.T[i]
		pa, _ := m.PAlive(x, tx, T)
		ex, _ := m.ExpectedPurchases(h, x, tx, T)
		ev, _ := g.ExpectedValue(x, sum.MeanValue[i])
		clv, _ := m.CLV(ev, x, tx, T, po)
		for _, c := range []struct {
			name      string
			got, want float64
		}{{ColPAlive, cols[ColPAlive].Values[i], pa}, {ColExpectedPurchases, cols[ColExpectedPurchases].Values[i], ex},
			{ColExpectedValue, cols[ColExpectedValue].Values[i], ev}, {ColCLV, cols[ColCLV].Values[i], clv},
			{"predictions", pr.CLV[i], clv}} {
			if math.Abs(c.got-c.want) > 1e-9*max(1, math.Abs(c.want)) || math.IsNaN(c.got) {
				t.Fatalf("customer %d (x %d, t_x %v, T %v): %s %v, analysis/value says %v", i, x, tx, T, c.name, c.got, c.want)
			}
		}
	}
}

// TestValueBandsAreTheirRules: each band's count is what its rule counts
// on the session's data (through the segment evaluator); the bands cover
// every modelled customer; the top customers are sorted by clv.
func TestValueBandsAreTheirRules(t *testing.T) {
	_, db := valueDemo(t, 1500, 12)
	s, err := db.Load(context.Background(), LoadRequest{AsOf: valueToday, Attributes: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.ComputeValue(context.Background(), ValueOptions{})
	if err != nil || v.Err != nil {
		t.Fatal(err, v.Err)
	}
	s.AddValue(v)
	r := s.ValueReport(v, 10)
	ev := analysis.NewEvaluator(s.Data, s.AsOf, nil)
	for _, bands := range [][]ValueBand{r.PAlive, r.CLV} {
		if len(bands) < 2 {
			t.Fatalf("bands %+v", bands)
		}
		total := 0
		for _, b := range bands {
			n, err := segment.Parse(b.Rule)
			if err != nil {
				t.Fatalf("%s: %v", b.Rule, err)
			}
			res, err := ev.Eval(n)
			if err != nil {
				t.Fatal(err)
			}
			if res.True.Count() != b.Customers {
				t.Errorf("band %s: %d customers, its rule %q counts %d", b.Label, b.Customers, b.Rule, res.True.Count())
			}
			total += b.Customers
		}
		if total != v.Summary.Counts.Modelled {
			t.Errorf("bands cover %d customers of %d modelled", total, v.Summary.Counts.Modelled)
		}
	}
	if len(r.Top) != 10 {
		t.Fatalf("%d top customers", len(r.Top))
	}
	for k := 1; k < len(r.Top); k++ {
		if r.Top[k].CLV > r.Top[k-1].CLV {
			t.Fatalf("top customers not sorted by clv: %+v", r.Top)
		}
	}
	if r.Top[0].CLV != maxOf(v.Predictions.CLV) {
		t.Errorf("top clv %v, the largest is %v", r.Top[0].CLV, maxOf(v.Predictions.CLV))
	}
}

func maxOf(x []float64) float64 {
	m := math.Inf(-1)
	for _, v := range x {
		m = max(m, v)
	}
	return m
}

// TestValueAsOfAfterData: an as-of day after the last purchase stretches
// T for every customer (observed longer without buying), which lowers
// P(alive) for the repeat buyers; before the first purchase it is refused
// with the calibration sentence.
func TestValueAsOfAfterData(t *testing.T) {
	path, db := valueDemo(t, 1200, 13)
	s, err := db.Load(context.Background(), LoadRequest{AsOf: valueToday, Attributes: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	asOf := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	v, err := s.ComputeValue(context.Background(), ValueOptions{AsOf: asOf})
	if err != nil || v.Err != nil {
		t.Fatal(err, v.Err)
	}
	if !v.AsOfSet || !v.AsOf.Equal(asOf) {
		t.Fatalf("as of %v set %v", v.AsOf, v.AsOfSet)
	}
	checkSummary(t, s, v, sqlSummary(t, valueSQL(t, path), demoDays, int(dayOf(asOf))))
	base, err := s.ComputeValue(context.Background(), ValueOptions{})
	if err != nil || base.Err != nil {
		t.Fatal(err, base.Err)
	}
	lower := 0
	for i, ok := range v.Summary.Modelled {
		if ok && v.Summary.X[i] > 0 && v.Predictions.PAlive[i] < base.Predictions.PAlive[i] {
			lower++
		}
	}
	if lower == 0 {
		t.Error("three more months without purchases lowered nobody's P(alive)")
	}
	early, err := s.ComputeValue(context.Background(), ValueOptions{AsOf: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil || value.KindOf(early.Err) != value.KindCalibrationOutside {
		t.Fatalf("as of 2020: %v %v", err, early.Err)
	}
}

// TestValueLoadForARule: a one-shot load for a rule naming clv computes
// customer value (and not behaviour), so the rule counts.
func TestValueLoadForARule(t *testing.T) {
	_, db := valueDemo(t, 1200, 14)
	s, err := db.Load(context.Background(), LoadRequest{AsOf: valueToday, Attributes: []string{"clv", "p_alive"}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Value == nil || s.Data.Column(ColCLV) == nil || s.Behaviour.Err == nil {
		t.Fatalf("value %v, clv %v, behaviour %v", s.Value, s.Data.Column(ColCLV), s.Behaviour.Err)
	}
	n, _ := segment.Parse("p_alive < 0.3 and clv >= 0")
	res, err := s.Evaluator(nil).Eval(n)
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for i, ok := range s.Value.Predictions.Modelled {
		if ok && s.Value.Predictions.PAlive[i] < 0.3 {
			want++
		}
	}
	if res.True.Count() != want {
		t.Errorf("rule counts %d, the predictions %d", res.True.Count(), want)
	}
}

// TestValueUnitInvariance: the models do not depend on the time unit.
// Fitted in days instead of weeks, maximum likelihood rescales α by 7 and
// keeps r, a and b (the likelihood is the same function of λ·t), so
// every prediction is the same up to the optimiser's tolerance.
func TestValueUnitInvariance(t *testing.T) {
	_, db := valueDemo(t, 2000, 17)
	s, err := db.Load(context.Background(), LoadRequest{AsOf: valueToday, Attributes: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.ComputeValue(context.Background(), ValueOptions{Unit: value.Weeks})
	if err != nil || w.Err != nil {
		t.Fatal(err, w.Err)
	}
	d, err := s.ComputeValue(context.Background(), ValueOptions{Unit: value.Days})
	if err != nil || d.Err != nil {
		t.Fatal(err, d.Err)
	}
	rel := func(a, b float64) float64 { return math.Abs(a-b) / max(math.Abs(b), 1e-12) }
	pw, pd := w.BGNBD.BGNBDParams, d.BGNBD.BGNBDParams
	if rel(pd.Alpha, 7*pw.Alpha) > 1e-3 || rel(pd.R, pw.R) > 1e-3 || rel(pd.A, pw.A) > 1e-2 || rel(pd.B, pw.B) > 1e-2 {
		t.Fatalf("weeks %+v, days %+v", pw, pd)
	}
	worst := 0.0
	for i, ok := range w.Predictions.Modelled {
		if ok {
			worst = max(worst, math.Abs(w.Predictions.PAlive[i]-d.Predictions.PAlive[i]), rel(d.Predictions.CLV[i], w.Predictions.CLV[i]))
		}
	}
	if worst > 1e-3 {
		t.Errorf("predictions differ by up to %v between weeks and days", worst)
	}
}
