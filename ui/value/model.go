package value

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis/value"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

// view is what the screen shows.
type view int

const (
	viewOverview  view = iota // parameters, fit diagnostics, totals
	viewTracking              // cumulative repeat purchases, actual and expected
	viewByRepeat              // holdout purchases by calibration purchases
	viewBands                 // p_alive and clv in bands
	viewCustomers             // the highest clv
	numViews
)

// field is the text field open, if any.
type field int

const (
	fieldNone field = iota
	fieldHorizon
	fieldDiscount
	fieldCalEnd
)

// Model is the Value screen.
type Model struct {
	common        *common.Common
	keys          keyMap
	width, height int
	view          view

	v     *app.Value      // the last result (nil: none yet)
	rep   app.ValueReport // v described
	added bool            // the session's data holds v's attributes

	opts     app.ValueOptions // what r computes with (zero fields: saved settings)
	job      *job             // the running computation, nil when idle
	seq      int
	progress app.ValueProgress
	asked    bool // a computation was started (or the result came with the session)

	band, scroll int // cursor in the bands view, first row of the customers view

	field field
	input common.LineInput

	mark string // the user's decimal mark, once known
}

// New builds the screen; a session that already holds customer value
// (the copy the screen handed the root) shows it at once.
func New(c *common.Common) *Model {
	m := &Model{common: c, keys: newKeyMap(), opts: app.ValueOptions{Validate: true}}
	if v := c.Session.Value; v != nil {
		m.show(v)
		m.added, m.asked = true, true
		m.opts.ParetoNBD = v.Pareto != nil || v.ParetoErr != nil
	}
	return m
}

func (m *Model) Title() string { return Title }

// t is a sentence of the screen in the user's language.
func (m *Model) t(key string, args ...any) string { return m.common.T(key, args...) }

// num writes a number strconv wrote (no grouping, a point for decimals:
// "0.1884", "1.2e-05", "< 0.1") with the user's decimal mark.
func (m *Model) num(s string) string {
	if m.mark == "" {
		m.mark = strings.Trim(m.t("%.1f", 1.5), "15")
	}
	if m.mark == "." {
		return s
	}
	return strings.ReplaceAll(s, ".", m.mark)
}

// day writes a YYYY-MM-DD date as the user's language does (02/01/2026
// in Spanish), or as it is when it is not one.
func (m *Model) day(s string) string {
	t, err := app.ParseDay(s)
	if err != nil || s == "" {
		return s
	}
	return m.common.Locale.Date(t)
}

// errSay is the sentence of a part of the result that could not be
// computed (err, described as text in the report) in the user's language.
func (m *Model) errSay(err error, text string) string {
	var ve *value.Error
	switch {
	case err != nil && errors.As(err, &ve) && ve.Detail != "" && ve.Said.Format != "":
		return m.common.Locale.Lookup(ve.Kind.Message()) + " (" + m.common.Locale.Say(ve.Said) + ")"
	case err == nil || ve != nil:
		return m.say(text)
	}
	return m.common.Locale.Error(err)
}

// say is a sentence of the value models (an error's or a warning's, with
// its detail in parentheses) in the user's language: the catalogue knows
// the sentence, the detail (counts, dates) stays as it is.
func (m *Model) say(s string) string {
	if s == "" {
		return s
	}
	if t := m.common.Locale.Lookup(s); t != s {
		return t
	}
	if i := strings.Index(s, " ("); i > 0 {
		if t := m.common.Locale.Lookup(s[:i]); t != s[:i] {
			return t + s[i:]
		}
	}
	return s
}
func (m *Model) Init() tea.Cmd    { return nil }
func (m *Model) SetSize(w, h int) { m.width, m.height = w, h }
func (m *Model) Typing() bool     { return m.field != fieldNone }

func (m *Model) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.field != fieldNone:
		return []key.Binding{k.Enter, k.Back}
	case m.job != nil:
		return []key.Binding{k.Back}
	case m.view == viewBands:
		return []key.Binding{k.Up, k.Down, k.Enter, k.View, k.Add}
	case m.view == viewCustomers:
		return []key.Binding{k.Up, k.Down, k.View, k.Add}
	}
	return []key.Binding{k.View, k.Compute, k.Horizon, k.Discount, k.CalEnd, k.Pareto, k.Add}
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.View, k.Up, k.Down, k.Enter, k.Back}, {k.Compute, k.Horizon, k.Discount, k.CalEnd, k.Pareto}, {k.Add}}
}

// show keeps a result and its report.
func (m *Model) show(v *app.Value) {
	m.v, m.rep, m.added = v, m.common.Session.ValueReport(v, topN), false
	m.band, m.scroll = min(m.band, max(0, len(m.rep.PAlive)+len(m.rep.CLV)-1)), 0
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.field != fieldNone {
			return m, m.fieldKey(msg)
		}
		return m, m.handleKey(msg)
	case common.ShownMsg:
		if !m.asked { // opened for the first time: compute
			return m, m.compute()
		}
	case progressMsg:
		if m.job != nil && msg.seq == m.job.seq {
			m.progress = msg.p
			return m, m.job.wait()
		}
	case doneMsg:
		if m.job == nil || msg.seq != m.job.seq {
			return m, nil
		}
		m.job = nil
		if msg.err != nil {
			if isCancel(msg.err) {
				return m, common.Status(m.t(msgCancelled), false)
			}
			return m, common.Status(m.common.Locale.Error(msg.err), true)
		}
		m.show(msg.v)
		if msg.v.Err != nil {
			return m, nil
		}
		return m, common.Status(m.t(msgDone, m.t(msgSeconds, msg.took.Round(100*time.Millisecond).Seconds())), false)
	case savedMsg:
		if msg.err != nil {
			return m, common.Status(m.common.Locale.Error(msg.err), true)
		}
		return m, tea.Batch(common.Status(m.t(msgSaved), false), m.compute())
	}
	return m, nil
}

// compute starts a computation with the screen's options, stopping one
// in progress.
func (m *Model) compute() tea.Cmd {
	if m.job != nil {
		m.job.cancel()
	}
	m.seq++
	m.asked, m.progress = true, app.ValueProgress{}
	j, cmd := start(m.common.Session, m.opts, m.seq)
	m.job = j
	return cmd
}

func (m *Model) handleKey(k tea.KeyPressMsg) tea.Cmd {
	km := m.keys
	if m.job != nil {
		if key.Matches(k, km.Back) {
			m.job.cancel()
		}
		return nil // the other keys wait for the result
	}
	switch {
	case key.Matches(k, km.Back):
		m.view = viewOverview
	case key.Matches(k, km.View):
		m.view = (m.view + 1) % numViews
	case key.Matches(k, km.Compute):
		return m.compute()
	case key.Matches(k, km.Pareto):
		m.opts.ParetoNBD = !m.opts.ParetoNBD
		return m.compute()
	case key.Matches(k, km.Horizon):
		m.open(fieldHorizon)
	case key.Matches(k, km.Discount):
		m.open(fieldDiscount)
	case key.Matches(k, km.CalEnd):
		m.open(fieldCalEnd)
	case key.Matches(k, km.Add):
		return m.add()
	case key.Matches(k, km.Up):
		m.move(-1)
	case key.Matches(k, km.Down):
		m.move(1)
	case key.Matches(k, km.Enter) && m.view == viewBands:
		return m.sendBand()
	}
	return nil
}

// move moves the band cursor or scrolls the customers.
func (m *Model) move(d int) {
	switch m.view {
	case viewBands:
		m.band = max(0, min(len(m.rep.PAlive)+len(m.rep.CLV)-1, m.band+d))
	case viewCustomers:
		m.scroll = max(0, min(len(m.rep.Top)-1, m.scroll+d))
	}
}

// ready reports whether there is a result the attributes can come from.
func (m *Model) ready() bool { return m.v != nil && m.v.Err == nil }

// add hands the root a session with the attributes (the screens are
// built again over it).
func (m *Model) add(then ...tea.Cmd) tea.Cmd {
	if !m.ready() {
		return common.Status(m.t(msgNone), true)
	}
	if m.added {
		if len(then) == 0 {
			return common.Status(m.t(msgAdded), false)
		}
		return tea.Sequence(then...)
	}
	return addCmd(m.common.Session, m.v, append(then, common.Status(m.t(msgAdded), false))...)
}

// sendBand adds the rule of the band under the cursor to the segment
// being built and shows the Segments screen, adding the attributes first
// when the data lacks them.
func (m *Model) sendBand() tea.Cmd {
	bands := append(append([]app.ValueBand(nil), m.rep.PAlive...), m.rep.CLV...)
	if m.band >= len(bands) {
		return nil
	}
	rule := bands[m.band].Rule
	return m.add(
		func() tea.Msg { return common.AddConditionMsg{Expr: rule} },
		// i18n: the Segments screen's title, which names it to the root
		func() tea.Msg { return common.FocusMsg{Title: "Segments"} },
	)
}

// open starts typing in a field, on its current value.
func (m *Model) open(f field) {
	m.field = f
	m.input = common.LineInput{SelectStyle: m.common.Styles.Selected}
	cur := ""
	switch f {
	case fieldHorizon:
		m.input.Prompt = m.t(promptHorizon)
		if m.v != nil {
			cur = fmt.Sprint(m.v.HorizonDays)
		}
	case fieldDiscount:
		m.input.Prompt = m.t(promptDiscount)
		if m.v != nil {
			cur = m.num(strconv.FormatFloat(m.v.DiscountRate, 'g', -1, 64)) + "/" + strconv.Itoa(m.v.DiscountPeriod) + "d"
		}
	case fieldCalEnd:
		m.input.Prompt = m.t(promptCalEnd)
		if val := m.rep.Validation; val != nil {
			cur = val.CalibrationEnd
		}
	}
	m.input.SetValue(cur)
	m.input.SelectAll()
	m.input.Focus()
	m.input.SetWidth(max(20, m.width))
}

// fieldKey types into the open field; enter saves the value as the
// database's setting and computes again.
func (m *Model) fieldKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Back):
		m.field = fieldNone
		return nil
	case key.Matches(k, m.keys.Enter):
		f, typed := m.field, strings.TrimSpace(m.input.Value())
		m.field = fieldNone
		var change func(*app.ValueOptions)
		switch f {
		case fieldHorizon:
			h := 0 // empty: back to the default
			if typed != "" {
				var err error
				if h, err = app.ParseHorizon(typed); err != nil {
					return common.Status(m.common.Locale.Error(err), true)
				}
			}
			change = func(o *app.ValueOptions) { o.HorizonDays = h }
		case fieldDiscount:
			r, p := 0.0, 0
			if typed != "" {
				var err error
				if r, p, err = app.ParseDiscount(typed); err != nil {
					return common.Status(m.common.Locale.Error(err), true)
				}
			}
			change = func(o *app.ValueOptions) { o.DiscountRate, o.DiscountPeriodDays = r, p }
		case fieldCalEnd:
			var d time.Time
			if typed != "" {
				var err error
				if d, err = app.ParseDay(typed); err != nil {
					return common.Status(m.common.Locale.Error(err), true)
				}
			}
			change = func(o *app.ValueOptions) { o.CalibrationEnd = d }
		}
		return saveCmd(m.common.Policy, m.common.Session.DB, change)
	}
	m.input.Update(k)
	return nil
}
