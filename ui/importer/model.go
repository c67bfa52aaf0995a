package importer

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/filepicker"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

type state int

const (
	picking state = iota
	importing
	finished
)

type keyMap struct {
	Cancel, Reload, Again key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel import")),
		Reload: key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "reload the data")),
		Again:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "import another file")),
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
	common   *common.Common
	keys     keyMap
	picker   filepicker.Model
	state    state
	seq      int
	cancel   context.CancelFunc
	ch       chan tea.Msg
	file     string
	progress app.ImportProgress
	result   *app.ImportResult
	err      error
	width    int
	height   int
}

// New builds the screen; the picker starts in the database's folder.
func New(c *common.Common) *Model {
	p := filepicker.New()
	p.AllowedTypes = []string{".csv", ".tsv", ".txt"}
	p.CurrentDirectory = filepath.Dir(c.Session.DB.Path())
	p.AutoHeight = false
	return &Model{common: c, keys: newKeyMap(), picker: p}
}

func (m *Model) Title() string { return "Import" }
func (m *Model) Init() tea.Cmd { return m.picker.Init() }
func (m *Model) Typing() bool  { return false }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.picker.SetHeight(max(3, h-4))
}

func (m *Model) ShortHelp() []key.Binding {
	switch m.state {
	case importing:
		return []key.Binding{m.keys.Cancel}
	case finished:
		return []key.Binding{m.keys.Reload, m.keys.Again}
	}
	k := m.picker.KeyMap
	return []key.Binding{k.Up, k.Down, k.Open, k.Back, k.Select}
}

func (m *Model) FullHelp() [][]key.Binding { return [][]key.Binding{m.ShortHelp()} }

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case progressMsg:
		if msg.seq == m.seq && m.state == importing {
			m.progress = msg.p
			return m, wait(m.ch)
		}
		return m, nil
	case doneMsg:
		if msg.seq != m.seq {
			return m, nil
		}
		m.state, m.result, m.err = finished, msg.result, msg.err
		return m, nil
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	if m.state == picking {
		var cmd tea.Cmd
		m.picker, cmd = m.picker.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	switch m.state {
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
			m.state, m.result, m.err = picking, nil, nil
			return m.picker.Init()
		}
		return nil
	}
	var cmd tea.Cmd
	m.picker, cmd = m.picker.Update(k)
	if ok, path := m.picker.DidSelectFile(k); ok {
		return m.start(path)
	}
	return cmd
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

func (m *Model) View() string {
	st := m.common.Styles
	switch m.state {
	case importing:
		p := m.progress
		return fmt.Sprintf("\n  %s %s\n\n  %s: %s rows, %.1f%%\n\n  %s", st.Title.Render("Importing"),
			filepath.Base(m.file), p.Phase, common.Int(int(p.Rows)), 100*p.Fraction(), st.Subtle.Render("esc cancels; the database is left as it was"))
	case finished:
		return m.resultView()
	}
	head := st.Title.Render("Import a CSV/TSV file into "+m.common.Session.DB.Name()) + "\n" +
		st.Subtle.Render(common.Truncate(m.picker.CurrentDirectory, max(20, m.width))) + "\n"
	return head + m.picker.View()
}

func (m *Model) resultView() string {
	st := m.common.Styles
	if m.err != nil {
		msg := m.err.Error()
		if errors.Is(m.err, context.Canceled) {
			msg = "cancelled: the database is as it was"
		} else if errors.Is(m.err, app.ErrImportTableExists) {
			msg += fmt.Sprintf("; to replace it run: pulpero import %s --db %s --replace", m.file, m.common.Session.DB.Path())
		}
		return "\n  " + st.Error.Render("Not imported") + "\n\n  " + common.Wrap(msg, max(20, m.width-4), "  ") +
			"\n\n  " + st.Subtle.Render("n: choose another file")
	}
	r := m.result
	var b strings.Builder
	fmt.Fprintf(&b, "\n  %s %s rows into table %q", st.Good.Render("Imported"), common.Int(int(r.Rows)), r.Table)
	if r.Rejected > 0 {
		fmt.Fprintf(&b, " (%s rejected, see %s)", common.Int(int(r.Rejected)), r.RejectsFile)
	}
	b.WriteString("\n\n")
	for i, c := range r.Columns {
		if i >= max(1, m.height-8) {
			fmt.Fprintf(&b, "  … and %d more columns\n", len(r.Columns)-i)
			break
		}
		fmt.Fprintf(&b, "  %s %s %s\n", common.Pad(c.Name, 24), common.Pad(c.Kind.String(), 12), st.Subtle.Render(common.Truncate(c.Note, max(10, m.width-42))))
	}
	b.WriteString("\n  " + st.Subtle.Render("L reloads the data; the new table is in the database for pulpero and any SQLite tool"))
	return b.String()
}
