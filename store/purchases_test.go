package store

import (
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/store/parse"
)

func TestParseMoney(t *testing.T) {
	for _, c := range []struct {
		in   string
		mark parse.DecimalMark
		want float64
		read moneyRead
	}{
		{"12.5", parse.DecimalPoint, 12.5, moneyPlain},
		{"12,50", parse.DecimalPoint, 12.5, moneyCleaned},
		{"€12,50", parse.DecimalPoint, 12.5, moneyCleaned},
		{"12,50 €", parse.DecimalPoint, 12.5, moneyCleaned},
		{"1.234,56 €", parse.DecimalPoint, 1234.56, moneyCleaned},
		{"$1,234.56", parse.DecimalPoint, 1234.56, moneyCleaned},
		{"1,234", parse.DecimalPoint, 1234, moneyPlain},
		{"1,234", parse.DecimalComma, 1.234, moneyCleaned},
		{"-3,20", parse.DecimalPoint, -3.2, moneyCleaned},
		{"(3.20)", parse.DecimalPoint, -3.2, moneyCleaned},
		{"USD 7", parse.DecimalPoint, 7, moneyCleaned},
		{"1 234,50", parse.DecimalComma, 1234.5, moneyCleaned},
		{"abc", parse.DecimalPoint, 0, moneyUnreadable},
		{"", parse.DecimalPoint, 0, moneyUnreadable},
		{"12.5.3", parse.DecimalPoint, 0, moneyUnreadable},
	} {
		got, read := parseMoneyMark(c.in, c.mark)
		if read != c.read || read != moneyUnreadable && got != c.want {
			t.Errorf("%q (mark %c): %v %v, want %v %v", c.in, c.mark, got, read, c.want, c.read)
		}
	}
	comma := map[string]struct{}{"12,50": {}, "3,99": {}, "1.234,00": {}, "7": {}}
	point := map[string]struct{}{"12.50": {}, "3.99": {}, "1,234.00": {}, "7": {}}
	if moneyMark(comma) != parse.DecimalComma || moneyMark(point) != parse.DecimalPoint {
		t.Error("decimal marks of sample values")
	}
}

func TestKeyIndex(t *testing.T) {
	ids := model.NewNumberColumn(model.ColumnMeta{Name: "id"}, 4)
	for i, v := range []float64{17850, 13047, 12583, 17850} {
		ids.SetValue(i, v)
	}
	k, err := NewKeyIndex(ids)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		v       any
		row     int32
		present bool
	}{{int64(13047), 1, true}, {17850.0, 0, true}, {"12583", 2, true}, {" 12583.0 ", 2, true}, {int64(1), -1, true},
		{nil, -1, false}, {"", -1, false}, {"x1", -1, true}} {
		if row, present := k.Lookup(c.v); row != c.row || present != c.present {
			t.Errorf("%#v: row %d present %v, want %d %v", c.v, row, present, c.row, c.present)
		}
	}
	if k.Duplicates != 1 {
		t.Errorf("duplicates %d", k.Duplicates)
	}
	txt := &model.TextColumn{ColumnMeta: model.ColumnMeta{Name: "code"}, Values: []string{"A-1", "B-2"}, Nulls: model.NewBitset(2)}
	k, _ = NewKeyIndex(txt)
	if row, _ := k.Lookup("B-2"); row != 1 {
		t.Errorf("text key: %d", row)
	}
	if row, _ := k.Lookup(int64(7)); row != -1 {
		t.Errorf("number against text keys: %d", row)
	}
}

// TestRowIDRuns against a plain slice, with gaps and appends.
func TestRowIDRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 50; trial++ {
		var all []int64
		var runs RowIDRuns
		id := int64(r.IntN(10))
		parts := 1 + r.IntN(4)
		for p := 0; p < parts; p++ {
			var part RowIDRuns
			for range r.IntN(200) {
				id += 1 + int64(r.IntN(3)/2*r.IntN(20)) // mostly consecutive, some gaps
				part.Add(id)
				all = append(all, id)
			}
			runs.Append(&part)
		}
		if runs.Len() != len(all) {
			t.Fatalf("len %d, want %d", runs.Len(), len(all))
		}
		for i, want := range all {
			if got := runs.RowID(i); got != want {
				t.Fatalf("row %d: %d, want %d", i, got, want)
			}
		}
		k := r.IntN(len(all) + 1)
		runs.truncate(k)
		if runs.Len() != k {
			t.Fatalf("truncated to %d: len %d", k, runs.Len())
		}
		for i := 0; i < k; i++ {
			if runs.RowID(i) != all[i] {
				t.Fatalf("after truncate, row %d", i)
			}
		}
	}
}

func writeDB(t *testing.T, ddl string) *DB {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(ddl); err != nil {
		t.Fatal(err)
	}
	w.Close()
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

// TestSpanishInvoices: Spanish names, a header of invoices, a return flag.
func TestSpanishInvoices(t *testing.T) {
	d := writeDB(t, `CREATE TABLE clientes (id_cliente INTEGER PRIMARY KEY, nombre TEXT);
		CREATE TABLE facturas (factura_id INTEGER PRIMARY KEY, id_cliente INTEGER REFERENCES clientes(id_cliente), fecha TEXT, canal TEXT, forma_pago TEXT);
		CREATE TABLE lineas (linea INTEGER PRIMARY KEY, factura_id INTEGER REFERENCES facturas(factura_id), cantidad INTEGER, precio_unitario REAL, es_devolucion INTEGER, familia TEXT);
		INSERT INTO clientes VALUES (1, 'Ana García'), (2, 'Luis Pérez');
		INSERT INTO facturas VALUES (1, 1, '2024-01-02', 'tienda', 'efectivo'), (2, 2, '2024-01-05', 'web', 'tarjeta');
		INSERT INTO lineas VALUES (1, 1, 2, 3.5, 0, 'hogar'), (2, 1, 1, 10, 1, 'moda'), (3, 2, 4, 1.25, 0, 'hogar');`)
	ctx := context.Background()
	tables, err := d.Tables(ctx)
	if err != nil {
		t.Fatal(err)
	}
	src, err := d.DetectPurchases(ctx, tables, "clientes", nil)
	if err != nil || src == nil {
		t.Fatalf("%v %v", src, err)
	}
	want := map[model.PurchaseRole]string{
		model.PurchaseCustomer: "facturas.id_cliente", model.PurchaseDate: "facturas.fecha",
		model.PurchaseQuantity: "lineas.cantidad", model.PurchaseUnitPrice: "lineas.precio_unitario",
		model.PurchaseInvoice: "lineas.factura_id", model.PurchaseReturnFlag: "lineas.es_devolucion",
		model.PurchaseChannel: "facturas.canal", model.PurchasePayment: "facturas.forma_pago",
		model.PurchaseCategory: "lineas.familia",
	}
	for r, ref := range want {
		if c, ok := src.Column(r); !ok || c.Ref() != ref {
			t.Errorf("%s: %v, want %s", r, c.Ref(), ref)
		}
	}
	if src.Lines.Name != "lineas" || src.Header != "facturas" || src.Returns != ReturnsFlag || src.Missing != "" {
		t.Errorf("lines %s header %s returns %v missing %q", src.Lines.Name, src.Header, src.Returns, src.Missing)
	}
}

// TestTransactionsAreNeverTheCustomerTable: a table of transactions alone,
// or beside a products table, makes no customer table; beside a customer
// table, that one is chosen.
func TestTransactionsAreNeverTheCustomerTable(t *testing.T) {
	retail := `CREATE TABLE online_retail (InvoiceNo TEXT, StockCode TEXT, Quantity INTEGER, InvoiceDate TEXT, UnitPrice REAL, CustomerID INTEGER, Country TEXT);
		INSERT INTO online_retail VALUES ('536365', '85123A', 6, '2010-12-01 08:26:00', 2.55, 17850, 'United Kingdom'),
			('536365', '71053', 6, '2010-12-01 08:26:00', 3.39, 17850, 'United Kingdom'),
			('536366', '22633', 6, '2010-12-01 08:28:00', 1.85, 17851, 'France'),
			('C536379', 'D', -1, '2010-12-01 09:41:00', 27.5, 17851, 'France');`
	ctx := context.Background()
	for _, c := range []struct {
		name, ddl, want string
	}{
		{"alone", retail, ""},
		{"with products", retail + `CREATE TABLE products (StockCode TEXT PRIMARY KEY, Description TEXT);
			INSERT INTO products VALUES ('85123A', 'heart'), ('71053', 'lantern'), ('22633', 'x'), ('D', 'discount'), ('E', 'e'), ('F', 'f');`, ""},
		{"with customers", retail + `CREATE TABLE customers (CustomerID INTEGER PRIMARY KEY, name TEXT);
			INSERT INTO customers VALUES (17850, 'a'), (17851, 'b');`, "customers"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := writeDB(t, c.ddl)
			tables, err := d.Tables(ctx)
			if err != nil {
				t.Fatal(err)
			}
			choice, err := d.DetectCustomerTable(ctx, tables)
			var te *TransactionsOnlyError
			switch {
			case c.want == "" && (!errors.As(err, &te) || te.Table.Name != "online_retail" || te.Key != "CustomerID"):
				t.Errorf("chose %q (%v), want the transactions error", choice.Table.Name, err)
			case c.want != "" && (err != nil || choice.Table.Name != c.want):
				t.Errorf("chose %q (%v), want %s", choice.Table.Name, err, c.want)
			}
		})
	}
}
