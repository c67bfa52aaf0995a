package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/app/locale"
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
	// Session, when set, is data already loaded and shared with other
	// sessions (pulpero serve): Init shows it without loading. Screens only
	// read it; a reload (after role corrections) loads a copy of its own.
	Session *app.Session
	// Policy is a remote user's (nil: a local user); see common.Common.
	Policy *app.Policy
	// Locale is the user's language and number format (zero: English).
	Locale locale.Locale
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
	// cancelled: esc stopped the load; the screen says so until q or r
	cancelled bool
	loadGen   int  // which load's messages are awaited (a reload starts another)
	growing   bool // the screens are up; reachability and behaviour are still being read

	screens  []common.Screen
	focus    int
	ready    bool
	mouseOff bool
	status   common.StatusMsg
	palette  *palette.Model // the open command palette, nil when closed
	// plain: the terminal shows no colour (its profile is Ascii or NoTTY),
	// so the styles mark the selection with a character
	plain bool
}

// New builds the root model; Init starts loading.
func New(opts Options) *App {
	c := &common.Common{Width: 80, Height: 24, Styles: common.NewStyles(opts.IsDark)}
	h := help.New()
	h.Styles = help.DefaultStyles(opts.IsDark)
	c.Policy = opts.Policy // serve: what this user is offered
	c.Locale = opts.Locale
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
	if a.opts.Session != nil { // serve: loaded once for every session
		a.cancel = func() {}
		return tea.Batch(tea.RequestBackgroundColor, sharedLoaded(a.opts.Session))
	}
	return tea.Batch(tea.RequestBackgroundColor, a.startLoading())
}

// reload drops the loaded data and screens and loads again, keeping the
// focused screen's place in the tab order.
func (a *App) reload() tea.Cmd {
	if a.cancel != nil {
		a.cancel() // a load still reading the behaviour stops
	}
	a.ready, a.growing, a.screens, a.common.Session = false, false, nil, nil
	a.stage, a.progress, a.status = "opening", app.LoadProgress{}, common.StatusMsg{}
	return a.startLoading()
}

func (a *App) startLoading() tea.Cmd {
	a.cancelled, a.loadErr = false, nil
	ctx, cancel := context.WithCancel(context.Background())
	a.cancel = cancel
	a.loadCh = make(chan tea.Msg, 16)
	a.loadGen++
	req := loadRequest{db: a.opts.DB, table: a.opts.Table, asOf: a.opts.AsOf}
	return startLoad(ctx, req, a.loadGen, a.loadCh)
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
		a.help.Styles = help.DefaultStyles(dark)
		if !a.plain {
			a.common.Styles = common.NewStyles(dark)
		}
		return a, nil
	case tea.ColorProfileMsg:
		a.plain = msg.Profile <= colorprofile.ASCII && msg.Profile != colorprofile.Unknown
		if a.plain {
			a.common.Styles = common.NewPlainStyles()
		} else {
			a.common.Styles = common.NewStyles(a.common.Styles.IsDark)
		}
		return a, nil
	case fromLoad:
		if msg.gen != a.loadGen {
			return a, waitLoad(msg.gen, msg.ch) // an earlier load's: read to its end, dropped
		}
		return a.fromLoad(msg.msg)
	case loadedMsg: // pulpero serve's shared session
		return a, a.loaded(msg)
	case grownMsg:
		return a, a.grown(msg)
	case common.FocusMsg:
		for i, s := range a.screens {
			if s.Title() == msg.Title {
				return a, a.show(i)
			}
		}
		return a, nil
	case common.StatusMsg:
		a.status = msg
		return a, nil
	case common.ReloadMsg:
		return a, a.reload()
	case common.SessionMsg: // a screen's copy of the session with more attributes (ui/value)
		s := msg.Session
		if cur := a.common.Session; s.Value != nil && s.StillLoading() && cur != nil && !cur.StillLoading() {
			s = cur.WithValue(s.Value) // computed before the behaviour arrived: keep both
		}
		return a, a.loaded(loadedMsg{session: s, elapsed: a.loadTook, more: a.growing})
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

// fromLoad takes a message of the current load and waits for its next.
func (a *App) fromLoad(msg tea.Msg) (tea.Model, tea.Cmd) {
	next := waitLoad(a.loadGen, a.loadCh)
	switch msg := msg.(type) {
	case loadStageMsg:
		a.stage, a.progress = msg.stage, app.LoadProgress{} // a new stage's progress starts at nothing
	case loadProgressMsg:
		a.progress = msg.p
	case loadedMsg:
		return a, tea.Batch(a.loaded(msg), next)
	case grownMsg:
		return a, tea.Batch(a.grown(msg), next)
	}
	return a, next
}

// loaded opens the screens on a loaded session (the customers alone when
// msg.more: reachability and behaviour follow in a grownMsg).
func (a *App) loaded(msg loadedMsg) tea.Cmd {
	a.loadTook = msg.elapsed
	if a.cancelled {
		return nil // esc was pressed: what was loaded meanwhile is dropped
	}
	if msg.err != nil {
		a.loadErr = msg.err
		return nil
	}
	a.common.Session = msg.session
	a.screens = offered(a.common.Policy, newScreens(a.common)) // serve: only what the role may do
	a.focus = min(a.focus, len(a.screens)-1)
	a.ready, a.growing = true, msg.more
	a.stage, a.progress = "", app.LoadProgress{}
	a.resizeScreens()
	cmds := make([]tea.Cmd, len(a.screens))
	for i, s := range a.screens {
		cmds[i] = s.Init()
	}
	return tea.Batch(cmds...)
}

// grown puts the session with reachability and behaviour in place of the
// customers alone and tells every screen, which keeps its place and what
// was typed.
func (a *App) grown(msg grownMsg) tea.Cmd {
	a.growing = false
	a.stage, a.progress = "", app.LoadProgress{}
	cur := a.common.Session
	if !a.ready || cur == nil {
		return nil
	}
	var status tea.Cmd
	s := msg.session
	switch {
	case errors.Is(msg.err, context.Canceled):
		return nil
	case msg.err != nil:
		failed := *cur
		failed.Behaviour = &app.Behaviour{Err: msg.err} // the Behaviour screen says why
		s, status = &failed, common.Status(a.common.T(msgLoadUnfinished, a.common.Locale.Error(msg.err)), true)
	case cur.Value != nil && s.Value == nil:
		// the Value screen added its attributes meanwhile: keep them, and
		// keep every attribute where the screens have it
		s = s.WithValue(cur.Value).OrderedAs(cur)
	}
	a.common.Session = s
	cmds := []tea.Cmd{status}
	for i := range a.screens {
		var cmd tea.Cmd
		a.screens[i], cmd = a.screens[i].Update(common.GrewMsg{})
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
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
	if a.ready {
		a.status = common.StatusMsg{} // a status lasts until the next key
	}
	switch {
	case key.Matches(msg, a.keys.Quit) && (msg.String() == "ctrl+c" || !a.typing()):
		if a.cancel != nil {
			a.cancel()
		}
		return a, tea.Quit
	case key.Matches(msg, a.keys.Cancel) && !a.ready && a.loadErr == nil && !a.cancelled:
		// stop the load and say so; q quits, r loads again
		a.cancel()
		a.cancelled = true
		return a, nil
	case key.Matches(msg, a.keys.Retry) && !a.ready && (a.cancelled || a.loadErr != nil):
		return a, a.reload()
	case !a.ready:
		return a, nil
	case a.typing():
		// the focused screen's text field takes every other key
	case key.Matches(msg, a.keys.Help):
		a.help.ShowAll = !a.help.ShowAll
		a.resizeScreens()
		return a, nil
	case key.Matches(msg, a.keys.Palette):
		p := palette.New(a.paletteItems(), a.common.Locale)
		a.palette = &p
		return a, nil
	case key.Matches(msg, a.keys.Mouse):
		a.mouseOff = !a.mouseOff
		a.status = common.StatusMsg{Text: a.common.T(msgMouseOn)}
		if a.mouseOff {
			a.status.Text = a.common.T(msgMouseOff)
		}
		return a, nil
	case key.Matches(msg, a.keys.NextScreen):
		return a, a.show((a.focus + 1) % len(a.screens))
	case key.Matches(msg, a.keys.PrevScreen):
		return a, a.show((a.focus + len(a.screens) - 1) % len(a.screens))
	case len(msg.String()) == 1 && msg.String() >= "1" && msg.String() <= "9":
		if i := int(msg.String()[0] - '1'); i < len(a.screens) {
			return a, a.show(i)
		}
	}
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
	var shown tea.Cmd
	for i, s := range a.screens {
		if item.Screen != "" && s.Title() == item.Screen && i != a.focus {
			shown = a.show(i)
		}
	}
	_, cmd := a.handleKey(km)
	return a, tea.Batch(shown, cmd)
}

// paletteItems are every action: the focused screen's first, then the
// other screens' (their moves left out: ↑ on another screen is no action),
// then the global keys.
func (a *App) paletteItems() []palette.Item {
	f := a.focused()
	items := palette.ItemsOf(f.Title(), f.FullHelp())
	for _, s := range a.screens {
		if s == f {
			continue
		}
		var groups [][]key.Binding
		for _, g := range s.FullHelp() {
			var keep []key.Binding
			for _, b := range g {
				if !palette.Moves(b) {
					keep = append(keep, b)
				}
			}
			groups = append(groups, keep)
		}
		items = append(items, palette.ItemsOf(s.Title(), groups)...)
	}
	return append(items, palette.Items([][]key.Binding{a.keys.all()})...)
}

// show focuses screen i and tells it it is shown (a screen that lists files
// reads them again).
func (a *App) show(i int) tea.Cmd {
	a.focus = i
	var cmd tea.Cmd
	a.screens[i], cmd = a.screens[i].Update(common.ShownMsg{})
	return cmd
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

// titleView is the header: the tabs, then what is open. The customer count
// comes before the table and why it was chosen, which are the first to go
// when the line is narrow (the Tables screen says why in full).
func (a *App) titleView() string {
	st := a.common.Styles
	parts := []headerPart{{text: st.Title.Render("pulpero"), rank: 3}, {text: model.Printable(a.opts.DB.Name()), rank: 1}}
	if s := a.common.Session; s != nil {
		parts = append(parts, headerPart{text: a.common.Locale.N(s.Data.Rows(), msgCustomer, msgCustomers, a.common.Int(s.Data.Rows())), rank: 0},
			headerPart{text: a.common.T(msgTable, model.Printable(s.Table.Name)), rank: 2})
		if s.TableWhy != "" {
			parts = append(parts, headerPart{text: "(" + model.Printable(a.common.Reason(s.TableWhy)) + ")", rank: 4, glue: true})
		}
	}
	if a.growing { // contact details and purchases are read behind the screens
		stage := string(a.stage)
		if stage == "" {
			stage = app.StageCheckContacts // what comes first behind them
		}
		growing := a.common.T(stage) + "…"
		if p := a.progress; p.Total > 0 {
			growing += " " + a.common.Percent(float64(p.Done)/float64(p.Total))
		}
		parts = append(parts, headerPart{text: st.Subtle.Render(growing), rank: 0})
	}
	if a.mouseOff {
		parts = append(parts, headerPart{text: st.Warn.Render(a.common.T(msgMouseOffShort)), rank: 0})
	}
	var titles []string
	if a.ready {
		for _, s := range a.screens {
			titles = append(titles, a.common.T(s.Title()))
		}
	}
	return headerLine(st, titles, a.focus, parts, a.common.Width)
}

func (a *App) loadingView() string {
	st := a.common.Styles
	if a.cancelled {
		return "\n  " + st.Warn.Render(a.common.T(msgLoadCancelled)) + "\n\n" + st.Subtle.Render("  "+a.common.T(msgLoadAgain))
	}
	lines := []string{"", "  " + st.Title.Render(a.common.T(msgLoading)) + " " + a.common.T(string(a.stage)) + "…"}
	if p := a.progress; p.Total > 0 {
		share := float64(p.Done) / float64(p.Total)
		lines = append(lines, "  "+a.bar.ViewAs(share)+"  "+a.common.T(msgRowsOf, a.common.Int(int(p.Done)), a.common.Int(int(p.Total))))
	}
	lines = append(lines, "", st.Subtle.Render("  "+a.common.T(msgEscCancels)))
	return strings.Join(lines, "\n")
}

func (a *App) errorView() string {
	st := a.common.Styles
	return "\n  " + st.Error.Render(a.common.T(msgCannotOpen)) + "\n\n  " +
		common.Wrap(a.common.Locale.Error(a.loadErr), a.common.Width-4, "  ") + "\n\n" + st.Subtle.Render("  "+a.common.T(msgTryAgain))
}

func (a *App) helpView() string {
	if !a.ready {
		return ""
	}
	scr := a.focused()
	var out string
	if a.help.ShowAll {
		out = fullHelp(a.help.Styles, a.translateGroups(scr.FullHelp()), a.translate(a.keys.all()), a.common.Width, a.common.T(globalLabel))
	} else {
		out = shortHelp(a.help.Styles, a.translate(scr.ShortHelp()), a.translate(a.keys.short()), a.common.Width)
	}
	lines := strings.Split(out, "\n")
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
