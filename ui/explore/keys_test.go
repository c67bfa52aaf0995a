package explore

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

func TestMovingAndChangingBins(t *testing.T) {
	m := newScreen(t, session(t, shopPath(t, 800)), 100, 30)
	moveTo(t, m, "monthly_income")
	d := m.current()
	if d == nil || d.hist == nil {
		t.Fatalf("no histogram for monthly_income: %+v", d)
	}
	before := len(d.hist.Counts)
	press(m, "-", "-")
	if got := len(m.current().hist.Counts); got != before-2 {
		t.Errorf("two - keys: %d bins, want %d", got, before-2)
	}
	press(m, "+")
	if got := len(m.current().hist.Counts); got != before-1 {
		t.Errorf("then +: %d bins, want %d", got, before-1)
	}
	press(m, "b")
	if m.current().key.mode != binsQuantile {
		t.Error("b did not switch to quantile bins")
	}
	// every distribution seen stays cached: going back computes nothing
	n := len(m.cache)
	press(m, "k", "j")
	if len(m.cache) != n { // the attribute above was computed on the way down
		t.Errorf("cache grew from %d to %d on a move up and back", n, len(m.cache))
	}
	press(m, "G")
	if m.cursor != len(m.data().Columns)-1 {
		t.Errorf("G: cursor %d", m.cursor)
	}
}

// TestBarsOnScreenEqualSQL reads the counts off the rendered bars of the
// zone attribute and compares them with SQL's GROUP BY.
func TestBarsOnScreenEqualSQL(t *testing.T) {
	s := session(t, shopPath(t, 900))
	m := newScreen(t, s, 100, 30)
	moveTo(t, m, "zone")
	bar := regexp.MustCompile(`│ (\S+)\s+[█▏▎▍▌▋▊▉]+\s+([\d,]+)\s+[\d.]+%`)
	found := 0
	for _, line := range strings.Split(ansi.Strip(m.View()), "\n") {
		g := bar.FindStringSubmatch(line)
		if g == nil {
			continue
		}
		got, _ := strconv.Atoi(strings.ReplaceAll(g[2], ",", ""))
		var want int
		screentest.SQL(t, s.DB.Path()).QueryRow(`SELECT count(*) FROM customers WHERE zone = ?`, g[1]).Scan(&want)
		if got != want {
			t.Errorf("bar %s shows %d, SQL %d", g[1], got, want)
		}
		found++
	}
	if found != 6 {
		t.Errorf("found %d zone bars, want 6", found)
	}
}

func TestCrossTabAndQualityRows(t *testing.T) {
	s := session(t, shopPath(t, 700))
	m := newScreen(t, s, 100, 30)
	moveTo(t, m, "zone")
	press(m, "x")
	if m.view != viewPick {
		t.Fatalf("x: view %d, want picking", m.view)
	}
	press(m, "j", "j", "j", "j", "j", "enter")
	if m.view != viewCrossTab || m.xt.tab == nil {
		t.Fatalf("enter: view %d tab %v", m.view, m.xt.tab)
	}
	var want int
	screentest.SQL(t, s.DB.Path()).QueryRow(`SELECT count(*) FROM customers WHERE zone = 'north' AND newsletter = 'yes'`).Scan(&want)
	tab := m.xt.tab
	for r, l := range tab.Rows.Labels {
		for c, cl := range tab.Cols.Labels {
			if l == "north" && cl == "yes" && tab.Counts[r][c] != want {
				t.Errorf("north × yes: %d, SQL %d", tab.Counts[r][c], want)
			}
		}
	}
	press(m, "esc", "Q")
	if m.view != viewQuality || len(m.q.problems) == 0 {
		t.Fatalf("Q: view %d, %d problems", m.view, len(m.q.problems))
	}
	// the malformed e-mails, judged in SQLite row by row, are a finding too
	var bad int
	screentest.SQL(t, s.DB.Path()).QueryRow(`SELECT count(*) FROM customers WHERE email IS NULL OR instr(email, '@') = 0`).Scan(&bad)
	found := false
	for _, p := range m.q.problems {
		if p.Column == "email" && p.Kind == ProblemUnusable {
			found = true
			if p.Count != bad {
				t.Errorf("unusable e-mails %d, SQL %d", p.Count, bad)
			}
		}
	}
	if !found || bad == 0 {
		t.Errorf("no e-mail finding (SQL counts %d bad addresses)", bad)
	}
	// open the missing zones: the rows view lists exactly SQL's NULL zones
	for i, p := range m.q.problems {
		if p.Column == "zone" && p.Kind == "missing" {
			m.q.cursor = i
		}
	}
	press(m, "enter")
	if m.view != viewRows {
		t.Fatalf("enter on a problem: view %d", m.view)
	}
	screentest.SQL(t, s.DB.Path()).QueryRow(`SELECT count(*) FROM customers WHERE zone IS NULL`).Scan(&want)
	if m.total() != want {
		t.Errorf("rows view holds %d rows, SQL %d", m.total(), want)
	}
	zoneCol := -1
	for i, c := range m.rows.cols {
		if c == "zone" {
			zoneCol = i
		}
	}
	for _, r := range m.rows.data {
		if !r.Nulls[zoneCol] {
			t.Errorf("row %d has zone %q", r.RowID, r.Values[zoneCol])
		}
	}
	press(m, "esc")
	if m.view != viewQuality {
		t.Errorf("esc from rows: view %d, want quality", m.view)
	}
}

// TestBigTableComputesInCmds runs the screen as on a big table: work goes
// to Cmds, View shows "computing…" meanwhile, and a stale reply neither
// shows nor blocks the next one.
func TestBigTableComputesInCmds(t *testing.T) {
	s := session(t, shopPath(t, 300))
	c := &common.Common{Width: 100, Height: 30, Styles: common.NewStyles(false), Session: s}
	m := New(c)
	m.syncLimit = 0
	m.SetSize(100, 30)
	m.cache = map[distKey]*dist{} // as if SetSize had not computed
	init := m.Init()
	if !strings.Contains(m.View(), "computing…") {
		t.Error("no computing mark before the reply")
	}
	runCmd(m, init)
	if m.current() == nil {
		t.Fatal("Init's reply did not fill the pane")
	}
	// Init prefetched every column: moving is a cache hit
	for i, col := range m.data().Columns {
		if _, ok := m.cache[keyFor(i, col, m.set, m.maxBins())]; !ok {
			t.Errorf("%s was not prefetched", col.Meta().Name)
		}
	}
	m.cache = map[distKey]*dist{} // as before the prefetch arrives
	// two moves while the first is computed: only one Cmd runs at a time
	want := m.cursor + 2
	_, first := m.Update(keyMsg("j"))
	_, second := m.Update(keyMsg("j"))
	if first == nil || second != nil {
		t.Fatalf("moves gave Cmds %v and %v; want one in flight", first != nil, second != nil)
	}
	runCmd(m, first) // the stale reply is cached, then the current one is asked for and arrives
	if m.current() == nil || m.current().key.col != want {
		t.Errorf("after the replies the pane shows %+v, want column %d", m.current(), want)
	}
}

func TestCopyUsesTheClipboard(t *testing.T) {
	m := newScreen(t, session(t, shopPath(t, 200)), 80, 24)
	moveTo(t, m, "zone")
	_, cmd := m.Update(keyMsg("y"))
	if cmd == nil {
		t.Fatal("y gave no Cmd")
	}
	batch, ok := cmd().(tea.BatchMsg)
	if !ok {
		t.Fatalf("y: %T", cmd())
	}
	var kinds []string
	for _, c := range batch {
		msg := c()
		kinds = append(kinds, fmt.Sprintf("%T", msg))
		if st, ok := msg.(common.StatusMsg); ok && !strings.Contains(st.Text, "zone") {
			t.Errorf("status %q", st.Text)
		}
	}
	if !strings.Contains(strings.Join(kinds, " "), "setClipboardMsg") {
		t.Errorf("y did not set the clipboard: %v", kinds)
	}
}

// TestRowsSortedInACmdOnBigTables sorts the rows view by income as on a big
// table (the order is computed in a Cmd) and checks the first page with SQL.
func TestRowsSortedInACmdOnBigTables(t *testing.T) {
	s := session(t, shopPath(t, 400))
	m := newScreen(t, s, 100, 30)
	m.syncLimit = 0
	press(m, "r")
	col := -1
	for i, c := range m.rows.cols {
		if c == "monthly_income" {
			col = i
		}
	}
	for range col {
		press(m, "l")
	}
	_, cmd := m.Update(keyMsg("s"))
	if cmd == nil || !m.rows.loading {
		t.Fatal("sorting a big table did not start a Cmd")
	}
	runCmd(m, cmd)
	var want []string
	rows, err := screentest.SQL(t, s.DB.Path()).Query(`SELECT customer_id FROM customers ORDER BY monthly_income IS NULL, monthly_income, rowid LIMIT 5`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		want = append(want, id)
	}
	rows.Close()
	for i, id := range want {
		if i >= len(m.rows.data) || m.rows.data[i].Values[0] != id {
			t.Fatalf("sorted page starts %v, SQL %v", m.rows.data[:min(5, len(m.rows.data))], want)
		}
	}
}
