package segment

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/pulpero/pulpero/analysis"
	seg "github.com/pulpero/pulpero/model/segment"
)

// previewMsg is the count of the segment as it would be with the rule
// being typed.
type previewMsg struct {
	seq  int
	size int
	err  error
}

// preview recounts the segment with the rule being typed, on every
// keystroke, so the analyst sees what a rule does before accepting it. An
// expression that does not parse yet shows what is still expected.
func (m *Model) preview() tea.Cmd {
	m.previewSeq++
	m.previewText, m.previewErr, m.previewWarn = "", false, nil
	expr := strings.TrimSpace(m.input.Value())
	if expr == "" {
		return nil
	}
	add, err := m.parseRules(expr)
	if err != nil {
		var e *seg.Error
		if ok := asSegError(err, &e); ok {
			m.previewText = m.common.Locale.Say(e.Msg)
		} else {
			m.previewText = m.sayErr(err)
		}
		m.previewErr = true
		return nil
	}
	// a value no customer has is most often a typo: say so while typing,
	// with the closest values, as the command line does
	m.previewWarn = m.eval.WarningSentences(seg.Join(add))
	rules := append([]seg.Node(nil), m.rules...)
	if i := m.editing; i >= 0 && i < len(rules) {
		rules = append(rules[:i], append(add, rules[i+1:]...)...)
	} else {
		rules = append(rules, add...)
	}
	tree, ev, seq := seg.Join(rules), m.eval, m.previewSeq
	if m.small() {
		m.gotPreview(countTree(ev, tree, seq))
		return nil
	}
	m.previewText = m.t(msgCounting)
	return func() tea.Msg { return countTree(ev, tree, seq) }
}

func countTree(ev *analysis.Evaluator, tree seg.Node, seq int) previewMsg {
	t, err := ev.Eval(tree)
	if err != nil {
		return previewMsg{seq: seq, err: err}
	}
	return previewMsg{seq: seq, size: t.True.Count()}
}

func (m *Model) gotPreview(msg previewMsg) {
	if msg.seq != m.previewSeq || m.mode != modeEdit {
		return // the text changed since: a newer count is coming
	}
	if msg.err != nil {
		m.previewText, m.previewErr = m.sayErr(msg.err), true
		return
	}
	m.previewText, m.previewErr = m.customers(msgPreview, msg.size), false
}
