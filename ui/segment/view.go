package segment

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// View draws the screen in at most height lines.
func (m *Model) View() string {
	var lines []string
	switch {
	case m.mode == modeList, m.mode == modeName && m.nameFor != "save":
		lines = m.listView()
	case m.mode == modeHistory:
		lines = m.historyView()
	case m.mode == modeOverlap:
		lines = m.overlapView()
	case m.mode == modeProfile:
		lines = m.profileView()
	default:
		lines = m.segmentView()
	}
	if m.height > 0 && len(lines) > m.height {
		lines = lines[:m.height]
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, max(1, m.width), "…") // styled lines: cut by cells, not bytes
	}
	return strings.Join(lines, "\n")
}

func (m *Model) segmentView() []string {
	st := m.common.Styles
	name := m.t(msgNewSegment)
	if m.name != "" {
		name = m.name
	}
	head := st.Title.Render(m.t(msgSegment)) + " " + name
	if m.result.err == nil && m.result.rows != nil {
		head += st.Subtle.Render(" · ") + m.customers(msgSizeOf, m.result.size)
	} else if m.result.rows == nil && m.result.err == nil {
		head += st.Subtle.Render(" · " + m.t(msgCounting))
	}
	lines := []string{head}
	if r := m.result.reach; len(r) > 0 && m.result.err == nil {
		parts := make([]string, len(r))
		for i, c := range r {
			parts[i] = m.t(c.Channel.String()) + " " + m.common.Int(c.Reachable)
		}
		lines = append(lines, st.Subtle.Render(m.t(msgContacted))+strings.Join(parts, st.Subtle.Render(" · ")))
	} else if m.common.Session.StillLoading() { // the line keeps its place until the checks arrive
		lines = append(lines, st.Subtle.Render(m.t(msgContacted)+m.t(msgChecking)+"…"))
	}
	lines = append(lines, "")
	lines = append(lines, m.rulesView()...)
	if m.mode == modeEdit || m.mode == modeName {
		lines = append(lines, "", "  "+m.input.View())
		if m.mode == modeEdit && m.inputErr == "" && m.previewText != "" {
			style := st.Good
			if m.previewErr {
				style = st.Subtle
			}
			for _, l := range strings.Split(common.Wrap(m.previewText, max(10, m.width-4), "  "), "\n") {
				lines = append(lines, "  "+style.Render(l))
			}
			lines = append(lines, m.warnLines(m.previewWarn)...)
		}
		for _, l := range m.errLines(m.inputErr) {
			lines = append(lines, "  "+st.Error.Render(l))
		}
	}
	if m.mode == modeForm {
		lines = append(lines, "")
		lines = append(lines, m.formView(m.height-len(lines)-1)...)
		return lines
	}
	if m.result.err != nil {
		lines = append(lines, "", "  "+st.Error.Render(m.sayErr(m.result.err)))
	}
	lines = append(lines, m.warnLines(m.result.warnings)...)
	// the profile and the sample share what height is left
	left := m.height - len(lines) - 2
	sample := m.sampleView()
	profRoom := left - len(sample) - 1
	lines = append(lines, "")
	lines = append(lines, m.profileSummary(max(0, profRoom))...)
	if len(sample) > 0 && left > 4 {
		lines = append(lines, "")
		lines = append(lines, sample...)
	}
	return lines
}

// warnLines are warnings wrapped to the width, each marked with "!": the
// suggestion at the end of a long one is what matters.
func (m *Model) warnLines(warnings []model.Sentence) []string {
	var out []string
	for _, w := range warnings {
		for _, l := range strings.Split(common.Wrap("! "+m.common.Locale.Say(w), max(10, m.width-4), "  "), "\n") {
			out = append(out, "  "+m.common.Styles.Warn.Render(l))
		}
	}
	return out
}

func share(n, of int) float64 {
	if of == 0 {
		return math.NaN()
	}
	return float64(n) / float64(of)
}

// rulesView is the rule list with the waterfall beside it: after each rule,
// how many remain and how many it removed.
func (m *Model) rulesView() []string {
	st := m.common.Styles
	total := m.data().Rows()
	ruleW := max(12, m.width-30-barWidth)
	label := m.t(msgRuleHead)
	if ruleW < utf8.RuneCountInString(label) {
		label = m.t(msgRuleHeadShort)
	}
	out := []string{st.Header.Render(fmt.Sprintf("  %-3s %-*s %10s %9s", "#", ruleW, common.Truncate(label, ruleW), m.t(msgRemaining), m.t(msgRemoved))) +
		"  " + st.Subtle.Render(m.t(msgWaterfallKey))}
	out = append(out, st.Subtle.Render(fmt.Sprintf("  %-3s %-*s %10s %9s", "", ruleW, m.t(msgEveryone), m.common.Int(total), "")))
	if len(m.rules) == 0 {
		for _, l := range packHints(m.t(msgFirstRuleHint), max(10, m.width-2)) {
			out = append(out, st.Subtle.Render(l))
		}
		return out
	}
	for i, r := range m.rules {
		text := m.show(r)
		rem, removed, bar := "", "", ""
		if i < len(m.result.steps) {
			s := m.result.steps[i]
			rem, removed = m.common.Int(s.Remaining), "-"+m.common.Int(s.Removed)
			bar = waterfallBar(st, s.Remaining, s.Removed, total, barWidth)
		}
		line := fmt.Sprintf("  %-3d %-*s %10s %9s", i+1, ruleW, common.Truncate(text, ruleW), rem, removed)
		if i == m.cursor && m.mode == modeRules {
			line = st.Selected.Render(line)
		}
		out = append(out, line+"  "+bar)
	}
	return out
}

// profileSummary lists the attributes that set the segment apart most, each
// with the value most over-represented in it.
func (m *Model) profileSummary(room int) []string {
	st := m.common.Styles
	if room < 2 || m.result.profile == nil || m.result.size == 0 {
		return nil
	}
	out := []string{st.Header.Render(m.t(msgSetsApart)) + st.Subtle.Render(m.t(msgSetsApartKey))}
	for _, p := range m.result.profile {
		if len(out) >= room {
			break
		}
		best := -1
		for i, b := range p.Buckets {
			if best < 0 || b.SegmentShare-b.OverallShare > p.Buckets[best].SegmentShare-p.Buckets[best].OverallShare {
				best = i
			}
		}
		if best < 0 {
			continue
		}
		b := p.Buckets[best]
		out = append(out, fmt.Sprintf("  %-16s %4s  %s %s vs %s (%s)", common.Truncate(p.Attribute, 16), m.number(p.Distance, 2),
			common.Truncate(m.label(p, b), 24), m.common.Percent(b.SegmentShare), m.common.Percent(b.OverallShare), m.number(b.Index, 2)))
	}
	return out
}

// sampleView shows a few customers of the segment, personal columns read
// from the database for these rows only.
func (m *Model) sampleView() []string {
	if len(m.sample) == 0 || len(m.sampleCol) == 0 {
		return nil
	}
	st := m.common.Styles
	w := max(8, (m.width-2)/len(m.sampleCol)-1)
	head := "  "
	for _, c := range m.sampleCol {
		head += common.Pad(c, w) + " "
	}
	out := []string{st.Header.Render(m.t(msgSomeCustomers)), st.Subtle.Render(head)}
	for _, r := range m.sample {
		line := "  "
		for _, v := range r.Values {
			line += common.Pad(v, w) + " "
		}
		out = append(out, line)
	}
	return out
}

func (m *Model) listView() []string {
	st := m.common.Styles
	out := append(m.titleAndKeys(m.t(msgSaved), m.t(msgSavedKeys)), "")
	if m.mode == modeName {
		out = append(out, "  "+m.input.View(), "")
	}
	if m.listErr != "" {
		return append(out, "  "+st.Error.Render(m.listErr))
	}
	if len(m.saved) == 0 {
		return append(out, st.Subtle.Render(m.t(msgNoneSaved)))
	}
	verW := max(4, len([]rune(m.t(msgColVersion)))) // VERS. in Spanish
	defW := max(10, m.width-48-verW)
	out = append(out, st.Header.Render(fmt.Sprintf("  %-20s %*s %10s  %-16s  %-*s", m.t(msgColName), verW, m.t(msgColVersion), m.t(msgColSize), m.t(msgColSaved), defW, m.t(msgColDefinition))))
	for i, s := range m.saved {
		line := fmt.Sprintf("  %-20s %*d %10s  %-16s  %s", common.Truncate(s.Name, 20), verW, s.Latest.Version, m.common.Int(s.Latest.Size),
			m.when(s.Latest.SavedAt), common.Truncate(m.common.RuleText(s.Latest.Definition), defW))
		if i == m.listCursor {
			line = st.Selected.Render(line)
		}
		out = append(out, line)
	}
	return out
}

// barWidth is the width of the waterfall's bars.
const barWidth = 12

// waterfallBar draws one step of the waterfall on the scale of everyone:
// what is kept after the rule (█, eighth-block precise) and, after it, what
// the rule removed (░), so a rule that removes much has a long light tail
// and one that removes nothing has none. A removal too small for a cell
// still shows one.
func waterfallBar(st *common.Styles, remaining, removed, total, width int) string {
	if total <= 0 {
		return ""
	}
	left := common.Bar(share(remaining, total), width)
	used := len([]rune(left))
	gone := 0
	if removed > 0 {
		gone = max(1, int(math.Round(share(remaining+removed, total)*float64(width)))-used)
		gone = min(gone, width-used)
		if gone == 0 && used > 0 {
			// the bar is full to the cell: the removal still shows
			left, used = string([]rune(left)[:used-1]), used-1
			gone = 1
		}
	}
	return st.Bar.Render(left) + st.BarAlt.Render(strings.Repeat("░", gone))
}

// errLines is the caret block of a rejected rule in lines that fit the
// width: the expression as typed, then the message under the caret,
// wrapped beside the caret (or below it when the caret is far right), so
// a long message is read whole rather than cut.
func (m *Model) errLines(block string) []string {
	w := max(10, m.width-4)
	var out []string
	for _, l := range strings.Split(block, "\n") {
		i := strings.Index(l, "^ ")
		switch {
		case l == "":
			continue
		case utf8.RuneCountInString(l) <= w || i < 0 || strings.TrimSpace(l[:i]) != "":
			out = append(out, l) // it fits, or it is the expression: as typed
		case w-(i+2) >= 20:
			pad := strings.Repeat(" ", i+2)
			out = append(out, strings.Split(l[:i+2]+common.Wrap(l[i+2:], w-(i+2), pad), "\n")...)
		default:
			out = append(out, l[:i+1])
			out = append(out, strings.Split("  "+common.Wrap(l[i+2:], w-2, "  "), "\n")...)
		}
	}
	return out
}

// titleAndKeys is a title with its key hints beside it, or, when they do
// not fit the window beside it, below it, as many hints a line as fit: a
// hint ("v: solape") is never cut, so no key is lost at 80 columns.
func (m *Model) titleAndKeys(title, keys string) []string {
	st := m.common.Styles
	if m.width <= 0 || len([]rune(title+keys)) <= m.width {
		return []string{st.Title.Render(title) + st.Subtle.Render(keys)}
	}
	out := []string{st.Title.Render(title)}
	for _, l := range packHints(keys, m.width) {
		out = append(out, st.Subtle.Render(l))
	}
	return out
}

// packHints lays out hints joined by " · " in lines of at most width
// cells, indented by two, breaking between hints rather than inside one
// ("f: crearla con un formulario" stays whole); a hint longer than a line
// is wrapped at spaces.
func packHints(s string, width int) []string {
	var lines []string
	line := ""
	for _, hint := range strings.Split(strings.TrimSpace(s), " · ") {
		if line != "" && len([]rune(line+" · "+hint))+2 > width {
			lines, line = append(lines, line), ""
		}
		if line != "" {
			line += " · "
		}
		line += hint
	}
	var out []string
	for _, l := range append(lines, line) {
		for _, w := range strings.Split(common.Wrap(l, width-2, "  "), "\n") {
			out = append(out, "  "+w)
		}
	}
	return out
}
