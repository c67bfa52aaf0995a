package clusters

import (
	"context"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

// view is what the screen shows.
type view int

const (
	viewPick  view = iota // the attributes to cluster on
	viewTable             // the k table and its chart
	viewProfiles
	viewRules
	viewArchetypes
)

// field is the text field open, if any.
type field int

const (
	fieldNone   field = iota
	fieldPrefix       // the saved rules' segment names
	fieldLabels       // the saved labels' attribute name
)

// Model is the Clusters screen.
type Model struct {
	common        *common.Common
	keys          keyMap
	width, height int
	view          view

	cands    []app.ClusterCandidate // nil until read
	chosen   []string               // in the order chosen
	defaults []string               // what was chosen for the user when the screen opened
	logs     map[string]bool
	leaveOut bool
	cursor   int
	top      int // first candidate shown

	// the job in flight: its sequence number (replies of older jobs are
	// dropped), its cancel and its progress
	seq      int
	running  bool
	cancel   context.CancelFunc
	ch       chan tea.Msg
	progress app.ClusterProgress

	result *app.Clustering
	arch   *app.ArchetypeComparison
	// archErr says why there is no comparison (no behaviour attributes)
	archErr     error
	archPending bool
	scroll      common.Scroller

	field field
	input common.LineInput
}

// New builds the screen over the loaded session; the attributes are read
// by Init's Cmd.
func New(c *common.Common) *Model {
	m := &Model{common: c, keys: newKeyMap(), logs: map[string]bool{}}
	if c.Session != nil {
		m.chosen = c.Session.DefaultClusterFeatures()
		m.defaults = m.chosen
	}
	return m
}

// grew offers the behaviour's attributes, read after the screen opened
// (common.GrewMsg); if the user has not changed the starting features yet,
// they become the ones the fuller data calls for (RFM measures).
func (m *Model) grew() tea.Cmd {
	if slices.Equal(m.chosen, m.defaults) && m.result == nil && !m.running {
		m.chosen = m.common.Session.DefaultClusterFeatures()
		m.defaults = m.chosen
		m.cands, m.logs = nil, map[string]bool{} // the logs the new features call for are taken again
	}
	return candidatesCmd(m.common.Session)
}

func (m *Model) Title() string    { return Title }
func (m *Model) Init() tea.Cmd    { return candidatesCmd(m.common.Session) }
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }
func (m *Model) Typing() bool     { return m.field != fieldNone }

func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.field != fieldNone:
		return []key.Binding{k.Accept, k.Cancel}
	case m.running:
		return []key.Binding{k.Cancel}
	case m.view == viewPick:
		out := []key.Binding{k.Toggle, k.Log, k.Run, k.Missing}
		if m.result != nil {
			out = append(out, k.View)
		}
		return out
	}
	return []key.Binding{k.View, k.Fewer, k.More, k.Save, k.Labels, k.Edit}
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Toggle, k.Log, k.Missing, k.Run},
		{k.View, k.Fewer, k.More, k.Edit, k.Cancel}, {k.Save, k.Labels, k.Archetypes}}
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.field != fieldNone {
			return m, m.fieldKey(msg)
		}
		return m, m.handleKey(msg)
	case common.GrewMsg:
		return m, m.grew()
	case candidatesMsg:
		if msg.of != m.common.Session {
			return m, nil
		}
		first := m.cands == nil
		m.cands = usableFirst(msg.cands)
		if first {
			// the starting features take the log they call for: RFM
			// measures are skewed, and k-means on raw money splits off
			// a handful of big spenders and calls the rest one group
			for _, c := range m.cands {
				if c.SuggestLog && slices.Contains(m.chosen, c.Name) {
					m.logs[c.Name] = true
				}
			}
		}
	case progressMsg:
		if msg.seq == m.seq && m.running {
			m.progress = msg.p
			return m, wait(m.ch)
		}
	case doneMsg:
		return m, m.done(msg)
	case archMsg:
		if msg.seq == m.seq {
			m.arch, m.archErr, m.archPending = msg.cmp, msg.err, false
		}
	case savedMsg:
		if msg.err != nil {
			return m, common.Status(m.common.Locale.Error(msg.err), true)
		}
		if msg.seq == m.seq && msg.refresh && m.view == viewArchetypes {
			return m, tea.Batch(common.Status(msg.text, false), m.compare())
		}
		return m, common.Status(msg.text, false)
	}
	return m, nil
}

// done takes a finished job's result.
func (m *Model) done(msg doneMsg) tea.Cmd {
	if msg.seq != m.seq {
		return nil
	}
	m.running, m.cancel = false, nil
	if msg.cancelled {
		return common.Status(m.common.T(msgCancelled), false)
	}
	if msg.err != nil {
		return common.Status(m.common.Locale.Error(msg.err), true)
	}
	m.result, m.arch, m.archErr = msg.c, nil, nil
	m.scroll = common.Scroller{}
	if m.view == viewPick {
		m.view = viewTable
	}
	if m.view == viewArchetypes {
		return m.compare()
	}
	return nil
}

func (m *Model) handleKey(k tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	if m.running {
		if key.Matches(k, km.Cancel) && m.cancel != nil {
			m.cancel()
		}
		return nil
	}
	if m.view == viewPick {
		return m.pickKey(k)
	}
	switch {
	case key.Matches(k, km.View):
		m.view = viewTable + (m.view-viewTable+1)%4
		m.scroll = common.Scroller{}
		if m.view == viewArchetypes && m.arch == nil && m.archErr == nil && m.result != nil {
			return m.compare()
		}
	case key.Matches(k, km.Edit), key.Matches(k, km.Cancel):
		m.view = viewPick
	case m.result == nil:
		return nil
	case key.Matches(k, km.Fewer):
		return m.otherK(m.result.K - 1)
	case key.Matches(k, km.More):
		return m.otherK(m.result.K + 1)
	case key.Matches(k, km.Save):
		return m.open(fieldPrefix, app.DefaultRulePrefix)
	case key.Matches(k, km.Labels):
		return m.open(fieldLabels, msgLabelDefault)
	case key.Matches(k, km.Archetypes):
		return saveArchetypesCmd(m.common, m.seq)
	case key.Matches(k, km.Up):
		m.scroll.Offset = max(0, m.scroll.Offset-1)
	case key.Matches(k, km.Down):
		m.scroll.Offset++
	case key.Matches(k, km.PageUp):
		m.scroll.Page(-1, m.resultText(), m.height)
	case key.Matches(k, km.PageDown):
		m.scroll.Page(1, m.resultText(), m.height)
	}
	return nil
}

// pickKey moves over the attributes and chooses them.
func (m *Model) pickKey(k tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	n := len(m.cands)
	switch {
	case key.Matches(k, km.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(k, km.Down):
		m.cursor = max(0, min(n-1, m.cursor+1))
	case key.Matches(k, km.PageUp):
		m.cursor = max(0, m.cursor-m.listRows())
	case key.Matches(k, km.PageDown):
		m.cursor = max(0, min(n-1, m.cursor+m.listRows()))
	case key.Matches(k, km.Toggle):
		if m.cursor < n && m.cands[m.cursor].Usable {
			m.toggle(m.cands[m.cursor].Name)
		} else if m.cursor < n {
			return common.Status(m.common.T(msgNotUsable, m.common.T(app.WhyEnglish[m.cands[m.cursor].Why])), true)
		}
	case key.Matches(k, km.Log):
		if m.cursor < n {
			c := m.cands[m.cursor]
			if !c.LogPossible {
				return common.Status(m.common.T(msgCantLog, c.Name), true)
			}
			m.logs[c.Name] = !m.logs[c.Name]
			if m.logs[c.Name] && !m.isChosen(c.Name) {
				m.toggle(c.Name)
			}
		}
	case key.Matches(k, km.Missing):
		m.leaveOut = !m.leaveOut
	case key.Matches(k, km.Run):
		return m.run()
	case key.Matches(k, km.View), key.Matches(k, km.Cancel):
		if m.result != nil {
			m.view = viewTable
		}
	}
	return nil
}

func (m *Model) isChosen(name string) bool {
	for _, c := range m.chosen {
		if c == name {
			return true
		}
	}
	return false
}

func (m *Model) toggle(name string) {
	for i, c := range m.chosen {
		if c == name {
			m.chosen = append(m.chosen[:i:i], m.chosen[i+1:]...)
			return
		}
	}
	m.chosen = append(m.chosen, name)
}

// request is the clustering the choices ask for.
func (m *Model) request(k int) app.ClusterRequest {
	r := app.ClusterRequest{Features: append([]string(nil), m.chosen...), LeaveOut: m.leaveOut, K: k, Seed: 1}
	for _, c := range m.chosen {
		if m.logs[c] {
			r.Log = append(r.Log, c)
		}
	}
	return r
}

// run starts the k table and k-means on the chosen attributes.
func (m *Model) run() tea.Cmd {
	if len(m.chosen) == 0 {
		return common.Status(m.common.T(msgNoFeatures), true)
	}
	req, s := m.request(0), m.common.Session
	return m.start(func(ctx context.Context, progress func(app.ClusterProgress)) (*app.Clustering, error) {
		return s.Cluster(ctx, req, progress)
	})
}

// otherK shows the clustering at k (the table's, or k-means at k).
func (m *Model) otherK(k int) tea.Cmd {
	if k < 2 {
		return nil
	}
	c := m.result
	return m.start(func(ctx context.Context, progress func(app.ClusterProgress)) (*app.Clustering, error) {
		return c.At(ctx, k, progress)
	})
}

// start runs a job in the background with a fresh sequence number.
func (m *Model) start(job func(context.Context, func(app.ClusterProgress)) (*app.Clustering, error)) tea.Cmd {
	if m.cancel != nil {
		m.cancel()
	}
	m.seq++
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel, m.running, m.progress = cancel, true, app.ClusterProgress{}
	m.ch = make(chan tea.Msg, 8)
	return startJob(ctx, m.seq, m.ch, job)
}

// compare starts the comparison with the archetypes.
func (m *Model) compare() tea.Cmd {
	m.archPending = true
	return compareCmd(m.common.Session, m.result, m.seq)
}

// open starts typing a name.
func (m *Model) open(f field, value string) tea.Cmd {
	m.field = f
	m.input = common.LineInput{SelectStyle: m.common.Styles.Selected}
	m.input.Prompt = m.common.T(msgPrefixPrompt)
	if f == fieldLabels {
		m.input.Prompt = m.common.T(msgLabelPrompt)
	}
	m.input.SetValue(value)
	m.input.SelectAll()
	m.input.Focus()
	m.input.SetWidth(max(20, m.width))
	return nil
}

func (m *Model) fieldKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Cancel):
		m.field = fieldNone
		return nil
	case key.Matches(k, m.keys.Accept):
		f, v := m.field, m.input.Value()
		m.field = fieldNone
		if f == fieldLabels {
			return saveLabelsCmd(m.common, m.result, v)
		}
		return saveRulesCmd(m.common, m.result, v)
	}
	m.input.Update(k)
	return nil
}

// usableFirst orders the attributes that can be clustered on first, each
// group in the data's order.
func usableFirst(cands []app.ClusterCandidate) []app.ClusterCandidate {
	out := make([]app.ClusterCandidate, 0, len(cands))
	for _, usable := range []bool{true, false} {
		for _, c := range cands {
			if c.Usable == usable {
				out = append(out, c)
			}
		}
	}
	return out
}
