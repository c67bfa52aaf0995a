package explore

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// qualityState is the data-quality list. The dataset does not change while
// the screen lives, so the problems are found once and kept.
type qualityState struct {
	problems    []analysis.Problem
	ready       bool
	contacts    bool  // the contact columns have been judged (or could not be)
	contactErr  error // why they could not be
	seq         int
	cursor, top int
}

type qualityMsg struct {
	seq      int
	problems []analysis.Problem
}

func (m *Model) openQuality() tea.Cmd {
	m.view = viewQuality
	if m.q.ready {
		return nil
	}
	ds, asOf := m.data(), float64(m.common.Session.AsOf.Unix()/86400)
	m.q.seq++
	seq := m.q.seq
	contacts := contactCmd(m.common.Session, seq) // SQL: always in a Cmd
	if ds.Rows() <= m.syncLimit {
		m.gotQuality(qualityMsg{seq: seq, problems: analysis.Quality(ds, asOf)})
		return contacts
	}
	return tea.Batch(func() tea.Msg { return qualityMsg{seq: seq, problems: analysis.Quality(ds, asOf)} }, contacts)
}

// gotContacts adds the contact findings after the in-memory ones, whichever
// arrives first.
func (m *Model) gotContacts(msg contactMsg) {
	if msg.seq != m.q.seq {
		return
	}
	m.q.contacts, m.q.contactErr = true, msg.err
	m.q.problems = append(m.q.problems, msg.problems...)
}

func (m *Model) gotQuality(msg qualityMsg) {
	if msg.seq == m.q.seq {
		m.q.problems, m.q.ready = msg.problems, true
	}
}

func (m *Model) qualityKey(k tea.KeyPressMsg) tea.Cmd {
	n := len(m.q.problems)
	switch {
	case key.Matches(k, m.keys.Back):
		m.view = viewDist
		return nil
	case key.Matches(k, m.keys.Up):
		m.q.cursor--
	case key.Matches(k, m.keys.Down):
		m.q.cursor++
	case key.Matches(k, m.keys.Top):
		m.q.cursor = 0
	case key.Matches(k, m.keys.Bottom):
		m.q.cursor = n - 1
	case key.Matches(k, m.keys.Open) && n > 0:
		return m.openProblem(m.q.problems[m.q.cursor])
	case key.Matches(k, m.keys.Copy) && n > 0:
		return copyCmd(m.problemLine(m.q.problems[m.q.cursor]), m.T(msgCopiedProblem))
	case key.Matches(k, m.keys.Missing) && n > 0:
		return m.treatAsMissing(m.q.problems[m.q.cursor])
	}
	m.q.cursor = max(0, min(n-1, m.q.cursor))
	rows := m.qualityRows()
	if m.q.cursor < m.q.top {
		m.q.top = m.q.cursor
	} else if m.q.cursor >= m.q.top+rows {
		m.q.top = m.q.cursor - rows + 1
	}
	return nil
}

// openProblem opens the rows behind a problem, or says why it cannot.
func (m *Model) openProblem(p analysis.Problem) tea.Cmd {
	if p.Rows == nil {
		return common.Status(m.T(msgRowsUnknown, p.Column, p.Column), true)
	}
	return m.openRows(p.Rows, m.T(msgProblemRows, p.Column, m.problemName(p.Kind), m.common.Int(p.Count)))
}

// treatAsMissing makes a placeholder finding's value missing for analysis
// (saved in pulpero's workspace; the table keeps the value) and loads the
// data again, so every screen sees it as missing.
func (m *Model) treatAsMissing(p analysis.Problem) tea.Cmd {
	if p.Kind != analysis.ProblemPlaceholder {
		return common.Status(m.T(msgMissingNotPlaceholder, m.problemName(p.Kind)), true)
	}
	if !m.common.Policy.Allows(app.ActRoles) {
		return common.Status(m.T(msgMissingNotAllowed), true)
	}
	s, loc := m.common.Session, m.common.Locale
	return func() tea.Msg {
		if err := s.DB.TreatAsMissing(context.Background(), s.Table.Name, p.Column, p.Value, true); err != nil {
			return common.StatusMsg{Text: loc.T(msgMissingFailed, p.Column, p.Value, loc.Error(err)), Error: true}
		}
		return tea.BatchMsg{
			common.Status(loc.T(msgMissingDone, p.Column, p.Value, p.Column, p.Value), false),
			func() tea.Msg { return common.ReloadMsg{} },
		}
	}
}

func (m *Model) qualityRows() int { return max(1, m.height-3) }

func (m *Model) qualityView() string {
	st := m.common.Styles
	if !m.q.ready {
		return st.Title.Render(m.T(msgQuality)) + "\n\n" + st.Subtle.Render(m.T(msgCheckingColumns))
	}
	cols := map[string]bool{}
	for _, p := range m.q.problems {
		cols[p.Column] = true
	}
	lines := []string{st.Title.Render(m.T(msgQuality)) + st.Subtle.Render(m.T(msgFindings, len(m.q.problems), len(cols)))}
	switch {
	case m.q.contactErr != nil:
		lines[0] += st.Error.Render(m.T(msgContactErr, m.common.Locale.Error(m.q.contactErr)))
	case !m.q.contacts:
		lines[0] += st.Subtle.Render(m.T(msgCheckingContact))
	}
	if keys := st.Subtle.Render(m.T(msgFindingsKeys)); ansi.StringWidth(lines[0]+keys) <= m.width {
		lines[0] += keys // the footer has them too: here only when they fit
	}
	lines[0] = ansi.Truncate(lines[0], m.width, "…")
	if len(m.q.problems) == 0 {
		return strings.Join(append(lines, "", m.T(msgNoProblems)), "\n")
	}
	// the problem and share columns are as wide as their Spanish needs
	nameW, kindW, shareW := 18, 12, max(6, len([]rune(m.T(msgShare))))
	for _, p := range m.q.problems {
		kindW = max(kindW, len([]rune(m.problemName(p.Kind))))
	}
	lines = append(lines, st.Header.Render(common.Pad(common.Pad(m.T(msgColumn), nameW)+" "+common.Pad(m.T(msgProblem), kindW)+" "+
		common.PadLeft(m.T(msgRows), 9)+" "+common.PadLeft(m.T(msgShare), shareW)+"  "+m.T(msgDetail), m.width)))
	n := m.data().Rows()
	for i := m.q.top; i < min(len(m.q.problems), m.q.top+m.qualityRows()); i++ {
		p := m.q.problems[i]
		line := common.Pad(p.Column, nameW) + " " + common.Pad(m.problemName(p.Kind), kindW) + " " + common.PadLeft(m.common.Int(p.Count), 9) + " " +
			common.PadLeft(m.common.Percent(float64(p.Count)/float64(max(1, n))), shareW) + "  " + m.say(p.Detail)
		line = common.Pad(line, m.width)
		if i == m.q.cursor {
			line = st.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// problemLine is a finding as tab-separated text, for the clipboard.
func (m *Model) problemLine(p analysis.Problem) string {
	return fmt.Sprintf("%s\t%s\t%d\t%s", p.Column, m.problemName(p.Kind), p.Count, m.say(p.Detail))
}

// rowsOf lists the dataset rows of a bitset in table order.
func rowsOf(b model.Bitset) []int { return b.Rows(-1) }
