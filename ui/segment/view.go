package segment

import (
	"fmt"
	"math"
	"strings"

	"github.com/charmbracelet/x/ansi"

	seg "github.com/pulpero/pulpero/model/segment"
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
	total := m.data().Rows()
	name := "new segment (unsaved)"
	if m.name != "" {
		name = m.name
	}
	head := st.Title.Render("Segment") + " " + name
	if m.result.err == nil && m.result.rows != nil {
		head += st.Subtle.Render(" · ") + common.Int(m.result.size) + " of " + common.Int(total) +
			" customers (" + common.Percent(share(m.result.size, total)) + ")"
	} else if m.result.rows == nil && m.result.err == nil {
		head += st.Subtle.Render(" · counting…")
	}
	lines := []string{head}
	if r := m.result.reach; len(r) > 0 && m.result.err == nil {
		parts := make([]string, len(r))
		for i, c := range r {
			parts[i] = c.Channel.String() + " " + common.Int(c.Reachable)
		}
		lines = append(lines, st.Subtle.Render("can be contacted: ")+strings.Join(parts, st.Subtle.Render(" · ")))
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
			lines = append(lines, "  "+style.Render(m.previewText))
			lines = append(lines, m.warnLines(m.previewWarn)...)
		}
		for _, l := range strings.Split(m.inputErr, "\n") {
			if l != "" {
				lines = append(lines, "  "+st.Error.Render(l))
			}
		}
	}
	if m.mode == modeForm {
		lines = append(lines, "")
		lines = append(lines, m.formView(m.height-len(lines)-1)...)
		return lines
	}
	if m.result.err != nil {
		lines = append(lines, "", "  "+st.Error.Render(m.result.err.Error()))
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
func (m *Model) warnLines(warnings []string) []string {
	var out []string
	for _, w := range warnings {
		for _, l := range strings.Split(common.Wrap("! "+w, max(10, m.width-4), "  "), "\n") {
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
	label := "RULE (all must hold)"
	if ruleW < len(label) {
		label = "RULE (all hold)"
	}
	out := []string{st.Header.Render(fmt.Sprintf("  %-3s %-*s %10s %9s", "#", ruleW, common.Truncate(label, ruleW), "REMAINING", "REMOVED")) +
		"  " + st.Subtle.Render(msgWaterfallKey)}
	out = append(out, st.Subtle.Render(fmt.Sprintf("  %-3s %-*s %10s %9s", "", ruleW, "everyone", common.Int(total), "")))
	if len(m.rules) == 0 {
		for _, l := range strings.Split(common.Wrap(msgFirstRuleHint, max(10, m.width-4), "  "), "\n") {
			out = append(out, st.Subtle.Render("  "+l))
		}
		return out
	}
	for i, r := range m.rules {
		text := seg.Print(r)
		rem, removed, bar := "", "", ""
		if i < len(m.result.steps) {
			s := m.result.steps[i]
			rem, removed = common.Int(s.Remaining), "-"+common.Int(s.Removed)
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
	out := []string{st.Header.Render("What sets it apart") + st.Subtle.Render("  distance · most over-represented value: segment vs everyone (index)")}
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
		out = append(out, fmt.Sprintf("  %-16s %4.2f  %s %s vs %s (%.2f)", common.Truncate(p.Attribute, 16), p.Distance,
			common.Truncate(b.Label, 24), common.Percent(b.SegmentShare), common.Percent(b.OverallShare), b.Index))
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
	out := []string{st.Header.Render("Some of its customers"), st.Subtle.Render(head)}
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
	out := []string{st.Title.Render("Saved segments") + st.Subtle.Render("  enter opens · R rename · D duplicate · x delete · h history · v overlap · esc back"), ""}
	if m.mode == modeName {
		out = append(out, "  "+m.input.View(), "")
	}
	if m.listErr != "" {
		return append(out, "  "+st.Error.Render(m.listErr))
	}
	if len(m.saved) == 0 {
		return append(out, st.Subtle.Render("  none yet: build a segment and press s to save it"))
	}
	defW := max(10, m.width-52)
	out = append(out, st.Header.Render(fmt.Sprintf("  %-20s %4s %10s  %-16s  %-*s", "NAME", "VER", "SIZE", "SAVED", defW, "DEFINITION")))
	for i, s := range m.saved {
		line := fmt.Sprintf("  %-20s %4d %10s  %-16s  %s", common.Truncate(s.Name, 20), s.Latest.Version, common.Int(s.Latest.Size),
			s.Latest.SavedAt.Local().Format("2006-01-02 15:04"), common.Truncate(s.Latest.Definition, defW))
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
