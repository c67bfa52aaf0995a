package clusters

import (
	"fmt"
	"strings"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

func (m *Model) View() string {
	h := max(1, m.height)
	if m.field != fieldNone {
		h--
	}
	var body string
	switch {
	case m.running:
		body = m.runningView()
	case m.view == viewPick:
		body = m.pickView(h)
	case m.result == nil:
		body = m.common.Styles.Subtle.Render(m.line(m.common.T(msgNoResult)))
	default:
		body = m.scroll.View(m.resultText(), h, m.common)
	}
	if m.field != fieldNone {
		body = fitLines(body, h) + "\n" + m.input.View()
	}
	return body
}

// fitLines keeps at most h lines.
func fitLines(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// line cuts printable text to the screen's width.
func (m *Model) line(s string) string { return common.Truncate(model.Printable(s), max(1, m.width)) }

// listRows is how many attributes the pick view shows at once.
func (m *Model) listRows() int { return max(1, m.height-1) }

func (m *Model) pickView(h int) string {
	st := m.common.Styles
	policy := m.common.T(msgMedian)
	if m.leaveOut {
		policy = m.common.T(msgLeftOut)
	}
	title := m.common.T(msgPickNone, policy)
	if len(m.chosen) > 0 {
		title = m.common.T(msgPickTitle, len(m.chosen), strings.Join(m.chosen, ", "), policy)
	}
	out := []string{st.Title.Render(m.line(title))}
	if m.cands == nil {
		return out[0] + "\n" + st.Subtle.Render(m.line(m.common.T(msgReading)))
	}
	if len(m.cands) == 0 {
		return out[0] + "\n" + st.Subtle.Render(m.line(m.common.T(msgNoUsable)))
	}
	rows := max(1, h-1)
	if m.cursor < m.top {
		m.top = m.cursor
	}
	if m.cursor >= m.top+rows {
		m.top = m.cursor - rows + 1
	}
	m.top = max(0, min(m.top, len(m.cands)-rows))
	nameW := 8
	for _, c := range m.cands {
		nameW = max(nameW, len([]rune(model.Printable(c.Name))))
	}
	nameW = min(nameW, max(8, m.width/3))
	for i := m.top; i < min(len(m.cands), m.top+rows); i++ {
		c := m.cands[i]
		mark := msgFreeMark
		if m.isChosen(c.Name) {
			mark = msgChosenMark
		}
		text := m.line(mark + " " + common.Pad(model.Printable(c.Name), nameW) + "  " + m.candidateInfo(c))
		switch {
		case i == m.cursor:
			text = st.Selected.Render(common.Pad(text, m.width))
		case !c.Usable:
			text = st.Subtle.Render(text)
		case c.SuggestLog && !m.logs[c.Name]:
			text = st.Warn.Render(text)
		}
		out = append(out, text)
	}
	return strings.Join(out, "\n")
}

// candidateInfo describes an attribute as a feature.
func (m *Model) candidateInfo(c app.ClusterCandidate) string {
	if !c.Usable {
		return m.common.T(msgNotUsable, m.common.T(whyShort[c.Why]))
	}
	parts := []string{m.kind(c.Kind)}
	switch {
	case c.Categorical:
		parts = append(parts, m.common.T(msgCategories, c.Levels))
	case m.logs[c.Name]:
		parts = append(parts, m.common.T(msgLogOn))
	case c.SuggestLog:
		parts = append(parts, m.common.T(msgLogSuggested, c.Skewness))
	default:
		parts = append(parts, m.common.T(msgSkew, c.Skewness))
	}
	if c.Missing > 0 {
		parts = append(parts, m.common.T(msgMissing, m.common.Int(c.Missing)))
	}
	return strings.Join(parts, " · ")
}

func (m *Model) runningView() string {
	st := m.common.Styles
	p := m.progress
	share := 0.0
	if p.Total > 0 {
		share = float64(p.Done) / float64(p.Total)
	}
	w := max(10, min(40, m.width-8))
	bar := common.Bar(share, w)
	bar += strings.Repeat("░", max(0, w-len([]rune(bar))))
	stage := m.common.T(stageText[p.Stage])
	if p.K > 0 {
		stage += fmt.Sprintf(" k = %d", p.K)
	}
	rows := 0
	if s := m.common.Session; s != nil {
		rows = s.Data.Rows()
	}
	return strings.Join([]string{
		st.Title.Render(m.line(m.common.T(msgRunning, m.common.Int(rows), len(m.chosen)))),
		st.Bar.Render(bar) + " " + m.common.Percent(share),
		m.line(m.common.T(msgStage, stage, p.Done, p.Total)),
		st.Subtle.Render(m.line(m.common.T(msgEscCancels))),
	}, "\n")
}

// resultText is the current result view, whole: View scrolls it.
func (m *Model) resultText() string {
	switch m.view {
	case viewProfiles:
		return m.profilesText()
	case viewRules:
		return m.rulesText()
	case viewArchetypes:
		return m.archetypesText()
	}
	return m.tableText()
}

func (m *Model) tableText() string {
	st := m.common.Styles
	c := m.result
	var out []string
	if t := c.Table; t != nil {
		on := m.common.T(msgSilAll, m.common.Int(t.SilhouetteRows))
		if t.Sampled {
			on = m.common.T(msgSilSample, m.common.Int(t.SilhouetteRows))
		}
		suggested := m.common.T(msgSuggested)
		best, most := 0.0, 0.0
		for _, r := range t.Rows {
			best, most = max(best, r.Silhouette), max(most, r.Inertia)
		}
		elbow := m.width >= 70
		barW := m.width - 31 - len([]rune(suggested)) - 1
		if elbow {
			barW = (barW - 1) / 2
		}
		barW = max(4, min(24, barW))
		head := m.common.T(msgTableHead)
		if elbow {
			head += "  " + strings.Repeat(" ", barW) + " " + m.common.T(msgInertiaBar)
		}
		out = append(out, st.Title.Render(m.line(m.common.T(msgTableTitle, on))), st.Header.Render(m.line(head)))
		for _, r := range t.Rows {
			mark := "  "
			if r.K == c.K {
				mark = "▸ "
			}
			row := fmt.Sprintf("%s%2d %12s  %10s  ", mark, r.K, m.number(r.Inertia, 1), m.number(r.Silhouette, 3))
			sil, inertia, sug := "", "", ""
			if best > 0 && r.Silhouette > 0 {
				sil = common.Bar(r.Silhouette/best, barW)
			}
			sil = common.Pad(sil, barW)
			if elbow && most > 0 {
				inertia = " " + common.Pad(common.Bar(r.Inertia/most, barW), barW)
			}
			if r.K == t.Suggested {
				sug = " " + suggested
			}
			if r.K == c.K {
				out = append(out, st.Selected.Render(m.line(row+sil+inertia+sug)))
				continue
			}
			out = append(out, row+st.Bar.Render(sil)+st.BarAlt.Render(inertia)+st.Good.Render(sug))
		}
		if t.Stopped != nil {
			out = append(out, st.Warn.Render(m.line(m.common.T(msgStopped, len(t.Rows)+2, m.common.Locale.Error(t.Stopped)))))
		}
	} else {
		out = append(out, st.Subtle.Render(m.common.T(msgNoTable)))
	}
	left := ""
	if c.Matrix.LeftOut > 0 {
		left = m.common.T(msgLeftOutNote, m.common.Int(c.Matrix.LeftOut))
	}
	out = append(out, "", m.line(m.common.T(msgChosen, c.K, m.common.Int(c.Matrix.N), left, m.common.Percent(c.Rules.Accuracy))))
	var sizes []string
	for _, p := range c.Profiles.Clusters {
		sizes = append(sizes, fmt.Sprintf("%d %s", p.Cluster+1, m.common.Percent(p.Share)))
	}
	out = append(out, m.line(strings.Join(sizes, " · ")))
	if mb := c.Result.MiniBatch; mb != nil {
		out = append(out, st.Subtle.Render(m.line(m.common.T(msgMiniBatch, 100*mb.Gap))))
	}
	return strings.Join(out, "\n")
}
