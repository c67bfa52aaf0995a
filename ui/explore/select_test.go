package explore

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/screentest"
)

// TestMarkedBarsBecomeASegmentRule: marking two bars of a categorical and
// pressing S sends `zone in (...)` to the Segments screen and shows it; the
// customers that rule selects in SQL are exactly the two bars' counts.
func TestMarkedBarsBecomeASegmentRule(t *testing.T) {
	s := session(t, shopPath(t, 800))
	m := newScreen(t, s, 100, 30)
	moveTo(t, m, "zone")
	press(m, "]", " ", "]", " ")
	view := ansi.Strip(m.View())
	if strings.Count(view, "✓ ") != 2 {
		t.Fatalf("two bars should be marked:\n%s", view)
	}
	rows := m.codedRows(m.current())
	msgs := press(m, "S")
	var expr string
	focused := false
	for _, msg := range msgs {
		switch x := msg.(type) {
		case common.AddConditionMsg:
			expr = x.Expr
		case common.FocusMsg:
			focused = x.Title == "Segments"
		}
	}
	want := segment.OneOf("zone", rows[0].label, rows[1].label)
	if expr != want || !focused {
		t.Fatalf("sent %q (focus %v), want %q", expr, focused, want)
	}
	var n int
	screentest.SQL(t, s.DB.Path()).QueryRow(`SELECT count(*) FROM customers WHERE zone IN (?, ?)`, rows[0].label, rows[1].label).Scan(&n)
	if n != rows[0].count+rows[1].count {
		t.Errorf("the rule selects %d in SQL, the bars hold %d", n, rows[0].count+rows[1].count)
	}
	if strings.Contains(ansi.Strip(m.View()), "✓ ") {
		t.Error("marks stay after sending")
	}
}

func TestHistogramBinBecomesARange(t *testing.T) {
	m := newScreen(t, session(t, shopPath(t, 500)), 100, 30)
	moveTo(t, m, "monthly_income")
	msgs := press(m, "]", "]", "S")
	h := m.current().hist
	want := segment.NumberBetween("monthly_income", h.Edges[1], h.Edges[2])
	for _, msg := range msgs {
		if x, ok := msg.(common.AddConditionMsg); ok && x.Expr == want {
			return
		}
	}
	t.Fatalf("want %q among %v", want, msgs)
}

func TestSegmentKeyExplainsItselfWithNothingMarked(t *testing.T) {
	m := newScreen(t, session(t, shopPath(t, 300)), 100, 30)
	moveTo(t, m, "zone")
	for _, msg := range press(m, "S") {
		if x, ok := msg.(common.StatusMsg); ok && x.Error && strings.Contains(x.Text, "mark bars") {
			return
		}
	}
	t.Fatal("S with nothing marked should say how to mark bars")
}

// TestWholeNumberBinsBecomeInclusiveRanges: an integer column's bins are
// whole numbers (here one per value), labelled by the values they hold, and
// marked bars become `between first and last` selecting exactly their
// customers in SQL.
func TestWholeNumberBinsBecomeInclusiveRanges(t *testing.T) {
	s := session(t, shopPath(t, 600))
	m := newScreen(t, s, 100, 30)
	moveTo(t, m, "children")
	rows := m.numberRows(m.current())
	var labels []string
	for _, r := range rows {
		labels = append(labels, r.label)
	}
	var distinct int
	screentest.SQL(t, s.DB.Path()).QueryRow(`SELECT count(DISTINCT children) FROM customers`).Scan(&distinct)
	if len(rows) != distinct || labels[0] != "0" || labels[1] != "1" {
		t.Fatalf("bars %q, want one per value (%d values) labelled by it", labels, distinct)
	}
	msgs := press(m, "]", "]", " ", "]", " ", "S")
	want := segment.NumberBetween("children", 1, 2)
	sent := ""
	for _, msg := range msgs {
		if x, ok := msg.(common.AddConditionMsg); ok {
			sent = x.Expr
		}
	}
	if sent != want {
		t.Fatalf("sent %q, want %q", sent, want)
	}
	var n int
	screentest.SQL(t, s.DB.Path()).QueryRow(`SELECT count(*) FROM customers WHERE children BETWEEN 1 AND 2`).Scan(&n)
	if n != rows[1].count+rows[2].count {
		t.Errorf("the rule selects %d in SQL, the bars hold %d", n, rows[1].count+rows[2].count)
	}
}
