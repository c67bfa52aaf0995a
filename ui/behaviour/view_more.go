package behaviour

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// distView draws the distributions of recency, frequency and monetary
// value as bars, and the revenue concentration curve.
func (m *Model) distView(w, h int) []string {
	st := m.common.Styles
	lines := m.header(w)
	if m.dists == nil {
		return append(lines, "", "  …")
	}
	labelW := 0
	for _, d := range m.dists {
		for i := range d.counts {
			labelW = max(labelW, len([]rune(m.binLabel(d, i))))
		}
	}
	barW := max(5, min(40, w-labelW-12))
	for _, d := range m.dists {
		lines = append(lines, st.Header.Render(m.t(msgDistTitle, d.name, m.common.Int(d.n))))
		most := 1
		for _, c := range d.counts {
			most = max(most, c)
		}
		for i, c := range d.counts {
			lines = append(lines, fmt.Sprintf("  %s %s %s", common.PadLeft(m.binLabel(d, i), labelW),
				common.PadLeft(m.common.Int(c), 9), st.Bar.Render(common.Bar(float64(c)/float64(most), barW))))
		}
	}
	if res := m.rfm(); res != nil && res.ConcentrationErr == nil {
		lines = append(lines, m.concentrationLine(res)+"  "+st.Bar.Render(curve(res.Concentration.Curve, min(40, max(10, w-60)))))
	}
	return lines
}

// binLabel writes a bin as "lo–hi" ("lo+" for the last of an open top).
func (m *Model) binLabel(d distribution, i int) string {
	lo, hi := d.edges[i], d.edges[i+1]
	whole := lo == math.Trunc(lo) && hi == math.Trunc(hi)
	f := func(v float64) string {
		if whole {
			return m.common.Int(int(v))
		}
		return m.common.Money(v)
	}
	if d.over && i == len(d.counts)-1 {
		return f(lo) + "+"
	}
	if whole && i < len(d.counts)-1 {
		if hi-1 == lo {
			return f(lo)
		}
		return f(lo) + "–" + f(hi-1)
	}
	return f(lo) + "–" + f(hi)
}

// curve draws the concentration curve (share of revenue of the top k% of
// customers, k from 0 to 100) as a sparkline of width points.
func curve(c []float64, width int) string {
	const ticks = "▁▂▃▄▅▆▇█"
	if len(c) < 2 || width < 2 {
		return ""
	}
	var b strings.Builder
	t := []rune(ticks)
	for i := 0; i < width; i++ {
		v := c[i*(len(c)-1)/(width-1)]
		k := int(math.Round(math.Max(0, math.Min(1, v)) * float64(len(t)-1)))
		b.WriteRune(t[k])
	}
	return b.String()
}

// sourcesView says where the purchases were read from (each purchase role
// and its column), which return rule was applied, and every data problem
// with its count, scrolled with ↑↓.
func (m *Model) sourcesView(w, h int) []string {
	st := m.common.Styles
	b := m.behaviour()
	var body []string
	src := b.Source
	if t := b.Transactions; t != nil {
		body = append(body, m.t(msgTransactions, m.common.Int(t.Customers), t.Key, t.Table))
	}
	sm := b.Summary
	body = append(body, m.t(msgLines, m.common.Int(sm.Lines), m.common.Int(sm.Purchases), m.common.Int(sm.CustomersWithPurchases),
		m.common.Int(sm.LinesWithoutCustomer), m.common.Percent(sm.ShareWithoutCustomer)))
	body = append(body, m.t(msgReturnRule, m.t(returnRuleTexts[b.ReturnRule()])))
	if src.Touch != nil {
		body = append(body, m.t(msgTouchTable, src.Touch.Table.Name))
	}
	if !b.AgesAsOf.IsZero() {
		body = append(body, m.t(msgAgesAsOf, m.day(b.AgesAsOf)))
	}
	body = append(body, "", st.Header.Render(m.t(msgRolesTitle)))
	for _, c := range src.Columns {
		body = append(body, fmt.Sprintf("  %s %s %s", common.Pad(string(c.Role), 27), common.Pad(c.Ref(), 30), st.Subtle.Render(m.why(c))))
	}
	body = append(body, st.Subtle.Render("  "+m.t(msgFix)), "", st.Header.Render(m.t(msgProbTitle)))
	if len(b.Problems) == 0 {
		body = append(body, "  "+m.t(msgNoProblem))
	}
	for _, p := range b.Problems {
		body = append(body, m.problemLine(p))
	}
	lines := m.header(w)
	room := max(1, h-len(lines))
	m.scroll = max(0, min(m.scroll, len(body)-room))
	return append(lines, body[m.scroll:min(len(body), m.scroll+room)]...)
}

// why says why a column was taken for its purchase role, in the user's
// language.
func (m *Model) why(c app.PurchaseColumn) string {
	if len(c.Says) == 0 {
		return c.Why
	}
	texts := make([]string, len(c.Says))
	for i, s := range c.Says {
		texts[i] = m.common.Locale.Say(s)
	}
	return strings.Join(texts, "; ")
}

func (m *Model) problemLine(p app.DataProblem) string {
	col := p.Table
	if p.Column != "" {
		col += "." + p.Column
	}
	ex := make([]string, len(p.Examples))
	for i, e := range p.Examples {
		ex[i] = strconv.FormatInt(e, 10)
	}
	// the problem's sentence agrees with its count: "1 negative value read as a return"
	what := m.common.Locale.N(p.Count, app.ProblemTextOne(p.Key).Format, app.ProblemText(p.Key).Format)
	return "  " + common.PadLeft(m.common.Int(p.Count), 9) + " " + m.t(msgProblemLine, model.Printable(what),
		model.Printable(col), strings.Join(ex, " "))
}
