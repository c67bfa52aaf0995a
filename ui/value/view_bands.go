package value

import (
	"strconv"

	"github.com/charmbracelet/x/ansi"
	"github.com/pulpero/pulpero/app"
	"github.com/pulpero/pulpero/ui/common"
)

// bandsView is the distribution of P(alive) and of clv in bands: the
// customers and the clv of each, a bar of its share of the customers;
// the band under the cursor's rule goes to Segments with enter.
func (m *Model) bandsView(w, h int) []string {
	st, r := m.common.Styles, m.rep
	lines := m.header(w)
	total := 0
	for _, b := range r.PAlive {
		total += b.Customers
	}
	titlePA, titleCLV := m.t(msgBandsPAlive), m.t(msgBandsCLV)
	const cnt, money = 9, 11
	lab := max(14, ansi.StringWidth(titlePA)-1, ansi.StringWidth(titleCLV)-1) // a title may run over the labels' gap
	bw := max(4, w-lab-cnt-money-6)
	row := func(k int, b app.ValueBand) string {
		share := 0.0
		if total > 0 {
			share = float64(b.Customers) / float64(total)
		}
		l := " " + common.Pad(m.num(b.Label), lab) + " " + common.PadLeft(m.common.Int(b.Customers), cnt) + " " +
			common.Pad(common.Bar(share, bw), bw) + " " + common.PadLeft(m.common.Money(b.CLV), money)
		if k == m.band {
			return st.Selected.Render(l)
		}
		return l
	}
	head := func(title string) string {
		return st.Header.Render(common.Pad(title, lab+1)) + " " + st.Subtle.Render(common.PadLeft(m.t(colCount), cnt)+" "+
			common.Pad("", bw)+" "+common.PadLeft(colCLV, money))
	}
	lines = append(lines, head(titlePA))
	for k, b := range r.PAlive {
		lines = append(lines, row(k, b))
	}
	if len(r.CLV) > 0 {
		lines = append(lines, head(titleCLV))
		for k, b := range r.CLV {
			lines = append(lines, row(len(r.PAlive)+k, b))
		}
	} else if r.SpendError != "" {
		lines = append(lines, st.Warn.Render(m.t(msgNoCLV, m.errSay(m.v.SpendErr, r.SpendError))))
	}
	bands := append(append([]app.ValueBand(nil), r.PAlive...), r.CLV...)
	detail := ""
	if m.band < len(bands) {
		detail = m.t(msgBandDetail, m.common.RuleText(bands[m.band].Rule))
	}
	// keep the cursor's band and the detail line in the window
	body := lines[2:]
	room := max(1, h-3)
	if len(body) > room {
		first := max(0, min(len(body)-room, m.cursorLine(len(r.PAlive))-room/2))
		body = body[first : first+room]
	}
	return append(append(lines[:2:2], body...), st.Subtle.Render(detail))
}

// cursorLine is the line of the band under the cursor among the bands
// view's body lines (a title line above each list).
func (m *Model) cursorLine(pAlive int) int {
	if m.band < pAlive {
		return 1 + m.band
	}
	return 2 + m.band
}

// customersView lists the customers with the highest clv (the highest
// expected purchases without a spend model), scrolled with ↑↓.
func (m *Model) customersView(w, h int) []string {
	st, r := m.common.Styles, m.rep
	lines := []string{st.Title.Render(m.t(msgTopTitle))}
	if len(r.Top) == 0 {
		return append(lines, "  "+m.t(msgNoTop))
	}
	key := 10
	for _, c := range r.Top {
		key = max(key, len([]rune(c.Customer)))
	}
	key = min(key, max(8, w-56))
	cols := []struct {
		name  string
		width int
	}{{colX, 4}, {"t_x", 7}, {"T", 7}, {m.t(colPAlive), max(8, ansi.StringWidth(m.t(colPAlive)))}, {m.t(colExpected), max(7, ansi.StringWidth(m.t(colExpected)))},
		{m.t(colValue), 9}, {colCLV, 10}}
	head := common.Pad(m.t(colCustomer), key)
	for _, c := range cols {
		head += " " + common.PadLeft(c.name, c.width)
	}
	lines = append(lines, st.Header.Render(head))
	room := max(1, h-len(lines)-1)
	end := min(len(r.Top), m.scroll+room)
	for _, c := range r.Top[m.scroll:end] {
		cells := []string{strconv.Itoa(c.X), m.num(strconv.FormatFloat(c.Tx, 'f', 1, 64)), m.num(strconv.FormatFloat(c.T, 'f', 1, 64)),
			m.num(strconv.FormatFloat(c.PAlive, 'f', 3, 64)), m.num(strconv.FormatFloat(c.ExpectedPurchases, 'f', 2, 64)),
			m.common.Money(c.ExpectedValue), m.common.Money(c.CLV)}
		l := common.Pad(c.Customer, key)
		for k, v := range cells {
			l += " " + common.PadLeft(v, cols[k].width)
		}
		lines = append(lines, l)
	}
	if rest := len(r.Top) - end; rest > 0 {
		lines = append(lines, st.Subtle.Render(m.t(msgHidden, rest)))
	}
	return lines
}
