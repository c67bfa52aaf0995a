package segment

import (
	"database/sql"
	"net/url"
	"strings"
	"testing"
)

// TestTwoCountsTogether: beside how many match, the segment shows how many
// of them can be contacted, which in this shop (every e-mail well-formed,
// consent in the newsletter column) SQL counts as newsletter = 'yes'.
func TestTwoCountsTogether(t *testing.T) {
	path := shopPath(t, 400)
	s := session(t, path)
	m := newScreen(t, s, 100, 30)
	addRule(m, `zone = "north"`)
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path, RawQuery: "mode=ro"}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var match, reachable int
	if err := db.QueryRow(`SELECT count(*), coalesce(sum(newsletter = 'yes'), 0) FROM customers WHERE zone = 'north'`).Scan(&match, &reachable); err != nil {
		t.Fatal(err)
	}
	v := view(m)
	if !strings.Contains(v, m.common.Int(match)+" of 400") || !strings.Contains(v, "can be contacted: email "+m.common.Int(reachable)) {
		t.Fatalf("want %d matching, %d reachable by e-mail:\n%s", match, reachable, v)
	}
}
