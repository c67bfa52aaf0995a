package behaviour

import (
	"encoding/csv"
	"io"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/sample/publicdata"
)

// retail is Online Retail (UCI, 541,909 invoice lines) loaded the way the
// brief describes the loader: a negative quantity (cancellation invoices
// "C...") becomes a returned value, a line without CustomerID gets -1.
type retail struct {
	p         *Purchases
	customers int
	country   *model.CodedColumn // per line
	stock     *model.TextColumn  // per line
}

func loadRetail(tb testing.TB) *retail {
	tb.Helper()
	path := publicdata.Gunzipped(tb, publicdata.OnlineRetail, tb.TempDir())
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = true
	if _, err := r.Read(); err != nil { // header
		tb.Fatal(err)
	}
	rt := &retail{p: &Purchases{Returned: []float64{}, Invoice: []int32{}},
		country: &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "Country", Kind: model.KindCategorical}},
		stock:   &model.TextColumn{ColumnMeta: model.ColumnMeta{Name: "StockCode", Kind: model.KindText}}}
	custs, invoices, countries := map[string]int32{}, map[string]int32{}, map[string]int32{}
	code := func(m map[string]int32, s string) int32 {
		k, ok := m[s]
		if !ok {
			k = int32(len(m))
			m[s] = k
		}
		return k
	}
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
			tb.Fatalf("line %v: %v %v %v", rec, err1, err2, err3)
		}
		c := int32(-1)
		if rec[6] != "" {
			c = code(custs, rec[6])
		}
		p := rt.p
		p.Customer = append(p.Customer, c)
		p.Day = append(p.Day, int32(at.Unix()/86400))
		p.Invoice = append(p.Invoice, code(invoices, rec[0]))
		if q >= 0 {
			p.Sales, p.Returned = append(p.Sales, q*price), append(p.Returned, 0)
		} else {
			p.Sales, p.Returned = append(p.Sales, 0), append(p.Returned, -q*price)
		}
		rt.country.Codes = append(rt.country.Codes, code(countries, rec[7]))
		rt.stock.Values = append(rt.stock.Values, rec[1])
	}
	rt.customers = len(custs)
	rt.country.Dict = make([]string, len(countries))
	for s, k := range countries {
		rt.country.Dict[k] = s
	}
	rt.stock.Nulls = model.NewBitset(len(rt.stock.Values))
	return rt
}

func TestOnlineRetail(t *testing.T) {
	rt := loadRetail(t)
	p := rt.p
	if p.Len() != 541909 {
		t.Fatalf("%d lines, want the 541,909 of the UCI description", p.Len())
	}
	res, err := Compute(p, nil, Options{Customers: rt.customers})
	if err != nil {
		t.Fatal(err)
	}
	// The UCI file has 406,829 lines with a CustomerID (4,372 customers), so
	// 135,080 without, and its last invoice is on 2011-12-09.
	s := res.Summary
	if s.LinesWithoutCustomer != 135080 || rt.customers != 4372 || isoDay(s.AnalysisDay) != "2011-12-10" {
		t.Errorf("without customer %d, customers %d, analysis day %s", s.LinesWithoutCustomer, rt.customers, isoDay(s.AnalysisDay))
	}
	if s.ShareWithoutCustomer <= 0 || s.ShareWithoutCustomer >= 1 {
		t.Errorf("share of sales without customer %v", s.ShareWithoutCustomer)
	}
	lines := make([][]int, rt.customers)
	for i, c := range p.Customer {
		if c >= 0 {
			lines[c] = append(lines[c], i)
		}
	}
	for c := 0; c < rt.customers; c++ {
		w := naiveCustomer(p, nil, lines[c], nil, s.AnalysisDay)
		for name, wv := range w {
			if got := cellValue(res.Column(name), c); !closeCell(got, wv) {
				t.Fatalf("customer %d %s = %v, want %v", c, name, got, wv)
			}
		}
	}
}

func TestOnlineRetailCustomerAttributes(t *testing.T) {
	rt := loadRetail(t)
	attrs, err := CustomerAttributes([]model.Column{rt.country, rt.stock}, rt.p.Customer, rt.customers)
	if err != nil {
		t.Fatal(err)
	}
	// oracle: the set of countries of each customer, and the most frequent
	seen := make([]map[int32]int, rt.customers)
	for i, c := range rt.p.Customer {
		if c < 0 {
			continue
		}
		if seen[c] == nil {
			seen[c] = map[int32]int{}
		}
		seen[c][rt.country.Codes[i]]++
	}
	varying := 0
	for _, m := range seen {
		if len(m) > 1 {
			varying++
		}
	}
	country := attrs[0]
	if country.Constant || country.Varying != varying || varying == 0 {
		t.Errorf("Country: constant %v varying %d, want %d (>0: a few customers appear under two countries)",
			country.Constant, country.Varying, varying)
	}
	col := country.Column.(*model.CodedColumn)
	for c, m := range seen {
		got := col.Codes[c]
		for _, n := range m {
			if n > m[got] {
				t.Fatalf("customer %d: value %d seen %d times, but %v is more frequent", c, got, m[got], m)
			}
		}
	}
	if attrs[1].Constant || attrs[1].Varying < rt.customers/2 {
		t.Errorf("StockCode should vary for most customers: %+v", attrs[1].Varying)
	}
	t.Logf("customers with two or more countries: %d (first row %d)", varying, country.Example)
}

func BenchmarkOnlineRetail(b *testing.B) {
	rt := loadRetail(b)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := Compute(rt.p, nil, Options{Customers: rt.customers}); err != nil {
			b.Fatal(err)
		}
	}
}
