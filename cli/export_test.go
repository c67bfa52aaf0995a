package cli

import (
	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model/campaign"

	"database/sql"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/store"
)

// TestHelperExport runs `pulpero export` with the arguments in
// PULPERO_EXPORT_ARGS (separated by newlines) and fails if it fails: the
// helper process of the kill test, and a way to run an export by hand
// before the command is wired into main.
func TestHelperExport(t *testing.T) {
	args := os.Getenv("PULPERO_EXPORT_ARGS")
	if args == "" {
		t.Skip("helper process only")
	}
	if code := runExport(strings.Split(args, "\n"), os.Stdout, os.Stderr); code != 0 {
		t.Fatalf("export exited with %d", code)
	}
}

// truth is what the random database generator knows about each customer.
type truth struct {
	consent     [4]bool // email, sms, phone, post
	unsub, bnc  bool
	email, post bool // well-formed (post: address and postcode)
	phone, mob  bool
	gender      string
}

// reachableTruth is the independent statement of the consent law.
func (t truth) reachable(ch string) bool {
	switch ch {
	case "email":
		return t.consent[0] && !t.unsub && t.email && !t.bnc
	case "sms":
		return t.consent[1] && !t.unsub && t.phone && t.mob
	case "phone":
		return t.consent[2] && !t.unsub && t.phone
	case "post":
		return t.consent[3] && !t.unsub && t.post
	}
	return false
}

// randomShop writes a customers table (and a campaign history) of n random
// customers, with every kind of flaw in contact data, and returns the truth.
func randomShop(t *testing.T, r *rand.Rand, path string, n int) map[int64]truth {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin() // one transaction: thousands of rows in a blink
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	}()
	exec := func(q string, args ...any) {
		if _, err := tx.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, gender TEXT, email TEXT, phone TEXT,
		address TEXT, postcode TEXT, consent_email INTEGER, consent_sms INTEGER, consent_phone INTEGER, consent_post INTEGER,
		email_bounced INTEGER, unsubscribed INTEGER, household_id INTEGER)`)
	exec(`CREATE TABLE campaigns (campaign_id INTEGER PRIMARY KEY, name TEXT, channel TEXT, campaign_date TEXT, cost_per_contact REAL)`)
	exec(`CREATE TABLE campaign_contacts (campaign_id INTEGER REFERENCES campaigns(campaign_id), customer_id INTEGER REFERENCES customers(customer_id), control_group INTEGER, responded INTEGER, revenue REAL,
		PRIMARY KEY (campaign_id, customer_id))`)
	for k, ch := range []string{"email", "sms", "phone", "post"} {
		exec(`INSERT INTO campaigns VALUES (?, ?, ?, '2025-01-10', 0.1)`, k+1, "past "+ch, ch)
	}
	first := []string{"Ana", "Luis", "Marta", "Jorge", "Lucía", "Pablo", "Elena", "Raúl"}
	last := []string{"García", "López", "Martín", "Sánchez", "Pérez", "Gómez", "Ruiz", "Díaz"}
	out := map[int64]truth{}
	for i := int64(1); i <= int64(n); i++ {
		var tr truth
		bit := func(p float64) int {
			if r.Float64() < p {
				return 1
			}
			return 0
		}
		var cons [4]any
		for k := range cons {
			switch r.IntN(5) {
			case 0:
				cons[k] = nil
			case 1, 2:
				cons[k] = 0
			default:
				cons[k] = 1
				tr.consent[k] = true
			}
		}
		var email any = fmt.Sprintf("user%d@example.com", i)
		switch r.IntN(6) {
		case 0:
			email = nil
		case 1:
			email = fmt.Sprintf("user%d.example.com", i)
		case 2:
			email = fmt.Sprintf("user%d@@mail", i)
		default:
			tr.email = true
		}
		var phone any = fmt.Sprintf("6%02d %03d %03d", r.IntN(100), r.IntN(1000), i%1000)
		switch r.IntN(6) {
		case 0:
			phone = nil
		case 1:
			phone = "12-34"
		case 2:
			phone, tr.phone = fmt.Sprintf("9%02d %03d %03d", r.IntN(100), r.IntN(1000), i%1000), true
		default:
			tr.phone, tr.mob = true, true
		}
		var addr any = fmt.Sprintf("Calle Mayor %d, %dº", i, r.IntN(9))
		switch r.IntN(6) {
		case 0:
			addr = nil
		case 1:
			addr = " "
		default:
			tr.post = true
		}
		var postcode any = fmt.Sprintf("28%03d", r.IntN(100))
		if r.IntN(8) == 0 {
			postcode, tr.post = nil, false
		}
		tr.bnc, tr.unsub = bit(0.1) == 1, bit(0.1) == 1
		tr.gender = []string{"f", "m"}[r.IntN(2)]
		exec(`INSERT INTO customers VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, i, first[r.IntN(8)]+" "+last[r.IntN(8)], tr.gender,
			email, phone, addr, postcode, cons[0], cons[1], cons[2], cons[3], tr.bnc, tr.unsub, (i+1)/2)
		for k := range 4 {
			if r.IntN(2) == 0 {
				exec(`INSERT INTO campaign_contacts VALUES (?,?,?,?,?)`, k+1, i, bit(0.2), bit(0.15), 10.0)
			}
		}
		out[i] = tr
	}
	return out
}

// TestExportConsentProperty: over random databases and parameters, no
// exported row lacks consent or a valid address for its channel, no customer
// is listed twice (so no control customer is in the target rows), and with
// no budget limit the list is exactly the reachable matching customers.
func TestExportConsentProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(42, 7))
	for trial := range 12 {
		dir := t.TempDir()
		dbPath := filepath.Join(dir, "shop.db")
		n := 60 + r.IntN(200)
		tr := randomShop(t, r, dbPath, n)
		channels := [][]string{{"email"}, {"sms"}, {"phone"}, {"post"}, {"email", "post"}, {"sms", "phone", "email"}}[trial%6]
		costs := make([]string, len(channels))
		for k := range costs {
			costs[k] = fmt.Sprintf("%.2f", 0.05+r.Float64())
		}
		budget := 0.0
		if trial%2 == 1 {
			budget = 5 + r.Float64()*20
		}
		out := filepath.Join(dir, "list.csv")
		args := []string{dbPath, "--channel", strings.Join(channels, ","), "--cost", strings.Join(costs, ","),
			"--value", "1000", "--budget", fmt.Sprint(budget), "--control", fmt.Sprint(r.IntN(40)), "--out", out,
			"--rejected", filepath.Join(dir, "rej.csv"), "--data-dir", dir}
		where := trial%3 == 0
		if where {
			args = append(args, "--where", `gender = "f"`)
		} else {
			args = append(args, "--all")
		}
		var stdout, stderr strings.Builder
		if code := runExport(args, &stdout, &stderr); code != 0 {
			t.Fatalf("trial %d: exit %d: %s", trial, code, stderr.String())
		}
		rows := readCSV(t, out)
		seen := map[int64]bool{}
		for _, row := range rows[1:] {
			id, _ := strconv.ParseInt(row[0], 10, 64)
			ch := row[3]
			if seen[id] {
				t.Fatalf("trial %d: customer %d listed twice", trial, id)
			}
			seen[id] = true
			if !tr[id].reachable(ch) {
				t.Fatalf("trial %d: customer %d exported for %s without consent or a valid address: %+v", trial, id, ch, tr[id])
			}
			if where && tr[id].gender != "f" {
				t.Fatalf("trial %d: customer %d is not in the segment", trial, id)
			}
		}
		// every matching customer is either listed or rejected with a reason, never both
		matching := 0
		for _, c := range tr {
			if !where || c.gender == "f" {
				matching++
			}
		}
		rejected := readCSV(t, filepath.Join(dir, "rej.csv"))[1:]
		for _, row := range rejected {
			id, _ := strconv.ParseInt(row[0], 10, 64)
			if seen[id] || row[1] == "" {
				t.Fatalf("trial %d: customer %d both listed and rejected (%q)", trial, id, row[1])
			}
		}
		if len(rejected)+len(seen) != matching {
			t.Fatalf("trial %d: %d listed + %d rejected != %d matching", trial, len(seen), len(rejected), matching)
		}
		if budget == 0 {
			want := 0
			for id, c := range tr {
				ok := false
				for _, ch := range channels {
					ok = ok || c.reachable(ch)
				}
				if ok && (!where || c.gender == "f") {
					want++
					if !seen[id] {
						t.Errorf("trial %d: reachable customer %d (%+v) missing from the list", trial, id, c)
					}
				}
			}
			if want != len(seen) {
				t.Fatalf("trial %d: %d listed, %d reachable", trial, len(seen), want)
			}
		}
	}
}

func readCSV(t *testing.T, path string) [][]string {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestResponseRatesMatchSQL compares the response model's counts and rates
// with an independent SQL computation over the same random database: treated
// contacts and responses by channel and by channel × gender, and the shrunk
// rate recomputed from SQL's numbers.
func TestResponseRatesMatchSQL(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "shop.db")
	randomShop(t, rand.New(rand.NewPCG(3, 9)), path, 400)
	ctx := t.Context()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	adb, err := app.Open(path, app.OpenOptions{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer adb.Close()
	cust, err := adb.Load(ctx, app.LoadRequest{AsOf: time.Now().UTC()})
	if err != nil {
		t.Fatal(err)
	}
	past, err := adb.CampaignHistory(ctx, cust.Data)
	if err != nil || past == nil {
		t.Fatalf("no history: %v", err)
	}
	const prior = 50
	m, err := targeting.FitResponseRates(cust.Data, past, "gender", prior, 0.02)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.SQL().Query(`SELECT c.channel, cu.gender, count(*), sum(cc.responded)
		FROM campaign_contacts cc JOIN campaigns c USING (campaign_id) JOIN customers cu USING (customer_id)
		WHERE coalesce(cc.control_group, 0) = 0 GROUP BY 1, 2`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	type cell struct{ n, k int }
	byChannel := map[string]cell{}
	byGroup := map[[2]string]cell{}
	for rows.Next() {
		var ch, g string
		var c cell
		if err := rows.Scan(&ch, &g, &c.n, &c.k); err != nil {
			t.Fatal(err)
		}
		byGroup[[2]string{ch, g}] = c
		s := byChannel[ch]
		byChannel[ch] = cell{s.n + c.n, s.k + c.k}
	}
	if len(byChannel) != 4 {
		t.Fatalf("SQL found %d channels", len(byChannel))
	}
	for name, want := range byChannel {
		ch, _ := campaign.ParseChannel(name)
		got := m.Channel[ch]
		if got.N != want.n || got.Responses != want.k {
			t.Errorf("%s: model %d/%d, SQL %d/%d", name, got.Responses, got.N, want.k, want.n)
		}
		mean := float64(want.k) / float64(want.n)
		// every SQL group is a group of the model, and the groups add up to the channel
		groups, sumN, sumK := 0, 0, 0
		for _, g := range m.Groups[ch] {
			if g.N > 0 {
				groups++
			}
			sumN, sumK = sumN+g.N, sumK+g.Responses
		}
		sqlGroups := 0
		for key := range byGroup {
			if key[0] == name {
				sqlGroups++
			}
		}
		if groups != sqlGroups || sqlGroups < 2 || sumN != want.n || sumK != want.k {
			t.Errorf("%s: %d groups holding %d/%d, SQL %d groups holding %d/%d", name, groups, sumK, sumN, sqlGroups, want.k, want.n)
		}
		for _, g := range m.Groups[ch][1:] {
			w := byGroup[[2]string{name, g.Group}]
			shrunk := (float64(w.k) + prior*mean) / (float64(w.n) + prior)
			if g.N != w.n || g.Responses != w.k || math.Abs(g.Rate-shrunk) > 1e-12 {
				t.Errorf("%s × %s: model %d/%d rate %.6f, SQL %d/%d rate %.6f", name, g.Group, g.Responses, g.N, g.Rate, w.k, w.n, shrunk)
			}
			if g.N > 0 && (g.Lo > g.Raw || g.Hi < g.Raw) {
				t.Errorf("%s × %s: interval %.4f–%.4f misses %.4f", name, g.Group, g.Lo, g.Hi, g.Raw)
			}
		}
	}
}

// TestExportKilled runs the export in a child process (TestHelperExport)
// that kills itself with SIGKILL at a named point of the write (the
// PULPERO_FAULT hook of store and app), over an old list it was told to
// replace, and checks what each kill leaves:
//   - app.FaultFilesWritten (list, rejected file and manifest complete, none
//     in place, nothing recorded): the old list, byte for byte; no rejected
//     file, no manifest; no campaign recorded (campaign list), and the next
//     export has nothing to report;
//   - app.FaultPlaced (every file in place, the record not completed): the
//     complete new list, the same bytes an uninterrupted export writes, with
//     its rejected file and manifest; the next export reports that list as
//     interrupted and records it, and campaign list then shows it.
func TestExportKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	for _, stage := range []string{app.FaultFilesWritten, app.FaultPlaced} {
		t.Run(stage, func(t *testing.T) {
			dir := t.TempDir()
			dbPath := filepath.Join(dir, "shop.db")
			randomShop(t, rand.New(rand.NewPCG(5, 5)), dbPath, 600)
			exportArgs := func(name, out string) []string {
				return []string{dbPath, "--all", "--channel", "email,post", "--cost", "0.05,0.6", "--value", "40", "--control", "10",
					"--name", name, "--out", out, "--rejected", strings.TrimSuffix(out, ".csv") + ".rejected.csv", "--data-dir", dir, "--force"}
			}
			child := func(fault string, out string) ([]byte, error) {
				cmd := exec.Command(os.Args[0], "-test.run=^TestHelperExport$", "-test.count=1")
				cmd.Env = append(os.Environ(), "PULPERO_EXPORT_ARGS="+strings.Join(exportArgs("spring", out), "\n"), store.FaultEnv+"="+fault)
				return cmd.CombinedOutput()
			}
			// what an uninterrupted export writes, into another folder
			ref := filepath.Join(t.TempDir(), "ref.csv")
			var so, se strings.Builder
			if code := runExport(append(exportArgs("spring", ref), "--no-record"), &so, &se); code != 0 {
				t.Fatalf("uninterrupted export: %s", se.String())
			}
			want, err := os.ReadFile(ref)
			if err != nil || len(want) < 100 {
				t.Fatalf("reference list: %d bytes, %v", len(want), err)
			}
			list := filepath.Join(dir, "spring.csv")
			rejected, manifest := filepath.Join(dir, "spring.rejected.csv"), manifestPath(list)
			old := []byte("customer_id,name\nold,list\n")
			if err := os.WriteFile(list, old, 0o600); err != nil {
				t.Fatal(err)
			}
			b, err := child(stage, list)
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != -1 {
				t.Fatalf("the child was not killed at %s: %v\n%s", stage, err, b)
			}
			got, err := os.ReadFile(list)
			if err != nil {
				t.Fatal(err)
			}
			_, rejErr := os.Stat(rejected)
			_, manErr := os.Stat(manifest)
			recorded := func() int {
				t.Helper()
				var out, errs strings.Builder
				if code := runCampaign([]string{"list", dbPath, "--format", "json", "--data-dir", dir}, &out, &errs); code != 0 {
					t.Fatalf("campaign list: %s", errs.String())
				}
				var rows []struct{ Name, Source string }
				if err := json.Unmarshal([]byte(out.String()), &rows); err != nil {
					t.Fatalf("%v: %s", err, out.String())
				}
				n := 0
				for _, r := range rows {
					if r.Source != "data" && strings.EqualFold(r.Name, "spring") {
						n++
					}
				}
				return n
			}
			switch stage {
			case app.FaultFilesWritten:
				if string(got) != string(old) || rejErr == nil || manErr == nil {
					t.Fatalf("killed before anything was placed: list %d bytes (old %d), rejected file %v, manifest %v",
						len(got), len(old), rejErr, manErr)
				}
			case app.FaultPlaced:
				if string(got) != string(want) || rejErr != nil || manErr != nil {
					t.Fatalf("killed after placing: list %d bytes (complete %d), rejected file %v, manifest %v",
						len(got), len(want), rejErr, manErr)
				}
			}
			// the next export settles what the kill left, and says so
			next := filepath.Join(dir, "summer.csv")
			var stdout, stderr strings.Builder
			if code := runExport(exportArgs("summer", next), &stdout, &stderr); code != 0 {
				t.Fatalf("the next export: %s", stderr.String())
			}
			said := stdout.String() + stderr.String()
			switch stage {
			case app.FaultFilesWritten:
				if n := recorded(); n != 0 || strings.Contains(said, "interrupted") {
					t.Fatalf("after a kill before anything was placed: %d spring campaigns recorded; said %q", n, said)
				}
			case app.FaultPlaced:
				if n := recorded(); n != 1 || !strings.Contains(said, "interrupted") || !strings.Contains(said, list) {
					t.Fatalf("after a kill after placing: %d spring campaigns recorded; said %q", n, said)
				}
			}
		})
	}
}

// TestExportSavedSegment: --segment and --exclude take saved segments, the
// list holds exactly the reachable customers of one and not the other, and
// the manifest names the segment with its definition's hash.
func TestExportSavedSegment(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "shop.db")
	tr := randomShop(t, rand.New(rand.NewPCG(8, 8)), dbPath, 300)
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := store.OpenWorkspace(db, dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, def := range map[string]string{"Women": `gender = "f"`, "first fifty": `customer_id <= 50`, "last ten": `customer_id > 290`} {
		tree, err := segment.Parse(def)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ws.SaveSegment(t.Context(), name, store.SegmentVersion{Definition: segment.Print(tree), Hash: segment.Hash(tree)}); err != nil {
			t.Fatal(err)
		}
	}
	ws.Close()
	db.Close()
	out := filepath.Join(dir, "women.csv")
	var stdout, stderr strings.Builder
	args := []string{dbPath, "--segment", "women", "--segment", "last ten", "--exclude", "first fifty", "--channel", "email", "--cost", "0.05",
		"--value", "40", "--control", "0", "--out", out, "--data-dir", dir}
	if code := runExport(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	want := map[string]bool{}
	for id, c := range tr {
		if (c.gender == "f" || id > 290) && id > 50 && c.reachable("email") {
			want[strconv.FormatInt(id, 10)] = tr[id].gender == "f"
		}
	}
	rows := readCSV(t, out)[1:]
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for _, r := range rows {
		women, ok := want[r[0]]
		seg := map[bool]string{true: "Women", false: "last ten"}[women]
		if !ok || r[4] != seg || r[5] != "target" {
			t.Fatalf("unexpected row %v (want segment %s)", r, seg)
		}
	}
	b, err := os.ReadFile(manifestPath(out))
	if err != nil {
		t.Fatal(err)
	}
	var m campaign.Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Segments) != 2 || m.Segments[0].Name != "Women" || m.Segments[0].Hash == "" || len(m.Exclude) != 1 {
		t.Fatalf("manifest segments %+v exclude %+v", m.Segments, m.Exclude)
	}
	// the campaign is recorded with its members
	check, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	var members int
	if err := check.QueryRow(`SELECT count(*) FROM pulpero_campaign_members m JOIN pulpero_campaigns c ON c.id = m.campaign_id
		WHERE c.name = 'women'`).Scan(&members); err != nil || members != len(rows) {
		t.Fatalf("recorded %d members, listed %d (%v)", members, len(rows), err)
	}
	// a second run refuses to overwrite without --force
	if code := runExport(args, &stdout, &stderr); code == 0 {
		t.Fatalf("overwrote %s without --force", out)
	}
}

// TestPastCampaignResultsMatchSQL: treated and control counts, responses and
// revenue of every past campaign in the data, against SQL's GROUP BY.
func TestPastCampaignResultsMatchSQL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	randomShop(t, rand.New(rand.NewPCG(4, 4)), path, 300)
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	h, ok, err := db.ReadCampaignHistory(t.Context())
	if err != nil || !ok {
		t.Fatalf("history: %v %v", ok, err)
	}
	byCampaign := make([][]int, len(h.Campaigns))
	for i, k := range h.Campaign {
		byCampaign[k] = append(byCampaign[k], i)
	}
	results := map[int64]targeting.CampaignResult{}
	for k, c := range h.Campaigns {
		results[c.ID] = targeting.MeasureCampaign(h.Control, h.Responded, h.Revenue, byCampaign[k], c.Cost)
	}
	rows, err := db.SQL().Query(`SELECT campaign_id, control_group, count(*), sum(responded), sum(revenue)
		FROM campaign_contacts GROUP BY 1, 2`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id int64
		var control, count, responses int
		var revenue float64
		if err := rows.Scan(&id, &control, &count, &responses, &revenue); err != nil {
			t.Fatal(err)
		}
		arm := results[id].Treated
		if control == 1 {
			arm = results[id].Control
		}
		if arm.N != count || arm.Responses != responses || math.Abs(arm.Revenue-revenue) > 1e-6 {
			t.Errorf("campaign %d control=%d: %d/%d %.2f, SQL %d/%d %.2f", id, control, arm.Responses, arm.N, arm.Revenue, responses, count, revenue)
		}
		n++
	}
	if n != 8 {
		t.Fatalf("SQL found %d campaign arms, want 8", n)
	}
}

// TestExportFatigue: with a window reaching back past the history's
// campaigns, nobody contacted (treated, not control) then is listed, and the
// rejected file says why.
func TestExportFatigue(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "shop.db")
	randomShop(t, rand.New(rand.NewPCG(6, 6)), dbPath, 200)
	out := filepath.Join(dir, "list.csv")
	days := int(time.Since(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)).Hours()/24) + 1
	args := []string{dbPath, "--all", "--channel", "email,post", "--cost", "0.05,0.6", "--value", "40", "--fatigue", strconv.Itoa(days),
		"--out", out, "--rejected", filepath.Join(dir, "rej.csv"), "--data-dir", dir, "--no-record"}
	var stdout, stderr strings.Builder
	if code := runExport(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	raw, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	contacted := map[string]bool{}
	rows, err := raw.Query(`SELECT DISTINCT customer_id FROM campaign_contacts WHERE coalesce(control_group, 0) = 0`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		contacted[id] = true
	}
	rows.Close()
	for _, r := range readCSV(t, out)[1:] {
		if contacted[r[0]] {
			t.Fatalf("customer %s contacted within the window, yet listed", r[0])
		}
	}
	fatigued := 0
	for _, r := range readCSV(t, filepath.Join(dir, "rej.csv"))[1:] {
		if r[1] == "contacted recently" {
			fatigued++
			if !contacted[r[0]] {
				t.Fatalf("customer %s rejected as contacted recently, but never contacted", r[0])
			}
		}
	}
	if fatigued == 0 {
		t.Fatal("nobody left out for fatigue")
	}
}

// TestExportModelNoBetterThanChance: responses in randomShop are drawn
// independently of everything, so a logistic model cannot rank better than
// chance. The printout and the manifest show its held-out AUC with the 95%
// interval, say that it is not used and that the channel rate is, and say
// that digitally_valid (known only as of today) was left out.
func TestExportModelNoBetterThanChance(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "shop.db")
	randomShop(t, rand.New(rand.NewPCG(9, 1)), dbPath, 3000)
	out := filepath.Join(dir, "list.csv")
	var stdout, stderr strings.Builder
	args := []string{dbPath, "--all", "--channel", "email", "--cost", "0.05", "--value", "40", "--model", "logistic",
		"--out", out, "--data-dir", dir, "--no-record"}
	if code := runExport(args, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(manifestPath(out))
	if err != nil {
		t.Fatal(err)
	}
	var m campaign.Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Model) != 1 {
		t.Fatalf("manifest model lines %q", m.Model)
	}
	line := m.Model[0]
	for _, want := range []string{"email: logistic on", "95% CI", "no better than chance", "not used", "the channel rate",
		"left out, known only as of today: digitally_valid"} {
		if !strings.Contains(line, want) {
			t.Errorf("manifest model line %q lacks %q", line, want)
		}
	}
	if !strings.Contains(stdout.String(), line) {
		t.Errorf("the printout does not show the model line %q:\n%s", line, stdout.String())
	}
}
