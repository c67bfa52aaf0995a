package app

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/analysis/behaviour"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store"
)

// ordersShop writes shape 2: a customer table and one flat orders table
// (order id, customer id, date, total), with no declared keys, as CSV
// imports make them. Totals are written as shops write them, some as
// text; expected holds what each order's total means (NULL: no amount),
// the oracle's independent reading. The bad rows are counted in bad.
type ordersShop struct {
	path string
	bad  map[string]int // expected finding and problem counts
}

func writeOrdersShop(t *testing.T, customers int, shuffled bool) ordersShop {
	t.Helper()
	path := filepath.Join(t.TempDir(), "orders.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	tx, err := w.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Commit()
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := tx.Exec(q, args...); err != nil {
			t.Fatalf("%v: %s", err, q)
		}
	}
	exec(`CREATE TABLE clientes (id_cliente INTEGER PRIMARY KEY, nombre TEXT, fecha_alta TEXT, fecha_nacimiento TEXT)`)
	exec(`CREATE TABLE pedidos (pedido_id INTEGER, id_cliente INTEGER, fecha TEXT, importe)`)
	exec(`CREATE TABLE expected (pedido_id INTEGER PRIMARY KEY, amount REAL)`)
	r := rand.New(rand.NewPCG(21, 22))
	day := func(d time.Time) string { return d.Format(time.DateOnly) }
	base := time.Date(2013, 1, 1, 0, 0, 0, 0, time.UTC)
	type order struct {
		cust   any
		date   any
		total  any
		amount any
	}
	var orders []order
	signup := make([]time.Time, customers+1)
	for c := 1; c <= customers; c++ {
		signup[c] = base.AddDate(0, 0, r.IntN(300))
		exec(`INSERT INTO clientes VALUES (?,?,?,?)`, c, fmt.Sprintf("Cliente %d", c), day(signup[c]),
			day(time.Date(1900+r.IntN(90), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)))
		for range r.IntN(7) {
			cents := 100 + r.IntN(20000)
			v := float64(cents) / 100
			if r.IntN(12) == 0 {
				v = -v // a refund
			}
			orders = append(orders, order{int64(c), day(signup[c].AddDate(0, 0, r.IntN(400))), v, v})
		}
	}
	bad := map[string]int{}
	add := func(o order, keys ...string) {
		orders = append(orders, o)
		for _, k := range keys {
			bad[k]++
		}
	}
	// amounts as text: a currency sign, decimal commas, thousands points
	add(order{int64(1), "2013-11-02", "€12,50", 12.5}, store.FindValueText)
	add(order{int64(2), "2013-11-03", "1.234,56 €", 1234.56}, store.FindValueText)
	add(order{int64(3), "2013-11-04", "$7.25", 7.25}, store.FindValueText)
	add(order{int64(4), "2013-11-05", "abc", nil}, store.FindValueUnreadable, behaviour.SaleZero.Key())
	add(order{int64(5), "2013-11-06", nil, nil}, store.FindValueMissing, behaviour.SaleZero.Key())
	add(order{int64(6), "2013-11-07", 0.0, 0.0}, behaviour.SaleZero.Key())
	// dates: in the future, not a date, missing, before the customer signed up
	add(order{int64(7), "2099-01-01", 50.0, 50.0}, store.FindDateFuture, behaviour.DateAfterAnalysis.Key())
	add(order{int64(8), "someday", 60.0, 60.0}, store.FindDateUnreadable, behaviour.DateMissing.Key())
	add(order{int64(9), nil, 70.0, 70.0}, behaviour.DateMissing.Key())
	add(order{int64(10), day(signup[10].AddDate(0, 0, -30)), 80.0, 80.0}, behaviour.DateBeforeSignup.Key())
	// customer keys: one no customer has, and none
	add(order{int64(999999), "2013-11-08", 90.0, 90.0}, store.FindKeyUnknown, behaviour.CustomerUnknown.Key())
	add(order{nil, "2013-11-09", 95.0, 95.0}, store.FindKeyMissing, behaviour.CustomerUnknown.Key())
	for _, o := range orders {
		if v, ok := o.amount.(float64); ok && v < 0 {
			bad[store.FindNegativeReturn]++
		}
	}
	if shuffled {
		r.Shuffle(len(orders), func(i, j int) { orders[i], orders[j] = orders[j], orders[i] })
	} else {
		// customer order, lines without a customer first
		key := func(o order) int64 {
			if c, ok := o.cust.(int64); ok {
				return c
			}
			return -1
		}
		for i := 1; i < len(orders); i++ {
			for j := i; j > 0 && key(orders[j-1]) > key(orders[j]); j-- {
				orders[j-1], orders[j] = orders[j], orders[j-1]
			}
		}
	}
	for i, o := range orders {
		exec(`INSERT INTO pedidos VALUES (?,?,?,?)`, i+1, o.cust, o.date, o.total)
		exec(`INSERT INTO expected VALUES (?,?)`, i+1, o.amount)
	}
	return ordersShop{path: path, bad: bad}
}

// ordersLines is the oracle's view of the orders: the expected amounts,
// negative ones as returns, each order a purchase; customer keys that are
// no customer's, and dates that are no dates, read as missing.
const ordersLines = `SELECT CASE WHEN o.id_cliente IN (SELECT id_cliente FROM clientes) THEN CAST(o.id_cliente AS TEXT) END AS c,
	o.pedido_id AS inv,
	CAST(julianday(o.fecha) - 2440587.5 AS INTEGER) AS day, NULL AS ch, NULL AS cat,
	CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END AS sale,
	CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END AS ret
	FROM pedidos o JOIN expected e ON e.pedido_id = o.pedido_id`

// TestFlatOrdersAndBadData: shape 2, in customer order (read in chunks)
// and shuffled (read whole). Every attribute equals SQL's over the
// expected amounts, and every bad value is a finding with its count.
func TestFlatOrdersAndBadData(t *testing.T) {
	for _, shuffled := range []bool{false, true} {
		t.Run(fmt.Sprintf("shuffled=%v", shuffled), func(t *testing.T) {
			shop := writeOrdersShop(t, 400, shuffled)
			testChunkLines = 100
			s := loadSession(t, shop.path, BehaviourOptions{})
			testChunkLines = 0
			b := s.Behaviour
			if s.Table.Name != "clientes" || b.Source.Lines.Name != "pedidos" || b.ReturnRule() != "negative_values" {
				t.Fatalf("customers %s, lines %s, returns %s", s.Table.Name, b.Source.Lines.Name, b.ReturnRule())
			}
			db := openRO(t, shop.path)
			var last int32
			if err := db.QueryRow(`SELECT CAST(julianday(max(fecha)) - 2440587.5 AS INTEGER) FROM pedidos WHERE fecha < '2099'`).Scan(&last); err != nil {
				t.Fatal(err)
			}
			if b.AnalysisDay != last+1 {
				t.Errorf("analysis day %s, want the day after the last order not in the future", b.AnalysisDate.Format(time.DateOnly))
			}
			compareBehaviour(t, s.Data, oracleLines(t, db, ordersLines, b.AnalysisDay), b.AnalysisDay, nil, false)
			got := map[string]int{}
			for _, p := range b.Problems {
				got[p.Key] = p.Count
				if len(p.Examples) == 0 || p.RowsTable == "" {
					t.Errorf("problem %s has no rows to open: %+v", p.Key, p)
				}
			}
			for k, n := range shop.bad {
				if got[k] != n {
					t.Errorf("%s: %d, want %d (all: %v)", k, got[k], n, got)
				}
			}
			// ages follow the analysis date of historical data
			age := s.Data.Column("age").(*model.NumberColumn)
			birth := s.Data.Column("fecha_nacimiento").(*model.NumberColumn)
			for i := range age.Values {
				bd := time.Unix(int64(birth.Values[i])*86400, 0).UTC()
				a := b.AnalysisDate
				want := a.Year() - bd.Year()
				if a.Month() < bd.Month() || a.Month() == bd.Month() && a.Day() < bd.Day() {
					want-- // no birthday yet that year
				}
				if age.Values[i] != float64(want) {
					t.Fatalf("born %s: age %v, want %d as of %s", bd.Format(time.DateOnly), age.Values[i], want, b.AnalysisDate.Format(time.DateOnly))
				}
			}
		})
	}
}

// TestPurchaseTableWithoutDate: the customers load; the behaviour says
// which table lacks what and how to name it.
func TestPurchaseTableWithoutDate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`CREATE TABLE clientes (id_cliente INTEGER PRIMARY KEY, zona TEXT);
		CREATE TABLE ventas (id INTEGER PRIMARY KEY, id_cliente INTEGER REFERENCES clientes(id_cliente), importe REAL);
		INSERT INTO clientes VALUES (1, 'norte'), (2, 'sur');
		INSERT INTO ventas VALUES (1, 1, 10.5), (2, 2, 20), (3, 1, 5)`); err != nil {
		t.Fatal(err)
	}
	w.Close()
	db, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Load(context.Background(), LoadRequest{AsOf: demoToday})
	if err != nil {
		t.Fatal(err)
	}
	msg := fmt.Sprint(s.Behaviour.Err)
	if s.Data.Rows() != 2 || !strings.Contains(msg, `"ventas"`) || !strings.Contains(msg, "purchase_date") || !strings.Contains(msg, "ventas.COLUMN") {
		t.Fatalf("rows %d, behaviour error %q", s.Data.Rows(), msg)
	}
	if s.Data.Column(behaviour.ColFrequency) != nil {
		t.Error("behaviour columns without a date")
	}
}

// TestInvoicesWithTextIDs: lines in customer order pointing at invoices
// with text ids (which cannot be merged with the lines in one pass: read
// into a table, the lines still streamed in chunks), some lines pointing
// at no invoice, one invoice of a customer no one has.
func TestInvoicesWithTextIDs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	tx, _ := w.Begin()
	exec := func(q string, args ...any) {
		if _, err := tx.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, zone TEXT)`)
	exec(`CREATE TABLE invoices (invoice_no TEXT PRIMARY KEY, customer_id INTEGER, invoice_date TEXT, channel TEXT)`)
	exec(`CREATE TABLE invoice_lines (line_id INTEGER PRIMARY KEY, invoice_no TEXT, quantity INTEGER, unit_price REAL, returned_quantity INTEGER)`)
	r := rand.New(rand.NewPCG(5, 6))
	inv := 0
	for c := 1; c <= 300; c++ {
		exec(`INSERT INTO customers VALUES (?, ?)`, c, []string{"north", "south"}[c%2])
		for range r.IntN(5) {
			inv++
			no := fmt.Sprintf("F-%05d", 99999-inv) // text ids, descending
			exec(`INSERT INTO invoices VALUES (?, ?, ?, ?)`, no, c, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(500)).Format(time.DateOnly), []string{"web", "shop"}[r.IntN(2)])
			for range 1 + r.IntN(3) {
				q := 1 + r.IntN(3)
				exec(`INSERT INTO invoice_lines (invoice_no, quantity, unit_price, returned_quantity) VALUES (?, ?, ?, ?)`, no, q, float64(100+r.IntN(5000))/100, r.IntN(8)/7*q)
			}
		}
	}
	exec(`INSERT INTO invoices VALUES ('F-X', 99999, '2024-02-02', 'web')`)
	exec(`INSERT INTO invoice_lines (invoice_no, quantity, unit_price, returned_quantity) VALUES ('F-X', 1, 5, 0), ('NOPE', 2, 7, 0)`)
	tx.Commit()
	w.Close()
	testChunkLines = 50
	s := loadSession(t, path, BehaviourOptions{})
	testChunkLines = 0
	b := s.Behaviour
	if b.Source.Header != "invoices" || b.Source.LinesKey != "invoice_no" {
		t.Fatalf("header %q through %q", b.Source.Header, b.Source.LinesKey)
	}
	lines := `SELECT CAST(CASE WHEN h.customer_id IN (SELECT customer_id FROM customers) THEN h.customer_id END AS TEXT) AS c,
		l.invoice_no AS inv, CAST(julianday(h.invoice_date) - 2440587.5 AS INTEGER) AS day, h.channel AS ch, NULL AS cat,
		CASE WHEN l.quantity * l.unit_price > 0 THEN l.quantity * l.unit_price ELSE 0 END AS sale,
		CASE WHEN l.returned_quantity * l.unit_price > 0 THEN l.returned_quantity * l.unit_price ELSE 0 END AS ret
		FROM invoice_lines l LEFT JOIN invoices h ON h.invoice_no = l.invoice_no`
	compareBehaviour(t, s.Data, oracleLines(t, openRO(t, path), lines, b.AnalysisDay), b.AnalysisDay, nil, false)
	got := map[string]int{}
	for _, p := range b.Problems {
		got[p.Key] = p.Count
	}
	if got[store.FindHeaderMissing] != 1 || got[store.FindKeyUnknown] != 1 {
		t.Errorf("problems %v: want 1 line without invoice and 1 invoice of an unknown customer", got)
	}
}
