package behaviour

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
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

// demo generates a small demo world for a test.
func demo(t *testing.T) string { return screentest.Demo(t, 900, 2) }

func newScreen(t testing.TB, s *common.Session, w, h int) *Model {
	t.Helper()
	c := &common.Common{Width: w, Height: h, Styles: common.NewStyles(true), Session: s, Locale: locale.Default()}
	m := New(c)
	m.SetSize(w, h)
	screentest.Run(m, m.Init())
	return m
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	screentest.Golden(t, name, got, screentest.Updating())
}

// sizes are the windows of the golden files; a screen gets the window
// minus the title line and the help line(s), as the root gives it (3).
var sizes = []struct{ w, h int }{{100, 30}, {80, 24}}

const chrome = 3

// TestGoldenViews renders each view at both sizes after a key script.
func TestGoldenViews(t *testing.T) {
	s := screentest.Session(t, demo(t), "", today)
	scripts := []struct {
		name string
		keys []string
	}{
		{"overview", nil},
		{"grid_moved", []string{"down", "down", "left"}},
		{"segments", []string{"o", "down", "down"}},
		{"segments_scrolled", []string{"o", "down", "down", "down", "down", "down", "down", "down", "down", "down", "down"}},
		{"distributions", []string{"d"}},
		{"sources", []string{"p"}},
		{"date_field", []string{"a", "2"}},
	}
	for _, sz := range sizes {
		for _, sc := range scripts {
			name := fmt.Sprintf("%s_%dx%d", sc.name, sz.w, sz.h)
			t.Run(name, func(t *testing.T) {
				m := newScreen(t, s, sz.w, sz.h-chrome)
				screentest.Press(m, sc.keys...)
				got := m.View()
				checkFits(t, got, sz.w, sz.h-chrome)
				golden(t, name, got)
			})
		}
	}
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

// TestEnterSendsTheRule: enter on a grid cell sends `r_score = R and
// f_score = F` to the Segments screen, and that rule selects the cell's
// customers; on a segment, its rule selects the segment's customers.
func TestEnterSendsTheRule(t *testing.T) {
	s := screentest.Session(t, demo(t), "", today)
	m := newScreen(t, s, 100, 30)
	ev := analysis.NewEvaluator(s.Data, s.AsOf, nil)
	count := func(expr string) int {
		n, err := segment.Parse(expr)
		if err != nil {
			t.Fatal(err)
		}
		r, err := ev.Eval(n)
		if err != nil {
			t.Fatal(err)
		}
		return r.True.Count()
	}
	sent := func(msgs []tea.Msg) string {
		expr, focus := "", ""
		for _, msg := range msgs {
			switch v := msg.(type) {
			case common.AddConditionMsg:
				expr = v.Expr
			case common.FocusMsg:
				focus = v.Title
			}
		}
		if focus != "Segments" {
			t.Fatalf("enter did not show the Segments screen: %v", msgs)
		}
		return expr
	}
	expr := sent(screentest.Press(m, "down", "left", "enter"))
	if expr != "r_score = 4 and f_score = 4" {
		t.Fatalf("cell rule %q", expr)
	}
	if got, want := count(expr), s.Behaviour.RFM.Grid.Cells[3][3].Customers; got != want || want == 0 {
		t.Errorf("the cell's rule selects %d customers, the grid says %d", got, want)
	}
	expr = sent(screentest.Press(m, "o", "down", "enter"))
	sg := s.Behaviour.RFM.Segments.Segments[1]
	if got := count(expr); got != sg.Customers {
		t.Errorf("%s's rule %q selects %d, the table says %d", sg.Name, expr, got, sg.Customers)
	}
}

// TestNoPurchaseDate: a purchase table without a date shows why there is
// no behaviour and what to do.
func TestNoPurchaseDate(t *testing.T) {
	s := screentest.Session(t, noDateShop(t), "", today)
	for _, sz := range sizes {
		name := fmt.Sprintf("no_date_%dx%d", sz.w, sz.h)
		m := newScreen(t, s, sz.w, sz.h-chrome)
		got := m.View()
		checkFits(t, got, sz.w, sz.h-chrome)
		golden(t, name, got)
	}
}

// noDateShop is a database whose purchase table has no date.
func noDateShop(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shop.db")
	w, err := sql.Open("sqlite", (&url.URL{Scheme: "file", Path: path}).String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Exec(`CREATE TABLE clientes (id_cliente INTEGER PRIMARY KEY, zona TEXT);
		CREATE TABLE ventas (id INTEGER PRIMARY KEY, id_cliente INTEGER REFERENCES clientes(id_cliente), importe REAL);
		INSERT INTO clientes VALUES (1, 'norte'), (2, 'sur'); INSERT INTO ventas VALUES (1, 1, 10.5), (2, 2, 20)`); err != nil {
		t.Fatal(err)
	}
	w.Close()
	return path
}

// TestTransactionsAndFreeze: a transactions-only file (customers are its
// distinct keys) shows where the customers came from; F freezes the
// cut-offs and says so; a bad analysis date is refused.
func TestTransactionsAndFreeze(t *testing.T) {
	s := screentest.Session(t, salesShop(t), "", today)
	if s.Data.Rows() != 40 {
		t.Fatalf("%d customers, want the 40 distinct keys", s.Data.Rows())
	}
	for _, sz := range sizes {
		m := newScreen(t, s, sz.w, sz.h-chrome)
		screentest.Press(m, "p")
		got := m.View()
		checkFits(t, got, sz.w, sz.h-chrome)
		golden(t, fmt.Sprintf("transactions_sources_%dx%d", sz.w, sz.h), got)
	}
	m := newScreen(t, s, 100, 27)
	status := func(msgs []tea.Msg) common.StatusMsg {
		for _, msg := range msgs {
			if st, ok := msg.(common.StatusMsg); ok {
				return st
			}
		}
		return common.StatusMsg{}
	}
	if st := status(screentest.Press(m, "F", "enter")); st.Error || !strings.Contains(st.Text, `"rfm" version 1`) {
		t.Errorf("freeze: %+v", st)
	}
	if st := status(screentest.Press(m, "a", "2", "0", "1", "3", "-", "1", "3", "-", "4", "0", "enter")); !st.Error {
		t.Errorf("2013-13-40 accepted: %+v", st)
	}
	msgs := screentest.Press(m, "a", "2", "0", "1", "3", "-", "0", "6", "-", "3", "0", "enter")
	reload := false
	for _, msg := range msgs {
		_, ok := msg.(common.ReloadMsg)
		reload = reload || ok
	}
	o, err := s.DB.BehaviourSettings(context.Background())
	if !reload || err != nil || o.AnalysisDate.Format("2006-01-02") != "2013-06-30" || o.Frozen != "rfm" {
		t.Errorf("reload %v, saved %+v %v", reload, o, err)
	}
}

// salesShop is a transactions-only file (customer date quantity amount,
// one return line) imported into a database.
func salesShop(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	txt := filepath.Join(dir, "sales.txt")
	var b strings.Builder
	b.WriteString("customer date quantity amount\n")
	for c := 1; c <= 40; c++ {
		for k := 0; k < 1+c%4; k++ {
			fmt.Fprintf(&b, "C%03d 2013%02d%02d %d %d.%02d\n", c, 1+(c+k)%12, 1+(3*c+k)%28, 1+k%3, 5+c*k%40, c%100)
		}
	}
	b.WriteString("C001 20131231 -1 -5.00\n")
	if err := os.WriteFile(txt, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "sales.db")
	if _, err := app.ImportCSV(context.Background(), path, txt, app.ImportOptions{Delimiter: app.SpaceRuns}); err != nil {
		t.Fatal(err)
	}
	return path
}
