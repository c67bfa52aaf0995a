package behaviour

import (
	"fmt"
	"testing"

	"github.com/pulpero/pulpero/model"
)

func TestCustomerAttributesHandmade(t *testing.T) {
	// lines:            0    1    2    3    4    5    6    7
	cust := []int32{0, 0, 1, 1, 1, -1, 2, 9}
	country := &model.CodedColumn{ColumnMeta: model.ColumnMeta{Name: "Country", Kind: model.KindCategorical},
		Codes: []int32{0, -1, 1, 0, 1, 2, -1, 2}, Dict: []string{"UK", "FR", "DE"}}
	zone := model.NewNumberColumn(model.ColumnMeta{Name: "zone", Kind: model.KindInteger}, 8)
	for i, v := range []float64{5, 5, 7, 7, 7, 1, 3, 3} {
		zone.SetValue(i, v)
	}
	code := &model.TextColumn{ColumnMeta: model.ColumnMeta{Name: "code", Kind: model.KindText},
		Values: []string{"a", "b", "x", "y", "x", "z", "q", "q"}, Nulls: model.NewBitset(8)}
	attrs, err := CustomerAttributes([]model.Column{country, zone, code}, cust, 4)
	if err != nil {
		t.Fatal(err)
	}
	// Country: customer 0 has UK and NULL (constant), customer 1 FR, UK, FR
	// (varying, FR most frequent), customer 2 only NULL, customer 3 no lines;
	// lines 5 and 7 have no known customer and are ignored.
	c := attrs[0]
	cc := c.Column.(*model.CodedColumn)
	if c.Constant || c.Varying != 1 || c.Example != 1 || cc.Codes[0] != 0 || cc.Codes[1] != 1 || cc.Codes[2] != -1 || cc.Codes[3] != -1 {
		t.Errorf("Country: %+v codes %v", c, cc.Codes)
	}
	if !cc.Derived || cc.Note == "" || cc.Dict[1] != "FR" {
		t.Errorf("Country column meta %+v", cc.ColumnMeta)
	}
	z := attrs[1]
	zc := z.Column.(*model.NumberColumn)
	if !z.Constant || z.Example != -1 || zc.Values[0] != 5 || zc.Values[1] != 7 || zc.Values[2] != 3 || !zc.IsNull(3) {
		t.Errorf("zone: %+v values %v", z, zc.Values)
	}
	// code: customer 0 has a and b once each: the tie goes to the first seen
	k := attrs[2]
	kc := k.Column.(*model.TextColumn)
	if k.Varying != 2 || kc.Values[0] != "a" || kc.Values[1] != "x" || kc.Values[2] != "q" || !kc.IsNull(3) {
		t.Errorf("code: %+v values %q", k, kc.Values)
	}
	if _, err := CustomerAttributes([]model.Column{country}, cust[:3], 4); err == nil {
		t.Error("column longer than the customer codes: want an error")
	}
}

// TestCustomerAttributesManyValues passes the linear search's limit so the
// map takes over, and checks the mode against a direct count.
func TestCustomerAttributesManyValues(t *testing.T) {
	var cust []int32
	col := &model.TextColumn{ColumnMeta: model.ColumnMeta{Name: "d"}}
	// customer 0: values v0..v19 once each, then v13 three more times
	for i := range 20 {
		cust = append(cust, 0)
		col.Values = append(col.Values, fmt.Sprintf("v%d", i))
	}
	for range 3 {
		cust = append(cust, 0)
		col.Values = append(col.Values, "v13")
	}
	// customer 1: 12 values once each: the first seen wins the tie
	for i := range 12 {
		cust = append(cust, 1)
		col.Values = append(col.Values, fmt.Sprintf("w%d", 11-i))
	}
	col.Nulls = model.NewBitset(len(col.Values))
	attrs, err := CustomerAttributes([]model.Column{col}, cust, 2)
	if err != nil {
		t.Fatal(err)
	}
	got := attrs[0].Column.(*model.TextColumn).Values
	if got[0] != "v13" || got[1] != "w11" || attrs[0].Varying != 2 {
		t.Errorf("values %q varying %d", got, attrs[0].Varying)
	}
}
