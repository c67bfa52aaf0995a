package importer

import (
	"context"
	"os"
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

type state int

const (
	browsing   state = iota // the file list
	previewing              // a trial import, then how the file reads
	importing
	finished
)

type keyMap struct {
	Up, Down, Open, Parent, Refresh key.Binding
	Import, Back                    key.Binding
	Cancel, Reload, Again           key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Up:      key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:    key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Open:    key.NewBinding(key.WithKeys("enter", "right", "l"), key.WithHelp("enter", "open folder / preview file")),
		Parent:  key.NewBinding(key.WithKeys("backspace", "left", "h"), key.WithHelp("←/h", "folder above")),
		Refresh: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "read the folder again")),
		Import:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "import")),
		Back:    key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back to the files")),
		Cancel:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel import")),
		Reload:  key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "reload the data")),
		Again:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "import another file")),
	}
}

// Messages of a running import, tagged with its sequence number so a
// cancelled import's late messages are dropped.
type (
	progressMsg struct {
		seq int
		p   app.ImportProgress
	}
	doneMsg struct {
		seq    int
		result *app.ImportResult
		err    error
	}
)

// Model is the Import screen.
type Model struct {
	common *common.Common
	keys   keyMap
	state  state
	width  int
	height int

	// the file list
	dir        string
	entries    []entry
	cursor     int
	top        int
	listErr    error
	dirSeq     int
	selectName string // the name to put the cursor on when the folder arrives (the one just left)

	// the preview and the import
	seq      int
	cancel   context.CancelFunc
	ch       chan tea.Msg
	file     string
	progress app.ImportProgress
	preview  *app.ImportResult // the trial import's result
	exists   bool              // a table of the preview's name is already in the database
	result   *app.ImportResult
	err      error
}

// New builds the screen; the file list starts in the working directory
// (read once here: not on every frame), else in the database's folder.
func New(c *common.Common) *Model {
	dir, err := os.Getwd()
	if err != nil && c.Session != nil && c.Session.DB != nil {
		dir = filepath.Dir(c.Session.DB.Path())
	}
	return newModel(c, dir)
}

func newModel(c *common.Common, dir string) *Model {
	return &Model{common: c, keys: newKeyMap(), dir: dir}
}

func (m *Model) Title() string { return Title }
func (m *Model) Init() tea.Cmd { return m.readDir(m.dir) }
func (m *Model) Typing() bool  { return false }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.scroll()
}

func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch m.state {
	case previewing:
		if m.preview != nil && !m.exists {
			return []key.Binding{k.Import, k.Back}
		}
		return []key.Binding{k.Back}
	case importing:
		return []key.Binding{k.Cancel}
	case finished:
		return []key.Binding{k.Reload, k.Again}
	}
	return []key.Binding{k.Open, k.Parent, k.Refresh, k.Up, k.Down}
}

func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

// readDir lists dir in a Cmd; a reply for an older request is dropped.
func (m *Model) readDir(dir string) tea.Cmd {
	m.dirSeq++
	return readDirCmd(dir, m.dirSeq)
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ShownMsg:
		if m.state == browsing {
			return m, m.readDir(m.dir) // files may have come or gone meanwhile
		}
	case dirMsg:
		if msg.seq == m.dirSeq {
			m.gotDir(msg)
		}
	case previewProgressMsg:
		if msg.seq == m.seq && m.state == previewing {
			m.progress = msg.p
			return m, wait(m.ch)
		}
	case previewMsg:
		if msg.seq == m.seq && m.state == previewing {
			m.preview, m.exists, m.err = msg.result, msg.exists, msg.err
		}
	case progressMsg:
		if msg.seq == m.seq && m.state == importing {
			m.progress = msg.p
			return m, wait(m.ch)
		}
	case doneMsg:
		if msg.seq == m.seq {
			m.state, m.result, m.err = finished, msg.result, msg.err
		}
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

// gotDir shows a folder as read, keeping the cursor on the same name when
// it is still there.
func (m *Model) gotDir(msg dirMsg) {
	was := ""
	if m.cursor < len(m.entries) && msg.dir == m.dir {
		was = m.entries[m.cursor].name
	}
	if m.selectName != "" {
		was, m.selectName = m.selectName, ""
	}
	m.dir, m.entries, m.listErr = msg.dir, msg.entries, msg.err
	m.cursor = 0
	for i, e := range m.entries {
		if e.name == was {
			m.cursor = i
		}
	}
	if was == "" {
		// a new folder: start on its first file, else its first folder
		for i, e := range m.entries {
			if !e.dir {
				m.cursor = i
				break
			}
		}
	}
	m.scroll()
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	switch m.state {
	case previewing:
		return m.previewKey(k)
	case importing:
		if key.Matches(k, m.keys.Cancel) && m.cancel != nil {
			m.cancel()
		}
		return nil
	case finished:
		switch {
		case key.Matches(k, m.keys.Reload):
			return func() tea.Msg { return common.ReloadMsg{} }
		case key.Matches(k, m.keys.Again):
			m.state, m.result, m.err = browsing, nil, nil
			return m.readDir(m.dir)
		}
		return nil
	}
	return m.browseKey(k)
}

func (m *Model) browseKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(k, m.keys.Down):
		m.cursor = max(0, min(len(m.entries)-1, m.cursor+1))
	case key.Matches(k, m.keys.Refresh):
		return m.readDir(m.dir)
	case key.Matches(k, m.keys.Parent):
		m.selectName = filepath.Base(m.dir)
		return m.readDir(filepath.Dir(m.dir))
	case key.Matches(k, m.keys.Open) && m.cursor < len(m.entries):
		e := m.entries[m.cursor]
		if e.dir {
			if e.name == ".." {
				m.selectName = filepath.Base(m.dir)
			}
			return m.readDir(filepath.Clean(filepath.Join(m.dir, e.name)))
		}
		return m.startPreview(filepath.Join(m.dir, e.name))
	}
	m.scroll()
	return nil
}

func (m *Model) previewKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Import) && m.preview != nil:
		if m.exists {
			return common.Status(m.existsText(), true)
		}
		return m.start(m.file)
	case key.Matches(k, m.keys.Back):
		if m.cancel != nil {
			m.cancel() // a trial import still running stops
		}
		m.seq++ // and its late messages are dropped
		m.state, m.preview, m.err = browsing, nil, nil
		return m.readDir(m.dir)
	}
	return nil
}

// startPreview runs a trial import of path into a temporary database.
func (m *Model) startPreview(path string) tea.Cmd {
	m.seq++
	m.state, m.file, m.progress, m.preview, m.exists, m.err = previewing, path, app.ImportProgress{}, nil, false, nil
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	m.ch = make(chan tea.Msg, 8)
	var db *app.Database
	if m.common.Session != nil {
		db = m.common.Session.DB
	}
	return previewCmd(ctx, db, path, m.seq, m.ch)
}

// start runs the import in the background; its progress and outcome come
// back as messages through a channel, as the data load does.
func (m *Model) start(path string) tea.Cmd {
	m.seq++
	m.state, m.file, m.progress, m.result, m.err = importing, path, app.ImportProgress{}, nil, nil
	ctx, cancel := context.WithCancel(context.Background())
	m.cancel = cancel
	ch := make(chan tea.Msg, 8)
	m.ch = ch
	seq, db := m.seq, m.common.Session.DB.Path()
	go func() {
		defer cancel()
		opt := app.ImportOptions{Progress: func(p app.ImportProgress) {
			select {
			case ch <- progressMsg{seq: seq, p: p}:
			default: // the screen is behind: skip this tick, the next one says more
			}
		}}
		res, err := app.ImportCSV(ctx, db, path, opt)
		ch <- doneMsg{seq: seq, result: res, err: err}
		close(ch)
	}()
	return wait(ch)
}

func wait(ch chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return msg
	}
}
