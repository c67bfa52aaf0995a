package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

// drive runs cmd and what it leads to through the root, as the runtime
// would (batches opened, each message fed back), and returns the root.
func drive(t *testing.T, a *App, cmd tea.Cmd) {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatal("the screens' work never ends")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		msg := c()
		switch m := msg.(type) {
		case tea.BatchMsg:
			queue = append(queue, m...)
			continue
		case nil:
			continue
		}
		_, next := a.Update(msg)
		queue = append(queue, next)
	}
}

func press(t *testing.T, a *App, keys ...string) {
	t.Helper()
	for _, k := range keys {
		_, cmd := a.Update(screentest.Key(k))
		drive(t, a, cmd)
	}
}

func screen(a *App) string { return ansi.Strip(a.View().Content) }

// TestScreensOpenBeforeTheBehaviour (issue 14): the root opens the screens
// on the customers alone and takes the behaviour when it comes, without
// losing what the user did meanwhile, and plans nobody until consent is
// read: Explore keeps its place, a segment
// built meanwhile is counted again on the attributes recomputed as of the
// purchases' date, and the Behaviour screen fills in. The counts are the
// ones of the one-step load the command line uses.
func TestScreensOpenBeforeTheBehaviour(t *testing.T) {
	path := screentest.Demo(t, 1500, 3)
	db, err := app.Open(path, app.OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	asOf := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	var first *app.Session
	full, err := db.LoadInStages(context.Background(), app.LoadRequest{AsOf: asOf}, func(s *app.Session) { first = s })
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{DB: db, AsOf: asOf})
	a.Update(tea.WindowSizeMsg{Width: 110, Height: 34})
	_, cmd := a.Update(loadedMsg{session: first, more: true})
	drive(t, a, cmd)
	if !a.ready || !a.growing {
		t.Fatalf("ready %v, growing %v", a.ready, a.growing)
	}
	press(t, a, "j", "j", "j") // Explore opens on gender: three down is children
	explore := screen(a)
	if !strings.Contains(explore, "checking contact details and consent…") || !strings.Contains(explore, "children · integer") {
		t.Errorf("Explore while the purchases are read:\n%s", explore)
	}
	// a rule on a customer attribute is built meanwhile; one on behaviour
	// cannot be yet
	drive(t, a, func() tea.Msg { return common.AddConditionMsg{Expr: "age >= 40"} })
	if a.status.Error {
		t.Fatalf("age >= 40 was refused: %s", a.status.Text)
	}
	drive(t, a, func() tea.Msg { return common.AddConditionMsg{Expr: "recency_days < 90"} })
	if !a.status.Error {
		t.Errorf("recency_days was accepted before the purchases were read: %s", a.status.Text)
	}
	press(t, a, "2")
	countAsOf := func(day string) string {
		var n int
		if err := screentest.SQL(t, path).QueryRow(`SELECT count(*) FROM customers WHERE birth_date <= date(?, '-40 years')`, day).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return a.common.Int(n) + " of 1,500 customers"
	}
	if seg, want := screen(a), countAsOf(asOf.Format(time.DateOnly)); !strings.Contains(seg, want) ||
		!strings.Contains(seg, "can be contacted: checking contact details and consent…") {
		t.Errorf("Segments before the purchases are read, want %q:\n%s", want, seg)
	}
	// nobody is planned or exported before their consent is read
	press(t, a, "3")
	if c := screen(a); !strings.Contains(c, "checking contact details and consent…") {
		t.Errorf("Campaign before the contact checks:\n%s", c)
	}
	press(t, a, "e")
	if !a.status.Error || !strings.Contains(a.status.Text, "still being checked") {
		t.Errorf("export before the contact checks: %q", a.status.Text)
	}
	press(t, a, "7")
	if b := screen(a); !strings.Contains(b, "Reading the purchases…") {
		t.Errorf("the Behaviour screen, before the purchases are read:\n%s", b)
	}
	press(t, a, "1")

	_, cmd = a.Update(grownMsg{session: full})
	drive(t, a, cmd)
	if a.growing || a.common.Session != full {
		t.Fatalf("growing %v after the behaviour arrived", a.growing)
	}
	if after := screen(a); strings.Contains(after, "checking contact") || !strings.Contains(after, "children · integer") {
		t.Errorf("Explore after the purchases were read (its place kept):\n%s", after)
	}
	// ages are now as of the purchases' analysis date: the segment counts again
	day := full.Behaviour.AnalysisDate.Format(time.DateOnly)
	if countAsOf(day) == countAsOf(asOf.Format(time.DateOnly)) {
		t.Fatalf("as many are 40 on %s as on %s: the test shows nothing", day, asOf.Format(time.DateOnly))
	}
	press(t, a, "2")
	if seg, want := screen(a), countAsOf(day); !strings.Contains(seg, want) || !strings.Contains(seg, "can be contacted: email") {
		t.Errorf("Segments after the purchases are read, want %q (ages as of %s):\n%s", want, day, seg)
	}
	drive(t, a, func() tea.Msg { return common.AddConditionMsg{Expr: "recency_days < 90"} })
	if a.status.Error || !strings.Contains(screen(a), "recency_days < 90") {
		t.Errorf("recency_days after the purchases were read: %s\n%s", a.status.Text, screen(a))
	}
	press(t, a, "7")
	if b := screen(a); !strings.Contains(b, "Champions") {
		t.Errorf("the Behaviour screen after the purchases were read:\n%s", b)
	}
}

// TestAnEarlierLoadIsDropped: after a reload (role corrections), what the
// previous load still sends — its behaviour, its stages — never reaches
// the screens of the new one.
func TestAnEarlierLoadIsDropped(t *testing.T) {
	path := screentest.Demo(t, 300, 4)
	db, err := app.Open(path, app.OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var first *app.Session
	full, err := db.LoadInStages(context.Background(), app.LoadRequest{}, func(s *app.Session) { first = s })
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{DB: db})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	a.loadGen = 2 // the second load is the one awaited; its channel has nothing more
	a.loadCh = make(chan tea.Msg)
	close(a.loadCh)
	drive(t, a, func() tea.Msg { return fromLoad{gen: 2, msg: loadedMsg{session: first, more: true}} })
	old := make(chan tea.Msg, 1)
	old <- loadStageMsg{"old stage"}
	close(old)
	_, cmd := a.Update(fromLoad{gen: 1, ch: old, msg: grownMsg{session: full}})
	if a.common.Session != first || !a.growing {
		t.Fatal("the earlier load's behaviour replaced the current session")
	}
	// the earlier load's channel is read to its end, and what it says is dropped
	msg := cmd()
	if f, ok := msg.(fromLoad); !ok || f.gen != 1 {
		t.Fatalf("the earlier channel was not drained: %#v", msg)
	}
	a.Update(msg)
	if a.stage == "old stage" {
		t.Error("the earlier load's stage reached the header")
	}
}

// TestAFailedGrowthIsSaid: when the contact checks or the purchases cannot
// be read after the screens opened, the status says why, the screens keep
// the customers, and the Behaviour screen stops saying it is reading.
func TestAFailedGrowthIsSaid(t *testing.T) {
	path := screentest.Demo(t, 300, 6)
	db, err := app.Open(path, app.OpenOptions{DataDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var first *app.Session
	if _, err := db.LoadInStages(context.Background(), app.LoadRequest{}, func(s *app.Session) { first = s }); err != nil {
		t.Fatal(err)
	}
	a := New(Options{DB: db})
	a.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	_, cmd := a.Update(loadedMsg{session: first, more: true})
	drive(t, a, cmd)
	_, cmd = a.Update(grownMsg{err: errors.New("invoice_lines: database disk image is malformed")})
	drive(t, a, cmd)
	if !a.status.Error || !strings.Contains(a.status.Text, "loading could not finish: invoice_lines") {
		t.Errorf("status %q", a.status.Text)
	}
	if a.growing || a.common.Session.Data != first.Data || a.common.Session.StillLoading() {
		t.Error("the customers were not kept, or the session still says it is loading")
	}
	press(t, a, "7")
	if b := screen(a); strings.Contains(b, "Reading the purchases") || !strings.Contains(b, "malformed") {
		t.Errorf("the Behaviour screen after a failed read:\n%s", b)
	}
}
