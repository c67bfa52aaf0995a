package store

import "testing"

func TestContactShapes(t *testing.T) {
	emails := map[string]bool{
		"ana@example.es": true, " j.p@mail.co.uk ": true, "a@b.c": false, "x@@mail": false,
		"carla.gmail.com": false, "laura@telefonica": false, "": false, "a b@x.es": false, "a..b@x.es": false,
	}
	for s, want := range emails {
		if got := ValidEmail(s); got != want {
			t.Errorf("ValidEmail(%q) = %v", s, got)
		}
	}
	phones := []struct {
		s          string
		ok, mobile bool
	}{
		{"653 772 715", true, true}, {"+34 934 083 280", true, false}, {"0034653772715", true, true},
		{"12345", false, false}, {"phone", false, false}, {"", false, false}, {"+44 20 7946 0958", true, true},
	}
	for _, p := range phones {
		if ok, mobile := ValidPhone(p.s); ok != p.ok || mobile != p.mobile {
			t.Errorf("ValidPhone(%q) = %v %v, want %v %v", p.s, ok, mobile, p.ok, p.mobile)
		}
	}
	if ValidAddress("  ") || ValidAddress("12345678") || !ValidAddress("Calle Mayor 1") {
		t.Errorf("ValidAddress misjudges")
	}
}
