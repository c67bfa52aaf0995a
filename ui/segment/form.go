package segment

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/model"
	seg "github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/ui/common"
)

// The form builds a rule by choosing instead of typing: an attribute, an
// operator that suits its kind, then values (picked from the categories, or
// typed). It writes the rule in the language and hands it to the same path
// as a typed rule, so both give the same rule tree.
type form struct {
	step   int // 0 attribute, 1 operator, 2 values
	attr   int // index into the dataset's columns
	op     int // index into ops()
	cursor int
	picked map[int]bool // categories chosen (step 2 of in / not in)
}

// formOp is an operator as offered in the form; text is how the rule is
// written, with _ where the value goes; pick means values are chosen from
// the categories; none means it takes no value.
type formOp struct {
	label, text string
	pick, none  bool
}

func opsFor(c model.Column) []formOp {
	switch k := c.Meta().Kind; {
	case k == model.KindBoolean:
		return []formOp{{label: "is yes", text: "= yes", none: true}, {label: "is no", text: "= no", none: true},
			{label: "is empty", text: "is empty", none: true}}
	case k == model.KindCategorical:
		return []formOp{{label: "is one of", text: "in", pick: true}, {label: "is none of", text: "not in", pick: true},
			{label: "contains", text: "contains _"}, {label: "starts with", text: "starts with _"},
			{label: "is empty", text: "is empty", none: true}, {label: "is not empty", text: "is not empty", none: true}}
	case k == model.KindDate || k == model.KindDateTime:
		return []formOp{{label: "before", text: "before _"}, {label: "after", text: "after _"},
			{label: "between (type: 2024-01-01 and 2024-06-30)", text: "between _"},
			{label: "in the last (type: 90 days)", text: "in the last _"}, {label: "this year", text: "in this year", none: true},
			{label: "this month", text: "in this month", none: true}, {label: "is empty", text: "is empty", none: true}}
	case k.Numeric() || k == model.KindIdentifier && isNumber(c):
		return []formOp{{label: ">", text: "> _"}, {label: ">=", text: ">= _"}, {label: "<", text: "< _"}, {label: "<=", text: "<= _"},
			{label: "=", text: "= _"}, {label: "!=", text: "!= _"}, {label: "between (type: 10 and 20)", text: "between _"},
			{label: "is empty", text: "is empty", none: true}, {label: "is not empty", text: "is not empty", none: true}}
	}
	return []formOp{{label: "contains", text: "contains _"}, {label: "starts with", text: "starts with _"},
		{label: "=", text: "= _"}, {label: "is empty", text: "is empty", none: true}}
}

func isNumber(c model.Column) bool { _, ok := c.(*model.NumberColumn); return ok }

func (m *Model) formColumn() model.Column { return m.data().Columns[m.form.attr] }

func (m *Model) formOps() []formOp { return opsFor(m.formColumn()) }

// formItems are the choices of the current step (nil when typing values).
func (m *Model) formItems() []string {
	switch m.form.step {
	case 0:
		var out []string
		for _, c := range m.data().Columns {
			out = append(out, c.Meta().Name+"  ("+c.Meta().Kind.String()+")")
		}
		return out
	case 1:
		var out []string
		for _, o := range m.formOps() {
			out = append(out, o.label)
		}
		return out
	}
	if c, ok := m.formColumn().(*model.CodedColumn); ok && m.formOps()[m.form.op].pick {
		return c.Dict
	}
	return nil
}

// formTyping is the value step of an operator whose value is typed.
func (m *Model) formTyping() bool {
	return m.mode == modeForm && m.form.step == 2 && m.formItems() == nil
}

func (m *Model) formKey(msg tea.KeyPressMsg) tea.Cmd {
	f := &m.form
	items := m.formItems()
	switch {
	case key.Matches(msg, m.keys.Cancel):
		if f.step == 0 {
			m.mode = modeRules
			return nil
		}
		f.step--
		f.cursor = map[int]int{0: f.attr, 1: f.op}[f.step]
		return nil
	case key.Matches(msg, m.keys.Accept):
		return m.formNext()
	case m.formTyping():
		m.input.Update(msg)
	case key.Matches(msg, m.keys.Up):
		f.cursor = max(0, f.cursor-1)
	case key.Matches(msg, m.keys.Down):
		f.cursor = min(len(items)-1, f.cursor+1)
	case msg.String() == "space" && f.step == 2:
		f.picked[f.cursor] = !f.picked[f.cursor]
	}
	return nil
}

// formNext accepts the current step; the last step writes the rule.
func (m *Model) formNext() tea.Cmd {
	f := &m.form
	switch f.step {
	case 0:
		f.attr, f.op, f.step, f.cursor = f.cursor, 0, 1, 0
		return nil
	case 1:
		f.op, f.step, f.cursor, f.picked = f.cursor, 2, 0, map[int]bool{}
		if !m.formOps()[f.op].none {
			m.input.Prompt = "value> "
			m.input.SetValue("")
			m.input.Focus()
			return nil
		}
	}
	return m.formRule()
}

// formRule writes the rule and sends it down the typed path: if it does not
// parse (a mistyped value), the analyst lands in the text with the caret.
func (m *Model) formRule() tea.Cmd {
	f := &m.form
	col, op := m.formColumn(), m.formOps()[f.op]
	text := op.text
	switch {
	case op.pick:
		dict := col.(*model.CodedColumn).Dict
		var vals []string
		for i, d := range dict {
			if f.picked[i] || len(f.picked) == 0 && i == f.cursor {
				vals = append(vals, seg.Quote(d))
			}
		}
		text += " (" + strings.Join(vals, ", ") + ")"
	case !op.none:
		text = strings.Replace(text, "_", m.formValue(col, op), 1)
	}
	rule := seg.Name(col.Meta().Name) + " " + text
	m.mode, m.editing = modeEdit, -1
	m.input.Prompt = "rule> "
	m.input.SetValue(rule)
	return m.acceptRule()
}

// formValue quotes what was typed as the column's kind needs: numbers bare,
// dates and text in quotes; "x and y" for between, "90 days" for in the last.
func (m *Model) formValue(col model.Column, op formOp) string {
	v := strings.TrimSpace(m.input.Value())
	quote := func(s string) string {
		s = strings.TrimSpace(s)
		if isNumber(col) && col.Meta().Kind != model.KindDate && col.Meta().Kind != model.KindDateTime {
			return s
		}
		return seg.Quote(strings.Trim(s, `"'`))
	}
	switch {
	case strings.HasPrefix(op.text, "in the last"):
		return v
	case strings.HasPrefix(op.text, "between"):
		lo, hi, _ := strings.Cut(v, " and ")
		return quote(lo) + " and " + quote(hi)
	}
	return quote(v)
}

func (m *Model) startForm() {
	m.mode, m.form = modeForm, form{picked: map[int]bool{}}
}

// formView draws the current step under the rules.
func (m *Model) formView(room int) []string {
	st := m.common.Styles
	f := m.form
	crumbs := []string{"attribute"}
	if f.step > 0 {
		crumbs = []string{m.formColumn().Meta().Name, "operator"}
	}
	if f.step > 1 {
		crumbs = []string{m.formColumn().Meta().Name, m.formOps()[f.op].label, "value"}
	}
	out := []string{st.Header.Render("Add a rule") + st.Subtle.Render("  "+strings.Join(crumbs, " › ")+"  · enter chooses · esc goes back")}
	items := m.formItems()
	if items == nil {
		return append(out, "  "+m.input.View())
	}
	if f.step == 2 {
		out[0] += st.Subtle.Render(" · space picks several")
	}
	room = max(3, room-1)
	top := max(0, min(f.cursor-room/2, len(items)-room))
	for i := top; i < len(items) && i < top+room; i++ {
		mark := "  "
		if f.step == 2 && f.picked[i] {
			mark = "✓ "
		}
		line := "  " + mark + common.Truncate(items[i], max(10, m.width-8))
		if i == f.cursor {
			line = st.Selected.Render(line)
		}
		out = append(out, line)
	}
	return out
}
