package explore

import (
	"context"
	"database/sql"
	"net/url"
	"path/filepath"
	"slices"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

// TestPlaceholderBecomesMissingWithOneKey (#13 item 20): m on a placeholder
// finding saves the value as missing in pulpero's workspace (the table
// keeps it) and asks for the data to be loaded again; a finding that is not
// a placeholder, or a role that may not correct meanings, says why.
func TestPlaceholderBecomesMissingWithOneKey(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, job TEXT, monthly_income REAL);
		WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 2000)
		INSERT INTO customers SELECT i, CASE WHEN i % 9 = 0 THEN 'unknown' ELSE 'job ' || (i % 7) END, i * 2.5 FROM s`); err != nil {
		t.Fatal(err)
	}
	w.Close()
	sess := session(t, path)
	m := newScreen(t, sess, 100, 30)
	press(m, "Q")
	at := slices.IndexFunc(m.q.problems, func(p analysis.Problem) bool {
		return p.Column == "job" && p.Kind == analysis.ProblemPlaceholder
	})
	if at < 0 {
		t.Fatalf("no placeholder finding on job: %+v", m.q.problems)
	}
	// a finding that is not a placeholder
	if other := slices.IndexFunc(m.q.problems, func(p analysis.Problem) bool { return p.Kind != analysis.ProblemPlaceholder }); other >= 0 {
		press(m, "g")
		for range other {
			press(m, "j")
		}
		if msgs := press(m, "m"); !hasStatus(msgs, true) {
			t.Errorf("m on a %s finding: %v", m.q.problems[other].Kind, msgs)
		}
	}
	// a viewer of pulpero serve
	m.common.Policy = &app.Policy{Role: app.RoleViewer}
	press(m, "g")
	for range at {
		press(m, "j")
	}
	if msgs := press(m, "m"); !hasStatus(msgs, true) {
		t.Errorf("a viewer's m: %v", msgs)
	}
	m.common.Policy = nil
	msgs := press(m, "m")
	if !slices.ContainsFunc(msgs, func(msg tea.Msg) bool { _, ok := msg.(common.ReloadMsg); return ok }) || !hasStatus(msgs, false) {
		t.Fatalf("m did not save and reload: %v", msgs)
	}
	got, err := sess.DB.MissingValues(context.Background(), "customers")
	if err != nil || !slices.Equal(got["job"], []string{"unknown"}) {
		t.Fatalf("saved as missing: %v %v", got, err)
	}
	// the table keeps its value
	r, _ := sql.Open("sqlite", "file:"+path+"?mode=ro")
	defer r.Close()
	var n int
	r.QueryRow(`SELECT count(*) FROM customers WHERE job = 'unknown'`).Scan(&n)
	if n != 2000/9 {
		t.Fatalf("the table holds %d 'unknown', want %d", n, 2000/9)
	}
}

func hasStatus(msgs []tea.Msg, isErr bool) bool {
	return slices.ContainsFunc(msgs, func(msg tea.Msg) bool { s, ok := msg.(common.StatusMsg); return ok && s.Error == isErr })
}
