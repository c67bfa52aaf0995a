package segment

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	seg "github.com/pulpero/pulpero/model/segment"
	"github.com/pulpero/pulpero/ui/common"
)

func itoa(n int) string { return strconv.Itoa(n) }

// change records the rules before an edit for undo, applies the new rules,
// and recounts. Every edit goes through here, so every edit can be undone.
func (m *Model) change(rules []seg.Node) tea.Cmd {
	m.undo = append(m.undo, m.rules)
	m.redo = nil
	return m.setRules(rules)
}

func (m *Model) setRules(rules []seg.Node) tea.Cmd {
	m.rules = rules
	m.cursor = min(max(m.cursor, 0), max(0, len(rules)-1))
	return m.recount()
}

// with returns a copy of the rules with f applied: rule slices are never
// changed in place, since the undo history shares them.
func (m *Model) with(f func(r []seg.Node) []seg.Node) []seg.Node {
	return f(append([]seg.Node(nil), m.rules...))
}

func (m *Model) rulesKey(msg tea.KeyPressMsg) tea.Cmd {
	k, n := m.keys, len(m.rules)
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = max(0, m.cursor-1)
	case key.Matches(msg, k.Down):
		m.cursor = min(max(0, n-1), m.cursor+1)
	case key.Matches(msg, k.Add):
		return m.startInput(modeEdit, -1, "")
	case n == 0 && (key.Matches(msg, k.Edit) || key.Matches(msg, k.Delete) || key.Matches(msg, k.Negate) ||
		key.Matches(msg, k.Group) || key.Matches(msg, k.MoveUp) || key.Matches(msg, k.MoveDown)):
		return common.Status(m.t(msgNoRulesYet), true)
	case key.Matches(msg, k.Group) && m.cursor+1 >= n:
		return common.Status(m.t(msgGroupLast), true)
	case key.Matches(msg, k.MoveUp) && m.cursor == 0:
		return common.Status(m.t(msgFirstRule), true)
	case key.Matches(msg, k.MoveDown) && m.cursor+1 >= n:
		return common.Status(m.t(msgLastRule), true)
	case key.Matches(msg, k.Edit) && n > 0:
		return m.startInput(modeEdit, m.cursor, m.show(m.rules[m.cursor]))
	case key.Matches(msg, k.Delete) && n > 0:
		i := m.cursor
		return m.change(m.with(func(r []seg.Node) []seg.Node { return append(r[:i], r[i+1:]...) }))
	case key.Matches(msg, k.Negate) && n > 0:
		i := m.cursor
		return m.change(m.with(func(r []seg.Node) []seg.Node {
			if not, ok := r[i].(*seg.Not); ok {
				r[i] = not.X
			} else {
				r[i] = &seg.Not{X: r[i]}
			}
			return r
		}))
	case key.Matches(msg, k.Group) && m.cursor+1 < n:
		i := m.cursor
		return m.change(m.with(func(r []seg.Node) []seg.Node {
			terms := []seg.Node{r[i]}
			if or, ok := r[i].(*seg.Or); ok {
				terms = append([]seg.Node(nil), or.Terms...)
			}
			r[i] = &seg.Or{Terms: append(terms, r[i+1])}
			return append(r[:i+1], r[i+2:]...)
		}))
	case key.Matches(msg, k.MoveUp) && m.cursor > 0:
		i := m.cursor
		m.cursor--
		return m.change(m.with(func(r []seg.Node) []seg.Node { r[i-1], r[i] = r[i], r[i-1]; return r }))
	case key.Matches(msg, k.MoveDown) && m.cursor+1 < n:
		i := m.cursor
		m.cursor++
		return m.change(m.with(func(r []seg.Node) []seg.Node { r[i+1], r[i] = r[i], r[i+1]; return r }))
	case key.Matches(msg, k.Undo):
		if len(m.undo) == 0 {
			return common.Status(m.t(msgNothingUndo), false)
		}
		m.redo = append(m.redo, m.rules)
		prev := m.undo[len(m.undo)-1]
		m.undo = m.undo[:len(m.undo)-1]
		return m.setRules(prev)
	case key.Matches(msg, k.Redo):
		if len(m.redo) == 0 {
			return common.Status(m.t(msgNothingRedo), false)
		}
		m.undo = append(m.undo, m.rules)
		next := m.redo[len(m.redo)-1]
		m.redo = m.redo[:len(m.redo)-1]
		return m.setRules(next)
	case key.Matches(msg, k.Save):
		if n == 0 {
			return common.Status(m.t(msgSaveNeedsRule), true)
		}
		m.nameFor = "save"
		return m.startInput(modeName, -1, m.name)
	case key.Matches(msg, k.List):
		m.mode = modeList
		return listCmd(m.common.Session.DB)
	case key.Matches(msg, k.Form) && len(m.data().Columns) > 0:
		m.startForm()
	case key.Matches(msg, m.pkeys.Open):
		m.mode, m.profileTop = modeProfile, 0
	case key.Matches(msg, k.New) && (n > 0 || m.name != ""):
		m.name = ""
		return m.change(nil)
	case key.Matches(msg, k.New):
		return common.Status(m.t(msgAlreadyNew), false)
	}
	return nil
}

func (m *Model) startInput(md mode, editing int, value string) tea.Cmd {
	m.mode, m.editing, m.inputErr = md, editing, ""
	m.input.Prompt = m.t(msgPromptRule)
	if md == modeName {
		m.input.Prompt = m.t(msgPromptSave)
	}
	m.input.SetValue(value)
	m.input.Focus()
	m.previewText = ""
	if md == modeEdit && value != "" {
		return m.preview()
	}
	return nil
}

func (m *Model) typingKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.mode, m.inputErr = modeRules, ""
		if m.nameFor == "rename" || m.nameFor == "duplicate" {
			m.mode, m.nameFor = modeList, ""
		}
		m.input.Blur()
		return nil
	case key.Matches(msg, m.keys.Accept):
		if m.mode == modeName {
			return m.acceptName()
		}
		return m.acceptRule()
	}
	before := m.input.Value()
	m.input.Update(msg)
	if m.mode == modeEdit && m.input.Value() != before {
		m.inputErr = "" // the caret pointed into text that has changed
		return m.preview()
	}
	return nil
}

// parseRules reads an expression into top-level rules, checked against the
// dataset; a rejected one leaves the caret block in inputErr.
func (m *Model) parseRules(expr string) ([]seg.Node, error) {
	n, err := seg.Parse(expr)
	if err == nil {
		err = m.eval.Check(n)
	}
	if err != nil {
		return nil, err
	}
	m.canonicalYesNo(n)
	return seg.Rules(n), nil
}

func (m *Model) acceptRule() tea.Cmd {
	add, err := m.parseRules(m.input.Value())
	if err != nil {
		m.inputErr = m.caret(m.input.Value(), err)
		return nil
	}
	m.mode, m.inputErr = modeRules, ""
	m.input.Blur()
	i := m.editing
	if i < 0 || i >= len(m.rules) {
		m.cursor = len(m.rules) + len(add) - 1
		return m.change(m.with(func(r []seg.Node) []seg.Node { return append(r, add...) }))
	}
	return m.change(m.with(func(r []seg.Node) []seg.Node {
		return append(r[:i], append(add, r[i+1:]...)...)
	}))
}

func (m *Model) acceptName() tea.Cmd {
	name := m.input.Value()
	if name == "" {
		m.inputErr = m.t(msgNeedsName)
		return nil
	}
	m.mode, m.inputErr = modeRules, ""
	m.input.Blur()
	if m.nameFor == "rename" || m.nameFor == "duplicate" {
		cmd := m.acceptManage(name)
		m.nameFor = ""
		return cmd
	}
	return saveCmd(m.common.Policy, m.common.Session, m.lib, name, m.tree())
}

// addFromElsewhere adds the condition another screen sent (Explore's
// selected bars), as an undoable edit.
func (m *Model) addFromElsewhere(expr string) tea.Cmd {
	add, err := m.parseRules(expr)
	if err != nil {
		return common.Status(m.t(msgCannotAdd, expr, m.sayErr(err)), true)
	}
	m.cursor = len(m.rules) + len(add) - 1
	return tea.Batch(m.change(m.with(func(r []seg.Node) []seg.Node { return append(r, add...) })),
		common.Status(m.t(msgAdded, m.shownExpr(expr, add)), false))
}

func (m *Model) listKey(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := m.savedKey(msg); ok {
		return cmd
	}
	switch {
	case key.Matches(msg, m.keys.Cancel), key.Matches(msg, m.keys.List):
		m.mode = modeRules
	case key.Matches(msg, m.keys.Up):
		m.listCursor = max(0, m.listCursor-1)
	case key.Matches(msg, m.keys.Down):
		m.listCursor = min(max(0, len(m.saved)-1), m.listCursor+1)
	case key.Matches(msg, m.keys.Apply) && len(m.saved) > 0:
		s := m.saved[m.listCursor]
		n, err := seg.Parse(s.Latest.Definition)
		if err != nil {
			return common.Status(s.Name+": "+m.sayErr(err), true)
		}
		m.mode, m.name, m.cursor = modeRules, s.Name, 0
		return m.change(seg.Rules(n))
	}
	return nil
}
