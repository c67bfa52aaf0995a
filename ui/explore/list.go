package explore

import (
	"strings"

	"github.com/pulpero/pulpero/model"
	"github.com/pulpero/pulpero/ui/common"
)

// kindShort names kinds in four cells for the attribute list (five in
// Spanish: see kindWidth).
var kindShort = map[model.Kind]string{
	model.KindInteger: msgInt, model.KindReal: msgReal, model.KindCategorical: msgCat,
	model.KindBoolean: msgBool, model.KindDate: msgDate, model.KindDateTime: msgTime,
	model.KindIdentifier: msgID, model.KindText: msgText,
}

// kindWidth is the width of the list's kind column: its header's and its
// short names', at least four cells.
func (m *Model) kindWidth() int {
	w := max(4, len([]rune(m.T(msgKind))))
	for _, s := range kindShort {
		w = max(w, len([]rune(m.T(s))))
	}
	return w
}

// listWidth is the width of the attribute list: two fifths of the window,
// within what keeps names readable and leaves the chart room. Below 80
// columns the list drops its nulls and unique columns (compact), so the
// bars keep room to be read.
func (m *Model) listWidth() int {
	if m.compact() {
		return 22
	}
	return max(34, min(42, m.width*2/5))
}

// compact reports a window too narrow for the list's statistics.
func (m *Model) compact() bool { return m.width < 80 }

// paneWidth is what is left right of the list and its separator.
func (m *Model) paneWidth() int { return max(20, m.width-m.listWidth()-3) }

// listRows is how many attributes fit under the list's header.
func (m *Model) listRows() int { return max(1, m.height-1) }

// listView renders the attribute list as exactly listWidth-wide lines.
func (m *Model) listView() []string {
	st := m.common.Styles
	w, kw := m.listWidth(), m.kindWidth()
	nameW := w - 15 - kw
	head := common.Pad(m.T(msgAttribute), nameW) + " " + common.Pad(m.T(msgKind), kw) + " " +
		common.PadLeft(m.T(msgNulls), 6) + " " + common.PadLeft(m.T(msgUnique), 6)
	if m.compact() {
		nameW = w - 1 - kw
		head = common.Pad(m.T(msgAttribute), nameW) + " " + m.T(msgKind)
	}
	ds := m.data()
	lines := []string{st.Header.Render(common.Pad(head, w))}
	for i := m.top; i < min(len(ds.Columns), m.top+m.listRows()); i++ {
		lines = append(lines, m.listLine(i, nameW, w))
	}
	return lines
}

func (m *Model) listLine(i, nameW, w int) string {
	st := m.common.Styles
	c := m.data().Columns[i]
	meta := c.Meta()
	name := meta.Name
	if meta.Derived {
		name = "*" + name // derived by pulpero, not stored
	}
	s := m.stats[i]
	nulls := "0"
	if n := c.Len(); n > 0 && s.nulls > 0 {
		nulls = m.common.Percent(float64(s.nulls) / float64(n))
	}
	distinct := "…"
	if s.distinct >= 0 {
		distinct = m.short(float64(s.distinct))
	}
	line := common.Pad(name, nameW) + " " + common.Pad(m.T(kindShort[meta.Kind]), m.kindWidth())
	if !m.compact() {
		line += " " + common.PadLeft(nulls, 6) + " " + common.PadLeft(distinct, 6)
	}
	line = common.Pad(line, w)
	switch {
	case i == m.cursor:
		return st.Selected.Render(line)
	case m.view == viewPick && i == m.xt.first:
		return st.Key.Render(line)
	}
	return line
}

// join puts the list and the pane side by side with a separator; both are
// padded to their widths so the columns line up whatever the content.
func (m *Model) join(left, right []string) string {
	st := m.common.Styles
	n := max(len(left), len(right))
	lw := m.listWidth()
	var b strings.Builder
	for i := 0; i < min(n, m.height); i++ {
		l := strings.Repeat(" ", lw)
		if i < len(left) {
			l = left[i]
		}
		b.WriteString(l + st.Subtle.Render(" │ "))
		if i < len(right) {
			b.WriteString(right[i])
		}
		if i < min(n, m.height)-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}
