package campaign

import (
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/pulpero/pulpero/model/campaign"

	"fmt"
	"sort"
	"strings"

	"github.com/pulpero/pulpero/ui/common"
)

func (m *Model) View() string {
	st := m.common.Styles
	var tabs []string
	for v := range numViews {
		name := viewNames[v]
		if v == m.view {
			tabs = append(tabs, st.Selected.Render(" "+name+" "))
		} else {
			tabs = append(tabs, st.Subtle.Render(" "+name+" "))
		}
	}
	head := strings.Join(tabs, " ") + st.Subtle.Render("   v: next view")
	var body string
	switch m.view {
	case viewReach:
		body = m.reach.view(st, m.width, m.matchingLabel())
		if m.common.Session.Reach == nil {
			body = st.Warn.Render(" Contact details and consent were not checked for this table.")
		}
	case viewResults:
		body = m.results.view(st, m.width, m.height-1) // below the view names
	default:
		body = m.planView()
	}
	return head + "\n" + body
}

// matchingLabel says whom the counts are about.
func (m *Model) matchingLabel() string {
	if len(m.include) == 0 {
		return "every customer"
	}
	return strings.Join(m.include, " + ")
}

// planView puts the form beside the plan when there is room, else the form
// in two columns above it. A plan taller than its room scrolls (pgdn/pgup)
// and says what it hides; a plan for an earlier setup (a field does not
// parse) is dimmed under a line that says which field to fix.
func (m *Model) planView() string {
	form, panel, room, beside := m.planParts()
	if m.picking >= 0 {
		pick := m.pickView()
		if lines := strings.Split(pick, "\n"); len(lines) > room {
			pick = strings.Join(lines[:max(1, room)], "\n")
		}
		return form + "\n" + pick
	}
	panel = m.planScroll.View(panel, room, m.common.Styles)
	if beside {
		return joinColumns(form, panel, 48)
	}
	return form + "\n" + panel
}

// planMinLines is what the plan keeps of a short window when the form is
// above it; the form shows a window of its fields instead.
const planMinLines = 6

// planParts renders the form and the plan panel and says how many lines the
// panel may take (the screen's height less its tabs and, when the form is
// above it, the form) and whether the form sits beside it.
func (m *Model) planParts() (form, panel string, room int, beside bool) {
	if m.width >= 110 {
		hintH := lipgloss.Height(m.hintView(46, false))
		rows := min(numFields, max(3, m.height-1-hintH))
		form = m.formView(1, 46, rows) + "\n" + m.hintView(46, rows < numFields)
		return form, m.stalePlan(m.planPanel(m.width-48), m.width-48), max(3, m.height-1), true
	}
	hintH := lipgloss.Height(m.hintView(m.width, false))
	perCol := (numFields + 1) / 2
	rows := perCol
	if left := m.height - 1 - hintH - perCol; left < planMinLines {
		// a short window: a few fields around the cursor, or just its own
		// when the help (?) takes most of the height
		rows = max(1, min(perCol, m.height-1-hintH-planMinLines, 4))
		if m.height < 12 {
			rows = max(1, min(rows, m.height/4))
		}
	}
	form = m.formView(2, max(24, (m.width-1)/2), rows) + "\n" + m.hintView(m.width, rows < perCol)
	return form, m.stalePlan(m.planPanel(m.width), m.width), max(1, m.height-1-lipgloss.Height(form)), false
}

// stalePlan dims a plan that no longer matches the form, under a line
// naming the field to fix.
func (m *Model) stalePlan(panel string, width int) string {
	if m.formErr == "" {
		return panel
	}
	st := m.common.Styles
	fix := msgFixForm
	if m.errAt >= 0 {
		fix = fmt.Sprintf(msgFixField, m.form[m.errAt].label)
	}
	lines := strings.Split(strings.TrimSuffix(ansi.Strip(panel), "\n"), "\n")
	for i, l := range lines {
		lines[i] = st.Subtle.Render(l)
	}
	return st.Warn.Render(common.Wrap(fix, max(10, width-1), "")) + "\n" + strings.Join(lines, "\n")
}

// planOverflows reports whether the plan needs scrolling at this size.
func (m *Model) planOverflows() bool {
	if m.view != viewPlan || m.picking >= 0 {
		return false
	}
	_, panel, room, _ := m.planParts()
	return common.Overflows(panel, room)
}

// pagePlan scrolls the plan panel a window down (+1) or up (-1).
func (m *Model) pagePlan(direction int) {
	_, panel, room, _ := m.planParts()
	m.planScroll.Page(direction, panel, room)
}

// formView lays the fields out in columns of colWidth cells, top to bottom
// then left to right, rows lines tall: when the window is too short for
// every field, the rows around the cursor.
func (m *Model) formView(columns, colWidth, rows int) string {
	perCol := (numFields + columns - 1) / columns
	rows = max(1, min(rows, perCol))
	row := m.cursor % perCol
	if row < m.formTop {
		m.formTop = row
	} else if row >= m.formTop+rows {
		m.formTop = row - rows + 1
	}
	m.formTop = max(0, min(m.formTop, perCol-rows))
	cols := make([]string, columns)
	for c := range columns {
		var b strings.Builder
		for r := m.formTop; r < m.formTop+rows; r++ {
			if i := c*perCol + r; i < numFields {
				b.WriteString(m.fieldLine(i, colWidth) + "\n")
			}
		}
		cols[c] = strings.TrimSuffix(b.String(), "\n")
	}
	out := cols[0]
	for c := 1; c < columns; c++ {
		out = joinColumns(out, cols[c], colWidth+1)
	}
	return out
}

// hintView is the line under the form: what the field under the cursor is
// for, how typing works while it is open, or why the form does not parse,
// wrapped to width rather than cut.
func (m *Model) hintView(width int, windowed bool) string {
	st := m.common.Styles
	w := max(20, width-2)
	hidden := ""
	if windowed {
		hidden = " " + fmt.Sprintf(msgMoreFields, numFields) // first: the hint may be cut
	}
	switch {
	case m.formErr != "":
		return st.Error.Render(" " + common.Wrap(m.formErr, w, " "))
	case m.editing && m.input.Selected():
		return st.Subtle.Render(" " + common.Wrap(msgTypingReplaces, w, " "))
	}
	return st.Subtle.Render(common.Truncate(hidden+" "+m.form[m.cursor].hint, w+1))
}

func (m *Model) fieldLine(i, width int) string {
	st := m.common.Styles
	f := m.form[i]
	v := f.value
	switch i {
	case fInclude:
		v = orDash(strings.Join(m.include, ", "), "every customer")
	case fExclude:
		v = orDash(strings.Join(m.exclude, ", "), "—")
	case fName:
		v = orDash(v, "(the file's name)")
	default:
		v = orDash(v, "—")
	}
	if i == m.cursor && m.editing {
		m.input.SetWidth(width - 2)
		return " " + m.input.View()
	}
	lead := " "
	if i == m.errAt {
		lead = "!" // the field the form error is about
	}
	line := common.Truncate(fmt.Sprintf("%s%-14s %s", lead, f.label, v), width-1)
	switch {
	case i == m.cursor:
		return st.Selected.Render(common.Pad(line, width-1))
	case i == m.errAt:
		return st.Error.Render(line)
	}
	return line
}

func (m *Model) pickView() string {
	st := m.common.Styles
	list := m.include
	what := "include"
	if m.picking == fExclude {
		list, what = m.exclude, "exclude"
	}
	var b strings.Builder
	b.WriteString(st.Title.Render("Segments to "+what) + st.Subtle.Render("  (space: pick, enter: done)") + "\n")
	if len(m.names) == 0 {
		b.WriteString(st.Subtle.Render("  no saved segments yet: build one on the Segments screen and save it with s"))
	}
	for i, n := range m.names {
		mark := "[ ]"
		if k := indexOf(list, n); k >= 0 {
			mark = fmt.Sprintf("[%d]", k+1)
		}
		line := "  " + mark + " " + n
		if i == m.pickCursor {
			line = st.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// planPanel shows the two counts per channel, the funnel, the expected
// outcome, how the response probabilities were estimated, and the profit
// curve.
func (m *Model) planPanel(width int) string {
	st := m.common.Styles
	var b strings.Builder
	// cut by cells, not runes: the lines hold styled parts, whose escape
	// codes made a 120-column plan cut "return on spend 62.59" to "62…"
	line := func(s string) { b.WriteString(ansi.Truncate(s, width, "…") + "\n") }
	if m.common.Session.Reach == nil {
		return st.Warn.Render(common.Wrap("Contact details and consent were not checked for this table, so nobody can be planned for a campaign.", width-2, " "))
	}
	if !m.historyRead {
		return st.Subtle.Render("reading the campaign history…")
	}
	c := m.counts
	if c.err != nil {
		return st.Error.Render(common.Wrap(c.err.Error(), width-2, " "))
	}
	line(st.Title.Render("Who") + fmt.Sprintf("  %s match (%s)", common.Int(c.matching), common.Truncate(m.matchingLabel(), 30)))
	for _, r := range c.reach {
		var why []string
		for k, n := range r.Why {
			if n > 0 {
				why = append(why, fmt.Sprintf("%s %s", campaign.Reason(k), common.Int(n)))
			}
		}
		line(fmt.Sprintf("  %-6s %s can be contacted of %s", r.Channel, st.Good.Render(common.Int(r.Reachable)), common.Int(r.Matching)))
		if len(why) > 0 {
			b.WriteString(st.Subtle.Render("         "+common.Wrap("not: "+strings.Join(why, " · "), width-12, "              ")) + "\n")
		}
		if m.common.Session.Reach.Channels[r.Channel].Consent == "" {
			hint := "no column holds consent for " + r.Channel.String() + ", and consent is never assumed; if one does, say so on the Roles screen"
			b.WriteString(st.Warn.Render("         "+common.Wrap(hint, width-12, "         ")) + "\n")
		}
	}
	for _, col := range m.common.Session.UnmappedConsent() {
		hint := col + " looks like consent but is not read as consent (another column has the role); if it is, say so on the Roles screen"
		b.WriteString(st.Warn.Render(" "+common.Wrap(hint, width-2, " ")) + "\n")
	}
	p := m.plan
	switch {
	case p.err != nil:
		return b.String() + st.Error.Render(common.Wrap(p.err.Error(), width-2, " "))
	case p.plan == nil:
		return b.String() + st.Subtle.Render("planning…")
	}
	e := p.summary
	line(st.Title.Render("Expected") + fmt.Sprintf(" %s responses · revenue %s", responses(e.Responses), money(e.Revenue)))
	profit := st.Good.Render("profit " + money(e.Profit))
	if e.Profit <= 0 {
		profit = st.Warn.Render("profit " + money(e.Profit))
	}
	line(fmt.Sprintf("         cost %s · %s · return on spend %.2f", money(e.Cost), profit, e.ROI))
	line(fmt.Sprintf("         %s contacted, %s held out as control", common.Int(e.Contacts), common.Int(e.Control)))
	var steps []string
	for _, s := range p.plan.Steps {
		steps = append(steps, s.Name+" "+common.Int(s.Count))
	}
	b.WriteString(st.Title.Render("Funnel") + " " + common.Wrap(strings.Join(steps, " → "), width-8, "  ") + "\n")
	b.WriteString(st.Subtle.Render(common.Wrap("left out: "+reasonsLine(p.reasons), width-2, "  ")) + "\n")
	for _, s := range p.model {
		b.WriteString(st.Subtle.Render(common.Wrap(s, width-2, "  ")) + "\n")
	}
	// the curve last: the largest part, and what a small window scrolls to
	b.WriteString(curveView(st, p.plan.Alloc.Curve, p.plan.Spec.Budget, width))
	return b.String()
}

// reasonsLine lists the reasons customers are left out, largest first.
func reasonsLine(reasons map[string]int) string {
	type kv struct {
		k string
		n int
	}
	var list []kv
	for k, n := range reasons {
		list = append(list, kv{k, n})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].n > list[j].n || list[i].n == list[j].n && list[i].k < list[j].k })
	var parts []string
	for _, x := range list {
		parts = append(parts, x.k+" "+common.Int(x.n))
	}
	if len(parts) == 0 {
		return "nobody"
	}
	return strings.Join(parts, " · ")
}

func orDash(s, empty string) string {
	if s == "" {
		return empty
	}
	return s
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// responses formats an expected number of responses: one decimal while it
// is small enough for the decimal to mean something.
func responses(x float64) string {
	if x >= 1000 {
		return common.Int(int(x + 0.5))
	}
	return fmt.Sprintf("%.1f", x)
}
