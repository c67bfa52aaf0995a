package campaign

import (
	"context"
	"fmt"
	"strings"

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

func (v *resultsView) view(st *common.Styles, width, height int) string {
	switch {
	case v.err != nil:
		return st.Error.Render(common.Wrap(v.err.Error(), width-4, "  "))
	case !v.have:
		return st.Subtle.Render("  reading campaigns…")
	case len(v.outcomes) == 0:
		return st.Subtle.Render(common.Wrap("No campaigns yet: the data has no campaign history, and no list was exported. Export one (e in the Plan view), then import who responded with `pulpero campaign responses`.", width-4, "  "))
	}
	var b strings.Builder
	nw := max(20, min(40, width-60)) // the name takes what the figures leave
	b.WriteString(st.Header.Render(common.Truncate(fmt.Sprintf("  %-*s %-10s %-9s %7s %7s %10s %-7s", nw, "campaign", "date", "channel", "treated", "control", "lift", "source"), width)) + "\n")
	// the chosen campaign's measures first; the list gets what they leave
	// (at least its own line), so a 60×15 window still shows both
	detail := v.detail(st, width)
	list := max(1, height-2-strings.Count(detail, "\n"))
	first := max(0, min(v.cursor-list/2, len(v.outcomes)-list))
	for i := first; i < min(len(v.outcomes), first+list); i++ {
		o, r := v.outcomes[i], v.measured[i]
		lift := "—"
		if r.Measured {
			lift = fmt.Sprintf("%+.2f pt", 100*r.Lift)
		}
		if !o.HasResponses {
			lift = "no replies"
		}
		channel := strings.ReplaceAll(o.Channel, ", ", "+")
		line := fmt.Sprintf("  %-*s %-10s %-9s %7s %7s %10s %-7s", nw, common.Truncate(o.Name, nw), o.Date, common.Truncate(channel, 9),
			common.Int(r.Treated.N), common.Int(r.Control.N), lift, o.Source)
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

// detail measures the chosen campaign: treated against control.
func (v *resultsView) detail(st *common.Styles, width int) string {
	o, r := v.outcomes[v.cursor], v.measured[v.cursor]
	var b strings.Builder
	b.WriteString(st.Title.Render(common.Truncate(o.Name, width-2)) + "\n")
	if !o.HasResponses {
		b.WriteString(st.Subtle.Render(common.Wrap("Exported by pulpero; who responded is not known yet. Import it with `pulpero campaign responses DB --campaign \""+o.Name+"\" --in responses.csv`, then press r.", width-4, "  ")) + "\n")
		return b.String()
	}
	arm := func(name string, a targeting.Arm) string {
		return fmt.Sprintf("  %-8s %9s %9s %7s  %-15s %9s", name, common.Int(a.N), common.Int(a.Responses), pct(a.Rate),
			pct(a.Lo)+"–"+pct(a.Hi), money(a.Revenue))
	}
	b.WriteString(st.Header.Render(common.Truncate(fmt.Sprintf("  %-8s %9s %9s %7s  %-15s %9s", "", "customers", "responded", "rate", "95% CI", "revenue"), width)) + "\n")
	b.WriteString(common.Truncate(arm("treated", r.Treated), width) + "\n")
	if r.Control.N == 0 {
		b.WriteString(common.Truncate(st.Warn.Render("  no control group: the lift cannot be measured, only the treated response rate"), width) + "\n")
		return b.String()
	}
	b.WriteString(common.Truncate(arm("control", r.Control), width) + "\n")
	if !r.Measured {
		b.WriteString(common.Truncate(st.Warn.Render("  nobody was treated: there is nothing to measure"), width) + "\n")
		return b.String()
	}
	b.WriteString(resultLines(st, r, width))
	return b.String()
}

// resultLines is the measured effect of a campaign with a control group: the
// lift, incremental responses and revenue, cost per extra response and the
// incremental profit, each with its 95% interval.
func resultLines(st *common.Styles, r targeting.CampaignResult, width int) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(common.Truncate(s, width) + "\n") }
	liftStyle := st.Good
	if r.LiftLo <= 0 {
		liftStyle = st.Warn // the interval reaches zero: the effect is not shown
	}
	line(liftStyle.Render(fmt.Sprintf("  lift %+.2f points (95%% CI %+.2f to %+.2f)", 100*r.Lift, 100*r.LiftLo, 100*r.LiftHi)))
	line(fmt.Sprintf("  incremental responses %.1f (95%% CI %.1f to %.1f)", r.IncrementalResponses, r.IncrementalResponsesLo, r.IncrementalResponsesHi))
	line("  incremental revenue " + money(r.IncrementalRevenue) + revenueCI(r, 0))
	cpi := "— (no incremental responses)"
	if r.HasCostPerIncremental {
		hi := "no upper bound"
		if !r.CostPerIncrementalUnbounded {
			hi = money(r.CostPerIncrementalHi)
		}
		cpi = fmt.Sprintf("%s (95%% CI %s to %s)", money(r.CostPerIncremental), money(r.CostPerIncrementalLo), hi)
	}
	line(fmt.Sprintf("  cost %s · per incremental response %s", money(r.Cost), cpi))
	profit := r.IncrementalRevenue - r.Cost
	style := st.Good
	if profit <= 0 || r.RevenueInterval && r.IncrementalRevenueLo-r.Cost <= 0 {
		style = st.Warn // a loss, or an interval that reaches one
	}
	line(style.Render("  incremental revenue − cost " + money(profit) + revenueCI(r, r.Cost)))
	return b.String()
}

// revenueCI is the incremental revenue's interval less cost, or "" without one.
func revenueCI(r targeting.CampaignResult, cost float64) string {
	if !r.RevenueInterval {
		return ""
	}
	return fmt.Sprintf(" (95%% CI %s to %s)", money(r.IncrementalRevenueLo-cost), money(r.IncrementalRevenueHi-cost))
}

func pct(x float64) string   { return fmt.Sprintf("%.1f%%", 100*x) }
func money(x float64) string { return common.Money(x) }
