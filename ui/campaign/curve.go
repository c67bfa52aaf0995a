package campaign

import (
	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/model/campaign"

	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/ui/common"
)

var sparks = []rune("▁▂▃▄▅▆▇█")

// curveView draws expected profit against budget, from nothing to what
// contacting every profitable customer costs, as a sparkline with the chosen
// budget marked, and what one more unit of money returns at a few budgets:
// where that falls under 1, more money stops paying.
func curveView(c *common.Common, curve []campaign.CurvePoint, budget float64, width int) string {
	st := c.Styles
	if len(curve) == 0 {
		return ""
	}
	top := curve[len(curve)-1].Budget
	n := max(8, min(48, width-24))
	budgets := make([]float64, n)
	for k := range budgets {
		budgets[k] = top * float64(k+1) / float64(n)
	}
	pts := targeting.CurveAt(curve, budgets)
	hi := 0.0
	for _, p := range pts {
		hi = max(hi, p.Profit)
	}
	var spark strings.Builder
	for k, p := range pts {
		level := 0
		if hi > 0 && p.Profit > 0 {
			level = min(len(sparks)-1, int(p.Profit/hi*float64(len(sparks)-1)+0.5))
		}
		r := string(sparks[level])
		if budget > 0 && budget >= budgets[k]-top/float64(n)/2 && budget < budgets[k]+top/float64(n)/2 {
			r = st.Warn.Render(r) // the chosen budget
		} else {
			r = st.Bar.Render(r)
		}
		spark.WriteString(r)
	}
	var b strings.Builder
	title := c.T("Profit against budget")
	b.WriteString(st.Title.Render(title) + st.Subtle.Render(common.Truncate("  "+c.T("0 → %s, enough for every profitable contact", c.Amount(top)), max(0, width-len([]rune(title))))) + "\n")
	b.WriteString("  " + spark.String() + "\n")
	// the columns are as wide as their words in the user's language
	h := [...]string{c.T("budget"), c.T("profit"), c.T("contacts")}
	wb, wp, wc := max(9, len([]rune(h[0]))), max(11, len([]rune(h[1]))), max(9, len([]rune(h[2])))
	b.WriteString(st.Subtle.Render(common.Truncate(fmt.Sprintf("  %*s %*s %*s  %s", wb, h[0], wp, h[1], wc, h[2], c.T("each extra 1 spent returns")), width)) + "\n")
	for _, p := range targeting.CurveSteps(curve, 4) {
		line := fmt.Sprintf("  %*s %*s %*s  %s", wb, c.Money(p.Budget), wp, c.Money(p.Profit), wc, c.Int(p.Contacts), c.T("%.2f", p.Return))
		b.WriteString(common.Truncate(line, width) + "\n")
	}
	return b.String()
}

// joinColumns puts right beside left, left padded to leftWidth cells.
func joinColumns(left, right string, leftWidth int) string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	var b strings.Builder
	for i := range max(len(l), len(r)) {
		var a, c string
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			c = r[i]
		}
		pad := max(0, leftWidth-ansi.StringWidth(a))
		b.WriteString(strings.TrimRight(a+strings.Repeat(" ", pad)+c, " "))
		if i < max(len(l), len(r))-1 {
			b.WriteString("\n")
		}
	}
	return b.String()
}
