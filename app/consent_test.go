package app

import (
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pulpero/pulpero/model/campaign"
)

var consentAsOf = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// shopWith writes a 30-customer table where everyone has a valid e-mail
// address, plus the extra column given (its SQL type and one value per
// customer; nil is NULL), and returns the database's path.
func shopWith(t *testing.T, consent string, col, typ string, values func(i int) any) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ddl := `CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, email TEXT, ` + consent + ` INTEGER`
	if col != "" {
		ddl += fmt.Sprintf(`, "%s" %s`, col, typ)
	}
	if _, err := db.Exec(ddl + `)`); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 30; i++ {
		args := []any{i, fmt.Sprintf("Cliente %d", i), fmt.Sprintf("c%d@tienda.es", i), 1}
		q := `INSERT INTO customers VALUES (?,?,?,?`
		if col != "" {
			q += `,?`
			args = append(args, values(i))
		}
		if _, err := db.Exec(q+`)`, args...); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// exported runs an e-mail export of everyone and returns the customer ids
// in the list.
func exported(t *testing.T, path string) []int {
	t.Helper()
	ctx := context.Background()
	db, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Load(ctx, LoadRequest{AsOf: consentAsOf})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "list.csv")
	req := campaign.ExportRequest{Request: campaign.Request{Channels: []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.01}},
		Value: 100, DefaultRate: 0.5, Model: campaign.ModelRates, Prior: 50}, Out: out, Format: campaign.FormatCSV, NoRecord: true}
	if _, err := s.Export(ctx, nil, req, ExportOptions{Now: consentAsOf}); err != nil {
		t.Fatal(err)
	}
	return listIDs(t, out)
}

func listIDs(t *testing.T, path string) []int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var ids []int
	for _, r := range rows[1:] {
		id, err := strconv.Atoi(r[0])
		if err != nil {
			t.Fatalf("customer id %q in the list: want the shop's own id", r[0])
		}
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// idsWhere lists 1..30 for which keep is true: the test's own statement of
// who may be contacted.
func idsWhere(keep func(i int) bool) []int {
	var out []int
	for i := 1; i <= 30; i++ {
		if keep(i) {
			out = append(out, i)
		}
	}
	return out
}

// TestOptOutColumnsAreHonouredWhateverTheyHold: an unsubscribed, bounced or
// do-not-contact column is read by its name whatever its kind, and only a
// clear no (empty, 0, no, false) leaves a customer reachable; a date opts
// out from that day on. Before, these columns got no role and every
// unsubscribed customer was exported.
func TestOptOutColumnsAreHonouredWhateverTheyHold(t *testing.T) {
	cases := []struct {
		name, col, typ string
		value          func(i int) any
		reachable      func(i int) bool
	}{
		{"0/1/unknown", "unsubscribed", "TEXT", func(i int) any { return []any{"0", "1", "unknown"}[i%3] }, func(i int) bool { return i%3 == 0 }},
		{"0/1/2", "unsubscribed", "INTEGER", func(i int) any { return i % 3 }, func(i int) bool { return i%3 == 0 }},
		{"yes/no/'Yes '", "unsubscribed", "TEXT", func(i int) any { return []any{"no", "yes", "Yes "}[i%3] }, func(i int) bool { return i%3 == 0 }},
		{"NULL or 'no'", "unsubscribed", "TEXT", func(i int) any {
			if i%2 == 0 {
				return nil
			}
			return "No"
		}, func(i int) bool { return true }},
		{"unsubscribed-at date", "unsubscribed_at", "TEXT", func(i int) any {
			switch i % 3 {
			case 0:
				return nil
			case 1:
				return "2025-06-30" // before the as-of day: out
			}
			return "2026-03-01" // after it: not yet
		}, func(i int) bool { return i%3 != 1 }},
		{"bounced 0/1/2", "email_bounced", "INTEGER", func(i int) any { return i % 3 }, func(i int) bool { return i%3 == 0 }},
		{"Spanish fecha de baja", "Fecha de baja", "TEXT", func(i int) any {
			if i <= 10 {
				return "01/02/2025"
			}
			return nil
		}, func(i int) bool { return i > 10 }},
		{"lista Robinson", "Lista Robinson", "TEXT", func(i int) any {
			if i%5 == 0 {
				return "sí"
			}
			return ""
		}, func(i int) bool { return i%5 != 0 }},
		{"no molestar", "no_molestar", "INTEGER", func(i int) any { return i % 2 }, func(i int) bool { return i%2 == 0 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := exported(t, shopWith(t, "consent_email", c.col, c.typ, c.value))
			if want := idsWhere(c.reachable); !slices.Equal(got, want) {
				t.Fatalf("exported %v\nwant       %v", got, want)
			}
		})
	}
}

// TestSpanishGeneralConsent: "Acepta publicidad" is a general marketing
// consent; the e-mail channel, having no column of its own, uses it, and
// only a clear yes consents.
func TestSpanishGeneralConsent(t *testing.T) {
	path := shopWith(t, `"Acepta publicidad"`, "", "", nil)
	db, _ := sql.Open("sqlite", path)
	if _, err := db.Exec(`UPDATE customers SET "Acepta publicidad" = CASE WHEN customer_id % 4 = 0 THEN 0 ELSE 1 END`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	got := exported(t, path)
	if want := idsWhere(func(i int) bool { return i%4 != 0 }); !slices.Equal(got, want) {
		t.Fatalf("exported %v\nwant       %v", got, want)
	}
}

// TestConsentColumnWordsGiveRoles: consent and opt-out columns are
// recognised in Spanish and English from the words of their names.
func TestConsentColumnWordsGiveRoles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "roles.db")
	db, _ := sql.Open("sqlite", path)
	cols := []string{`"Autoriza comunicaciones SMS"`, `"Permiso llamadas"`, `"Acepta correo postal"`, `"Newsletter"`,
		`"Baja SMS"`, `"No llamar"`}
	if _, err := db.Exec(`CREATE TABLE clientes (id INTEGER PRIMARY KEY, ` + strings.Join(cols, " INTEGER, ") + ` INTEGER)`); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 20; i++ {
		db.Exec(`INSERT INTO clientes VALUES (?,?,?,?,?,?,?)`, i, i%2, i%2, i%2, i%2, i%2, i%2)
	}
	db.Close()
	d, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	tab, _, err := d.CustomerTable(context.Background(), "clientes")
	if err != nil {
		t.Fatal(err)
	}
	profiles, err := d.Profile(context.Background(), tab)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Autoriza comunicaciones SMS": "consent_sms", "Permiso llamadas": "consent_phone",
		"Acepta correo postal": "consent_post", "Newsletter": "consent_email", "Baja SMS": "unsubscribed", "No llamar": "unsubscribed"}
	for _, p := range profiles {
		if w, ok := want[p.Name]; ok && string(p.Role) != w {
			t.Errorf("%s: role %q, want %s (%s)", p.Name, p.Role, w, p.RoleWhy)
		}
	}
}

// TestConsentIsReadAgainWhenTheListIsWritten: customers who withdraw consent
// (or unsubscribe) after the customers were loaded and the plan made are not
// written; the rejected file says why, and the manifest records the
// database's state in the transaction the list was read in.
func TestConsentIsReadAgainWhenTheListIsWritten(t *testing.T) {
	path := shopWith(t, "consent_email", "unsubscribed", "INTEGER", func(int) any { return 0 })
	ctx := context.Background()
	db, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Load(ctx, LoadRequest{AsOf: consentAsOf})
	if err != nil {
		t.Fatal(err)
	}
	// another program changes its mind about ten customers after the load
	other, _ := sql.Open("sqlite", path)
	if _, err := other.Exec(`UPDATE customers SET consent_email = 0 WHERE customer_id <= 5;
		UPDATE customers SET unsubscribed = 1 WHERE customer_id BETWEEN 6 AND 10`); err != nil {
		t.Fatal(err)
	}
	other.Close()
	dir := t.TempDir()
	req := campaign.ExportRequest{Request: campaign.Request{Channels: []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.01}},
		Value: 100, DefaultRate: 0.5, Model: campaign.ModelRates, Prior: 50, ControlPercent: 0},
		Out: filepath.Join(dir, "list.csv"), Rejected: filepath.Join(dir, "rejected.csv"), Format: campaign.FormatCSV, NoRecord: true}
	m, err := s.Export(ctx, nil, req, ExportOptions{Now: consentAsOf})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := listIDs(t, req.Out), idsWhere(func(i int) bool { return i > 10 }); !slices.Equal(got, want) {
		t.Fatalf("listed %v\nwant %v", got, want)
	}
	rej, err := os.ReadFile(req.Rejected)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 10; i++ {
		why := "no consent at export"
		if i > 5 {
			why = "unsubscribed at export"
		}
		if !strings.Contains(string(rej), fmt.Sprintf("%d,%s", i, why)) {
			t.Errorf("rejected file lacks %d (%s):\n%s", i, why, rej)
		}
	}
	if m.Files.SkippedAtExport != 10 || m.Database.AtWrite == nil || m.Database.AtWrite.Size == 0 {
		t.Fatalf("manifest: skipped %d, at write %+v", m.Files.SkippedAtExport, m.Database.AtWrite)
	}
}

// TestAnOptOutColumnNotReadStopsTheExport: a column named like an opt-out
// that is not read as one stops the export with a message saying what to
// do, until the user says which column holds the opt-outs.
func TestAnOptOutColumnNotReadStopsTheExport(t *testing.T) {
	path := shopWith(t, "consent_email", "baja", "INTEGER", func(i int) any { return i % 2 })
	ctx := context.Background()
	db, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Load(ctx, LoadRequest{AsOf: consentAsOf})
	if err != nil {
		t.Fatal(err)
	}
	// as if detection had given the column another role (or none)
	for i := range s.Profiles {
		if s.Profiles[i].Name == "baja" {
			s.Profiles[i].Role = ""
		}
	}
	err = s.checkOptOutsRead(ctx)
	if err == nil || !strings.Contains(err.Error(), `"baja"`) || !strings.Contains(err.Error(), "--set unsubscribed=baja") {
		t.Fatalf("err = %v", err)
	}
	if err := db.SetRole(ctx, "customers", "unsubscribed", "baja"); err != nil {
		t.Fatal(err)
	}
	if err := s.checkOptOutsRead(ctx); err != nil {
		t.Fatalf("after the user said which column holds opt-outs: %v", err)
	}
}

// TestAConsentLookingColumnWithoutARoleIsNamed: a second yes/no column
// named like e-mail consent gets no role (one column holds it) and is named
// as unmapped, for the Campaign screen and `pulpero roles` to say so.
func TestAConsentLookingColumnWithoutARoleIsNamed(t *testing.T) {
	path := shopWith(t, "consent_email", "acepta_newsletter", "INTEGER", func(i int) any { return i % 2 })
	db, err := Open(path, OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, err := db.Load(context.Background(), LoadRequest{AsOf: consentAsOf})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.UnmappedConsent(); len(got) != 1 || got[0] != "acepta_newsletter" {
		t.Fatalf("unmapped consent columns: %v", got)
	}
}

// TestListsNameCustomersByTheShopsOwnKey: a table's declared primary key
// (id INTEGER PRIMARY KEY) or a unique code column named like a key
// ("Nº cliente" = C00001) is the customer key lists use, never "rowid:N";
// a table with neither says so in the manifest.
func TestListsNameCustomersByTheShopsOwnKey(t *testing.T) {
	cases := []struct {
		name, ddl string
		key       func(i int) any
		want      func(i int) string
	}{
		{"primary key", `CREATE TABLE clientes (id INTEGER PRIMARY KEY, nombre TEXT, email TEXT, acepta_email INTEGER)`,
			func(i int) any { return i * 10 }, func(i int) string { return strconv.Itoa(i * 10) }},
		{"code column", `CREATE TABLE clientes ("Nº cliente" TEXT, nombre TEXT, email TEXT, acepta_email INTEGER)`,
			func(i int) any { return fmt.Sprintf("C%05d", i) }, func(i int) string { return fmt.Sprintf("C%05d", i) }},
		{"no key", `CREATE TABLE clientes (tag TEXT, nombre TEXT, email TEXT, acepta_email INTEGER)`,
			func(i int) any { return "x" }, func(i int) string { return "rowid:" + strconv.Itoa(i) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tienda.db")
			db, _ := sql.Open("sqlite", path)
			if _, err := db.Exec(c.ddl); err != nil {
				t.Fatal(err)
			}
			for i := 1; i <= 12; i++ {
				if _, err := db.Exec(`INSERT INTO clientes VALUES (?,?,?,1)`, c.key(i), fmt.Sprintf("Cliente %d", i), fmt.Sprintf("c%d@tienda.es", i)); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()
			ctx := context.Background()
			d, err := Open(path, OpenOptions{DataDir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			s, err := d.Load(ctx, LoadRequest{AsOf: consentAsOf})
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "lista.csv")
			req := campaign.ExportRequest{Request: campaign.Request{Channels: []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.01}},
				Value: 100, DefaultRate: 0.5, Model: campaign.ModelRates, Prior: 50}, Out: out, Format: campaign.FormatCSV, NoRecord: true}
			m, err := s.Export(ctx, nil, req, ExportOptions{Now: consentAsOf})
			if err != nil {
				t.Fatal(err)
			}
			b, _ := os.ReadFile(out)
			for i := 1; i <= 12; i++ {
				if !strings.Contains(string(b), "\n"+c.want(i)+",") {
					t.Fatalf("the list does not name customer %d as %s:\n%s", i, c.want(i), b)
				}
			}
			if hasKey := m.Database.Key != ""; hasKey != (c.name != "no key") || (m.Database.KeyNote == "") == (c.name == "no key") {
				t.Fatalf("manifest key %q, note %q", m.Database.Key, m.Database.KeyNote)
			}
		})
	}
}
