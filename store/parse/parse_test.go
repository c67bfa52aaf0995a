package parse

import "testing"

func TestNumber(t *testing.T) {
	cases := []struct {
		in   string
		mark DecimalMark
		want float64
		ok   bool
	}{
		{"12", DecimalPoint, 12, true},
		{" -3.5 ", DecimalPoint, -3.5, true},
		{"1,234.56", DecimalPoint, 1234.56, true},
		{"1.234,56", DecimalComma, 1234.56, true},
		{"1,5", DecimalComma, 1.5, true},
		{"1,5", DecimalPoint, 0, false}, // not a thousands group
		{"17850.0", DecimalPoint, 17850, true},
		{"0x10", DecimalPoint, 0, false},
		{"inf", DecimalPoint, 0, false},
		{"12 €", DecimalPoint, 0, false},
		{"", DecimalPoint, 0, false},
	}
	for _, c := range cases {
		got, ok := Number(c.in, c.mark)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("Number(%q, %c) = %v, %v; want %v, %v", c.in, c.mark, got, ok, c.want, c.ok)
		}
	}
	if v, ok := Integer("17850.0", DecimalPoint); !ok || v != 17850 {
		t.Errorf("Integer(17850.0) = %v %v", v, ok)
	}
	if _, ok := Integer("1.5", DecimalPoint); ok {
		t.Errorf("Integer(1.5) accepted")
	}
}

func TestParseDate(t *testing.T) {
	cases := []struct {
		in    string
		order DateOrder
		want  string
		ok    bool
	}{
		{"2011-12-09", DayFirst, "2011-12-09", true},
		{"2011-12-09 12:50:00", DayFirst, "2011-12-09 12:50:00", true},
		{"2011-12-09T12:50:00Z", DayFirst, "2011-12-09 12:50:00", true},
		{"12/1/2010 8:26", MonthFirst, "2010-12-01 08:26:00", true},
		{"12/1/2010 8:26", DayFirst, "2010-01-12 08:26:00", true},
		{"31-12-1999", DayFirst, "1999-12-31", true},
		{"19991231", DayFirst, "1999-12-31", true},
		{"31/02/2000", DayFirst, "", false},
		{"hello", DayFirst, "", false},
		{"12345678", DayFirst, "", false},
	}
	for _, c := range cases {
		got, ok := ParseDate(c.in, c.order)
		if ok != c.ok || (ok && got.ISO() != c.want) {
			t.Errorf("ParseDate(%q) = %q, %v; want %q, %v", c.in, got.ISO(), ok, c.want, c.ok)
		}
	}
	if d, _ := ParseDate("1969-12-31", DayFirst); d.Days() != -1 {
		t.Errorf("Days before epoch = %d", d.Days())
	}
	if o, ok := DateOrderEvidence("13/01/2020"); !ok || o != DayFirst {
		t.Errorf("13/01 should prove day-first")
	}
	if o, ok := DateOrderEvidence("1/13/2020 10:00"); !ok || o != MonthFirst {
		t.Errorf("1/13 should prove month-first")
	}
	if _, ok := DateOrderEvidence("01/02/2020"); ok {
		t.Errorf("01/02 proves nothing")
	}
}

func TestBool(t *testing.T) {
	for _, s := range []string{"yes", "Sí", "TRUE", "y", "1"} {
		if v, ok := Bool(s); !ok || !v {
			t.Errorf("Bool(%q) = %v %v", s, v, ok)
		}
	}
	for _, s := range []string{"no", "False", "n", "0"} {
		if v, ok := Bool(s); !ok || v {
			t.Errorf("Bool(%q) = %v %v", s, v, ok)
		}
	}
	if _, ok := Bool("maybe"); ok {
		t.Errorf("maybe accepted")
	}
}
