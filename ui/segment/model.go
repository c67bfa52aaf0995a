package segment

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	seg "github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/ui/common"
)

// mode is what has the keys: the rule list, the rule input, the name input
// of a save, or the list of saved segments.
type mode int

const (
	modeRules mode = iota
	modeEdit
	modeName
	modeList
	modeHistory
	modeOverlap
	modeProfile
	modeForm
)

// defaultSyncLimit is the row count up to which recounts run inside Update
// (well under 10 ms); bigger tables recount in a Cmd with a sequence number.
const defaultSyncLimit = 50_000

// Model is the Segment screen.
type Model struct {
	common        *common.Common
	keys          keyMap
	mode          mode
	width, height int

	rules      []seg.Node // the segment's top-level rules, joined by and
	cursor     int
	name       string // the saved segment being edited; "" for a new one
	undo, redo [][]seg.Node

	input    common.LineInput
	editing  int    // the rule being edited, -1 when adding
	inputErr string // the caret block of the last rejected input

	previewSeq  int
	previewText string // the count with the rule being typed, or what it still lacks
	previewErr  bool
	previewWarn []model.Sentence // values of the rule being typed that no customer has

	eval      *analysis.Evaluator
	base      *analysis.ProfileBase
	syncLimit int
	seq       int
	result    result
	sample    []app.Row
	sampleCol []string

	saved         []app.SavedSegment
	lib           *app.Library // the saved segments as last read
	listCursor    int
	listErr       string
	skeys         savedKeys
	nameFor       string // what the name field is for: save, rename or duplicate
	confirmDelete bool
	history       historyMsg
	overlap       overlapMsg
	pkeys         profileKeys
	profileTop    int
	form          form
}

// result is a recount: the waterfall, the size, the profile.
type result struct {
	seq      int
	steps    []analysis.WaterfallStep
	size     int
	rows     model.Bitset
	profile  []analysis.AttributeProfile
	warnings []model.Sentence      // values no customer has: most often typos
	reach    []analysis.ReachCount // per channel with a consent column: who can be contacted
	err      error
}

// New builds the screen over the loaded session.
func New(c *common.Common) *Model { return newModel(c, defaultSyncLimit) }

// newModel takes the row count up to which work runs inside Update; tests
// lower it to drive the background path on a small table.
func newModel(c *common.Common, syncLimit int) *Model {
	in := common.LineInput{Prompt: c.T(msgPromptRule), Placeholder: c.T(msgPlaceholder)}
	m := &Model{common: c, keys: newKeyMap(), skeys: newSavedKeys(), pkeys: newProfileKeys(), input: in, editing: -1, syncLimit: syncLimit}
	m.eval = analysis.NewEvaluator(c.Session.Data, c.Session.AsOf, nil)
	m.sampleCol = sampleColumns(c.Session)
	if m.small() {
		m.base = analysis.NewProfileBase(c.Session.Data)
		m.result = compute(m.eval, m.base, c.Session.Reach, nil, 0)
	}
	return m
}

// grew takes the behaviour's attributes, read after the screen opened
// (common.GrewMsg), into the evaluator and the profile, and counts the
// segment again: a rule naming recency_days typed meanwhile now counts.
func (m *Model) grew() tea.Cmd {
	s := m.common.Session
	if m.lib != nil {
		m.eval = s.Evaluator(m.lib)
	} else {
		m.eval = analysis.NewEvaluator(s.Data, s.AsOf, nil)
	}
	m.sampleCol = sampleColumns(s)
	if m.small() {
		m.base = analysis.NewProfileBase(s.Data)
		return m.recount()
	}
	m.base = nil // a profile of the old columns would race the new one's: none until it comes
	return tea.Batch(baseCmd(s.Data), m.recount())
}

// Title is the tab's name, the catalogue's key: the root says it with T.
func (m *Model) Title() string { return "Segments" } // i18n: the key the root translates

func (m *Model) small() bool { return m.data().Rows() <= m.syncLimit }

func (m *Model) data() *model.Dataset { return m.common.Session.Data }

// Init lists the saved segments and, on a big table, prepares the profile's
// view of everyone and the first count in the background.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{listCmd(m.common.Session.DB), m.sampleCmd()}
	if !m.small() {
		cmds = append(cmds, baseCmd(m.data()), m.recount())
	}
	return tea.Batch(cmds...)
}

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.SetWidth(max(10, w-12))
}

// Typing is true while a rule or a name is being typed, so q and digits
// go into the text.
func (m *Model) Typing() bool { return m.mode == modeEdit || m.mode == modeName || m.formTyping() }

func (m *Model) ShortHelp() []key.Binding {
	switch m.mode {
	case modeRules:
		_, edits, more := m.ruleKeys()
		return append(edits, more...)
	case modeForm:
		return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Accept, m.keys.Cancel}
	case modeProfile:
		return []key.Binding{m.keys.Down, m.pkeys.PageDown, m.pkeys.PageUp, m.keys.Cancel}
	}
	if m.mode == modeList {
		k := m.skeys
		return append(m.keys.short(m.mode), k.Rename, k.Duplicate, k.Delete, k.History, k.Overlap)
	}
	return m.keys.short(m.mode)
}

func (m *Model) FullHelp() [][]key.Binding {
	if m.mode == modeList {
		k := m.skeys
		return [][]key.Binding{m.keys.short(m.mode), {k.Rename, k.Duplicate, k.Delete, k.History, k.Overlap}}
	}
	if m.mode == modeRules {
		moves, edits, more := m.ruleKeys()
		return [][]key.Binding{moves, edits, more}
	}
	return m.keys.full(m.mode)
}

// Update routes keys by mode, and results of work to their owners.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch m.mode {
		case modeEdit, modeName:
			return m, m.typingKey(msg)
		case modeList:
			return m, m.listKey(msg)
		case modeProfile:
			return m, m.profileKey(msg)
		case modeForm:
			return m, m.formKey(msg)
		case modeHistory, modeOverlap:
			if key.Matches(msg, m.keys.Cancel) || key.Matches(msg, m.keys.List) {
				m.mode = modeList
			}
			return m, nil
		}
		return m, m.rulesKey(msg)
	case common.GrewMsg:
		return m, m.grew()
	case common.AddConditionMsg:
		return m, m.addFromElsewhere(msg.Expr)
	case resultMsg:
		if msg.r.seq == m.seq {
			// keep showing the previous profile until this count's arrives:
			// a blink of an empty pane on every keystroke would be worse
			prev := m.result.profile
			m.result = msg.r
			m.result.profile = prev
			return m, tea.Batch(m.sampleCmd(), profileCmd(m.base, m.result.rows, m.seq))
		}
	case profileMsg:
		if msg.seq == m.seq && m.result.seq == msg.seq {
			m.result.profile = msg.profile
		}
	case baseMsg:
		if msg.of != m.data() {
			return m, nil // made before the behaviour arrived (GrewMsg)
		}
		m.base = msg.base
		return m, profileCmd(m.base, m.result.rows, m.result.seq)
	case sampleMsg:
		if msg.seq == m.seq && msg.err == nil {
			m.sample = msg.rows
		}
	case listMsg:
		return m, m.gotList(msg)
	case savedMsg:
		return m, m.gotSaved(msg)
	case previewMsg:
		m.gotPreview(msg)
	case manageMsg:
		return m, m.gotManage(msg)
	case historyMsg:
		m.history = msg
	case overlapMsg:
		m.overlap = msg
	}
	return m, nil
}

// tree is the segment being built: its rules joined by and.
func (m *Model) tree() seg.Node { return seg.Join(m.rules) }

// recount evaluates the segment after an edit: at once on a small table,
// else in a Cmd whose stale replies are dropped by sequence number.
func (m *Model) recount() tea.Cmd {
	m.seq++
	if m.small() {
		m.result = compute(m.eval, m.base, m.common.Session.Reach, m.tree(), m.seq)
		return m.sampleCmd()
	}
	return computeCmd(m.eval, m.common.Session.Reach, m.tree(), m.seq)
}
