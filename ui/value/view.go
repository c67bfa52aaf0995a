package value

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

// View draws the screen at its size: every line is cut to the width and
// there are never more lines than the height.
func (m *Model) View() string {
	w, h := max(20, m.width), max(3, m.height)
	var lines []string
	switch {
	case m.job != nil:
		lines = m.runningView(w)
	case m.v == nil:
		lines = m.wrapped(w, "", m.common.Styles.Title.Render(m.t(msgNone)), m.t(msgNoneHow))
	case m.v.Err != nil:
		lines = m.wrapped(w, "", m.common.Styles.Title.Render(m.t(msgFailed)), m.errSay(m.v.Err, m.rep.Error))
	case m.view == viewTracking:
		lines = m.trackingView(w, h)
	case m.view == viewByRepeat:
		lines = m.byRepeatView(w, h)
	case m.view == viewBands:
		lines = m.bandsView(w, h)
	case m.view == viewCustomers:
		lines = m.customersView(w, h)
	default:
		lines = m.overview(w)
	}
	if m.field != fieldNone {
		f := common.FieldLines(&m.input, w)
		lines = append(lines[:max(0, min(len(lines), h-len(f)))], f...)
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "…")
	}
	return strings.Join(lines, "\n")
}

// wrapped lays texts out as paragraphs of width w.
func (m *Model) wrapped(w int, texts ...string) []string {
	var lines []string
	for _, t := range texts {
		if t == "" {
			lines = append(lines, "")
			continue
		}
		for _, l := range strings.Split(common.Wrap(t, w-2, ""), "\n") {
			lines = append(lines, "  "+l)
		}
	}
	return lines
}

// runningView is the computation's stage and how far it is.
func (m *Model) runningView(w int) []string {
	st := m.common.Styles
	p := m.progress
	lines := []string{"", "  " + st.Title.Render(m.t(msgRunning)), ""}
	stage := p.Stage
	if stage == "" {
		stage = app.StageValueRead
	}
	stage = m.t(stage)
	switch {
	case p.Total > 0:
		share := float64(p.Done) / float64(p.Total)
		barW := max(10, min(40, w-12))
		lines = append(lines, "  "+stage, fmt.Sprintf("  %s %s", st.Bar.Render(common.Pad(common.Bar(share, barW), barW)), m.common.Percent(share)))
	case p.Done > 0:
		lines = append(lines, "  "+m.t(msgStageCount, stage, p.Done))
	default:
		lines = append(lines, "  "+stage)
	}
	return append(lines, "", "  "+st.Subtle.Render(m.t(msgEscCancels)))
}

// header is the lines every result view starts with: as of when, over
// which horizon and discount, and how many customers the models describe.
// When the first line is wider than the window, the date loses its
// parenthesis rather than the discount its rate.
func (m *Model) header(w int) []string {
	st, r := m.common.Styles, m.rep
	asOf := m.t(msgAsOfLast, m.day(r.AsOf))
	if r.AsOfSet {
		asOf = m.t(msgAsOfSet, m.day(r.AsOf))
	}
	sep := st.Subtle.Render(" · ")
	setup := st.Subtle.Render(m.t(msgSetup, r.HorizonDays, m.discountText(r.DiscountRate, r.DiscountDays)))
	first := st.Title.Render(asOf) + sep + setup
	if ansi.StringWidth(first) > w {
		first = st.Title.Render(m.t(msgAsOfShort, m.day(r.AsOf))) + sep + setup
	}
	c := r.Customers
	return []string{
		first,
		st.Subtle.Render(m.t(msgCustomers, m.common.Int(c.Modelled), m.common.Int(c.Customers), m.common.Int(c.RepeatBuyers), m.t(r.Unit))),
	}
}

// titled is a model's title with its fit line beside it, or below it
// when the window is too narrow for both.
func titled(title, detail string, w int) []string {
	if ansi.StringWidth(title)+2+ansi.StringWidth(detail) <= w {
		return []string{title + "  " + detail}
	}
	return []string{title, "  " + detail}
}

// overview: the fitted models with their standard errors and
// diagnostics, the totals of the predictions and the validation's two
// figures.
func (m *Model) overview(w int) []string {
	st, r := m.common.Styles, m.rep
	lines := m.header(w)
	if bg := r.BGNBD; bg != nil {
		lines = append(lines, "")
		lines = append(lines, titled(st.Header.Render(m.t(msgBG)), st.Subtle.Render(m.t(msgFitLine, m.llText(bg.LogLikelihood), m.common.Int(bg.Unique), bg.Iterations)), w)...)
		lines = append(lines, m.params(bg)...)
	}
	if pn := r.ParetoNBD; pn != nil {
		lines = append(lines, titled(st.Header.Render(msgPareto), st.Subtle.Render(m.t(msgFitLine, m.llText(pn.LogLikelihood), m.common.Int(pn.Unique), pn.Iterations))+
			" · "+m.t(msgBetter, r.Better), w)...)
	} else if r.ParetoErr != "" {
		lines = append(lines, st.Warn.Render(msgPareto+": "+m.errSay(m.v.ParetoErr, r.ParetoErr)))
	}
	if g := r.GammaGamma; g != nil {
		lines = append(lines, titled(st.Header.Render(m.t(msgGG)), st.Subtle.Render(m.t(msgGGLine, m.llText(g.LogLikelihood), m.common.Int(g.Customers), m.common.Int(g.Excluded))), w)...)
		lines = append(lines, m.params(&g.ModelFit)...)
		rho, mean := m.num(strconv.FormatFloat(g.Correlation, 'f', 3, 64)), m.common.Amount(g.PopulationMean)
		corr := m.t(msgGGCheck, rho, mean)
		if ansi.StringWidth(corr)+2 > w {
			corr = m.t(msgGGCheckShort, rho, mean) // under the title that says it is a purchase day's
		}
		if g.Correlation > 0.3 || g.Correlation < -0.3 {
			corr = st.Warn.Render(corr)
		}
		lines = append(lines, "  "+corr)
	}
	if r.SpendError != "" {
		lines = append(lines, m.wrapped(w, st.Warn.Render(m.t(msgNoSpend, m.errSay(m.v.SpendErr, r.SpendError))))...)
	}
	lines = append(lines, "")
	if t := r.Totals; t != nil {
		lines = append(lines, st.Title.Render(m.t(msgPred, r.HorizonDays, m.num(strconv.FormatFloat(t.MeanPAlive, 'f', 3, 64)),
			m.common.Int(int(t.ExpectedPurchases+0.5)), m.common.Amount(t.CLV))))
	}
	switch v := r.Validation; {
	case v != nil:
		lines = append(lines, m.t(msgValSummary, m.num(strconv.FormatFloat(v.TotalErrorPct, 'f', 1, 64)), m.corrText(v.Correlation)))
	case r.ValidErr != "":
		lines = append(lines, st.Warn.Render(m.t(msgValFailed, m.errSay(m.v.ValidationErr, r.ValidErr))))
	}
	hint := msgAddHint
	if m.added {
		hint = msgInData
	}
	lines = append(lines, st.Subtle.Render(m.t(hint)))
	if r.ParetoNBD == nil && r.ParetoErr == "" {
		lines = append(lines, st.Subtle.Render(m.t(msgParetoHint)))
	}
	return lines
}

// params lists a model's parameters with their standard errors and 95%
// intervals, one to a line.
func (m *Model) params(f *app.ModelFit) []string {
	st := m.common.Styles
	cells := make([]string, len(f.Params))
	for i, p := range f.Params {
		if !p.Identified {
			cells[i] = fmt.Sprintf("%-6s %-8s %s", p.Name, m.sig(p.Value), st.Warn.Render(m.t(msgNotID)))
			continue
		}
		cells[i] = fmt.Sprintf("%-6s %-9s ± %-8s (%s – %s)", p.Name, m.sig(p.Value), m.sig(p.SE), m.sig(p.Lower), m.sig(p.Upper))
	}
	lines := make([]string, 0, len(cells)+1)
	for _, c := range cells {
		lines = append(lines, "  "+c)
	}
	if f.Warning != "" {
		lines = append(lines, "  "+st.Warn.Render(m.say(f.Warning)))
	}
	return lines
}

// sig writes a parameter with four significant digits.
func (m *Model) sig(x float64) string { return m.num(strconv.FormatFloat(x, 'g', 4, 64)) }

// discountText states a discount rate as app.DiscountText does, in the
// user's language: "1% per 30 days".
func (m *Model) discountText(rate float64, periodDays int) string {
	return m.t(app.TextDiscount, m.num(strconv.FormatFloat(100*rate, 'g', 4, 64)), periodDays)
}

// llText writes a log-likelihood with one decimal and thousands
// separators: -64,565.9 (-64.565,9 in Spanish).
func (m *Model) llText(x float64) string {
	t := strconv.FormatFloat(x, 'f', 1, 64)
	sign := ""
	if strings.HasPrefix(t, "-") {
		sign, t = "-", t[1:]
	}
	whole, frac, _ := strings.Cut(t, ".")
	n, err := strconv.Atoi(whole)
	if err != nil {
		return sign + m.num(t)
	}
	return sign + m.common.Int(n) + m.num("."+frac)
}

// corrText writes a correlation, or says it is undefined.
func (m *Model) corrText(c *float64) string {
	if c == nil {
		return m.t(msgUndefined)
	}
	return m.num(strconv.FormatFloat(*c, 'f', 3, 64))
}
