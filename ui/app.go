package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
	"github.com/pulpero/pulpero/ui/palette"
)

// Options are what the command line hands the interface.
type Options struct {
	DB     *app.Database
	Table  string    // --table, or "" to detect
	AsOf   time.Time // reference date for ages and tenure
	IsDark bool      // initial guess; the terminal's answer replaces it
}

// App is the root model.
type App struct {
	common *common.Common
	opts   Options
	keys   globalKeys
	help   help.Model

	// loading
	cancel   context.CancelFunc
	loadCh   chan tea.Msg
	stage    loadStage
	progress app.LoadProgress
	bar      progress.Model
	loadErr  error
	loadTook time.Duration

	screens  []common.Screen
	focus    int
	ready    bool
	mouseOff bool
	status   common.StatusMsg
	palette  *palette.Model // the open command palette, nil when closed
}

// New builds the root model; Init starts loading.
func New(opts Options) *App {
	c := &common.Common{Width: 80, Height: 24, Styles: common.NewStyles(opts.IsDark)}
	h := help.New()
	h.Styles = help.DefaultStyles(opts.IsDark)
	return &App{
		common: c,
		opts:   opts,
		keys:   newGlobalKeys(),
		help:   h,
		bar:    progress.New(progress.WithWidth(40), progress.WithoutPercentage()),
		stage:  "opening",
	}
}

func (a *App) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, a.startLoading())
}

// reload drops the loaded data and screens and loads again, keeping the
// focused screen's place in the tab order.
func (a *App) reload() tea.Cmd {
	a.ready, a.screens, a.common.Session = false, nil, nil
	a.stage, a.progress, a.status = "opening", app.LoadProgress{}, common.StatusMsg{}
	return a.startLoading()
}

func (a *App) startLoading() tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	a.cancel = cancel
	a.loadCh = make(chan tea.Msg, 16)
	req := loadRequest{db: a.opts.DB, table: a.opts.Table, asOf: a.opts.AsOf}
	return startLoad(ctx, req, a.loadCh)
}

func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.common.Width, a.common.Height = msg.Width, msg.Height
		a.help.SetWidth(msg.Width)
		a.resizeScreens()
		return a, nil
	case tea.BackgroundColorMsg:
		dark := msg.IsDark()
		a.common.Styles = common.NewStyles(dark)
		a.help.Styles = help.DefaultStyles(dark)
		return a, nil
	case loadStageMsg:
		a.stage = msg.stage
		return a, waitLoad(a.loadCh)
	case loadProgressMsg:
		a.progress = msg.p
		return a, waitLoad(a.loadCh)
	case loadedMsg:
		a.loadTook = msg.elapsed
		if msg.err != nil {
			a.loadErr = msg.err
			return a, nil
		}
		a.common.Session = msg.session
		a.screens = newScreens(a.common)
		a.focus = min(a.focus, len(a.screens)-1)
		a.ready = true
		a.resizeScreens()
		cmds := make([]tea.Cmd, len(a.screens))
		for i, s := range a.screens {
			cmds[i] = s.Init()
		}
		return a, tea.Batch(cmds...)
	case common.FocusMsg:
		for i, s := range a.screens {
			if s.Title() == msg.Title {
				a.focus = i
			}
		}
	case common.StatusMsg:
		a.status = msg
		return a, nil
	case common.ReloadMsg:
		return a, a.reload()
	case tea.KeyPressMsg:
		return a.handleKey(msg)
	case tea.MouseWheelMsg:
		// the wheel scrolls whatever the focused screen scrolls with ↑/↓
		if a.ready && a.palette == nil {
			code := tea.KeyDown
			if msg.Button == tea.MouseWheelUp {
				code = tea.KeyUp
			}
			return a.handleKey(tea.KeyPressMsg{Code: code})
		}
		return a, nil
	}
	// results of work go to every screen: each keeps only its own
	cmds := make([]tea.Cmd, len(a.screens))
	for i := range a.screens {
		a.screens[i], cmds[i] = a.screens[i].Update(msg)
	}
	return a, tea.Batch(cmds...)
}

func (a *App) resizeScreens() {
	if !a.ready {
		return
	}
	for _, s := range a.screens {
		s.SetSize(a.common.Width, a.bodyHeight())
	}
}

// focused is the screen that gets the keys.
func (a *App) focused() common.Screen { return a.screens[a.focus] }

// typing reports whether the focused screen has a text field with the keys.
func (a *App) typing() bool { return a.ready && a.focused().Typing() }

func (a *App) handleKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if a.palette != nil {
		return a.paletteKey(msg)
	}
	switch {
	case key.Matches(msg, a.keys.Quit) && (msg.String() == "ctrl+c" || !a.typing()):
		if a.cancel != nil {
			a.cancel()
		}
		return a, tea.Quit
	case key.Matches(msg, a.keys.Cancel) && !a.ready && a.loadErr == nil:
		a.cancel()
		return a, tea.Quit
	case !a.ready:
		return a, nil
	case a.typing():
		// the focused screen's text field takes every other key
	case key.Matches(msg, a.keys.Help):
		a.help.ShowAll = !a.help.ShowAll
		a.resizeScreens()
		return a, nil
	case key.Matches(msg, a.keys.Palette):
		p := palette.New(palette.Items(helpKeys{screen: a.focused(), global: a.keys}.FullHelp()))
		a.palette = &p
		return a, nil
	case key.Matches(msg, a.keys.Mouse):
		a.mouseOff = !a.mouseOff
		return a, nil
	case key.Matches(msg, a.keys.NextScreen):
		a.focus = (a.focus + 1) % len(a.screens)
		return a, nil
	case key.Matches(msg, a.keys.PrevScreen):
		a.focus = (a.focus + len(a.screens) - 1) % len(a.screens)
		return a, nil
	case len(msg.String()) == 1 && msg.String() >= "1" && msg.String() <= "9":
		if i := int(msg.String()[0] - '1'); i < len(a.screens) {
			a.focus = i
			return a, nil
		}
	}
	a.status = common.StatusMsg{}
	var cmd tea.Cmd
	a.screens[a.focus], cmd = a.focused().Update(msg)
	return a, cmd
}

// paletteKey gives a key to the open palette; running an action closes it
// and presses the action's key, so the palette does exactly what the key does.
func (a *App) paletteKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	p, res := a.palette.Update(msg)
	a.palette = &p
	if res == palette.Stay {
		return a, nil
	}
	item, ok := p.Chosen()
	a.palette = nil
	if res == palette.Cancel || !ok {
		return a, nil
	}
	km, ok := palette.KeyMsg(item.Key)
	if !ok {
		return a, nil
	}
	return a.handleKey(km)
}

// bodyHeight is the height left for the focused screen under the title line
// and above the help.
func (a *App) bodyHeight() int {
	return max(1, a.common.Height-2-lipgloss.Height(a.helpView()))
}

func (a *App) View() tea.View {
	var body string
	switch {
	case a.loadErr != nil:
		body = a.errorView()
	case !a.ready:
		body = a.loadingView()
	case a.palette != nil:
		body = a.palette.View(a.common.Styles, a.common.Width, a.bodyHeight())
	default:
		body = a.focused().View()
	}
	out := lipgloss.JoinVertical(lipgloss.Left, a.titleView(), body)
	out = placeBottom(out, a.helpView(), a.common.Height)
	v := tea.NewView(safeFrame(out))
	v.AltScreen = true
	v.WindowTitle = "pulpero — " + model.Printable(a.opts.DB.Name())
	if !a.mouseOff {
		v.MouseMode = tea.MouseModeCellMotion
	}
	return v
}

func (a *App) titleView() string {
	st := a.common.Styles
	parts := []string{st.Title.Render("pulpero"), a.opts.DB.Name()}
	if s := a.common.Session; s != nil {
		parts = append(parts, fmt.Sprintf("table %s (%s)", s.Table.Name, s.TableWhy),
			common.Int(s.Data.Rows())+" customers")
	}
	if a.mouseOff {
		parts = append(parts, st.Warn.Render("mouse off: select text freely"))
	}
	title := strings.Join(parts, st.Subtle.Render(" · "))
	if !a.ready {
		return ansi.Truncate(title, a.common.Width, "…")
	}
	tabs := make([]string, len(a.screens))
	for i, s := range a.screens {
		t := fmt.Sprintf(" %d %s ", i+1, s.Title())
		if i == a.focus {
			t = st.Selected.Render(t)
		} else {
			t = st.Subtle.Render(t)
		}
		tabs[i] = t
	}
	// cut to the window: a long table reason must not widen every line
	return ansi.Truncate(strings.Join(tabs, "")+"  "+title, a.common.Width, "…")
}

func (a *App) loadingView() string {
	st := a.common.Styles
	lines := []string{"", "  " + st.Title.Render("Loading") + " " + string(a.stage) + "…"}
	if p := a.progress; p.Total > 0 {
		share := float64(p.Done) / float64(p.Total)
		lines = append(lines, "  "+a.bar.ViewAs(share)+fmt.Sprintf("  %s / %s rows", common.Int(int(p.Done)), common.Int(int(p.Total))))
	}
	lines = append(lines, "", st.Subtle.Render("  esc cancels · q quits"))
	return strings.Join(lines, "\n")
}

func (a *App) errorView() string {
	st := a.common.Styles
	return "\n  " + st.Error.Render("Cannot open this database") + "\n\n  " +
		common.Wrap(a.loadErr.Error(), a.common.Width-4, "  ") + "\n\n" + st.Subtle.Render("  q quits")
}

func (a *App) helpView() string {
	if !a.ready {
		return ""
	}
	out := a.help.View(helpKeys{screen: a.focused(), global: a.keys})
	// help stops adding keys at the width only when its "…" still fits, so
	// cut every line again; the help line must never wrap at 80 columns
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, a.common.Width, "…")
	}
	if a.status.Text != "" {
		// the status takes the help's first line until the next key, so the
		// screens keep the height they were given and nothing below is cut
		st := a.common.Styles.Good
		if a.status.Error {
			st = a.common.Styles.Error
		}
		lines[0] = st.Render(common.Truncate(a.status.Text, a.common.Width))
	}
	return strings.Join(lines, "\n")
}

// helpKeys joins the focused screen's keys and the global ones, so the help
// line always comes from the bindings that are really active.
type helpKeys struct {
	screen interface {
		ShortHelp() []key.Binding
		FullHelp() [][]key.Binding
	}
	global globalKeys
}

func (h helpKeys) ShortHelp() []key.Binding {
	return append(h.screen.ShortHelp(), h.global.Palette, h.global.NextScreen, h.global.Help, h.global.Quit)
}

func (h helpKeys) FullHelp() [][]key.Binding {
	return append(h.screen.FullHelp(), []key.Binding{h.global.Palette, h.global.NextScreen, h.global.PrevScreen, h.global.Help, h.global.Mouse, h.global.Quit})
}

// placeBottom puts footer on the last lines of a screen of height rows.
func placeBottom(body, footer string, height int) string {
	bh, fh := lipgloss.Height(body), lipgloss.Height(footer)
	if footer == "" {
		fh = 0
	}
	if gap := height - bh - fh; gap > 0 {
		body += strings.Repeat("\n", gap)
	} else if gap < 0 {
		lines := strings.Split(body, "\n")
		body = strings.Join(lines[:max(0, len(lines)+gap)], "\n")
	}
	if footer == "" {
		return body
	}
	return body + "\n" + footer
}
