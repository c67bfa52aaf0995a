package behaviour

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

// view is what the screen shows.
type view int

const (
	viewOverview view = iota // grid, segments, concentration
	viewDist                 // recency, frequency, monetary distributions
	viewSources              // purchase roles, return rule, data problems
)

// field is the text field open, if any.
type field int

const (
	fieldNone field = iota
	fieldDate
	fieldFreeze
)

// Model is the Behaviour screen.
type Model struct {
	common        *common.Common
	keys          keyMap
	width, height int
	view          view

	onSegments bool // the segment list has the arrows, not the grid
	r, f       int  // grid cursor: scores, 1-based
	seg, top   int  // segment cursor and first row shown
	scroll     int  // first line of the sources view

	field field
	input common.LineInput

	dists   []distribution // nil until computed
	pending bool           // distributions being computed
}

// New builds the screen over the loaded session.
func New(c *common.Common) *Model {
	m := &Model{common: c, keys: newKeyMap(), r: 5, f: 5}
	if res := m.rfm(); res != nil {
		m.r, m.f = res.Thresholds.Recency.Bins, res.Thresholds.Frequency.Bins
	}
	return m
}

func (m *Model) Title() string    { return Title }
func (m *Model) Init() tea.Cmd    { return nil }
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }
func (m *Model) Typing() bool     { return m.field != fieldNone }

func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.field != fieldNone:
		return []key.Binding{m.keys.Enter, m.keys.Back}
	case m.view != viewOverview:
		return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Back}
	}
	return []key.Binding{m.keys.Enter, m.keys.Other, m.keys.Dist, m.keys.Problems, m.keys.Date, m.keys.Freeze}
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Up, k.Down, k.Left, k.Right, k.Other, k.Enter}, {k.Dist, k.Problems, k.Back},
		{k.Date, k.Freeze, k.Unfreeze, k.Table, k.SaveSegs}}
}

func (m *Model) behaviour() *app.Behaviour { return m.common.Session.Behaviour }

// t is a sentence of the screen in the user's language.
func (m *Model) t(key string, args ...any) string { return m.common.T(key, args...) }

// day writes a date as the user's language does (02/01/2026 in Spanish).
func (m *Model) day(t time.Time) string { return m.common.Locale.Date(t) }

// isoDay writes a YYYY-MM-DD date as the user's language does (as it is
// when it is not one).
func (m *Model) isoDay(s string) string {
	t, err := app.ParseDay(s)
	if err != nil {
		return s
	}
	return m.day(t)
}

// segName is the name of an RFM segment as the user reads it; rules and
// saved segments keep the English name (rfm_segment = 'At Risk').
func (m *Model) segName(name string) string { return m.common.Locale.Lookup(name) }

// rfm is the session's scores, nil when there are none.
func (m *Model) rfm() *app.RFMResult {
	b := m.behaviour()
	if b == nil || b.Err != nil || b.RFM == nil || b.RFM.Err != nil || b.RFM.Scores == nil {
		return nil
	}
	return b.RFM
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.field != fieldNone {
			return m, m.fieldKey(msg)
		}
		return m, m.handleKey(msg)
	case distMsg:
		m.dists, m.pending = msg.dists, false
	case doneMsg:
		if msg.err != nil {
			return m, common.Status(m.common.Locale.Error(msg.err), true)
		}
		text := m.common.Locale.Say(msg.say)
		if msg.reload {
			return m, tea.Batch(common.Status(text, false), func() tea.Msg { return common.ReloadMsg{} })
		}
		return m, common.Status(text, false)
	}
	return m, nil
}

func (m *Model) handleKey(k tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	switch {
	case key.Matches(k, km.Back):
		m.view = viewOverview
		return nil
	case key.Matches(k, km.Dist):
		m.view = viewDist
		if m.dists == nil && !m.pending {
			m.pending = true
			return distCmd(m.common.Session, distBinsFor(m.height))
		}
		return nil
	case key.Matches(k, km.Problems):
		m.view, m.scroll = viewSources, 0
		return nil
	case key.Matches(k, km.Date):
		return m.open(fieldDate)
	case key.Matches(k, km.Freeze):
		if m.rfm() == nil {
			return common.Status(m.common.T(msgNotScored), true)
		}
		return m.open(fieldFreeze)
	case key.Matches(k, km.Unfreeze):
		return saveSettings(m.common.Policy, m.common.Session.DB, func(o *app.BehaviourOptions) { o.Frozen = "" })
	case key.Matches(k, km.Table):
		return saveSettings(m.common.Policy, m.common.Session.DB, func(o *app.BehaviourOptions) {
			if o.Segments == "0.2" {
				o.Segments = "0.3"
			} else {
				o.Segments = "0.2"
			}
		})
	case key.Matches(k, km.SaveSegs):
		if res := m.rfm(); res != nil {
			return saveSegmentsCmd(m.common.Policy, m.common.Session, res.Definitions)
		}
		return common.Status(m.common.T(msgNotScored), true)
	}
	switch m.view {
	case viewSources:
		switch {
		case key.Matches(k, km.Up):
			m.scroll = max(0, m.scroll-1)
		case key.Matches(k, km.Down):
			m.scroll++
		}
		return nil
	case viewDist:
		return nil
	}
	return m.overviewKey(k)
}

func (m *Model) overviewKey(k tea.KeyPressMsg) tea.Cmd {
	res := m.rfm()
	if res == nil {
		return nil
	}
	km := m.keys
	rb, fb := res.Thresholds.Recency.Bins, res.Thresholds.Frequency.Bins
	nseg := len(res.Segments.Segments)
	switch {
	case key.Matches(k, km.Other):
		m.onSegments = !m.onSegments
	case key.Matches(k, km.Enter):
		return m.sendRule(res)
	case m.onSegments && key.Matches(k, km.Up):
		m.seg = max(0, m.seg-1)
	case m.onSegments && key.Matches(k, km.Down):
		m.seg = min(nseg-1, m.seg+1)
	case key.Matches(k, km.Up):
		m.r = min(rb, m.r+1) // the grid shows high recency scores on top
	case key.Matches(k, km.Down):
		m.r = max(1, m.r-1)
	case key.Matches(k, km.Left):
		m.f = max(1, m.f-1)
	case key.Matches(k, km.Right):
		m.f = min(fb, m.f+1)
	}
	return nil
}

// sendRule adds the rule of the grid cell or segment under the cursor to
// the segment being built, and shows the Segments screen.
func (m *Model) sendRule(res *app.RFMResult) tea.Cmd {
	var expr string
	if m.onSegments {
		if m.seg >= len(res.Definitions) {
			return nil
		}
		expr = res.Definitions[m.seg].Rule
	} else {
		expr = cellRule(m.r, m.f)
	}
	return tea.Batch(
		func() tea.Msg { return common.AddConditionMsg{Expr: expr} },
		// i18n: the Segments screen's title, which names it to the root
		func() tea.Msg { return common.FocusMsg{Title: "Segments"} },
	)
}

// open starts typing in a field.
func (m *Model) open(f field) tea.Cmd {
	m.field = f
	m.input = common.LineInput{SelectStyle: m.common.Styles.Selected}
	switch f {
	case fieldDate:
		m.input.Prompt = m.common.T(msgDatePrompt)
		if b := m.behaviour(); b != nil && b.DateSet {
			m.input.SetValue(b.AnalysisDate.Format("2006-01-02"))
			m.input.SelectAll()
		}
	case fieldFreeze:
		m.input.Prompt = m.common.T(msgFreezePrompt)
		m.input.SetValue("rfm")
		m.input.SelectAll()
	}
	m.input.Focus()
	m.input.SetWidth(max(20, m.width))
	return nil
}

func (m *Model) fieldKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Back):
		m.field = fieldNone
		return nil
	case key.Matches(k, m.keys.Enter):
		f, v := m.field, m.input.Value()
		m.field = fieldNone
		if f == fieldFreeze {
			return freezeCmd(m.common.Policy, m.common.Session, v)
		}
		return setDateCmd(m.common.Locale, m.common.Policy, m.common.Session.DB, v)
	}
	m.input.Update(k)
	return nil
}
