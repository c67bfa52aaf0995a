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

// formOp is an operator as offered in the form (label, a catalogue
// sentence); text is how the rule is written, in the canonical language,
// with _ where the value goes; pick means values are chosen from the
// categories; none means it takes no value.
type formOp struct {
	label, text string
	pick, none  bool
}

// The rule texts are the language's canonical keywords, not for reading:
// the rule is shown back in the user's language once parsed.
const (
	opIsEmpty    = "is empty"     // i18n: the language's keyword
	opIsNotEmpty = "is not empty" // i18n: the language's keyword
	opContains   = "contains _"
	opStarts     = "starts with _" // i18n: the language's keyword
	opInLast     = "in the last _" // i18n: the language's keyword
)

func opsFor(c model.Column) []formOp {
	switch k := c.Meta().Kind; {
	case k == model.KindBoolean:
		return []formOp{{label: msgIsYes, text: "= yes", none: true}, {label: msgIsNo, text: "= no", none: true},
			{label: msgIsEmpty, text: opIsEmpty, none: true}}
	case k == model.KindCategorical:
		return []formOp{{label: msgIsOneOf, text: "in", pick: true}, {label: msgIsNoneOf, text: "not in", pick: true}, // i18n: keywords
			{label: msgContains, text: opContains}, {label: msgStartsWith, text: opStarts},
			{label: msgIsEmpty, text: opIsEmpty, none: true}, {label: msgIsNotEmpty, text: opIsNotEmpty, none: true}}
	case k == model.KindDate || k == model.KindDateTime:
		return []formOp{{label: msgBefore, text: "before _"}, {label: msgAfter, text: "after _"},
			{label: msgDateBetween, text: "between _"},
			{label: msgInTheLast, text: opInLast}, {label: msgThisYear, text: "in this year", none: true}, // i18n: keywords
			{label: msgThisMonth, text: "in this month", none: true}, {label: msgIsEmpty, text: opIsEmpty, none: true}} // i18n: keywords
	case k.Numeric() || k == model.KindIdentifier && isNumber(c):
		return []formOp{{label: ">", text: "> _"}, {label: ">=", text: ">= _"}, {label: "<", text: "< _"}, {label: "<=", text: "<= _"},
			{label: "=", text: "= _"}, {label: "!=", text: "!= _"}, {label: msgNumBetween, text: "between _"},
			{label: msgIsEmpty, text: opIsEmpty, none: true}, {label: msgIsNotEmpty, text: opIsNotEmpty, none: true}}
	}
	return []formOp{{label: msgContains, text: opContains}, {label: msgStartsWith, text: opStarts},
		{label: "=", text: "= _"}, {label: msgIsEmpty, text: opIsEmpty, none: true}}
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
			out = append(out, m.t(msgKindInParens, c.Meta().Name, m.t(c.Meta().Kind.String())))
		}
		return out
	case 1:
		var out []string
		for _, o := range m.formOps() {
			out = append(out, m.t(o.label))
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
			m.input.Prompt = m.t(msgPromptValue)
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
	m.input.Prompt = m.t(msgPromptRule)
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
	case op.text == opInLast:
		return v // 90 days, 90 días: the parser reads both
	case strings.HasPrefix(op.text, "between"):
		lo, hi, _ := cutAnd(v)
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
	crumbs := []string{m.t(msgAttribute)}
	if f.step > 0 {
		crumbs = []string{m.formColumn().Meta().Name, m.t(msgOperator)}
	}
	if f.step > 1 {
		crumbs = []string{m.formColumn().Meta().Name, m.t(m.formOps()[f.op].label), m.t(msgValue)}
	}
	out := []string{st.Header.Render(m.t(msgAddARule)) + st.Subtle.Render("  "+strings.Join(crumbs, " › ")+m.t(msgFormKeys))}
	items := m.formItems()
	if items == nil {
		return append(out, "  "+m.input.View())
	}
	if f.step == 2 {
		out[0] += st.Subtle.Render(m.t(msgFormPick))
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

// cutAnd splits the two ends of between as typed: "10 and 20", or in
// Spanish "10 y 20" (the form says to type them so).
func cutAnd(v string) (lo, hi string, ok bool) {
	for _, sep := range []string{" and ", " y ", " e "} {
		if lo, hi, ok := strings.Cut(v, sep); ok {
			return lo, hi, true
		}
	}
	return v, "", false
}
