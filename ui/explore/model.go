package explore

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// view is what the screen shows: the distribution of the attribute under
// the cursor, the same while choosing a cross-tab's second attribute, a
// cross-tab, the data-quality list, or rows of the table.
type view int

const (
	viewDist view = iota
	viewPick
	viewCrossTab
	viewQuality
	viewRows
)

// defaultSyncLimit is the row count up to which work is done inside Update:
// below it every computation takes well under 10 ms; above it, in a Cmd.
const defaultSyncLimit = 50_000

// Model is the Explore screen.
type Model struct {
	common        *common.Common
	keys          keyMap
	view          view
	width, height int

	cursor, top int
	set         settings
	cache       map[distKey]*dist
	seq         int
	inflight    bool // a distribution is being computed; its reply asks for the next
	syncLimit   int
	stats       []colStats
	listed      []model.Column // the columns stats describes, to see which a GrewMsg replaced

	xt   crossTabState
	q    qualityState
	rows rowsState
	sel  *barSelection // bars marked to become a segment rule
}

// New builds the screen over the loaded session.
func New(c *common.Common) *Model {
	m := &Model{common: c, keys: newKeyMap(), cache: map[distKey]*dist{}, syncLimit: defaultSyncLimit}
	m.stats = nullStats(c.Session.Data, 0)
	m.listed = slices.Clone(c.Session.Data.Columns)
	m.cursor = firstAttribute(c.Session.Data)
	if c.Session.Data.Rows() <= m.syncLimit {
		applyDistinct(m.stats, 0, distinctCounts(c.Session.Data, 0))
	}
	return m
}

// grew lists the columns the session gained (the behaviour, read after
// the screen opened: common.GrewMsg) after the ones already listed, whose
// places and cursor stay as they are. An attribute the behaviour computed
// again under the same name (ages as of the purchases' analysis date) has
// its statistics and distributions made afresh.
func (m *Model) grew() tea.Cmd {
	ds := m.data()
	var cmds []tea.Cmd
	for i, c := range m.listed {
		if i < len(ds.Columns) && ds.Columns[i] != c {
			m.stats[i] = colStats{nulls: analysis.NullCount(ds.Columns[i]), distinct: -1}
			if ds.Rows() <= m.syncLimit {
				applyDistinct(m.stats, i, []int{analysis.Distinct(ds.Columns[i])})
			} else {
				cmds = append(cmds, distinctOfCmd(ds, i))
			}
		}
	}
	from := len(m.listed)
	m.listed = slices.Clone(ds.Columns)
	if from < len(ds.Columns) {
		m.stats = append(m.stats, nullStats(ds, from)...)
		if ds.Rows() <= m.syncLimit {
			applyDistinct(m.stats, from, distinctCounts(ds, from))
		} else {
			cmds = append(cmds, distinctCmd(ds, from), m.prefetchFrom(from))
		}
	}
	return tea.Batch(append(cmds, m.ensure())...)
}

func (m *Model) Title() string { return title }

// Init starts the work that is too slow for Update on a big table: distinct
// counts for the list and the first distribution.
func (m *Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.data().Rows() > m.syncLimit {
		cmds = append(cmds, distinctCmd(m.data(), 0), m.prefetchFrom(0))
	}
	return tea.Batch(append(cmds, m.ensure())...)
}

// SetSize gives the screen its share of the window. A new height can change
// how many bins fit; the distribution is then computed here, once, because
// SetSize cannot return a Cmd and a resize is rare.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.scrollList()
	if c := m.column(); c != nil {
		k := keyFor(m.cursor, c, m.set, m.maxBins())
		if _, ok := m.cache[k]; !ok {
			m.cache[k] = computeDist(c, k)
		}
	}
}

// Typing reports whether a text field has the keys; Explore has none.
func (m *Model) Typing() bool { return false }

func (m *Model) ShortHelp() []key.Binding  { return m.keys.short(m.view, m.attrKind(), m.crosses()) }
func (m *Model) FullHelp() [][]key.Binding { return m.keys.full(m.view, m.attrKind(), m.crosses()) }

// crosses reports whether the attribute under the cursor can be one side of
// a cross-tab (identifiers and text have too many values).
func (m *Model) crosses() bool {
	c := m.column()
	return c != nil && crossable(c)
}

// attrKind is the kind of the attribute under the cursor, for its keys.
func (m *Model) attrKind() attrKind {
	switch c := m.column(); {
	case c == nil:
		return attrText
	case isNumber(c):
		return attrNumber
	case isDate(c):
		return attrDate
	case isCoded(c):
		return attrCoded
	}
	return attrText
}

func (m *Model) data() *model.Dataset { return m.common.Session.Data }

// column is the attribute under the cursor, or nil for a table with none.
func (m *Model) column() model.Column {
	cols := m.data().Columns
	if m.cursor < 0 || m.cursor >= len(cols) {
		return nil
	}
	return cols[m.cursor]
}

// Update dispatches keys to the handler of the current view and results of
// work to their owners.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		return m, m.handleKey(msg)
	case distMsg:
		m.cache[msg.d.key] = msg.d
		m.inflight = false
		return m, m.ensure() // the cursor may have moved on meanwhile
	case distinctMsg:
		m.applyCounted(msg)
	case common.GrewMsg:
		return m, m.grew()
	case prefetchMsg:
		for _, d := range msg.dists {
			if _, ok := m.cache[d.key]; !ok {
				m.cache[d.key] = d
			}
		}
	case crossTabMsg:
		m.gotCrossTab(msg)
	case qualityMsg:
		m.gotQuality(msg)
	case contactMsg:
		m.gotContacts(msg)
	case rowsMsg:
		m.gotRows(msg)
	case rowsOrderMsg:
		return m, m.gotOrder(msg)
	}
	return m, nil
}

func (m *Model) handleKey(k tea.KeyPressMsg) tea.Cmd {
	switch m.view {
	case viewCrossTab:
		return m.crossTabKey(k)
	case viewQuality:
		return m.qualityKey(k)
	case viewRows:
		return m.rowsKey(k)
	}
	return m.distKey(k)
}

// ensure makes the current distribution available: from the cache, computed
// inline for a small table, or in a Cmd for a big one. Only one Cmd runs at
// a time; its reply calls ensure again, so holding a key down never queues
// a computation per row passed, and a stale reply is simply cached.
func (m *Model) ensure() tea.Cmd {
	c := m.column()
	if c == nil {
		return nil
	}
	k := keyFor(m.cursor, c, m.set, m.maxBins())
	if _, ok := m.cache[k]; ok {
		return nil
	}
	if c.Len() <= m.syncLimit {
		m.cache[k] = computeDist(c, k)
		return nil
	}
	if m.inflight {
		return nil
	}
	m.inflight = true
	m.seq++
	return computeDistCmd(c, k, m.seq)
}

// prefetchMsg carries the distributions of every column under the settings
// of the moment the table was opened.
type prefetchMsg struct{ dists []*dist }

// applyCounted keeps the distinct counts of msg for the columns listed
// now, not for ones a GrewMsg has replaced since (their own count follows).
func (m *Model) applyCounted(msg distinctMsg) {
	for i, c := range msg.cols {
		if j := msg.from + i; j < len(m.listed) && m.listed[j] == c {
			m.stats[j].distinct = msg.distinct[i]
		}
	}
}

// prefetchFrom computes the distributions of the columns from index from on
// in one background Cmd, one column after another (so it takes one core,
// not all), so that on a big table moving the cursor is a cache hit:
// render only.
func (m *Model) prefetchFrom(from int) tea.Cmd {
	cols := m.data().Columns[from:]
	keys := make([]distKey, len(cols))
	for i, c := range cols {
		keys[i] = keyFor(from+i, c, m.set, m.maxBins())
	}
	return func() tea.Msg {
		out := make([]*dist, len(cols))
		for i, c := range cols {
			out[i] = computeDist(c, keys[i])
		}
		return prefetchMsg{dists: out}
	}
}

// current is the distribution on screen, or nil while it is computed.
func (m *Model) current() *dist {
	c := m.column()
	if c == nil {
		return nil
	}
	return m.cache[keyFor(m.cursor, c, m.set, m.maxBins())]
}
