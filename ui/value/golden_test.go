package value

import (
	"database/sql"
	"flag"
	"fmt"
	"net/url"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata")
	}
	return true
}()

// today is after the demo's history, fixed so nothing moves.
var today = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func demo(t *testing.T, customers int) string { return screentest.Demo(t, customers, 2) }

func newScreen(t testing.TB, s *common.Session, w, h int) *Model {
	t.Helper()
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Session: s}
	m := New(c)
	m.SetSize(w, h)
	screentest.Run(m, m.Init())
	return m
}

// sizes are the windows of the golden files; the screen gets the window
// less the root's title and help lines (chrome).
var sizes = []struct{ w, h int }{{100, 30}, {80, 24}}

const chrome = 3

// TestGoldenViews computes customer value on a demo world (r) and
// renders each view at both sizes; every view also fits 60×15.
func TestGoldenViews(t *testing.T) {
	s := screentest.Session(t, demo(t, 900), "", today)
	scripts := []struct {
		name string
		keys []string
	}{
		{"not_computed", nil},
		{"overview", []string{"r"}},
		{"tracking", []string{"r", "v"}},
		{"by_repeat", []string{"r", "v", "v"}},
		{"bands", []string{"r", "v", "v", "v", "down", "down"}},
		{"bands_clv", []string{"r", "v", "v", "v", "down", "down", "down", "down", "down", "down", "down", "down"}},
		{"customers", []string{"r", "v", "v", "v", "v", "down"}},
		{"horizon_field", []string{"r", "h", "3"}},
	}
	for _, sz := range append(sizes, struct{ w, h int }{60, 15}) {
		for _, sc := range scripts {
			name := fmt.Sprintf("%s_%dx%d", sc.name, sz.w, sz.h)
			t.Run(name, func(t *testing.T) {
				m := newScreen(t, s, sz.w, sz.h-chrome)
				screentest.Press(m, sc.keys...)
				got := m.View()
				checkFits(t, got, sz.w, sz.h-chrome)
				if sz.w >= 80 {
					screentest.Golden(t, name, got, screentest.Updating())
				}
			})
		}
	}
}

// TestGoldenRunningAndFailed: the progress of a computation, and the
// sentence of data the models cannot use.
func TestGoldenRunningAndFailed(t *testing.T) {
	s := screentest.Session(t, demo(t, 300), "", today)
	m := newScreen(t, s, 80, 24-chrome)
	m.job, m.progress = &job{}, app.ValueProgress{Stage: app.StageValueRead, Done: 250_000, Total: 1_000_000}
	screentest.Golden(t, "running_80x24", m.View(), screentest.Updating())

	once := onePurchaseShop(t)
	m = newScreen(t, once, 80, 24-chrome)
	screentest.Press(m, "r")
	got := m.View()
	if !strings.Contains(ansi.Strip(got), "Too few customers bought more than once") {
		t.Errorf("no sentence for the failure:\n%s", ansi.Strip(got))
	}
	screentest.Golden(t, "failed_80x24", got, screentest.Updating())
}

// onePurchaseShop is 40 customers who each bought once.
func onePurchaseShop(t *testing.T) *common.Session {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{`CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, name TEXT, city TEXT)`,
		`CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(customer_id), order_date TEXT, amount REAL)`}
	for c := 1; c <= 40; c++ {
		stmts = append(stmts, fmt.Sprintf(`INSERT INTO customers VALUES (%d, 'C%d', 'Lima')`, c, c),
			fmt.Sprintf(`INSERT INTO orders VALUES (%d, %d, '%s', %d)`, c, c, time.Date(2024, 1, c, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), 10+c))
	}
	for _, q := range stmts {
		if _, err := w.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	return screentest.Session(t, path, "", today)
}

// checkFits fails when a view is wider or taller than its size.
func checkFits(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%d lines for a height of %d", len(lines), h)
	}
	for _, l := range lines {
		if n := ansi.StringWidth(l); n > w {
			t.Errorf("a line of %d cells for a width of %d: %q", n, w, l)
		}
	}
}

var cmdType = reflect.TypeOf((tea.Cmd)(nil))

// runAll runs cmd as the runtime would, batches and sequences unrolled in
// order, and returns the messages.
func runAll(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if v := reflect.ValueOf(msg); v.IsValid() && v.Kind() == reflect.Slice && v.Type().Elem() == cmdType {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, runAll(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// TestEnterSendsTheBandRule: enter on a band hands the root a copy of the
// session holding the value attributes (the loaded one is unchanged),
// then the band's rule for the Segments screen, then the focus; on the
// copy, the rule selects exactly the band's customers.
func TestEnterSendsTheBandRule(t *testing.T) {
	s := screentest.Session(t, demo(t, 900), "", today)
	m := newScreen(t, s, 100, 27)
	screentest.Press(m, "r", "v", "v", "v", "down", "down", "down")
	_, cmd := m.Update(screentest.Key("enter"))
	msgs := runAll(cmd)
	if len(msgs) < 3 {
		t.Fatalf("messages %#v", msgs)
	}
	sm, ok1 := msgs[0].(common.SessionMsg)
	add, ok2 := msgs[1].(common.AddConditionMsg)
	focus, ok3 := msgs[2].(common.FocusMsg)
	if !ok1 || !ok2 || !ok3 || focus.Title != "Segments" {
		t.Fatalf("messages %#v", msgs)
	}
	if s.Data.Column(app.ColPAlive) != nil || sm.Session.Data.Column(app.ColPAlive) == nil || sm.Session.Value == nil {
		t.Fatal("the attributes went into the loaded session, or not into the copy")
	}
	band := m.rep.PAlive[3]
	if add.Expr != band.Rule {
		t.Fatalf("sent %q, the band's rule is %q", add.Expr, band.Rule)
	}
	n, err := segment.Parse(add.Expr)
	if err != nil {
		t.Fatal(err)
	}
	res, err := sm.Session.Evaluator(nil).Eval(n)
	if err != nil {
		t.Fatal(err)
	}
	if res.True.Count() != band.Customers {
		t.Errorf("%q selects %d customers, the band has %d", add.Expr, res.True.Count(), band.Customers)
	}
	// the screen built over the copy shows the result, as in the data
	m2 := newScreen(t, sm.Session, 100, 27)
	if !m2.added || m2.v != sm.Session.Value || !strings.Contains(ansi.Strip(m2.View()), msgInData) {
		t.Errorf("the rebuilt screen does not show the result in the data:\n%s", ansi.Strip(m2.View()))
	}
}

// TestShownComputesAndEscCancels: the first showing starts the
// computation; esc stops one (the cancellation arrives as the result).
func TestShownComputesAndEscCancels(t *testing.T) {
	s := screentest.Session(t, demo(t, 300), "", today)
	m := newScreen(t, s, 80, 21)
	_, cmd := m.Update(common.ShownMsg{})
	if m.job == nil || cmd == nil {
		t.Fatal("showing the screen did not start the computation")
	}
	screentest.Run(m, cmd)
	if m.job != nil || m.v == nil || m.v.Err != nil {
		t.Fatalf("no result: %+v", m.v)
	}
	if _, cmd := m.Update(common.ShownMsg{}); cmd != nil {
		t.Error("showing it again computed again")
	}
	// r then esc at once: the run stops with a cancellation
	_, cmd = m.Update(screentest.Key("r"))
	m.Update(screentest.Key("esc"))
	seen := screentest.Run(m, cmd)
	found := false
	for _, msg := range seen {
		if st, ok := msg.(common.StatusMsg); ok && st.Text == msgCancelled {
			found = true
		}
	}
	if !found || m.job != nil {
		t.Errorf("no cancellation: %#v", seen)
	}
}
