package sample

import (
	"context"
	"errors"
	"math"
	"testing"
)

func generateMem(t *testing.T, n int, seed uint64) *memSink {
	t.Helper()
	m := newMemSink()
	if err := Generate(context.Background(), m, Options{Customers: n, Seed: seed}); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestGenerateSameSeedSameRows(t *testing.T) {
	sum := func(seed uint64) (string, int) {
		h := newHashSink()
		if err := Generate(context.Background(), h, Options{Customers: 500, Seed: seed}); err != nil {
			t.Fatal(err)
		}
		return h.sum(), h.rows
	}
	a, rows := sum(7)
	b, _ := sum(7)
	c, _ := sum(8)
	if a != b {
		t.Fatal("two runs with seed 7 wrote different rows")
	}
	if a == c {
		t.Fatal("seeds 7 and 8 wrote the same rows")
	}
	if rows < 500*15 {
		t.Fatalf("only %d rows for 500 customers", rows)
	}
}

func TestGenerateRejectsBadOptions(t *testing.T) {
	for _, n := range []int{0, -3, MaxCustomers + 1} {
		if err := Generate(context.Background(), newMemSink(), Options{Customers: n}); err == nil {
			t.Errorf("Customers=%d: no error", n)
		}
		if _, err := BuyerTypes(Options{Customers: n}); err == nil {
			t.Errorf("BuyerTypes Customers=%d: no error", n)
		}
	}
}

func TestGenerateStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := Generate(ctx, newMemSink(), Options{Customers: 2000, Seed: 1})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

func TestGenerateExactCustomerCountAndMeta(t *testing.T) {
	for _, n := range []int{1, 2, 3, 97} {
		m := generateMem(t, n, 3)
		rows := m.rows["customers"]
		if len(rows) != n {
			t.Fatalf("n=%d: %d customers", n, len(rows))
		}
		for i, r := range rows {
			if r[0] != int64(i+1) {
				t.Fatalf("n=%d: customer %d has id %v", n, i, r[0])
			}
		}
		if m.meta[MetaVersionKey] != Version {
			t.Fatalf("meta version = %q", m.meta[MetaVersionKey])
		}
	}
}

// The documented buyer type shares (doc.go) hold within 2.5 points.
func TestBuyerTypeShares(t *testing.T) {
	bt, err := BuyerTypes(Options{Customers: 20_000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[BuyerType]float64{FrequentValue: 0.40, Researcher: 0.205, LuxurySocial: 0.10, Traditional: 0.295}
	var count [numBuyerTypes]int
	for _, b := range bt {
		count[b]++
	}
	for b, w := range want {
		got := float64(count[b]) / float64(len(bt))
		if math.Abs(got-w) > 0.025 {
			t.Errorf("%s: share %.3f, documented %.2f", b, got, w)
		}
	}
}

// BuyerTypes agrees with the generator: the types leave the traces the doc
// promises, so an analysis can recover them.
func TestBuyerTypesLeaveTraces(t *testing.T) {
	const n = 3000
	m := generateMem(t, n, 1)
	bt, err := BuyerTypes(Options{Customers: n, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	type agg struct{ customers, invoices, online, lines, luxury, visits, social, calls float64 }
	var by [numBuyerTypes]agg
	for _, b := range bt {
		by[b].customers++
	}
	invCust := map[int64]BuyerType{}
	cCust, cChan := m.column("invoices", "customer_id"), m.column("invoices", "channel")
	for _, r := range m.rows["invoices"] {
		b := bt[r[cCust].(int64)-1]
		invCust[r[0].(int64)] = b
		by[b].invoices++
		if r[cChan] == "online" {
			by[b].online++
		}
	}
	luxury := map[int64]bool{}
	for _, r := range m.rows["products"] {
		luxury[r[0].(int64)] = r[m.column("products", "luxury")] == int64(1)
	}
	for _, r := range m.rows["invoice_lines"] {
		b := invCust[r[1].(int64)]
		by[b].lines++
		if luxury[r[2].(int64)] {
			by[b].luxury++
		}
	}
	kind := m.column("touchpoints", "kind")
	for _, r := range m.rows["touchpoints"] {
		b := bt[r[1].(int64)-1]
		switch r[kind] {
		case "web_visit":
			by[b].visits++
		case "social_mention", "review":
			by[b].social++
		case "call_centre":
			by[b].calls++
		}
	}
	per := func(b BuyerType, x float64) float64 { return x / by[b].customers }
	for b := range numBuyerTypes {
		a := by[b]
		t.Logf("%-14s invoices/cust %.1f online %.2f lines/inv %.1f luxury %.2f visits/cust %.1f social/cust %.1f calls/cust %.2f",
			b, per(b, a.invoices), a.online/a.invoices, a.lines/a.invoices, a.luxury/a.lines, per(b, a.visits), per(b, a.social), per(b, a.calls))
	}
	most := func(name string, f func(agg) float64, want BuyerType) {
		for b := range numBuyerTypes {
			if b != want && f(by[b]) >= f(by[want]) {
				t.Errorf("%s: %s (%.3f) not above %s (%.3f)", name, want, f(by[want]), b, f(by[b]))
			}
		}
	}
	most("invoices per customer", func(a agg) float64 { return a.invoices / a.customers }, FrequentValue)
	most("web visits per invoice", func(a agg) float64 { return a.visits / a.invoices }, Researcher)
	most("luxury share of lines", func(a agg) float64 { return a.luxury / a.lines }, LuxurySocial)
	most("social mentions and reviews per customer", func(a agg) float64 { return a.social / a.customers }, LuxurySocial)
	most("store share of invoices", func(a agg) float64 { return 1 - a.online/a.invoices }, Traditional)
	most("call centre contacts per customer", func(a agg) float64 { return a.calls / a.customers }, Traditional)
}

// Dates never fall outside the world's calendar: births make adults, sign-ups
// precede consents, purchases lie in the recorded history.
func TestDatesAreConsistent(t *testing.T) {
	m := generateMem(t, 2000, 5)
	birth, signup := m.column("customers", "birth_date"), m.column("customers", "signup_date")
	signups := map[int64]string{}
	for _, r := range m.rows["customers"] {
		b, s := r[birth].(string), r[signup].(string)
		if b > "2007-12-31" || b < "1930-01-01" {
			t.Fatalf("customer %v born %s", r[0], b)
		}
		if s < "2012-01-01" || s > "2025-12-31" {
			t.Fatalf("customer %v signed up %s", r[0], s)
		}
		for _, c := range []string{"consent_email_date", "consent_sms_date", "consent_phone_date", "consent_post_date"} {
			if d, ok := r[m.column("customers", c)].(string); ok && (d < s || d > "2025-12-31") {
				t.Fatalf("customer %v: %s %s outside [%s, 2025-12-31]", r[0], c, d, s)
			}
		}
		signups[r[0].(int64)] = s
	}
	for _, r := range m.rows["invoices"] {
		d := r[2].(string)
		if d < "2024-01-01" || d > "2025-12-31 23:59:59" || d[:10] < signups[r[1].(int64)] {
			t.Fatalf("invoice %v dated %s (signup %s)", r[0], d, signups[r[1].(int64)])
		}
	}
	for _, r := range m.rows["touchpoints"] {
		if d := r[2].(string); d < "2024-01-01" || d > "2025-12-31" || d < signups[r[1].(int64)] {
			t.Fatalf("touchpoint %v dated %s", r[0], d)
		}
	}
}
