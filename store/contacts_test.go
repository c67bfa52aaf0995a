package store

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

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

// TestContactValidityAligned: over a table large enough to be read in
// parallel rowid ranges, with gaps in the rowids and rows missing from the
// loaded copy, every flag lands on its own row.
func TestContactValidityAligned(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	const n = 120_000
	mustExec := func(q string, args ...any) {
		if _, err := raw.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	mustExec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, phone TEXT, address TEXT)`)
	tx, _ := raw.Begin()
	for i := 1; i <= n; i++ {
		email, phone, addr := "broken", "12", ""
		if i%3 == 0 {
			email = fmt.Sprintf("c%d@example.com", i)
		}
		if i%5 == 0 {
			phone = "+34 612 345 678"
		}
		if i%7 == 0 {
			addr = "Calle Mayor 7"
		}
		tx.Exec(`INSERT INTO customers VALUES (?,?,?,?)`, i, email, phone, addr)
	}
	tx.Commit()
	mustExec(`DELETE FROM customers WHERE id % 11 = 0`)
	raw.Close()
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	table, err := d.Table(t.Context(), "customers")
	if err != nil {
		t.Fatal(err)
	}
	var rowids []int64
	for i := int64(1); i <= n; i++ {
		if i%11 != 0 && i%13 != 0 { // 13s: added after the load
			rowids = append(rowids, i)
		}
	}
	cc := ContactColumns{Email: "email", SMS: "phone", Phone: "phone", Post: "address", SMSFromPhone: true}
	v, err := d.ReadContactValidity(t.Context(), table, cc, rowids)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range rowids {
		if v.Email.Has(i) != (id%3 == 0) || v.SMS.Has(i) != (id%5 == 0) || v.Phone.Has(i) != (id%5 == 0) || v.Post.Has(i) != (id%7 == 0) {
			t.Fatalf("row %d (rowid %d): email %v sms %v phone %v post %v", i, id, v.Email.Has(i), v.SMS.Has(i), v.Phone.Has(i), v.Post.Has(i))
		}
	}
}
