package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
)

// campaignShop generates a demo database of 800 customers in a temporary
// folder that also holds its workspace, and exports campaigns from it.
type campaignShop struct {
	t        *testing.T
	dir, db  string
	wsPath   string
	exported int
}

func newCampaignShop(t *testing.T) *campaignShop {
	dir := t.TempDir()
	s := &campaignShop{t: t, dir: dir, db: filepath.Join(dir, "demo.db")}
	if err := app.GenerateSample(context.Background(), s.db, sample.Options{Customers: 800, Seed: 11}, false); err != nil {
		t.Fatal(err)
	}
	return s
}

// export records a campaign of every reachable customer by e-mail (0.05)
// or SMS (0.10), holding out control percent.
func (s *campaignShop) export(name string, control int) {
	s.t.Helper()
	s.exported++
	out := filepath.Join(s.dir, fmt.Sprintf("list%d.csv", s.exported))
	code, _, errs := runCLI(s.t, "export", s.db, "--all", "--channel", "email,sms", "--cost", "0.05,0.10", "--value", "40",
		"--control", fmt.Sprint(control), "--name", name, "--out", out, "--data-dir", s.dir)
	if code != exitOK {
		s.t.Fatalf("export %s: exit %d: %s", name, code, errs)
	}
	paths, _ := filepath.Glob(filepath.Join(s.dir, "workspaces", "*.pulpero.db"))
	if len(paths) != 1 {
		s.t.Fatalf("workspaces %v", paths)
	}
	s.wsPath = paths[0]
}

// members reads a recorded campaign's members (id → group) straight from
// the workspace file.
func (s *campaignShop) members(name string) (ids []string, group map[string]string) {
	s.t.Helper()
	ws, err := sql.Open("sqlite", s.wsPath)
	if err != nil {
		s.t.Fatal(err)
	}
	defer ws.Close()
	rows, err := ws.Query(`SELECT m.customer_id, m.grp FROM pulpero_campaign_members m JOIN pulpero_campaigns c ON c.id = m.campaign_id
		WHERE c.name = ? ORDER BY CAST(m.customer_id AS INTEGER)`, name)
	if err != nil {
		s.t.Fatal(err)
	}
	defer rows.Close()
	group = map[string]string{}
	for rows.Next() {
		var id, g string
		if err := rows.Scan(&id, &g); err != nil {
			s.t.Fatal(err)
		}
		ids = append(ids, id)
		group[id] = g
	}
	return ids, group
}

func (s *campaignShop) run(args ...string) (int, string, string) {
	s.t.Helper()
	return runCLI(s.t, append(args, "--data-dir", s.dir)...)
}

// results runs `pulpero campaign results --format json`.
func (s *campaignShop) results(name string) []campaignResult {
	s.t.Helper()
	args := []string{"campaign", "results", s.db, "--format", "json"}
	if name != "" {
		args = append(args, "--campaign", name)
	}
	code, out, errs := s.run(args...)
	if code != exitOK {
		s.t.Fatalf("results: exit %d: %s", code, errs)
	}
	var got []campaignResult
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		s.t.Fatalf("%v in %s", err, out)
	}
	return got
}

// response is one line of a responses file as the test means it.
type response struct {
	id        string
	responded int
	revenue   float64
}

// sqlArms computes each group's customers, responses and revenue with SQL
// over the members and the rows the test put in the file (an id listed
// twice: responded if any line says so, revenue added up).
func (s *campaignShop) sqlArms(name string, rows []response) map[string][3]float64 {
	s.t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(s.t.TempDir(), "check.db"))
	if err != nil {
		s.t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range []string{`ATTACH DATABASE '` + s.wsPath + `' AS ws`, `CREATE TABLE resp (customer_id TEXT, responded INTEGER, revenue REAL)`} {
		if _, err := db.Exec(q); err != nil {
			s.t.Fatal(err)
		}
	}
	for _, r := range rows {
		if _, err := db.Exec(`INSERT INTO resp VALUES (?,?,?)`, r.id, r.responded, r.revenue); err != nil {
			s.t.Fatal(err)
		}
	}
	q, err := db.Query(`WITH r AS (SELECT customer_id, max(responded) AS responded, sum(revenue) AS revenue FROM resp GROUP BY 1)
		SELECT m.grp, count(*), coalesce(sum(r.responded), 0), coalesce(sum(r.revenue), 0)
		FROM ws.pulpero_campaign_members m JOIN ws.pulpero_campaigns c ON c.id = m.campaign_id
		LEFT JOIN r USING (customer_id) WHERE c.name = ? GROUP BY 1`, name)
	if err != nil {
		s.t.Fatal(err)
	}
	defer q.Close()
	out := map[string][3]float64{}
	for q.Next() {
		var grp string
		var v [3]float64
		if err := q.Scan(&grp, &v[0], &v[1], &v[2]); err != nil {
			s.t.Fatal(err)
		}
		out[grp] = v
	}
	return out
}

func checkArm(t *testing.T, what string, got *campaignArm, want [3]float64) {
	t.Helper()
	if got == nil || float64(got.Customers) != want[0] || float64(got.Responses) != want[1] || math.Abs(got.Revenue-want[2]) > 1e-6 {
		t.Fatalf("%s: got %+v, SQL says customers %v, responses %v, revenue %v", what, got, want[0], want[1], want[2])
	}
	if got.Customers > 0 && (got.Rate != float64(got.Responses)/float64(got.Customers) || got.Lo > got.Rate || got.Hi < got.Rate) {
		t.Fatalf("%s: rate %v with interval %v–%v", what, got.Rate, got.Lo, got.Hi)
	}
}

// TestCampaignResponsesMatchSQL: an export is recorded, a responses file
// with members, strangers, a duplicate and decimal commas is imported, and
// the results equal SQL over the same rows; a second import replaces the
// first; a bad line imports nothing and says where it is.
func TestCampaignResponsesMatchSQL(t *testing.T) {
	s := newCampaignShop(t)
	s.export("Spring", 25)
	code, out, _ := s.run("campaign", "list", s.db)
	if code != exitOK || !strings.Contains(out, "Spring") || !strings.Contains(out, "not imported") {
		t.Fatalf("list before import: %d\n%s", code, out)
	}
	if got := s.results("spring"); len(got) != 1 || got[0].HasResponses || got[0].Treated != nil || !strings.Contains(got[0].Note, "not imported") {
		t.Fatalf("results before import: %+v", got)
	}
	ids, _ := s.members("Spring")
	if len(ids) < 100 {
		t.Fatalf("only %d members", len(ids))
	}
	var rows []response
	for i, id := range ids {
		switch {
		case i%3 == 0:
			rows = append(rows, response{id, 1, float64(i%40) + 0.5})
		case i%7 == 0:
			rows = append(rows, response{id, 0, 0})
		}
	}
	rows = append(rows, response{ids[3], 0, 2.25}, response{"999999", 1, 10}, response{"nobody", 1, 3})
	var b strings.Builder
	b.WriteString("\ufeffCliente;Respondió;Importe\n")
	for _, r := range rows {
		yes := map[int]string{0: "no", 1: "sí"}[r.responded]
		fmt.Fprintf(&b, "%s;%s;%s\n", r.id, yes, strings.Replace(fmt.Sprint(r.revenue), ".", ",", 1))
	}
	first := filepath.Join(s.dir, "respuestas.csv")
	os.WriteFile(first, []byte(b.String()), 0o644)
	code, out, errs := s.run("campaign", "responses", s.db, "--campaign", "spring", "--in", first)
	if code != exitOK || !strings.Contains(out, "not members of the campaign, not imported: 2 ids (e.g. 999999, nobody)") ||
		!strings.Contains(out, "listed more than once, added together: 1 row") || strings.Contains(out, "replaced") {
		t.Fatalf("import: %d %s\n%s", code, errs, out)
	}
	check := func(rows []response) campaignResult {
		t.Helper()
		got := s.results("Spring")
		if len(got) != 1 || !got[0].HasResponses {
			t.Fatalf("results %+v", got)
		}
		want := s.sqlArms("Spring", rows)
		r := got[0]
		checkArm(t, "treated", r.Treated, want["target"])
		checkArm(t, "control", r.Control, want["control"])
		lift := r.Treated.Rate - r.Control.Rate
		if r.Lift == nil || math.Abs(*r.Lift-lift) > 1e-12 || *r.LiftLo > lift || *r.LiftHi < lift ||
			math.Abs(*r.IncrementalResponses-lift*float64(r.Treated.Customers)) > 1e-9 {
			t.Fatalf("lift %v [%v, %v], incremental %v; rates say %v", *r.Lift, *r.LiftLo, *r.LiftHi, *r.IncrementalResponses, lift)
		}
		return r
	}
	r := check(rows)
	// the cost: each treated member at its channel's price, by SQL
	ws, _ := sql.Open("sqlite", s.wsPath)
	defer ws.Close()
	var cost float64
	if err := ws.QueryRow(`SELECT sum(CASE channel WHEN 'email' THEN 0.05 ELSE 0.10 END) FROM pulpero_campaign_members
		WHERE grp = 'target'`).Scan(&cost); err != nil || math.Abs(r.Cost-cost) > 1e-9 {
		t.Fatalf("cost %v, SQL %v (%v)", r.Cost, cost, err)
	}
	if r.Channel != "email, sms" {
		t.Fatalf("channel %q", r.Channel)
	}

	// a second file replaces the first: comma-separated, no responded column
	var second []response
	b.Reset()
	b.WriteString("customer_id,spent\n")
	for i, id := range ids {
		if i%5 == 1 {
			second = append(second, response{id, 1, 3.5})
			fmt.Fprintf(&b, "%s,3.5\n", id)
		}
	}
	os.WriteFile(filepath.Join(s.dir, "second.csv"), []byte(b.String()), 0o644)
	code, out, errs = s.run("campaign", "responses", s.db, "--campaign", "Spring", "--in", filepath.Join(s.dir, "second.csv"))
	if code != exitOK || !strings.Contains(out, fmt.Sprintf("replaced %d responses imported", len(rows)-3)) {
		t.Fatalf("second import: %d %s\n%s", code, errs, out)
	}
	check(second)

	// a bad amount: file:line:column, and the responses stay as they were
	_, before, _ := s.run("campaign", "results", s.db, "--format", "json")
	bad := filepath.Join(s.dir, "bad.csv")
	os.WriteFile(bad, []byte("cliente;respondió;importe\n"+ids[0]+";sí;12,5\n"+ids[1]+";sí;12,3,4\n"), 0o644)
	code, _, errs = s.run("campaign", "responses", s.db, "--campaign", "Spring", "--in", bad)
	if code != exitFail || !strings.Contains(errs, "bad.csv:3:3") || !strings.Contains(errs, "12,50") ||
		!strings.Contains(errs, "nothing was imported") || strings.Count(errs, "\n") != 1 {
		t.Fatalf("bad file: %d %q", code, errs)
	}
	if _, after, _ := s.run("campaign", "results", s.db, "--format", "json"); after != before {
		t.Fatal("a failed import changed the results")
	}
}

// TestCampaignResultsWithoutLift: a campaign without a control group says
// its lift cannot be measured; one whose control group responded more has
// no cost per incremental response.
func TestCampaignResultsWithoutLift(t *testing.T) {
	s := newCampaignShop(t)
	s.export("No control", 0)
	s.export("Backfire", 30)
	for _, name := range []string{"No control", "Backfire"} {
		ids, group := s.members(name)
		var b strings.Builder
		b.WriteString("id\n")
		for _, id := range ids {
			if group[id] == "control" || name == "No control" && len(b.String()) < 40 {
				b.WriteString(id + "\n")
			}
		}
		file := filepath.Join(s.dir, name+".csv")
		os.WriteFile(file, []byte(b.String()), 0o644)
		if code, _, errs := s.run("campaign", "responses", s.db, "--campaign", name, "--in", file); code != exitOK {
			t.Fatalf("%s: %s", name, errs)
		}
	}
	code, out, _ := s.run("campaign", "results", s.db, "--campaign", "no control")
	if code != exitOK || !strings.Contains(out, "no control group: the lift cannot be measured") || strings.Contains(out, "lift +") {
		t.Fatalf("no control group:\n%s", out)
	}
	code, out, _ = s.run("campaign", "results", s.db, "--campaign", "backfire")
	if code != exitOK || !strings.Contains(out, "lift -") || !strings.Contains(out, "cost per incremental response —") {
		t.Fatalf("backfire:\n%s", out)
	}
	if got := s.results("Backfire"); got[0].CostPerIncremental != nil || *got[0].IncrementalResponses >= 0 {
		t.Fatalf("backfire JSON: %+v", got[0])
	}
}

// TestPastCampaignsMatchSQL: the demo's own campaigns, through the same
// command, against SQL's GROUP BY over campaign_contacts, oldest first.
func TestPastCampaignsMatchSQL(t *testing.T) {
	s := newCampaignShop(t)
	got := s.results("")
	db, err := store.Open(s.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.SQL().Query(`SELECT c.name || '@' || substr(c.campaign_date, 1, 10), cc.control_group, count(*), sum(cc.responded),
		sum(cc.revenue), c.cost_per_contact FROM campaign_contacts cc JOIN campaigns c USING (campaign_id) GROUP BY c.campaign_id, 2`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	want := map[string]map[int][3]float64{}
	cost := map[string]float64{}
	for rows.Next() {
		var key string
		var control int
		var v [3]float64
		if err := rows.Scan(&key, &control, &v[0], &v[1], &v[2], new(float64)); err != nil {
			t.Fatal(err)
		}
		if want[key] == nil {
			want[key] = map[int][3]float64{}
		}
		want[key][control] = v
		if control == 0 {
			cost[key] = v[0]
		}
	}
	if len(got) != len(want) || len(got) == 0 {
		t.Fatalf("%d campaigns, SQL %d", len(got), len(want))
	}
	for i, r := range got {
		key := r.Name + "@" + r.Date
		if r.Source != "data" || want[key] == nil {
			t.Fatalf("campaign %s (%s) not in SQL", key, r.Source)
		}
		if i > 0 && r.Date < got[i-1].Date {
			t.Fatalf("%s comes after %s", key, got[i-1].Name+"@"+got[i-1].Date)
		}
		checkArm(t, key+" treated", r.Treated, want[key][0])
		checkArm(t, key+" control", r.Control, want[key][1])
		if math.Abs(r.Cost-r.CostPerContact*cost[key]) > 1e-9 {
			t.Fatalf("%s: cost %v", key, r.Cost)
		}
	}
}

// TestCampaignCommandLine: help, usage errors and unknown names.
func TestCampaignCommandLine(t *testing.T) {
	if code, out, _ := runCLI(t, "help", "campaign"); code != exitOK || !strings.Contains(out, "--campaign NAME --in FILE.csv") {
		t.Fatalf("help campaign: %d %q", code, out)
	}
	for _, args := range [][]string{{"campaign"}, {"campaign", "frob", "x.db"}, {"campaign", "responses", "x.db", "--in", "r.csv"},
		{"campaign", "results"}, {"campaign", "list", "x.db", "--format", "xml"}} {
		if code, _, errs := runCLI(t, args...); code != exitUsage || errs == "" {
			t.Errorf("%v: exit %d %q", args, code, errs)
		}
	}
	s := newCampaignShop(t)
	s.export("Spring", 10)
	code, _, errs := s.run("campaign", "results", s.db, "--campaign", "Autumn")
	if code != exitFail || !strings.Contains(errs, `"Spring"`) || strings.Count(errs, "\n") != 1 {
		t.Fatalf("unknown name in results: %d %q", code, errs)
	}
	code, _, errs = s.run("campaign", "responses", s.db, "--campaign", "Autumn", "--in", "r.csv")
	if code != exitFail || !strings.Contains(errs, `recorded campaigns are "Spring"`) || strings.Count(errs, "\n") != 1 {
		t.Fatalf("unknown name in responses: %d %q", code, errs)
	}
}

// TestPastCampaignIntervalsMatchSQL: every estimate of `campaign results`
// carries its 95% interval, in JSON and in text. The incremental revenue's
// is recomputed from SQL's sums over campaign_contacts (the normal interval
// of a difference of means, d ± 1.96·√(s²t/nt + s²c/nc), × treated); the
// incremental responses' and the cost per incremental response's follow from
// the lift's interval (checked against Newcombe in analysis/targeting).
func TestPastCampaignIntervalsMatchSQL(t *testing.T) {
	s := newCampaignShop(t)
	got := s.results("")
	db, err := store.Open(s.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	type arm struct{ n, sum, sq float64 }
	arms := map[string][2]arm{}
	rows, err := db.SQL().Query(`SELECT c.name, cc.control_group, count(*), total(cc.revenue), total(cc.revenue * cc.revenue)
		FROM campaign_contacts cc JOIN campaigns c USING (campaign_id) GROUP BY c.campaign_id, 2`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		var ctl int
		var a arm
		if err := rows.Scan(&name, &ctl, &a.n, &a.sum, &a.sq); err != nil {
			t.Fatal(err)
		}
		v := arms[name]
		v[ctl] = a
		arms[name] = v
	}
	rows.Close()
	checked, open := 0, 0
	for _, r := range got {
		if r.Lift == nil {
			continue
		}
		checked++
		nt := float64(r.Treated.Customers)
		if r.IncrementalResponsesLo == nil || r.IncrementalResponsesHi == nil {
			t.Fatalf("%s: incremental responses without an interval", r.Name)
		}
		if *r.IncrementalResponsesLo != *r.LiftLo*nt || *r.IncrementalResponsesHi != *r.LiftHi*nt {
			t.Errorf("%s: incremental responses %v to %v, lift interval × %v treated gives %v to %v", r.Name,
				*r.IncrementalResponsesLo, *r.IncrementalResponsesHi, nt, *r.LiftLo*nt, *r.LiftHi*nt)
		}
		a := arms[r.Name]
		mean := func(x arm) float64 { return x.sum / x.n }
		varMean := func(x arm) float64 { return (x.sq - x.sum*x.sum/x.n) / (x.n - 1) / x.n }
		d, se := mean(a[0])-mean(a[1]), math.Sqrt(varMean(a[0])+varMean(a[1]))
		lo, hi := (d-1.959964*se)*nt, (d+1.959964*se)*nt
		if r.IncrementalRevenueLo == nil || math.Abs(*r.IncrementalRevenueLo-lo) > 1e-6*math.Max(1, math.Abs(lo)) ||
			math.Abs(*r.IncrementalRevenueHi-hi) > 1e-6*math.Max(1, math.Abs(hi)) || math.Abs(*r.IncrementalRevenue-d*nt) > 1e-6 {
			t.Errorf("%s: incremental revenue %v (%v to %v), SQL %v (%v to %v)", r.Name, *r.IncrementalRevenue,
				r.IncrementalRevenueLo, r.IncrementalRevenueHi, d*nt, lo, hi)
		}
		if *r.IncrementalResponses <= 0 {
			continue
		}
		if math.Abs(*r.CostPerIncrementalLo-r.Cost/(*r.LiftHi*nt)) > 1e-9 {
			t.Errorf("%s: cost per incremental response from %v, cost / upper incremental %v", r.Name, *r.CostPerIncrementalLo, r.Cost/(*r.LiftHi*nt))
		}
		switch {
		case *r.LiftLo > 0 && (r.CostPerIncrementalHi == nil || math.Abs(*r.CostPerIncrementalHi-r.Cost/(*r.LiftLo*nt)) > 1e-9):
			t.Errorf("%s: cost per incremental response to %v, cost / lower incremental %v", r.Name, r.CostPerIncrementalHi, r.Cost/(*r.LiftLo*nt))
		case *r.LiftLo <= 0 && (r.CostPerIncrementalHi != nil || !r.CostPerIncrementalOpen):
			t.Errorf("%s: the lift's interval reaches 0, yet the cost per incremental response is bounded", r.Name)
		}
		if r.CostPerIncrementalOpen {
			open++
		}
	}
	if checked != len(arms) || checked == 0 {
		t.Fatalf("checked %d campaigns of %d", checked, len(arms))
	}
	code, out, _ := s.run("campaign", "results", s.db)
	if code != exitOK || strings.Count(out, "incremental revenue") != checked || strings.Count(out, "(95% CI") < 3*checked ||
		open > 0 && !strings.Contains(out, "to no upper bound)") {
		t.Fatalf("text results lack intervals:\n%s", out)
	}
}
