package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis/value"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/model/campaign"
)

// order is one line of a hand-made shop: customer, day offset from
// 2024-01-01, amount (negative: a return).
type order struct {
	cust, day int
	amount    float64
}

// valueShop writes a shop of customers 1..n and their orders (one flat
// table, negative amounts are returns) and loads it lean.
func valueShop(t *testing.T, n int, orders []order) *Session {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	tx, _ := w.Begin()
	exec := func(q string, args ...any) {
		if _, err := tx.Exec(q, args...); err != nil {
			t.Fatalf("%v: %s", err, q)
		}
	}
	exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, city TEXT)`)
	exec(`CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(customer_id), order_date TEXT, amount REAL)`)
	for c := 1; c <= n; c++ {
		exec(`INSERT INTO customers VALUES (?,?,?)`, c, fmt.Sprintf("Customer %d", c), "Lima")
	}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, o := range orders {
		exec(`INSERT INTO orders VALUES (?,?,?,?)`, i+1, o.cust, base.AddDate(0, 0, o.day).Format(time.DateOnly), o.amount)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	db, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	s, err := db.Load(context.Background(), LoadRequest{AsOf: valueToday, Attributes: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// noNaN fails when a value column, the report or its JSON holds a value
// that is not a number.
func noNaN(t *testing.T, s *Session, v *Value) {
	t.Helper()
	for _, c := range v.Columns {
		nc := c.(*model.NumberColumn)
		for i, x := range nc.Values {
			if !nc.IsNull(i) && (math.IsNaN(x) || math.IsInf(x, 0)) {
				t.Fatalf("%s[%d] = %v", nc.Name, i, x)
			}
		}
	}
	if _, err := json.Marshal(s.ValueReport(v, 5)); err != nil { // JSON refuses NaN and Inf
		t.Fatal(err)
	}
}

// TestValueBadInput: data the models cannot use gives the sentence of its
// kind (what is missing, what to do), never NaN.
func TestValueBadInput(t *testing.T) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(5, 6))
	var once, sameDay, negative []order
	for c := 1; c <= 40; c++ {
		once = append(once, order{c, r.IntN(300), 10 + float64(r.IntN(90))})
		sameDay = append(sameDay, order{c, 0, 20}, order{c, 0, 30})
	}
	// purchase days drawn from the BG/NBD process, every repeat day a net
	// return (a sale of 10 and a return of 50)
	start := dayOf(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	sim, err := value.Simulate(value.SimulateOptions{Customers: 300, Seed: 7, Unit: value.Weeks,
		Model:    value.BGNBDParams{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426},
		FirstDay: start, AcquisitionDays: 90, LastDay: start + 500})
	if err != nil {
		t.Fatal(err)
	}
	firstOf := map[int32]bool{}
	for i, c := range sim.Customer {
		d := int(sim.Day[i] - start)
		if !firstOf[c] {
			firstOf[c] = true
			negative = append(negative, order{int(c) + 1, d, 100})
			continue
		}
		negative = append(negative, order{int(c) + 1, d, 10}, order{int(c) + 1, d, -50})
	}
	for _, c := range []struct {
		name   string
		orders []order
		kind   value.Kind
	}{
		{"no repeat purchases", once, value.KindTooFewRepeatBuyers},
		{"one purchase date", sameDay, value.KindSinglePurchaseDate},
	} {
		s := valueShop(t, 40, c.orders)
		v, err := s.ComputeValue(ctx, ValueOptions{Validate: true})
		if err != nil || value.KindOf(v.Err) != c.kind {
			t.Fatalf("%s: %v %v, want %s", c.name, err, v.Err, c.kind)
		}
		if !strings.Contains(ValueMessage(v.Err), c.kind.Message()) || v.Columns != nil {
			t.Errorf("%s: message %q, columns %v", c.name, ValueMessage(v.Err), v.Columns)
		}
		noNaN(t, s, v)
	}

	// repeat days that are net returns: no spend model, so no expected
	// value nor clv (NULL, with the reason in the note), but P(alive)
	s := valueShop(t, 300, negative)
	v, err := s.ComputeValue(ctx, ValueOptions{})
	if err != nil || v.Err != nil {
		t.Fatal(err, v.Err)
	}
	if value.KindOf(v.SpendErr) != value.KindNoPositiveSpend || v.Spend != nil {
		t.Fatalf("spend: %v", v.SpendErr)
	}
	pa, clv := v.Columns[0].(*model.NumberColumn), v.Columns[3].(*model.NumberColumn)
	if pa.Nulls.Count() != 0 || clv.Nulls.Count() != 300 || !strings.Contains(clv.Note, value.MsgNoPositiveSpend) {
		t.Errorf("p_alive nulls %d, clv nulls %d, note %q", pa.Nulls.Count(), clv.Nulls.Count(), clv.Note)
	}
	if c := v.Summary.Counts; c.NonPositiveMean != c.RepeatBuyers || c.RepeatBuyers < 50 {
		t.Errorf("%d repeat buyers with a non-positive mean, want all %d", c.NonPositiveMean, c.RepeatBuyers)
	}
	noNaN(t, s, v)
	if err := s.EnsureValue(ctx, nil, campaign.Request{ValueFrom: "clv"}, nil); err == nil || !strings.Contains(err.Error(), value.MsgNoPositiveSpend) {
		t.Errorf("a campaign valued by clv without a spend model: %v", err)
	}

	// options the models cannot use are refused before any reading
	for _, c := range []struct {
		o    ValueOptions
		kind value.Kind
	}{
		{ValueOptions{HorizonDays: -1}, value.KindBadHorizon},
		{ValueOptions{DiscountRate: 1.5, DiscountPeriodDays: 30}, value.KindBadDiscount},
		{ValueOptions{DiscountRate: 0.01, DiscountPeriodDays: -3}, value.KindBadDiscount},
	} {
		v, err := s.ComputeValue(ctx, c.o)
		if err != nil || value.KindOf(v.Err) != c.kind || v.Took.Read != 0 {
			t.Errorf("%+v: %v %v (read %v), want %s", c.o, err, v.Err, v.Took.Read, c.kind)
		}
	}
	if _, err := ParseHorizon("0"); err == nil {
		t.Error("a horizon of 0 days was accepted")
	}
}

// TestValueValidationBadCalibration: a calibration end after the data,
// or on its last day (nothing after it to compare with), is the
// validation's error; the predictions stand.
func TestValueValidationBadCalibration(t *testing.T) {
	_, db := valueDemo(t, 1200, 15)
	s, err := db.Load(context.Background(), LoadRequest{AsOf: valueToday, Attributes: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		end  time.Time
		kind value.Kind
	}{
		{time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), value.KindCalibrationOutside},
		{time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), value.KindCalibrationOutside},
		{time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC), value.KindNoHoldout},
	} {
		v, err := s.ComputeValue(context.Background(), ValueOptions{Validate: true, CalibrationEnd: c.end})
		if err != nil || v.Err != nil || value.KindOf(v.ValidationErr) != c.kind || v.Validation != nil {
			t.Errorf("calibration end %s: %v %v validation %v, want %s", c.end.Format(time.DateOnly), err, v.Err, v.ValidationErr, c.kind)
			continue
		}
		noNaN(t, s, v)
	}
}

// TestValueNoPurchaseTable: customers without any purchase table.
func TestValueNoPurchaseTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "people.db")
	w, _ := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if _, err := w.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, city TEXT); INSERT INTO customers VALUES (1, 'A', 'Lima'), (2, 'B', 'Cusco')`); err != nil {
		t.Fatal(err)
	}
	w.Close()
	db, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Load(context.Background(), LoadRequest{AsOf: valueToday, Attributes: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	v, err := s.ComputeValue(context.Background(), ValueOptions{})
	if err != nil || v.Err == nil || !strings.Contains(ValueMessage(v.Err), "no table holds purchases") {
		t.Fatalf("%v %v", err, v.Err)
	}
	if _, err := db.Load(context.Background(), LoadRequest{AsOf: valueToday, Attributes: []string{"clv"}}); err == nil ||
		!strings.Contains(err.Error(), "clv needs the customer-value models") {
		t.Errorf("a rule on clv without purchases: %v", err)
	}
}

// TestParseDiscountAndHorizon: the forms the command line and the screen
// accept, and what they refuse.
func TestParseDiscountAndHorizon(t *testing.T) {
	for in, want := range map[string][2]float64{"0.01/month": {0.01, 30}, "1%/month": {0.01, 30}, "0.1/year": {0.1, 365},
		"0.002/week": {0.002, 7}, "0.01/30d": {0.01, 30}, "0": {0, 30}, "0.05": {0.05, 30}} {
		r, p, err := ParseDiscount(in)
		if err != nil || math.Abs(r-want[0]) > 1e-15 || p != int(want[1]) {
			t.Errorf("%q: %v per %d days, %v; want %v", in, r, p, err, want)
		}
	}
	for _, bad := range []string{"", "x", "1.5/month", "-0.1", "0.01/fortnight", "0.01/0d"} {
		if _, _, err := ParseDiscount(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	for in, want := range map[string]int{"180": 180, "180d": 180, "26w": 182, "6m": 180, "1y": 365} {
		if got, err := ParseHorizon(in); err != nil || got != want {
			t.Errorf("horizon %q: %d %v, want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"0", "-3", "0d", "x", ""} {
		if _, err := ParseHorizon(bad); err == nil {
			t.Errorf("horizon %q accepted", bad)
		}
	}
}

// TestParseDiscountAndHorizonInSpanish: a Spanish user types the units in
// Spanish (26s, 6 meses, 1a, 180 días) and the rate with a decimal comma
// and a space before % (0,01/mes, 10 %/año, 1 % cada 30 días), as the
// Spanish prompts show them.
func TestParseDiscountAndHorizonInSpanish(t *testing.T) {
	for in, want := range map[string]int{"26s": 182, "26 sem": 182, "26 semanas": 182, "1 semana": 7, "6 meses": 180,
		"1 mes": 30, "1a": 365, "1 año": 365, "2 años": 730, "180 días": 180, "1 día": 1, "90 dias": 90, "26 weeks": 182} {
		if got, err := ParseHorizon(in); err != nil || got != want {
			t.Errorf("horizon %q: %d %v, want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"26 quincenas", "1,5a", "s", "a", "0 meses", "6 mesesx"} {
		if _, err := ParseHorizon(bad); err == nil {
			t.Errorf("horizon %q accepted", bad)
		}
	}
	for in, want := range map[string][2]float64{"0,01/mes": {0.01, 30}, "10 %/año": {0.1, 365}, "10%/a": {0.1, 365},
		"0,002/semana": {0.002, 7}, "0,002/sem": {0.002, 7}, "0,002/s": {0.002, 7}, "0,01/30 días": {0.01, 30},
		"1 % cada 30 días": {0.01, 30}, "1,5 %/meses": {0.015, 30}, "0,0001/día": {0.0001, 1}, "0,05": {0.05, 30},
		"0,01/2 semanas": {0.01, 14}} {
		r, p, err := ParseDiscount(in)
		if err != nil || math.Abs(r-want[0]) > 1e-15 || p != int(want[1]) {
			t.Errorf("%q: %v per %d days, %v; want %v", in, r, p, err, want)
		}
	}
	for _, bad := range []string{"1,5/mes", "0,01/quincena", "0,01/0 días", "0,01/", "0,01 cada"} {
		if _, _, err := ParseDiscount(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
