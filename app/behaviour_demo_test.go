package app

import (
	"context"
	"database/sql"
	"math"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/analysis/behaviour"
	"github.com/pulpero/pulpero/analysis/rfm"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/sample"
)

// demoLines is the demo world's lines view for the oracle: invoice lines
// joined to their invoice and product, values as quantity × unit price,
// returns as returned quantity × unit price.
const demoLines = `SELECT CAST(h.customer_id AS TEXT) AS c, l.invoice_id AS inv,
	CAST(julianday(substr(h.invoice_datetime, 1, 10)) - 2440587.5 AS INTEGER) AS day,
	h.channel AS ch, p.category AS cat,
	CASE WHEN l.quantity * l.unit_price > 0 THEN l.quantity * l.unit_price ELSE 0 END AS sale,
	CASE WHEN l.returned_quantity * l.unit_price > 0 THEN l.returned_quantity * l.unit_price ELSE 0 END AS ret
	FROM invoice_lines l JOIN invoices h ON h.invoice_id = l.invoice_id LEFT JOIN products p ON p.product_id = l.product_id`

const demoTouches = `SELECT CAST(customer_id AS TEXT) AS c, CAST(julianday(touch_date) - 2440587.5 AS INTEGER) AS day,
	kind, sentiment FROM touchpoints`

// demoToday is the tests' clock: after the demo's history (which ends on
// 2025-12-31), so the data is historical.
var demoToday = time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)

func demoWorld(t testing.TB, n int, seed uint64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := GenerateSample(context.Background(), path, sample.Options{Customers: n, Seed: seed}, false); err != nil {
		t.Fatal(err)
	}
	return path
}

func loadSession(t testing.TB, path string, o BehaviourOptions) *Session {
	t.Helper()
	db, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := db.Load(context.Background(), LoadRequest{AsOf: demoToday, Behaviour: o})
	if err != nil {
		t.Fatal(err)
	}
	if s.Behaviour.Err != nil {
		t.Fatalf("behaviour: %v", s.Behaviour.Err)
	}
	return s
}

// TestDemoBehaviourEqualsSQL compares every behaviour attribute of every
// customer of the demo world with SQL's GROUP BY over the same file, read
// in chunks of a few hundred customers and in one piece.
func TestDemoBehaviourEqualsSQL(t *testing.T) {
	path := demoWorld(t, 2500, 3)
	db := openRO(t, path)
	var lastDay int32
	if err := db.QueryRow(`SELECT CAST(julianday(substr(max(invoice_datetime), 1, 10)) - 2440587.5 AS INTEGER) FROM invoices`).Scan(&lastDay); err != nil {
		t.Fatal(err)
	}
	var cats []string
	queryRows(t, db, `SELECT category FROM products ORDER BY rowid`, func(r *sql.Rows) error {
		var c string
		if err := r.Scan(&c); err != nil {
			return err
		}
		if !slices.Contains(cats, c) {
			cats = append(cats, c)
		}
		return nil
	})
	for _, chunk := range []int{0, 1500} {
		testChunkLines = chunk
		s := loadSession(t, path, BehaviourOptions{})
		testChunkLines = 0
		b := s.Behaviour
		if b.AnalysisDay != lastDay+1 {
			t.Fatalf("analysis day %d, want the day after the last invoice %d", b.AnalysisDay, lastDay+1)
		}
		want := oracleLines(t, db, demoLines, b.AnalysisDay)
		oracleTouches(t, db, want, demoLines, demoTouches, b.AnalysisDay)
		compareBehaviour(t, s.Data, want, b.AnalysisDay, cats, true)
		if len(b.Problems) != 0 {
			t.Errorf("the demo world has no bad data, yet: %+v", b.Problems)
		}
		if !b.AgesAsOf.Equal(b.AnalysisDate) {
			t.Errorf("ages as of %v, want the analysis date %v (the data is historical)", b.AgesAsOf, b.AnalysisDate)
		}
		checkRFM(t, s)
	}
}

// checkRFM checks the scores against R's rule written out here: edges are
// the type 7 quantiles (R's quantile.default, Hyndman & Fan 1996) of the
// scored customers' measures plus 1, a score is 1 + the edges ≤ the value
// (recency reversed), and each customer is in the first segment whose
// ranges hold its scores; and that the segment rules select the same
// customers as rfm_segment.
func checkRFM(t *testing.T, s *Session) {
	t.Helper()
	res := s.Behaviour.RFM
	if res == nil || res.Err != nil {
		t.Fatalf("rfm: %+v", res)
	}
	rec := s.Data.Column(behaviour.ColRecencyDays).(*model.NumberColumn)
	freq := s.Data.Column(behaviour.ColFrequency).(*model.NumberColumn)
	mon := s.Data.Column(behaviour.ColMonetary).(*model.NumberColumn)
	var rv, fv, mv []float64
	for i := range rec.Values {
		if !rec.IsNull(i) {
			rv, fv, mv = append(rv, rec.Values[i]), append(fv, freq.Values[i]), append(mv, mon.Values[i])
		}
	}
	edges := func(v []float64) []float64 {
		x := slices.Clone(v)
		slices.Sort(x)
		var out []float64
		for j := 1; j < 5; j++ {
			h := float64(len(x)-1) * float64(j) / 5
			lo := math.Floor(h)
			q := x[int(lo)]
			if h > lo {
				q += (h - lo) * (x[int(lo)+1] - x[int(lo)])
			}
			out = append(out, q+1)
		}
		return out
	}
	th := res.Thresholds
	for _, m := range []struct {
		name string
		got  []float64
		v    []float64
	}{{"recency", th.Recency.Edges, rv}, {"frequency", th.Frequency.Edges, fv}, {"monetary", th.Monetary.Edges, mv}} {
		w := edges(m.v)
		for j := range w {
			if math.Abs(w[j]-m.got[j]) > 1e-9*math.Max(1, math.Abs(w[j])) {
				t.Fatalf("%s edges %v, type 7 quantiles + 1 give %v", m.name, m.got, w)
			}
		}
	}
	score := func(e []float64, v float64) int {
		n := 1
		for _, x := range e {
			if x <= v {
				n++
			}
		}
		return n
	}
	rs := s.Data.Column(rfm.ColR).(*model.NumberColumn)
	seg := s.Data.Column(rfm.ColSegment).(*model.CodedColumn)
	table := rfm.DefaultTable()
	for i := range rec.Values {
		if rec.IsNull(i) {
			if !rs.IsNull(i) {
				t.Fatalf("customer %d without purchases has r_score %v", i, rs.Values[i])
			}
			continue
		}
		r := 6 - score(th.Recency.Edges, rec.Values[i])
		f, m := score(th.Frequency.Edges, freq.Values[i]), score(th.Monetary.Edges, mon.Values[i])
		if rs.Values[i] != float64(r) {
			t.Fatalf("customer %d r_score %v, want %d", i, rs.Values[i], r)
		}
		name := rfm.Others
		for _, rule := range table.Rules {
			if r >= rule.RMin && r <= rule.RMax && f >= rule.FMin && f <= rule.FMax && m >= rule.MMin && m <= rule.MMax {
				name = rule.Name
				break
			}
		}
		if got, _ := seg.Value(i); got != name {
			t.Fatalf("customer %d (R%d F%d M%d) in %q, want %q", i, r, f, m, got, name)
		}
	}
	ev := analysis.NewEvaluator(s.Data, s.AsOf, nil)
	for _, d := range res.Definitions {
		n, err := segment.Parse(d.Rule)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ev.Eval(n)
		if err != nil {
			t.Fatal(err)
		}
		code := seg.Code(d.Name)
		want := 0
		for _, c := range seg.Codes {
			if c == code {
				want++
			}
		}
		if got.True.Count() != want {
			t.Errorf("segment rule of %q selects %d customers, rfm_segment says %d", d.Name, got.True.Count(), want)
		}
	}
}
