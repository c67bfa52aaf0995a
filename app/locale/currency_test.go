package locale

import "testing"

func TestCurrencyMarksAmounts(t *testing.T) {
	for _, c := range []struct{ in, amount, want string }{
		{"", "1.234,56", "1.234,56"},
		{"none", "12", "12"},
		{"$", "1,234.56", "$1,234.56"},
		{"$", "-12.50", "-$12.50"},
		{"# €", "1.234,56", "1.234,56 €"},
		{"$ #", "1.234", "$ 1.234"},
		{" US$ ", "5", "US$5"},
	} {
		cur, err := ParseCurrency(c.in)
		if err != nil {
			t.Fatalf("%q: %v", c.in, err)
		}
		if got := cur.Mark(c.amount); got != c.want {
			t.Errorf("%q marks %q as %q, want %q", c.in, c.amount, got, c.want)
		}
	}
	for _, bad := range []string{"# # €", "dólares estadounidenses", "\x1b[31m$"} {
		if _, err := ParseCurrency(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
