package store

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/pulpero/pulpero/model/campaign"
)

// tableNames lists the tables of a SQLite file, read with a connection of
// its own.
func tableNames(t *testing.T, path string) []string {
	t.Helper()
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var names []string
	rows, err := d.SQL().Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	return names
}

// TestCampaignOutcomesLookWithoutCreating: a database with no history and
// no pulpero tables has no campaigns, and looking (or asking for a
// campaign's responses by an unknown name) creates no table and no
// workspace file.
func TestCampaignOutcomesLookWithoutCreating(t *testing.T) {
	path := makeDB(t, `CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT)`,
		`INSERT INTO customers VALUES (1, 'Ana'), (2, 'Luis')`)
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	dir := t.TempDir()
	inFile, err := OpenWorkspace(d, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer inFile.Close()
	apart, err := OpenWorkspaceApart(d, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer apart.Close()
	for _, ws := range []*Workspace{inFile, apart, nil} {
		got, err := ws.CampaignOutcomes(t.Context(), d)
		if err != nil || len(got) != 0 {
			t.Fatalf("outcomes %v, %v; want none and no error", got, err)
		}
	}
	if _, err := inFile.ImportResponses(t.Context(), "Spring", filepath.Join(dir, "nothing.csv")); err == nil ||
		!strings.Contains(err.Error(), "no campaign has been recorded") {
		t.Fatalf("import into a workspace with no campaigns: %v", err)
	}
	if got := tableNames(t, path); !slices.Equal(got, []string{"customers"}) {
		t.Fatalf("tables after looking: %v", got)
	}
	if _, err := os.Stat(apart.Path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("looking created the workspace file %s (%v)", apart.Path, err)
	}
}

// TestDataCampaignsOldestFirst: the history tables' campaigns come oldest
// first, undated ones last, each with its own contacts.
func TestDataCampaignsOldestFirst(t *testing.T) {
	path := makeDB(t, `CREATE TABLE customers (customer_id INTEGER PRIMARY KEY)`,
		`CREATE TABLE campaigns (campaign_id INTEGER PRIMARY KEY, name TEXT, channel TEXT, campaign_date TEXT, cost_per_contact REAL)`,
		`CREATE TABLE campaign_contacts (campaign_id INTEGER, customer_id INTEGER, control_group INTEGER, responded INTEGER, revenue REAL)`,
		`INSERT INTO campaigns VALUES (1, 'undated', 'post', NULL, 0.6), (2, 'late', 'EMAIL', '2025-03-01', 0.01), (3, 'early', 'sms', '2024-01-31', 0.05)`,
		`INSERT INTO campaign_contacts VALUES (1, 1, 0, 1, 10), (2, 1, 0, 0, 0), (2, 2, 1, 1, 7.5), (3, 2, 0, 1, 3)`)
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	got, err := (*Workspace)(nil).CampaignOutcomes(t.Context(), d)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, o := range got {
		names = append(names, o.Name+"@"+o.Date)
	}
	if !slices.Equal(names, []string{"early@2024-01-31", "late@2025-03-01", "undated@"}) {
		t.Fatalf("order %v", names)
	}
	late := got[1]
	if late.Source != "data" || late.Channel != "email" || late.CostPerContact != 0.01 || !late.HasResponses ||
		!slices.Equal(late.Control, []bool{false, true}) || !slices.Equal(late.Responded, []bool{false, true}) ||
		!slices.Equal(late.Revenue, []float64{0, 7.5}) {
		t.Fatalf("late: %+v", late)
	}
}

// recordSpring records a campaign "Spring" of customers 1..20: every fifth
// held out, even ids by e-mail (0.05), odd ones by SMS (0.10).
func recordSpring(t *testing.T, ws *Workspace) {
	t.Helper()
	var members []ListItem
	for i := 1; i <= 20; i++ {
		it := ListItem{RowID: int64(i), CustomerID: strconv.Itoa(i), Channel: "sms", Group: "target", Prob: 0.1}
		if i%2 == 0 {
			it.Channel = "email"
		}
		if i%5 == 0 {
			it.Group = "control"
		}
		members = append(members, it)
	}
	m := &campaign.Manifest{Campaign: "Spring", Params: campaign.Parameters{Channels: []campaign.ChannelCost{
		{Channel: campaign.ChannelEmail, Cost: 0.05}, {Channel: campaign.ChannelSMS, Cost: 0.10}}}}
	id, err := ws.RecordCampaign(t.Context(), m, members, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.MarkCampaignDone(t.Context(), id); err != nil {
		t.Fatal(err)
	}
}

// armSums adds up one group of an outcome.
func armSums(o CampaignOutcome, control bool) (n, responses int, revenue float64) {
	for i := range o.Control {
		if o.Control[i] == control {
			n++
			if o.Responded[i] {
				responses++
			}
			revenue += o.Revenue[i]
		}
	}
	return
}

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestImportResponses: the shapes a responses file comes in, what is
// reported, that a new import replaces the old one, and that a bad file
// imports nothing.
func TestImportResponses(t *testing.T) {
	path := makeDB(t, `CREATE TABLE customers (customer_id INTEGER PRIMARY KEY)`)
	ws := segmentWorkspace(t, path)
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ctx := t.Context()
	recordSpring(t, ws)
	outcome := func() CampaignOutcome {
		t.Helper()
		got, err := ws.CampaignOutcomes(ctx, d)
		if err != nil || len(got) != 1 {
			t.Fatalf("outcomes %+v, %v", got, err)
		}
		return got[0]
	}
	o := outcome()
	if o.HasResponses || o.Source != "pulpero" || o.Channel != "email, sms" || math.Abs(o.CostPerContact-0.075) > 1e-12 || len(o.Control) != 20 {
		t.Fatalf("before any import: %+v", o)
	}

	dir := t.TempDir()
	// Excel in a comma-decimal locale: BOM, ';', accents in the header,
	// decimal commas, thousands dots, leading zeros, a duplicate, strangers
	spanish := writeFile(t, dir, "respuestas.csv", "\ufeffID Cliente;Respondió;Importe (€)\n"+
		"3;sí;12,50\n4;no;\n0005;1;1.234,50 €\n99;yes;3\n3;;2\nabc;SI;1\n")
	res, err := ws.ImportResponses(ctx, "spring", spanish)
	if err != nil {
		t.Fatal(err)
	}
	if res.Delimiter != ';' || res.IDColumn != "ID Cliente" || res.RespondedColumn != "Respondió" || res.RevenueColumn != "Importe (€)" ||
		res.Rows != 6 || res.Imported != 3 || res.Treated != 2 || res.Control != 1 || res.Responded != 2 || res.Revenue != 1249 ||
		res.Unmatched != 2 || !slices.Equal(res.UnmatchedIDs, []string{"99", "abc"}) || res.Duplicates != 1 || res.Replaced != 0 || res.Members != 20 {
		t.Fatalf("first import: %+v", res)
	}
	o = outcome()
	if n, r, rev := armSums(o, false); !o.HasResponses || n != 16 || r != 1 || rev != 14.5 {
		t.Fatalf("treated %d %d %v", n, r, rev)
	}
	if n, r, rev := armSums(o, true); n != 4 || r != 1 || rev != 1234.5 {
		t.Fatalf("control %d %d %v", n, r, rev)
	}

	// a tab-separated list without a responded column: everyone listed responded
	tabs := writeFile(t, dir, "responses.tsv", "customer_id\trevenue_eur\n1\t5.5\n2\t1,234.25\n")
	res, err = ws.ImportResponses(ctx, "Spring", tabs)
	if err != nil {
		t.Fatal(err)
	}
	if res.Delimiter != '\t' || res.RespondedColumn != "" || res.Replaced != 3 || !strings.Contains(res.ReplacedImport, "respuestas.csv") ||
		res.Responded != 2 || res.Revenue != 1239.75 {
		t.Fatalf("second import: %+v", res)
	}
	before := outcome()
	if n, r, rev := armSums(before, false); r != 2 || rev != 1239.75 || n != 16 {
		t.Fatalf("after replacing: treated %d %d %v", n, r, rev)
	}

	// a bad amount on line 3, field 2: an error naming the place, nothing imported
	bad := writeFile(t, dir, "bad.csv", "customer,spent\n7,2\n8,12;5\n")
	_, err = ws.ImportResponses(ctx, "Spring", bad)
	var re *ResponsesError
	if !errors.As(err, &re) || re.Line != 3 || re.Column != 2 || re.ColumnName != "spent" ||
		!strings.Contains(err.Error(), "bad.csv:3:2") || !strings.Contains(err.Error(), "nothing was imported") {
		t.Fatalf("bad amount: %v", err)
	}
	bad = writeFile(t, dir, "bad2.csv", "id,responded\n7,yes\n8,perhaps\n")
	if _, err = ws.ImportResponses(ctx, "Spring", bad); !errors.As(err, &re) || re.Line != 3 || re.Column != 2 {
		t.Fatalf("bad answer: %v", err)
	}
	for _, text := range []string{"email,revenue\na@b.c,3\n", "customer_id\n", "id\n500\n501\n"} {
		if _, err := ws.ImportResponses(ctx, "Spring", writeFile(t, dir, "other.csv", text)); err == nil {
			t.Fatalf("%q was imported", text)
		}
	}
	if after := outcome(); !slices.Equal(after.Responded, before.Responded) || !slices.Equal(after.Revenue, before.Revenue) {
		t.Fatal("a failed import changed the responses")
	}

	// one column without a header: a plain list of responders
	res, err = ws.ImportResponses(ctx, "Spring", writeFile(t, dir, "list.csv", "10\n11\n"))
	if err != nil || res.Imported != 2 || res.Responded != 2 || res.Control != 1 {
		t.Fatalf("plain list: %+v %v", res, err)
	}
	_, err = ws.ImportResponses(ctx, "Autumn", tabs)
	if err == nil || !strings.Contains(err.Error(), `"Spring"`) {
		t.Fatalf("unknown campaign: %v", err)
	}
}

// FuzzParseAmount: an amount written with either decimal mark reads back,
// and whatever is accepted is a finite number.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"12,50", "1.234,50 €", "1,234.50", "-3", "", "12,3,4", "EUR 7", "1e3"} {
		f.Add(s, int64(1250))
	}
	f.Fuzz(func(t *testing.T, s string, cents int64) {
		if v, ok := parseAmount(s); ok && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("%q read as %v", s, v)
		}
		cents %= 1 << 40
		want := float64(cents) / 100
		point := strconv.FormatFloat(want, 'f', 2, 64)
		for _, text := range []string{point, strings.Replace(point, ".", ",", 1), point + " €"} {
			if v, ok := parseAmount(text); !ok || math.Abs(v-want) > 1e-9 {
				t.Fatalf("%q read as %v %v, want %v", text, v, ok, want)
			}
		}
	})
}

// FuzzResponseFile: any file either reads or fails with an error that
// names the file, never a panic.
func FuzzResponseFile(f *testing.F) {
	for _, s := range []string{"customer_id,revenue\n1,2\n", "\ufeffcliente;respondió\n1;sí\n", "id\t\"x\n", "a,b\n1,2\n", "7\n8\n"} {
		f.Add([]byte(s))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "r.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readResponseFile(path, func(string) bool { return true })
		if err != nil && !strings.HasPrefix(err.Error(), path) {
			t.Fatalf("error without the file's name: %v", err)
		}
		if err == nil {
			for _, r := range got.rows {
				if r.id == "" || math.IsNaN(r.revenue) {
					t.Fatalf("row %+v", r)
				}
			}
		}
	})
}
