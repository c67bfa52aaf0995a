package campaign

import (
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/pulpero/pulpero/app/locale"
	"github.com/pulpero/pulpero/model"
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
		name := m.common.T(viewNames[v])
		if v == m.view {
			tabs = append(tabs, st.Selected.Render(" "+name+" "))
		} else {
			tabs = append(tabs, st.Subtle.Render(" "+name+" "))
		}
	}
	head := strings.Join(tabs, " ") + st.Subtle.Render("   "+m.common.T("v: next view"))
	var body string
	switch m.view {
	case viewReach:
		body = m.reach.view(m.common, m.width, m.matchingLabel())
		if m.common.Session.StillLoading() {
			body = st.Subtle.Render(" " + m.common.T(msgChecking) + "…")
		} else if m.common.Session.Reach == nil {
			body = st.Warn.Render(" " + m.common.T(msgNoReach))
		}
	case viewResults:
		body = m.results.view(m.common, m.width, m.height-1) // below the view names
	default:
		body = m.planView()
	}
	return fit(head+"\n"+body, m.height)
}

// fit cuts a view to height lines, the last resort of a window shorter than
// the screen's least (60×15 with the help open leaves three): the lines
// kept are the first, which say where the user is.
func fit(view string, height int) string {
	lines := strings.Split(view, "\n")
	if len(lines) <= max(1, height) {
		return view
	}
	return strings.Join(lines[:max(1, height)], "\n")
}

// matchingLabel says whom the counts are about.
func (m *Model) matchingLabel() string {
	if len(m.include) == 0 {
		return m.common.T(msgEveryCustomer)
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
	panel = m.planScroll.View(panel, room, m.common)
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
	fix := m.common.T(msgFixForm)
	if m.errAt >= 0 {
		fix = m.common.T(msgFixField, m.common.Locale.Lookup(m.form[m.errAt].label))
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
		hidden = " " + m.common.T(msgMoreFields, numFields) // first: the hint may be cut
	}
	switch {
	case m.formErr != "":
		return st.Error.Render(" " + common.Wrap(m.formErr, w, " "))
	case m.editing && m.input.Selected():
		return st.Subtle.Render(" " + common.Wrap(m.common.T(msgTypingReplaces), w, " "))
	}
	return st.Subtle.Render(common.Truncate(hidden+" "+m.common.T(m.form[m.cursor].hint), w+1))
}

func (m *Model) fieldLine(i, width int) string {
	st := m.common.Styles
	f := m.form[i]
	v := f.value
	switch i {
	case fInclude:
		v = orDash(strings.Join(m.include, ", "), m.common.T(msgEveryCustomer))
	case fExclude:
		v = orDash(strings.Join(m.exclude, ", "), "—")
	case fName:
		v = orDash(v, m.common.T(msgFileName))
	case fModel, fUplift:
		v = orDash(m.common.Locale.Lookup(v), "—") // rates, logistic, all, uplift: pulpero's names
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
	line := common.Truncate(fmt.Sprintf("%s%-*s %s", lead, m.labelWidth(), m.common.Locale.Lookup(f.label), v), width-1)
	switch {
	case i == m.cursor:
		return st.Selected.Render(common.Pad(line, width-1))
	case i == m.errAt:
		return st.Error.Render(line)
	}
	return line
}

// labelWidth is the width of the form's labels: 14, or the longest label
// in the user's language.
func (m *Model) labelWidth() int {
	w := 14
	for _, f := range m.form {
		w = max(w, len([]rune(m.common.Locale.Lookup(f.label))))
	}
	return w
}

func (m *Model) pickView() string {
	st := m.common.Styles
	list := m.include
	title := m.common.T("Segments to include")
	if m.picking == fExclude {
		list, title = m.exclude, m.common.T("Segments to exclude")
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(title) + st.Subtle.Render("  "+m.common.T("(space: pick, enter: done)")) + "\n")
	if len(m.names) == 0 {
		b.WriteString(st.Subtle.Render(m.common.T(msgNoSegments)))
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

// say is s in the user's language, with the sentences and channels among
// its arguments said in it too (a model's description names its channel
// and lists its attributes as a sentence).
func say(loc locale.Locale, s model.Sentence) string {
	args := make([]any, len(s.Args))
	for i, a := range s.Args {
		switch a := a.(type) {
		case model.Sentence:
			args[i] = say(loc, a)
		case campaign.Channel:
			args[i] = channelName(loc, a)
		default:
			args[i] = a
		}
	}
	return loc.T(s.Format, args...)
}

// channelName is a channel as the user's language names it (correo, SMS,
// teléfono, carta); files and rules keep the English.
func channelName(loc locale.Locale, ch campaign.Channel) string { return loc.Lookup(ch.String()) }

// planPanel shows the two counts per channel, the funnel, the expected
// outcome, how the response probabilities were estimated, and the profit
// curve.
func (m *Model) planPanel(width int) string {
	st, loc := m.common.Styles, m.common.Locale
	var b strings.Builder
	// cut by cells, not runes: the lines hold styled parts, whose escape
	// codes made a 120-column plan cut "return on spend 62.59" to "62…"
	line := func(s string) { b.WriteString(ansi.Truncate(s, width, "…") + "\n") }
	if m.common.Session.StillLoading() {
		return st.Subtle.Render(loc.T(msgChecking) + "…")
	}
	if m.common.Session.Reach == nil {
		return st.Warn.Render(common.Wrap(loc.T(msgNoReachLong), width-2, " "))
	}
	if !m.historyRead {
		return st.Subtle.Render(loc.T("reading the campaign history…"))
	}
	c := m.counts
	if c.err != nil {
		return st.Error.Render(common.Wrap(loc.Error(c.err), width-2, " "))
	}
	line(st.Title.Render(loc.T("Who")) + loc.T("  %s match (%s)", m.common.Int(c.matching), common.Truncate(m.matchingLabel(), 30)))
	for _, r := range c.reach {
		var why []string
		for k, n := range r.Why {
			if n > 0 {
				why = append(why, loc.Lookup(campaign.Reason(k).String())+" "+m.common.Int(n))
			}
		}
		name := fmt.Sprintf("%-6s", channelName(loc, r.Channel))
		line(loc.T("  %s %s can be contacted of %s", name, st.Good.Render(m.common.Int(r.Reachable)), m.common.Int(r.Matching)))
		if len(why) > 0 {
			b.WriteString(st.Subtle.Render("         "+common.Wrap(loc.T("not: %s", strings.Join(why, " · ")), width-12, "              ")) + "\n")
		}
		if m.common.Session.Reach.Channels[r.Channel].Consent == "" {
			hint := loc.T(msgNoConsentColumn, channelName(loc, r.Channel))
			b.WriteString(st.Warn.Render("         "+common.Wrap(hint, width-12, "         ")) + "\n")
		}
	}
	for _, col := range m.common.Session.UnmappedConsent() {
		hint := loc.T(msgUnmappedConsent, col)
		b.WriteString(st.Warn.Render(" "+common.Wrap(hint, width-2, " ")) + "\n")
	}
	p := m.plan
	switch {
	case p.err != nil:
		return b.String() + st.Error.Render(common.Wrap(loc.Error(p.err), width-2, " "))
	case p.plan == nil:
		return b.String() + st.Subtle.Render(loc.T("planning…"))
	}
	e := p.summary
	line(st.Title.Render(loc.T("Expected")) + loc.T(" %s responses · revenue %s", responses(loc, e.Responses), m.common.Amount(e.Revenue)))
	profit := st.Good.Render(loc.T("profit %s", m.common.Amount(e.Profit)))
	if e.Profit <= 0 {
		profit = st.Warn.Render(loc.T("profit %s", m.common.Amount(e.Profit)))
	}
	line("         " + loc.T("cost %s · %s · return on spend %.2f", m.common.Amount(e.Cost), profit, e.ROI))
	line("         " + loc.T("%s contacted, %s held out as control", m.common.Int(e.Contacts), m.common.Int(e.Control)))
	var steps []string
	for _, s := range p.plan.Steps {
		steps = append(steps, loc.Lookup(s.Name)+" "+m.common.Int(s.Count))
	}
	funnel := loc.T("Funnel")
	b.WriteString(st.Title.Render(funnel) + " " + common.Wrap(strings.Join(steps, " → "), width-2-len([]rune(funnel)), "  ") + "\n")
	b.WriteString(st.Subtle.Render(common.Wrap(loc.T("left out: %s", reasonsLine(loc, p.reasons)), width-2, "  ")) + "\n")
	for _, parts := range p.explain {
		var said []string
		for _, s := range parts {
			said = append(said, say(loc, s))
		}
		b.WriteString(st.Subtle.Render(common.Wrap(strings.Join(said, "; "), width-2, "  ")) + "\n")
	}
	// the curve last: the largest part, and what a small window scrolls to
	b.WriteString(curveView(m.common, p.plan.Alloc.Curve, p.plan.Spec.Budget, width))
	return b.String()
}

// reasonsLine lists the reasons customers are left out, largest first.
func reasonsLine(loc locale.Locale, reasons map[string]int) string {
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
		parts = append(parts, loc.Lookup(x.k)+" "+loc.Int(x.n))
	}
	if len(parts) == 0 {
		return loc.T("nobody")
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
func responses(loc locale.Locale, x float64) string {
	if x >= 1000 {
		return loc.Int(int(x + 0.5))
	}
	return loc.T("%.1f", x) // the region's decimal mark
}
