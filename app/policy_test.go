package app

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/pulpero/pulpero/model/campaign"
)

// The masks of issue 18's text are the oracle: a***@m***.com and
// +34 6** *** *12.
func TestMasksOfTheIssue(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ana@mail.com", "a***@m***.com"},
		{"pepe@gmail.", "p***@g***"},
		{"ana.garcia@mail.example.com", "a***@m***.com"},
		{"Álvaro@Correo.es", "Á***@C***.es"},
		{"+34 612 345 612", "+34 6** *** *12"},
		{"0034 612 345 612", "0034 6** *** *12"},
		{"612 345 678", "6** *** *78"},
		{"+34612345612", "+3********12"},
		{"112", "***"},
		{"María López", "M*** L***"},
		{"Calle Mayor 12, 3º B", "C*** M*** 1*** 3*** B***"},
		{"not an address", "n*** a*** a***"},
	} {
		var got string
		switch {
		case strings.ContainsAny(c.in, "@"):
			got = MaskEmail(c.in)
		case strings.ContainsAny(c.in, "0123456789") && !strings.ContainsAny(c.in, "CM"):
			got = MaskPhone(c.in)
		default:
			got = MaskText(c.in)
		}
		if got != c.want {
			t.Errorf("mask(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if MaskEmail("no-email") != "n***" {
		t.Errorf("a broken e-mail is masked as text: %q", MaskEmail("no-email"))
	}
}

// TestRolesOffer follows the issue's table: a viewer explores, saves
// segments and counts; an analyst exports too; an admin also imports and
// corrects roles. An unknown role gets nothing; a local user everything.
func TestRolesOffer(t *testing.T) {
	want := map[UserRole][]Action{
		RoleViewer:  {ActSaveSegment},
		RoleAnalyst: {ActSaveSegment, ActExport, ActTables},
		RoleAdmin:   {ActSaveSegment, ActExport, ActTables, ActImport, ActRoles},
		"":          nil,
		"root":      nil,
	}
	all := []Action{ActSaveSegment, ActExport, ActTables, ActImport, ActRoles}
	for role, allowed := range want {
		p := &Policy{Role: role}
		for _, a := range all {
			if got := p.Allows(a); got != containsAction(allowed, a) {
				t.Errorf("%q allows %s = %v", role, a, got)
			}
		}
		if p.Masked() != (role != RoleAnalyst && role != RoleAdmin) {
			t.Errorf("%q masked = %v", role, p.Masked())
		}
	}
	var local *Policy
	for _, a := range all {
		if !local.Allows(a) {
			t.Errorf("a local user is refused %s", a)
		}
	}
	if local.Masked() {
		t.Error("a local user sees masked values")
	}
	if _, err := ParseUserRole("Viewer "); err != nil {
		t.Error(err)
	}
	if _, err := ParseUserRole("owner"); err == nil {
		t.Error("role owner accepted")
	}
}

func containsAction(list []Action, a Action) bool {
	for _, x := range list {
		if x == a {
			return true
		}
	}
	return false
}

func TestConfinePath(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "alice")
	outside := filepath.Join(base, "bob")
	for _, d := range []string{dir, outside, filepath.Join(dir, "sub")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "x.csv"), filepath.Join(dir, "link.csv")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "in")); err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.EvalSymlinks(dir)
	for _, c := range []struct{ in, reason, want string }{
		{"list.csv", "", filepath.Join(root, "list.csv")},
		{"sub/list.csv", "", filepath.Join(root, "sub", "list.csv")},
		{"sub/../list.csv", "", filepath.Join(root, "list.csv")},
		{"in/list.csv", "", filepath.Join(root, "sub", "list.csv")}, // a link that stays inside
		{"../x", PathOutside, ""},
		{"../bob/x.csv", PathOutside, ""},
		{"sub/../../x.csv", PathOutside, ""},
		{"/tmp/x.csv", PathAbsolute, ""},
		{"~/x.csv", PathAbsolute, ""},
		{"out/x.csv", PathOutside, ""},
		{"link.csv", PathLink, ""},
		{"nosuch/x.csv", PathNoFolder, ""},
		{"  ", PathEmpty, ""},
	} {
		got, err := ConfinePath(dir, c.in)
		var pe *PathError
		switch {
		case c.reason == "" && err != nil:
			t.Errorf("%q: %v", c.in, err)
		case c.reason == "" && got != c.want:
			t.Errorf("%q → %q, want %q", c.in, got, c.want)
		case c.reason != "" && (!errors.As(err, &pe) || pe.Reason != c.reason):
			t.Errorf("%q: got %q, %v; want refusal %s", c.in, got, err, c.reason)
		}
	}
}

// policyWorld is a small demo shop loaded once for the policy tests.
func policyWorld(t *testing.T) *Session {
	t.Helper()
	return loadSession(t, demoWorld(t, 300, 7), BehaviourOptions{})
}

// TestViewerRowsAreMasked reads e-mail, phone, name and address through a
// viewer's and an analyst's policy and compares them with SQL over the same
// file: the analyst's are SQL's values, the viewer's never are and have the
// masks' shapes.
func TestViewerRowsAreMasked(t *testing.T) {
	s := policyWorld(t)
	cols := []string{"customer_id", "name", "email", "phone", "address"}
	ids := s.Data.RowIDs[:50]
	raw := map[int64][]string{}
	db := openRO(t, s.DB.Path())
	queryRows(t, db, `SELECT rowid, customer_id, name, coalesce(email,''), coalesce(phone,''), address FROM customers WHERE rowid <= 400`, func(r *sql.Rows) error {
		var id int64
		v := make([]string, 5)
		if err := r.Scan(&id, &v[0], &v[1], &v[2], &v[3], &v[4]); err != nil {
			return err
		}
		raw[id] = v
		return nil
	})
	ctx := context.Background()
	analyst, err := (&Policy{Role: RoleAnalyst}).ReadRows(ctx, s, cols, ids)
	if err != nil {
		t.Fatal(err)
	}
	viewer, err := (&Policy{Role: RoleViewer}).ReadRows(ctx, s, cols, ids)
	if err != nil {
		t.Fatal(err)
	}
	email := regexp.MustCompile(`^.\*\*\*@.\*\*\*(\.[a-z]+)?$`)
	phone := regexp.MustCompile(`^[69]\*\* \*\*\* \*\d\d$`)
	emails := 0
	for i, id := range ids {
		want := raw[id]
		if strings.Join(analyst[i].Values, "|") != strings.Join(want, "|") {
			t.Fatalf("analyst row %d = %q, SQL %q", id, analyst[i].Values, want)
		}
		v := viewer[i].Values
		if v[0] != want[0] {
			t.Errorf("the customer id is not personal: %q became %q", want[0], v[0])
		}
		for j := 1; j < 5; j++ {
			if want[j] != "" && v[j] == want[j] {
				t.Errorf("viewer sees %s unmasked: %q", cols[j], v[j])
			}
		}
		if strings.Contains(want[2], "@") {
			emails++
			if !email.MatchString(v[2]) {
				t.Errorf("masked e-mail %q", v[2])
			}
		}
		if want[3] != "" && !phone.MatchString(v[3]) {
			t.Errorf("masked phone %q (of %d digits)", v[3], len(want[3]))
		}
	}
	if emails == 0 {
		t.Fatal("no e-mail in the sample: the test proves nothing")
	}
}

func everyoneByEmail(out string) campaign.ExportRequest {
	return campaign.ExportRequest{Request: campaign.Request{Channels: []campaign.ChannelCost{{Channel: campaign.ChannelEmail, Cost: 0.01}},
		Value: 100, DefaultRate: 0.5, Model: campaign.ModelRates, Prior: 50, ControlPercent: 10},
		Out: out, Format: campaign.FormatCSV}
}

// TestPolicyExport: an analyst's list lands in their folder and the audit
// line names it with its row count and SHA-256 (both computed here from
// the file); ../x, an absolute path and a viewer are refused with nothing
// written; an export whose session ends is cancelled and leaves no file.
func TestPolicyExport(t *testing.T) {
	s := policyWorld(t)
	dir := t.TempDir()
	var mu sync.Mutex
	var events []AuditEvent
	pol := &Policy{User: "alice", Role: RoleAnalyst, ExportDir: dir, Audit: func(e AuditEvent) { mu.Lock(); events = append(events, e); mu.Unlock() }}
	ctx := context.Background()
	m, err := pol.Export(ctx, s, nil, everyoneByEmail("spring.csv"), ExportOptions{Now: demoToday})
	if err != nil {
		t.Fatal(err)
	}
	root, _ := filepath.EvalSymlinks(dir)
	if m.Files.List != filepath.Join(root, "spring.csv") {
		t.Fatalf("list at %s, want inside %s", m.Files.List, dir)
	}
	data, err := os.ReadFile(filepath.Join(dir, "spring.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Count(strings.TrimRight(string(data), "\n"), "\n") // minus the header
	sum := sha256.Sum256(data)
	last := events[len(events)-1]
	if last.Event != EventExported || last.User != "alice" || last.File != "spring.csv" || last.Rows != lines || last.SHA256 != hex.EncodeToString(sum[:]) {
		t.Fatalf("audit %+v; want file spring.csv, %d rows, sha256 %x", last, lines, sum)
	}
	for _, ev := range events {
		if strings.Contains(fmt.Sprintf("%+v", ev), "@") {
			t.Fatalf("an audit line holds an e-mail address: %+v", ev)
		}
	}

	for _, out := range []string{"../x.csv", "/tmp/pulpero-x.csv"} {
		if _, err := pol.Export(ctx, s, nil, everyoneByEmail(out), ExportOptions{Now: demoToday}); err == nil {
			t.Fatalf("%s exported", out)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "x.csv")); err == nil {
		t.Fatal("../x.csv was written")
	}

	viewer := &Policy{User: "vera", Role: RoleViewer, ExportDir: dir}
	if _, err := viewer.Export(ctx, s, nil, everyoneByEmail("v.csv"), ExportOptions{Now: demoToday}); !errors.Is(err, ErrNotAllowed) {
		t.Fatalf("viewer export: %v", err)
	}

	gone, cancel := context.WithCancel(ctx)
	cancel() // the client disconnected
	left := &Policy{User: "alice", Role: RoleAnalyst, ExportDir: dir, Context: gone}
	if _, err := left.Export(ctx, s, nil, everyoneByEmail("gone.csv"), ExportOptions{Now: demoToday}); err == nil {
		t.Fatal("an export of a closed session went on")
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "spring.csv,spring.manifest.json" {
		t.Fatalf("export folder holds %v", names)
	}
	if got := recorded(t, s.DB.WorkspacePath()); got["done"] != 1 || len(got) != 1 {
		t.Fatalf("recorded campaigns %v, want the one done", got)
	}
}

// TestTwoSaversKeepEveryVersion: two users save versions of one segment at
// once; every version is kept, numbered without gaps, with its saver.
func TestTwoSaversKeepEveryVersion(t *testing.T) {
	s := policyWorld(t)
	const saves = 15
	var wg sync.WaitGroup
	errs := make(chan error, 2*saves)
	for _, who := range []string{"alice", "bob"} {
		pol := &Policy{User: who, Role: RoleViewer}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range saves {
				op := map[string]string{"alice": ">", "bob": "<"}[who]
				_, err := pol.SaveSegment(context.Background(), s, nil, "Shared", mustParse(t, fmt.Sprintf("age %s %d", op, 20+i)))
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	hist, err := s.DB.SegmentHistory(context.Background(), "Shared")
	if err != nil {
		t.Fatal(err)
	}
	savers, err := s.DB.SegmentSavers(context.Background(), "Shared")
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for i, v := range hist {
		if v.Version != i+1 {
			t.Fatalf("version %d at place %d", v.Version, i+1)
		}
		by := savers[v.Version]
		count[by]++
		if (by == "alice") != strings.Contains(v.Definition, ">") {
			t.Errorf("version %d %q saved by %q", v.Version, v.Definition, by)
		}
	}
	// consecutive saves of different definitions: each is a new version
	if len(hist) != 2*saves || count["alice"] != saves || count["bob"] != saves {
		t.Fatalf("%d versions, by %v", len(hist), count)
	}
}

// TestChangesToSavedWorkFollowTheRole: a viewer may not rename, delete or
// copy a segment nor save settings (every user of the database would see
// it): refused and audited, the library untouched; an analyst's change
// lands and is audited with the segment's name.
func TestChangesToSavedWorkFollowTheRole(t *testing.T) {
	s := policyWorld(t)
	ctx := context.Background()
	lib, err := s.DB.Library(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveSegment(ctx, lib, "North", mustParse(t, `zone = "north"`)); err != nil {
		t.Fatal(err)
	}
	var events []AuditEvent
	audit := func(e AuditEvent) { events = append(events, e) }
	viewer := &Policy{User: "vera", Role: RoleViewer, Audit: audit}
	err = viewer.Change(ctx, ChangeSegmentDeleted, "North", func(ctx context.Context) error { return s.DB.DeleteSegment(ctx, "North") })
	if !errors.Is(err, ErrNotAllowed) {
		t.Fatalf("a viewer's delete: %v", err)
	}
	if lib, _ := s.DB.Library(ctx); func() bool { _, ok := lib.Find("North"); return !ok }() {
		t.Fatal("a viewer deleted a segment")
	}
	analyst := &Policy{User: "ana", Role: RoleAnalyst, Audit: audit}
	if err := analyst.Change(ctx, ChangeSegmentRenamed, "North", func(ctx context.Context) error { return s.DB.RenameSegment(ctx, "North", "Norte") }); err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 || events[0].Event != EventRefused || events[0].User != "vera" ||
		events[1].Event != EventChanged || events[1].Change != ChangeSegmentRenamed || events[1].Segment != "North" || events[1].User != "ana" {
		t.Fatalf("audit: %+v", events)
	}
}
