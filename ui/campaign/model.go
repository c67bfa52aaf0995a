package campaign

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model/campaign"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// view is what the screen shows below its tabs.
type view int

const (
	viewPlan view = iota
	viewReach
	viewResults
	numViews
)

var viewNames = [numViews]string{msgViewPlan, msgViewReach, msgViewResults}

// Model is the Campaign screen.
type Model struct {
	common        *common.Common
	keys          keyMap
	width, height int
	view          view

	form    []field
	cursor  int
	editing bool
	input   common.LineInput
	formErr string // why the form does not parse: the plan shown is the last valid setup's
	errAt   int    // the field formErr is about, -1 when none
	formTop int    // the first row of fields shown when the window is short

	picking          int // fInclude or fExclude while choosing segments, else -1
	pickCursor       int
	names            []string // saved segments
	lib              *app.Library
	include, exclude []string // in the order picked: a customer's segment is the first holding them

	past        *targeting.PastContacts
	historyRead bool
	seq         int
	counts      countsMsg
	plan        planMsg
	fit         app.ResponseFit // the last response model, reused while its options hold

	exporting    bool
	cancelExport context.CancelFunc
	forceNext    bool // the list exists: the next e replaces it

	reach      reachView
	results    resultsView
	planScroll common.Scroller // the plan panel, when taller than the window
}

// New builds the screen; Init reads the campaign history and saved segments.
func New(c *common.Common) *Model {
	m := &Model{common: c, keys: newKeyMap(), form: newForm(c.Locale), picking: -1, errAt: -1}
	if c.Session.Data.Column("generation") == nil {
		m.form[fBy].value = "" // rates by channel only, until an attribute is picked
	}
	m.reach.init()
	m.results.init()
	return m
}

func (m *Model) Title() string    { return msgTitle }
func (m *Model) Typing() bool     { return m.editing || m.picking >= 0 }
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }

func (m *Model) Init() tea.Cmd {
	s := m.common.Session
	return tea.Batch(readHistory(s), readLibrary(s.DB))
}

func (m *Model) ShortHelp() []key.Binding {
	switch {
	case m.editing:
		return []key.Binding{key.NewBinding(key.WithHelp("enter", "apply")), m.keys.Cancel}
	case m.picking >= 0:
		return []key.Binding{m.keys.Up, m.keys.Down, m.keys.Toggle, key.NewBinding(key.WithHelp("enter/esc", "done"))}
	case m.view == viewReach:
		return []key.Binding{m.reach.keys.Next, m.keys.View}
	case m.view == viewResults:
		return []key.Binding{m.keys.Up, m.keys.Down, m.results.keys.Reload, m.keys.View}
	}
	keys := []key.Binding{m.keys.Up, m.keys.Down, m.keys.Edit, m.keys.Export, m.keys.View}
	if m.planOverflows() {
		keys = append(keys, m.keys.PageDown, m.keys.PageUp)
	}
	return keys
}

func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case historyMsg:
		m.past, m.historyRead = msg.past, true
		if msg.err != nil {
			return m, common.Status(m.common.T("campaign history: %s", m.common.Locale.Error(msg.err)), true)
		}
		return m, m.replan()
	case libraryMsg:
		if msg.err != nil {
			return m, common.Status(m.common.T("saved segments: %s", m.common.Locale.Error(msg.err)), true)
		}
		m.lib, m.names = msg.lib, msg.lib.Names()
		return m, m.replan()
	case countsMsg:
		if msg.seq == m.seq {
			m.counts = msg
			if m.view == viewReach {
				return m, m.reachCmd()
			}
		}
	case reachMsg:
		m.reach.got(msg)
	case planMsg:
		if msg.fit.Model != nil {
			m.fit = msg.fit // even from an older setup: the key says what it fits
		}
		if msg.seq == m.seq {
			m.plan = msg
		}
	case common.GrewMsg:
		return m, m.replan() // a segment naming a behaviour attribute counts now
	case exportedMsg:
		return m, m.exported(msg)
	case resultsMsg:
		m.results.got(msg)
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case m.editing:
		return m.editKey(k)
	case m.picking >= 0:
		return m.pickKey(k)
	case key.Matches(k, m.keys.Cancel) && m.exporting:
		m.cancelExport()
		return nil
	case key.Matches(k, m.keys.View):
		m.view = (m.view + 1) % numViews
		switch m.view {
		case viewResults:
			return m.results.load(m.common.Session)
		case viewReach:
			return m.reachCmd()
		}
		return nil
	}
	switch m.view {
	case viewReach:
		s := m.common.Session
		return m.reach.key(k, s.Data, s.Reach, m.counts.target)
	case viewResults:
		return m.results.key(k, m.common.Session)
	}
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(k, m.keys.Down):
		m.cursor = min(numFields-1, m.cursor+1)
	case key.Matches(k, m.keys.Edit):
		return m.startEdit()
	case key.Matches(k, m.keys.Export):
		return m.export()
	case key.Matches(k, m.keys.PageDown):
		m.pagePlan(+1)
	case key.Matches(k, m.keys.PageUp):
		m.pagePlan(-1)
	}
	return nil
}

// startEdit opens the current field: a segment picker, a toggle, or a line
// to type in.
func (m *Model) startEdit() tea.Cmd {
	switch m.cursor {
	case fInclude, fExclude:
		m.picking, m.pickCursor = m.cursor, 0
		return readLibrary(m.common.Session.DB) // segments saved since are offered too
	case fBy:
		m.form[fBy].value = nextAttribute(m.common.Session.Data, m.form[fBy].value)
		m.forceNext = false
		return m.replan()
	case fModel, fUplift, fFormat:
		toggle := map[string]string{"rates": "logistic", "logistic": "rates", "all": "uplift", "uplift": "all",
			"csv": "excel", "excel": "jsonl", "jsonl": "csv"}
		m.form[m.cursor].value = toggle[m.form[m.cursor].value]
		if m.cursor == fFormat {
			m.form[fFile].value = withExtension(m.form[fFile].value, m.form[fFormat].value)
		}
		m.forceNext = false
		return m.replan()
	}
	m.editing = true
	m.input = common.LineInput{Prompt: m.common.Locale.Lookup(m.form[m.cursor].label) + ": ", SelectStyle: m.common.Styles.Selected}
	m.input.SetValue(m.form[m.cursor].value)
	m.input.SelectAll() // typing replaces the old value; arrows edit it
	m.input.Focus()
	return nil
}

func (m *Model) editKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "esc":
		m.editing = false
	case "enter":
		m.editing = false
		old := m.form[m.cursor].value
		m.form[m.cursor].value = strings.TrimSpace(m.input.Value())
		if m.form[m.cursor].value != old {
			m.forceNext = false
			return m.replan()
		}
	default:
		m.input.Update(k)
	}
	return nil
}

func (m *Model) pickKey(k tea.KeyPressMsg) tea.Cmd {
	list := &m.include
	if m.picking == fExclude {
		list = &m.exclude
	}
	switch k.String() {
	case "esc", "enter":
		m.picking = -1
		return m.replan()
	case "up", "k":
		m.pickCursor = max(0, m.pickCursor-1)
	case "down", "j":
		m.pickCursor = min(len(m.names)-1, m.pickCursor+1)
	case "space", " ", "x":
		if m.pickCursor < len(m.names) {
			name := m.names[m.pickCursor]
			if i := slices.Index(*list, name); i >= 0 {
				*list = slices.Delete(*list, i, i+1)
			} else {
				*list = append(*list, name)
			}
			return m.replan()
		}
	}
	return nil
}

// replan starts the counts and the plan of the current setup; answers to
// earlier setups are dropped when they arrive.
func (m *Model) replan() tea.Cmd {
	if !m.historyRead || m.common.Session.Reach == nil {
		// the first plan waits for the history, so it never claims there is
		// none; without reachability nobody may be contacted, so no plan
		return nil
	}
	s, err := parseForm(m.common.Locale, m.form, m.include, m.exclude)
	if err != nil {
		m.formErr, m.errAt = err.Error(), -1
		var fe *formError
		if errors.As(err, &fe) {
			m.errAt = fe.field
		}
		return nil
	}
	m.formErr, m.errAt = "", -1
	m.seq++
	sess := m.common.Session
	req := s.req.Request
	req.Name = campaignName(s.req) // the control group is a hash of the name the export will use
	j := job{seq: m.seq, fit: m.fit, sess: sess, lib: m.lib, past: m.past, req: req}
	return tea.Batch(j.counts, j.plan)
}

func (m *Model) reachCmd() tea.Cmd {
	s := m.common.Session
	return m.reach.compute(s.Data, s.Reach, m.counts.target)
}

// export writes the list with app's export, the one `pulpero export` runs.
func (m *Model) export() tea.Cmd {
	if m.exporting {
		return nil
	}
	if m.common.Session.StillLoading() { // nobody may be exported before their consent is read
		return common.Status(m.common.T(msgWaitReach), true)
	}
	s, err := parseForm(m.common.Locale, m.form, m.include, m.exclude)
	if err != nil {
		return common.Status(err.Error(), true)
	}
	req := s.req
	req.Force = m.forceNext
	req.Name = campaignName(req)
	ctx, cancel := context.WithCancel(context.Background())
	m.exporting, m.cancelExport = true, cancel
	sess, lib := m.common.Session, m.lib
	pol := m.common.Policy // serve: role check, the user's export folder, audit
	now := time.Now().UTC()
	// in sequence, so a quick failure is never overwritten by "exporting"
	return tea.Sequence(common.Status(m.common.T("exporting %s… (esc cancels)", req.Out), false), func() tea.Msg {
		var warn []string
		m, err := pol.Export(ctx, sess, lib, req, app.ExportOptions{Now: now, Warn: func(w string) { warn = append(warn, w) }})
		cancel()
		return exportedMsg{m: m, warning: strings.Join(warn, "; "), err: err}
	})
}

func (m *Model) exported(msg exportedMsg) tea.Cmd {
	m.exporting = false
	if msg.err != nil {
		text := m.common.Locale.Error(msg.err)
		// store's safe writer: "<path>: already exists; add --force to replace it"
		if i := strings.Index(msg.err.Error(), msgExists); i >= 0 {
			m.forceNext = true
			text := msg.err.Error()
			text = m.common.T("%s: already exists; press e again to replace it", text[:i]) + text[i+len(msgExists):]
			return common.Status(m.common.T("export: %s", text), true)
		}
		return common.Status(m.common.T("export: %s", text), true)
	}
	m.forceNext = false
	f := msg.m.Files
	text := m.common.T("wrote %s: %s target and %s control customers; manifest %s", f.List, m.common.Int(f.Target), m.common.Int(f.Control), campaign.ManifestPath(f.List))
	if msg.warning != "" {
		text += m.common.T(" (warning: %s)", msg.warning)
	}
	m.results.stale = true
	return common.Status(text, msg.warning != "")
}

// withExtension gives a list file the extension of its format, when it has
// the other format's: list.csv becomes list.jsonl and back.
func withExtension(path, format string) string {
	ext := ".csv"
	if format == "jsonl" {
		ext = ".jsonl"
	}
	for _, old := range []string{".csv", ".jsonl"} {
		if strings.HasSuffix(strings.ToLower(path), old) {
			return path[:len(path)-len(old)] + ext
		}
	}
	return path
}

// nextAttribute is the categorical attribute after current among those
// worth estimating rates by (the Reachability view's), wrapping around.
func nextAttribute(ds *model.Dataset, current string) string {
	attrs := attributes(ds)
	if len(attrs) == 0 {
		return current
	}
	for i, c := range attrs {
		if c.Name == current {
			return attrs[(i+1)%len(attrs)].Name
		}
	}
	return attrs[0].Name
}

// msgExists is how store's safe writer refuses a file that is there (in
// English: errors are matched in English, and said in the user's language).
const msgExists = ": already exists; add --force to replace it" // i18n: matched in an error, never shown as it is
