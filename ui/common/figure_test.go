package common

import (
	"testing"

	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
)

// TestFiguresAndCellsFollowTheLocale: figures written with a point and no
// grouping, and table cells as the database gives them, read in Spanish
// as Spain writes numbers and dates (review 9, 11); English is untouched.
func TestFiguresAndCellsFollowTheLocale(t *testing.T) {
	es, _ := locale.Parse("es-ES")
	c := &Common{Locale: es}
	for in, want := range map[string]string{
		"5000": "5.000", "1641": "1.641", "955.8": "955,8", "-1234.25": "-1.234,25", "12.5k": "12,5k",
		"[1046, 1255)": "[1.046, 1.255)", "1.71e-06": "1,71e-06", "1.235e+04": "1,235e+04", "999": "999", "–": "–",
	} {
		if got := c.Figure(in); got != want {
			t.Errorf("Figure(%q) = %q, want %q", in, got, want)
		}
	}
	for _, tc := range []struct {
		k        model.Kind
		in, want string
	}{
		{model.KindReal, "5578.19", "5.578,19"},
		{model.KindReal, "Madrid 3.5", "Madrid 3.5"}, // not a number: as it is
		{model.KindInteger, "1991", "1991"},          // years and codes are not grouped
		{model.KindDate, "1991-02-28", "28/02/1991"},
		{model.KindDateTime, "2024-01-02 10:11:12", "02/01/2024 10:11:12"},
		{model.KindDate, "19910228", "19910228"},
		{model.KindText, "2024-01-02", "2024-01-02"},
	} {
		if got := c.Cell(tc.k, tc.in); got != tc.want {
			t.Errorf("Cell(%v, %q) = %q, want %q", tc.k, tc.in, got, tc.want)
		}
	}
	en := &Common{Locale: locale.Default()}
	if got := en.Figure("1641.5") + " " + en.Cell(model.KindDate, "1991-02-28") + " " + en.Cell(model.KindReal, "5578.19"); got != "1641.5 1991-02-28 5578.19" {
		t.Errorf("English changed: %q", got)
	}
	if DeclKind("DOUBLE PRECISION") != model.KindReal || DeclKind("date") != model.KindDate || DeclKind("INTEGER") != model.KindText {
		t.Error("DeclKind")
	}
}
