package segment

import (
	"strings"
	"testing"
)

// TestDecimalCommaIsNamed (review 13): a number written with a decimal
// comma, as Spanish writes it, is an error that says decimals take a point
// and gives the number so, at the comma; a list's commas are the list's,
// and other errors are as they were.
func TestDecimalCommaIsNamed(t *testing.T) {
	for in, want := range map[string]string{
		`monthly_income > 1500,5`:               "at character 22: decimals are written with a point: 1500.5",
		`monthly_income > 1.500,50 and age > 3`: "at character 23: decimals are written with a point: 1500.50",
		`monthly_income between 1,5 and 3`:      "at character 25: decimals are written with a point: 1.5",
		`(monthly_income > 2,25)`:               "at character 20: decimals are written with a point: 2.25",
		`monthly_income > 1500, 5`:              "at character 22: unexpected ','; expected and, or, or the end of the expression",
		`monthly_income > 1500 ,5`:              "at character 23: unexpected ','; expected and, or, or the end of the expression",
		`zone = "1,5"x`:                         "at character 13: unexpected \"x\"; expected and, or, or the end of the expression",
		`monthly_income > -0,5`:                 "at character 20: decimals are written with a point: -0.5",
	} {
		_, err := Parse(in)
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v; want %s", in, err, want)
		}
	}
	for _, ok := range []string{`zone in (1,5)`, `zone in (1,5, 2,5)`, `monthly_income > 1500.5`} {
		if _, err := Parse(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	caret := Caret(`monthly_income > 1500,5`, func() error { _, err := Parse(`monthly_income > 1500,5`); return err }())
	if !strings.HasSuffix(caret, "\n                     ^ decimals are written with a point: 1500.5") {
		t.Errorf("caret:\n%s", caret)
	}
}
