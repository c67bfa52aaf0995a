package campaign

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/pulpero/pulpero/model"

	"github.com/pulpero/pulpero/analysis/targeting"
	"github.com/pulpero/pulpero/app"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/ui/common"
)

// resultsView is the Campaign results view: every campaign, the data's own
// and those exported from pulpero, measured against its control group.
type resultsView struct {
	keys     struct{ Reload key.Binding }
	loaded   bool // asked for
	have     bool // answered
	stale    bool // a list was exported since the last read
	err      error
	outcomes []app.CampaignOutcome
	measured []targeting.CampaignResult
	cursor   int
}

type resultsMsg struct {
	outcomes []app.CampaignOutcome
	measured []targeting.CampaignResult
	err      error
}

func (v *resultsView) init() {
	v.keys.Reload = key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "read again"))
}

// load reads and measures every campaign in a Cmd, once, and again after an
// export or on r.
func (v *resultsView) load(s *common.Session) tea.Cmd {
	if v.loaded && !v.stale {
		return nil
	}
	v.loaded, v.stale = true, false
	db := s.DB
	return func() tea.Msg {
		out, err := db.CampaignOutcomes(context.Background())
		if err != nil {
			return resultsMsg{err: err}
		}
		msg := resultsMsg{outcomes: out}
		for _, o := range out {
			msg.measured = append(msg.measured, targeting.MeasureCampaign(o.Control, o.Responded, o.Revenue, nil, o.CostPerContact))
		}
		return msg
	}
}

func (v *resultsView) got(msg resultsMsg) {
	v.outcomes, v.measured, v.err, v.have = msg.outcomes, msg.measured, msg.err, true
	v.cursor = min(v.cursor, max(0, len(v.outcomes)-1))
}

func (v *resultsView) key(k tea.KeyPressMsg, s *common.Session) tea.Cmd {
	switch k.String() {
	case "up", "k":
		v.cursor = max(0, v.cursor-1)
	case "down", "j":
		v.cursor = min(len(v.outcomes)-1, v.cursor+1)
	case "r":
		v.stale = true
		return v.load(s)
	}
	return nil
}

func (v *resultsView) view(c *common.Common, width, height int) string {
	st := c.Styles
	switch {
	case v.err != nil:
		return st.Error.Render(common.Wrap(c.Locale.Error(v.err), width-4, "  "))
	case !v.have:
		return st.Subtle.Render("  " + c.T("reading campaigns…"))
	case len(v.outcomes) == 0:
		return st.Subtle.Render(common.Wrap(c.T(msgNoCampaigns), width-4, "  "))
	}
	var b strings.Builder
	// the columns are as wide as their words in the user's language, at
	// least as wide as in English
	h := [...]string{c.T("campaign"), c.T("date"), c.T("channel"), c.T("treated"), c.T("control"), c.T("lift"), c.T("source")}
	noReplies := c.T("no replies")
	wc := max(9, cells(h[2]))
	wt, wk := max(7, cells(h[3])), max(7, cells(h[4]))
	wl := max(10, cells(h[5]), cells(noReplies))
	for _, r := range v.measured {
		wl = max(wl, cells(liftText(c, r))) // "+10,20 p. p." is wider than "+10.20 pt"
	}
	ws := max(7, cells(h[6]), cells(c.T("data")))
	extra := wc - 9 + wt - 7 + wk - 7 + wl - 10 + ws - 7
	nw := max(16, min(40, width-60-extra))                                                   // the name takes what the figures leave
	row := fmt.Sprintf("  %%-*s %%-10s %%-%ds %%%ds %%%ds %%%ds %%-%ds", wc, wt, wk, wl, ws) // i18n: a layout of symbols
	b.WriteString(st.Header.Render(common.Truncate(fmt.Sprintf(row, nw, h[0], h[1], h[2], h[3], h[4], h[5], h[6]), width)) + "\n")
	// the chosen campaign's measures first; the list gets what they leave
	// (at least its own line), so a 60×15 window still shows both
	detail := v.detail(c, width)
	list := max(1, height-2-strings.Count(detail, "\n"))
	first := max(0, min(v.cursor-list/2, len(v.outcomes)-list))
	for i := first; i < min(len(v.outcomes), first+list); i++ {
		o, r := v.outcomes[i], v.measured[i]
		lift := liftText(c, r)
		if !o.HasResponses {
			lift = noReplies
		}
		var channels []string
		for _, ch := range strings.Split(o.Channel, ", ") {
			channels = append(channels, c.Locale.Lookup(ch))
		}
		channel := strings.Join(channels, "+")
		line := fmt.Sprintf(row, nw, common.Truncate(o.Name, nw), date(c, o.Date), common.Truncate(channel, wc),
			c.Int(r.Treated.N), c.Int(r.Control.N), lift, c.Locale.Lookup(o.Source))
		line = common.Truncate(line, width)
		if i == v.cursor {
			line = st.Selected.Render(line)
		}
		b.WriteString(line + "\n")
	}
	if height-strings.Count(b.String(), "\n")-strings.Count(detail, "\n") > 0 {
		b.WriteString("\n")
	}
	b.WriteString(detail)
	// a window too small for every measure shows as many as fit
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	return strings.Join(lines[:min(len(lines), max(1, height))], "\n")
}

// liftText is a campaign's lift in percentage points, "—" when it was
// not measured.
func liftText(c *common.Common, r targeting.CampaignResult) string {
	if !r.Measured {
		return "—"
	}
	return c.T("%+.2f pt", 100*r.Lift)
}

// cells is the width of a word on screen.
func cells(s string) int { return ansi.StringWidth(s) }

// date writes an ISO day as c's language does (02/12/2026 in Spanish);
// anything else as it is.
func date(c *common.Common, iso string) string {
	d, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return c.Value(model.KindDate, float64(d.Unix()/86400))
}

// detail measures the chosen campaign: treated against control.
func (v *resultsView) detail(c *common.Common, width int) string {
	st := c.Styles
	o, r := v.outcomes[v.cursor], v.measured[v.cursor]
	var b strings.Builder
	b.WriteString(st.Title.Render(common.Truncate(o.Name, width-2)) + "\n")
	if !o.HasResponses {
		b.WriteString(st.Subtle.Render(common.Wrap(c.T(msgNoReplies, o.Name), width-4, "  ")) + "\n")
		return b.String()
	}
	h := [...]string{c.T("customers"), c.T("responded"), c.T("rate"), c.T("%s CI", "95%"), c.T("revenue")}
	wn, wr, wp := max(9, cells(h[0])), max(9, cells(h[1])), max(7, cells(h[2]))
	row := fmt.Sprintf("  %%-8s %%%ds %%%ds %%%ds  %%-15s %%9s", wn, wr, wp) // i18n: a layout of symbols
	arm := func(name string, a targeting.Arm) string {
		return fmt.Sprintf(row, name, c.Int(a.N), c.Int(a.Responses), c.Percent(a.Rate), c.Percent(a.Lo)+"–"+c.Percent(a.Hi), c.Money(a.Revenue))
	}
	b.WriteString(st.Header.Render(common.Truncate(fmt.Sprintf(row, "", h[0], h[1], h[2], h[3], h[4]), width)) + "\n")
	b.WriteString(common.Truncate(arm(c.T("treated"), r.Treated), width) + "\n")
	if r.Control.N == 0 {
		b.WriteString(st.Warn.Render(common.Truncate(c.T(msgNoControl), width)) + "\n")
		return b.String()
	}
	b.WriteString(common.Truncate(arm(c.T("control"), r.Control), width) + "\n")
	if !r.Measured {
		b.WriteString(st.Warn.Render(common.Truncate(c.T(msgNoneTreated), width)) + "\n")
		return b.String()
	}
	b.WriteString(resultLines(c, r, width))
	return b.String()
}

// resultLines is the measured effect of a campaign with a control group: the
// lift, incremental responses and revenue, cost per extra response and the
// incremental profit, each with its 95% interval.
func resultLines(c *common.Common, r targeting.CampaignResult, width int) string {
	st := c.Styles
	var b strings.Builder
	// cut by cells: a styled line's escape codes are not text
	line := func(s string) { b.WriteString(ansi.Truncate(s, width, "…") + "\n") }
	liftStyle := st.Good
	if r.LiftLo <= 0 {
		liftStyle = st.Warn // the interval reaches zero: the effect is not shown
	}
	line(liftStyle.Render(c.T("  lift %+.2f points (95%% CI %+.2f to %+.2f)", 100*r.Lift, 100*r.LiftLo, 100*r.LiftHi)))
	line(c.T("  incremental responses %.1f (95%% CI %.1f to %.1f)", r.IncrementalResponses, r.IncrementalResponsesLo, r.IncrementalResponsesHi))
	line(c.T("  incremental revenue %s%s", c.Amount(r.IncrementalRevenue), revenueCI(c, r, 0)))
	cpi := c.T("— (no incremental responses)")
	if r.HasCostPerIncremental {
		if r.CostPerIncrementalUnbounded {
			cpi = c.T("%s (95%% CI %s to no upper bound)", c.Amount(r.CostPerIncremental), c.Amount(r.CostPerIncrementalLo))
		} else {
			cpi = c.T("%s (95%% CI %s to %s)", c.Amount(r.CostPerIncremental), c.Amount(r.CostPerIncrementalLo), c.Amount(r.CostPerIncrementalHi))
		}
	}
	// wrapped rather than cut: the interval's end is its point
	cost := strings.TrimLeft(c.T("  cost %s · per incremental response %s", c.Amount(r.Cost), cpi), " ")
	for _, l := range strings.Split(common.Wrap(cost, width-2, "  "), "\n") {
		line("  " + l)
	}
	profit := r.IncrementalRevenue - r.Cost
	style := st.Good
	if profit <= 0 || r.RevenueInterval && r.IncrementalRevenueLo-r.Cost <= 0 {
		style = st.Warn // a loss, or an interval that reaches one
	}
	line(style.Render(c.T("  incremental revenue − cost %s%s", c.Amount(profit), revenueCI(c, r, r.Cost))))
	return b.String()
}

// revenueCI is the incremental revenue's interval less cost, or "" without one.
func revenueCI(c *common.Common, r targeting.CampaignResult, cost float64) string {
	if !r.RevenueInterval {
		return ""
	}
	return c.T(" (95%% CI %s to %s)", c.Amount(r.IncrementalRevenueLo-cost), c.Amount(r.IncrementalRevenueHi-cost))
}
