package model

import "testing"

func TestSpreadsheetSafeAndPrintable(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+x": "'+x", "-2+3": "'-2+3", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "Ana": "Ana", "": "", "a=b": "a=b"} {
		if got, _ := SpreadsheetSafe(in); got != want {
			t.Errorf("SpreadsheetSafe(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"\x1b]0;x\x07": `\x1b]0;x\x07`, "a\tb": "a\tb", "ñandú": "ñandú", "\u009b": `\x9b`, "a\nb": `a\x0ab`} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOptOutAndConsentRules pins the two opposite rules: consent needs a
// clear yes; an opt-out needs a clear no to leave a customer reachable.
func TestOptOutAndConsentRules(t *testing.T) {
	for v, want := range map[string]bool{"yes": true, "Sí": true, "1": true, " TRUE ": true, "no": false, "": false, "2": false, "unknown": false} {
		if got := ConsentGiven(v); got != want {
			t.Errorf("ConsentGiven(%q) = %v", v, got)
		}
	}
	for v, want := range map[string]bool{"": false, "0": false, "no": false, "No ": false, "false": false, "n": false, "falso": false,
		"1": true, "2": true, "yes": true, "unknown": true, "2025-01-01": true, "x": true} {
		if got := OptedOut(v); got != want {
			t.Errorf("OptedOut(%q) = %v", v, got)
		}
	}
}
