package campaign

import (
	"github.com/pulpero/pulpero/model/campaign"

	"context"
	"database/sql"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/sample"
	"github.com/pulpero/pulpero/store"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata")
	}
	return true
}()

// asOf is the demo world's "today", so ages and fatigue windows never move.
var asOf, _ = time.Parse(time.DateOnly, sample.ReferenceDate)

var (
	demoOnce sync.Once
	demoPath string
	demoErr  error
)

// demo generates one small demo world (deterministic) for all the tests.
func demo(t *testing.T) string {
	t.Helper()
	demoOnce.Do(func() {
		dir, err := tempDir()
		if err != nil {
			demoErr = err
			return
		}
		demoPath = filepath.Join(dir, "demo.db")
		w, err := store.CreateSampleDB(context.Background(), demoPath, false)
		if err != nil {
			demoErr = err
			return
		}
		if demoErr = sample.Generate(context.Background(), w, sample.Options{Customers: 3000, Seed: sample.DefaultSeed}); demoErr != nil {
			w.Abort()
			return
		}
		demoErr = w.Commit()
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoPath
}

// screen opens the Campaign screen on the demo, with a fresh workspace
// holding the given saved segments (name, rule).
func screen(t *testing.T, width, height int, segments ...[2]string) (*Model, *common.Session) {
	t.Helper()
	s := screentest.Session(t, demo(t), "", asOf)
	for _, sg := range segments {
		tree, err := segment.Parse(sg[1])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveSegment(context.Background(), nil, sg[0], tree); err != nil {
			t.Fatal(err)
		}
	}
	m := New(&common.Common{Width: width, Height: height, Styles: common.NewStyles(true), Session: s})
	m.SetSize(width, height-3)
	screentest.Run(m, m.Init())
	return m, s
}

func sqlCount(t *testing.T, q string, args ...any) int {
	t.Helper()
	db, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: demo(t), RawQuery: "mode=ro"}).String())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCountsFollowTheSegmentsAndChannels: picking a segment and offering a
// channel change the two counts at once; matching agrees with SQL, and on
// every channel the reachable and the reasons add up to the matching.
func TestCountsFollowTheSegmentsAndChannels(t *testing.T) {
	m, _ := screen(t, 100, 30, [2]string{"women", `gender = "female"`}, [2]string{"loyal", `loyalty_member = yes`})
	if got, want := m.counts.matching, sqlCount(t, `SELECT count(*) FROM customers`); got != want {
		t.Fatalf("no segment: %d match, SQL %d customers", got, want)
	}
	screentest.Press(m, "enter", "j", "space", "enter") // include women (names are sorted: loyal, women)
	want := sqlCount(t, `SELECT count(*) FROM customers WHERE gender = 'female'`)
	if m.counts.matching != want || !strings.Contains(m.View(), m.common.Int(want)+" match") {
		t.Fatalf("women: %d match, SQL %d\n%s", m.counts.matching, want, m.View())
	}
	screentest.Press(m, "j", "j", "j", "enter", "ctrl+u", "0", ".", "3", "enter") // SMS cost 0.3
	if len(m.counts.reach) != 2 {
		t.Fatalf("%d channels counted, want e-mail and SMS", len(m.counts.reach))
	}
	for _, r := range m.counts.reach {
		sum := r.Reachable
		for _, n := range r.Why {
			sum += n
		}
		if r.Matching != want || sum != want {
			t.Errorf("%s: matching %d, reachable + reasons %d, want %d", r.Channel, r.Matching, sum, want)
		}
	}
	if m.plan.plan == nil || m.plan.plan.Target.Clone().AndNot(m.counts.target).Count() != 0 {
		t.Fatal("the plan targets customers outside the segment")
	}
	// excluding the loyal members leaves none of them in the list
	screentest.Press(m, "k", "k", "enter", "space", "enter")
	loyal := sqlCount(t, `SELECT count(*) FROM customers WHERE gender = 'female' AND loyalty_member = 1`)
	if got := m.plan.plan.Steps[1]; got.Name != "not excluded" || got.Count != want-loyal {
		t.Fatalf("after excluding loyal: %+v, want not excluded %d", got, want-loyal)
	}
}

// TestBadValuesAreNamedAndTheLastPlanStays: a value that is not a number
// names its field, and the plan on screen stays the last good one.
func TestBadValuesAreNamedAndTheLastPlanStays(t *testing.T) {
	m, _ := screen(t, 100, 30)
	before := m.plan.summary
	for range fValue {
		screentest.Press(m, "j")
	}
	screentest.Press(m, "enter", "ctrl+u", "x", "enter")
	if !strings.Contains(m.View(), `Value: "x" is not a number`) {
		t.Fatalf("no error for the value:\n%s", m.View())
	}
	if m.plan.summary != before {
		t.Fatal("a bad value changed the plan")
	}
	screentest.Press(m, "enter", "ctrl+u", "8", "0", "enter")
	if m.formErr != "" || m.plan.summary.Revenue <= before.Revenue {
		t.Fatalf("value 80: error %q, revenue %.2f (was %.2f at 40)", m.formErr, m.plan.summary.Revenue, before.Revenue)
	}
}

// TestExportNeedsTheProgram: without the program's export (a screen alone),
// e says so instead of failing silently.
// TestReachabilityByGenerationMatchesSQL: the view's groups are the
// generations by birth year, with the sizes SQL counts.
func TestReachabilityByGenerationMatchesSQL(t *testing.T) {
	m, _ := screen(t, 100, 30)
	screentest.Press(m, "v")
	if m.reach.attr != "generation" {
		t.Fatalf("reach by %q, want generation first", m.reach.attr)
	}
	bands := map[string]string{"baby boomers": "y <= 1964", "gen x": "y BETWEEN 1965 AND 1978",
		"millennials": "y BETWEEN 1979 AND 1996", "centennials": "y BETWEEN 1997 AND 2010"}
	seen := 0
	for _, g := range m.reach.groups {
		cond, ok := bands[g.Group]
		if !ok {
			continue
		}
		want := sqlCount(t, `SELECT count(*) FROM (SELECT CAST(substr(birth_date, 1, 4) AS INTEGER) AS y FROM customers) WHERE `+cond)
		if g.Size != want {
			t.Errorf("%s: %d, SQL %d", g.Group, g.Size, want)
		}
		for ch := range campaign.NumChannels {
			if g.Channels[ch].Reachable > g.Size {
				t.Errorf("%s: more reachable on %v than in the group", g.Group, campaign.Channel(ch))
			}
		}
		seen++
	}
	if seen != 4 {
		t.Fatalf("%d generations shown, want 4", seen)
	}
	screentest.Press(m, "g")
	if m.reach.attr == "generation" {
		t.Fatal("g did not change the attribute")
	}
}

// TestResultsOfPastCampaignsMatchSQL: the Results view measures the data's
// campaigns; the chosen one's treated and control figures are SQL's.
func TestResultsOfPastCampaignsMatchSQL(t *testing.T) {
	m, _ := screen(t, 100, 30)
	screentest.Press(m, "v", "v", "j")
	if len(m.results.outcomes) != sqlCount(t, `SELECT count(*) FROM campaigns`) {
		t.Fatalf("%d campaigns listed", len(m.results.outcomes))
	}
	o, r := m.results.outcomes[1], m.results.measured[1]
	q := `SELECT count(*) FROM campaign_contacts JOIN campaigns USING (campaign_id) WHERE name = ? AND control_group = ?`
	qr := q + ` AND responded = 1`
	if r.Treated.N != sqlCount(t, q, o.Name, 0) || r.Control.N != sqlCount(t, q, o.Name, 1) ||
		r.Treated.Responses != sqlCount(t, qr, o.Name, 0) || r.Control.Responses != sqlCount(t, qr, o.Name, 1) {
		t.Fatalf("%s: %+v", o.Name, r)
	}
	v := ansi.Strip(m.View())
	row := regexp.MustCompile(`treated\s+` + m.common.Int(r.Treated.N) + `\s+` + m.common.Int(r.Treated.Responses) + `\s`)
	if !strings.Contains(v, o.Name) || !strings.Contains(v, "lift") || !row.MatchString(v) {
		t.Fatalf("the detail of %s is not shown:\n%s", o.Name, v)
	}
}

// TestViewsGolden pins the three views at the two sizes people use.
func TestViewsGolden(t *testing.T) {
	for _, size := range [][2]int{{100, 30}, {80, 24}} {
		m, _ := screen(t, size[0], size[1], [2]string{"loyal", `loyalty_member = yes`})
		screentest.Press(m, "enter", "space", "enter", "j", "j", "j", "j", "j", "enter", "ctrl+u", "0", ".", "7", "enter")
		suffix := "_" + strconv.Itoa(size[0]) + "x" + strconv.Itoa(size[1])
		screentest.Golden(t, "plan"+suffix, m.View(), screentest.Updating())
		screentest.Press(m, "pgdown")
		screentest.Golden(t, "plan_pgdn"+suffix, m.View(), screentest.Updating())
		screentest.Press(m, "v")
		screentest.Golden(t, "reach"+suffix, m.View(), screentest.Updating())
		screentest.Press(m, "v")
		screentest.Golden(t, "results"+suffix, m.View(), screentest.Updating())
	}
}

// tempDir is a folder for the shared demo, removed by TestMain.
func tempDir() (string, error) {
	var err error
	sharedDir, err = os.MkdirTemp("", "pulpero-campaign-test-")
	return sharedDir, err
}

var sharedDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}

// TestModelToggleRefits: enter on Model switches to the logistic model, and
// the plan says how it was estimated and how sure it is.
func TestModelToggleRefits(t *testing.T) {
	m, _ := screen(t, 100, 30)
	if !strings.Contains(strings.Join(m.plan.model, " "), "by generation") {
		t.Fatalf("rates model: %q", m.plan.model)
	}
	for range fModel {
		screentest.Press(m, "j")
	}
	screentest.Press(m, "enter")
	if got := strings.Join(m.plan.model, " "); !strings.Contains(got, "logistic on") || !strings.Contains(got, "AUC") {
		t.Fatalf("after the toggle: %q", got)
	}
	// the plan scrolls when it is taller than the window: the description
	// is on screen, or a page or two down
	shown := false
	for range 4 {
		if shown = strings.Contains(ansi.Strip(m.View()), "logistic on"); shown {
			break
		}
		screentest.Press(m, "pgdown")
	}
	if !shown {
		t.Fatal("the screen does not show the logistic model")
	}
}

// TestRatesByNextAttribute: enter on Rates by moves to the next attribute,
// and the response rates are estimated by it.
func TestRatesByNextAttribute(t *testing.T) {
	m, _ := screen(t, 100, 30)
	for range fBy {
		screentest.Press(m, "j")
	}
	screentest.Press(m, "enter")
	by := m.form[fBy].value
	if by == "generation" || by == "" {
		t.Fatalf("Rates by stayed %q", by)
	}
	if got := strings.Join(m.plan.model, " "); !strings.Contains(got, "by "+by) {
		t.Fatalf("rates by %s, the plan says %q", by, got)
	}
}
